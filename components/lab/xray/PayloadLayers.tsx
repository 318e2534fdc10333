'use client'

import type { ReactNode } from 'react'
import { overlaps, type XrayModel, type XrayPart } from '@/lib/inspect/xray'
import { decodeUtf8Lossy } from '@/lib/stomp/utf8'
import styles from '../FrameXray.module.css'
import { partClass, selectHandlers, visible, type SelectionProps } from './xray-ui'

const STOMP_KIND: Readonly<Record<string, string>> = {
  command: 'command',
  header: 'header',
  blank: 'blank line',
  body: 'body',
  nul: 'NUL',
  heartbeat: 'heart-beat',
}

function Part({ part, children, props, className }: { part: XrayPart; children: ReactNode; props: SelectionProps; className?: string }) {
  const lit = props.selection !== null && overlaps(part, props.selection)
  return (
    <div
      className={`${styles.line} ${partClass(part)} ${lit ? styles.lit : ''} ${props.activeId === part.id ? styles.active : ''} ${className ?? ''}`}
      {...selectHandlers(part, props.onSelect)}
    >
      {children}
    </div>
  )
}

export function Layer({ title, hint, children, testId }: { title: string; hint: string; children: ReactNode; testId: string }) {
  return (
    <section className={styles.layer} data-testid={testId} aria-label={title}>
      <header className={styles.layerHead}>
        <p className={styles.layerTitle}>{title}</p>
        <p className={styles.layerHint}>{hint}</p>
      </header>
      {children}
    </section>
  )
}

/** STOMP, close, JSON or plain-text layers below the frame header, as the payload allows. */
export function PayloadLayers({ model, ...props }: { model: XrayModel } & SelectionProps) {
  const stomp = model.parts.filter((p) => p.layer === 'stomp')
  const json = model.parts.filter((p) => p.layer === 'json')
  const close = model.parts.filter((p) => p.layer === 'close')
  const payloadPart = model.parts.find((p) => p.id === 'ws-payload')
  const layers: ReactNode[] = []

  if (close.length > 0) {
    layers.push(
      <Layer key="close" title="Close frame" hint="A 2-octet status code, then an optional UTF-8 reason (RFC 6455 §5.5.1)." testId="xray-close">
        {close.map((p) => (
          <Part key={p.id} part={p} props={props}>
            <span className={styles.lineKind}>{p.label}</span>
            <code>{p.value}</code>
          </Part>
        ))}
      </Layer>,
    )
  }
  if (stomp.length > 0) {
    const rest = model.stomp?.rest ?? 0
    layers.push(
      <Layer key="stomp" title="STOMP frame" hint="Command line, header lines, a blank line, the body, and a NUL octet that ends the frame." testId="xray-stomp">
        {stomp.map((p) => (
          <Part key={p.id} part={p} props={props}>
            <span className={styles.lineKind}>{STOMP_KIND[p.label] ?? p.label}</span>
            <code className={styles.lineText}>{p.label === 'body' ? visible(p.value) : p.label === 'blank' || p.label === 'nul' ? <em>{p.value}</em> : p.value}</code>
          </Part>
        ))}
        {rest > 0 ? <p className={styles.small}>+ {rest} more octets after the first frame (heart-beats or further frames).</p> : null}
        {model.stomp?.problem ? <p className={styles.small}>Parser: {model.stomp.problem}</p> : null}
      </Layer>,
    )
  }
  if (json.length > 0 && model.json) {
    const [open, shut] = model.json.kind === 'object' ? ['{', '}'] : model.json.kind === 'array' ? ['[', ']'] : ['', '']
    layers.push(
      <Layer key="json" title="JSON body" hint="The body parsed as JSON, pretty-printed; each member points at its octets." testId="xray-json">
        <div className={styles.json}>
          {open ? <div className={styles.jsonBrace}>{open}</div> : null}
          {json.map((p, i) => (
            <Part key={p.id} part={p} props={props} className={open ? styles.jsonMember : undefined}>
              <pre className={styles.jsonText}>
                {p.value}
                {open && i < json.length - 1 ? ',' : ''}
              </pre>
            </Part>
          ))}
          {shut ? <div className={styles.jsonBrace}>{shut}</div> : null}
        </div>
      </Layer>,
    )
  }
  if (layers.length === 0 && payloadPart && model.payload.length > 0) {
    const text = decodeUtf8Lossy(model.payload)
    layers.push(
      <Layer key="text" title="Payload" hint="Neither STOMP nor JSON: the application data as text." testId="xray-text">
        <Part part={payloadPart} props={props}>
          <span className={styles.lineKind}>text</span>
          <code className={styles.lineText}>{visible(text)}</code>
        </Part>
      </Layer>,
    )
  }
  return <>{layers}</>
}
