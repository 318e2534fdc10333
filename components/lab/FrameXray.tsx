'use client'

import { useMemo, useState, type FormEvent } from 'react'
import type { WsFrameEvent } from '@/lib/inspect/events'
import { buildXray, inputFromEvent } from '@/lib/inspect/xray'
import { frameLabel, pairFrames } from '@/lib/inspect/xray-pairing'
import { useLabSocket, type LabEndpoint } from './useLabSocket'
import { HexDump } from './xray/HexDump'
import { HeaderLayer } from './xray/HeaderLayer'
import { Layer, PayloadLayers } from './xray/PayloadLayers'
import { useXraySelection } from './xray/useXraySelection'
import { partExplanation } from './xray/xray-ui'
import styles from './FrameXray.module.css'

const STOMP_CONNECT = 'CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\0'
const STOMP_DISCONNECT = 'DISCONNECT\n\n\0'
const MAX_CHIPS = 24

const PRESETS: Readonly<Record<LabEndpoint, readonly { label: string; text: string }[]>> = {
  echo: [
    { label: 'Hello', text: 'Hello' },
    { label: 'JSON', text: '{"text":"hi","n":1}' },
    { label: '200 octets', text: 'x'.repeat(200) },
    { label: 'ping', text: 'ping' },
  ],
  stomp: [
    { label: 'JSON body', text: '{"text":"hi","n":1}' },
    { label: 'Text body', text: 'Hello' },
    { label: '200-octet body', text: 'x'.repeat(200) },
  ],
}

function stompSend(destination: string, body: string): string {
  const json = /^\s*[[{]/.test(body)
  return `SEND\ndestination:${destination}\ncontent-type:${json ? 'application/json' : 'text/plain'}\n\n${body}\0`
}

export interface FrameXrayProps {
  /** /ws/echo (default: your message comes back) or /ws/stomp (your text is the body of a STOMP SEND). */
  readonly endpoint?: LabEndpoint
}

/**
 * One WebSocket message taken apart: octets (hex) → frame header bits → STOMP frame → JSON body.
 * The header fields and the masking key are the server's decoding of the real frame (`ws.frame`
 * events of the learner's own connection); hovering or focusing a part lights it in every layer.
 */
export function FrameXray({ endpoint = 'echo' }: FrameXrayProps) {
  const stomp = endpoint === 'stomp'
  const [destination] = useState(() => `/topic/xray-${Math.random().toString(36).slice(2, 8)}`)
  const socket = useLabSocket(
    endpoint,
    stomp
      ? {
          onOpen: (send) => {
            send(STOMP_CONNECT)
            send(`SUBSCRIBE\nid:0\ndestination:${destination}\n\n\0`)
          },
          goodbye: STOMP_DISCONNECT,
        }
      : // Something to look at straight away: the first example, sent like any other message.
        { onOpen: (send) => send(PRESETS.echo[0].text) },
  )
  const [text, setText] = useState(PRESETS[endpoint][0].text)
  const [chosen, setChosen] = useState<WsFrameEvent | null>(null)
  const selProps = useXraySelection()
  const { activeId } = selProps

  const paired = useMemo(() => pairFrames(socket.frames, socket.sent, socket.received), [socket.frames, socket.sent, socket.received])
  const recent = paired.slice(-MAX_CHIPS)
  const fallback = [...paired].reverse().find((p) => p.event.dir === 'in' && (p.event.opcode === 1 || p.event.opcode === 2)) ?? paired[paired.length - 1]
  const current = paired.find((p) => p.event === chosen) ?? fallback
  const model = useMemo(() => (current ? buildXray(inputFromEvent(current.event, current.payload ?? undefined)) : null), [current])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (socket.send(stomp ? stompSend(destination, text) : text)) setChosen(null)
  }
  const active = model?.parts.find((p) => p.id === activeId)

  return (
    <div className={styles.xray} data-widget="frame-xray">
      <form className={styles.composer} onSubmit={submit}>
        <label className={styles.composerLabel} htmlFor={`xray-input-${endpoint}`}>
          {stomp ? (
            <>
              Body of a STOMP <code>SEND</code> to <code>{destination}</code> (you are subscribed: it comes back as a <code>MESSAGE</code>)
            </>
          ) : (
            <>
              A message for <code>/ws/echo</code> (it echoes it back; <code>ping</code> makes it send a ping)
            </>
          )}
        </label>
        <div className={styles.composerRow}>
          <input id={`xray-input-${endpoint}`} className={styles.input} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} autoComplete="off" />
          <button type="submit" className={styles.primary} disabled={socket.status !== 'open'}>
            Send
          </button>
        </div>
        <div className={styles.presets} role="group" aria-label="Examples">
          {PRESETS[endpoint].map((p) => (
            <button key={p.label} type="button" className={styles.chip} onClick={() => setText(p.text)}>
              {p.label}
            </button>
          ))}
          <span className={styles.small}>
            {socket.status === 'open' ? `connected${socket.conn ? ` as ${socket.conn}` : ''}` : socket.status === 'closed' ? (socket.closeInfo ?? 'closed') : 'connecting…'}
          </span>
          {socket.status === 'closed' ? (
            <button type="button" className={styles.chip} onClick={socket.reconnect}>
              Reconnect
            </button>
          ) : null}
        </div>
      </form>

      <nav className={styles.frames} aria-label="Frames on your connection">
        {recent.length === 0 ? <span className={styles.small}>No frame yet: send a message.</span> : null}
        {recent.map((p, i) => (
          <button
            key={`${p.event.t}-${i}`}
            type="button"
            className={`${styles.frameChip} ${p.event.dir === 'in' ? styles.chipUp : styles.chipDown}`}
            aria-pressed={p === current}
            onClick={() => setChosen(p.event)}
            title={p.event.dir === 'in' ? 'browser → server (masked)' : 'server → browser'}
          >
            <span aria-hidden>{p.event.dir === 'in' ? '↑' : '↓'}</span> {frameLabel(p.event)} <span className={styles.muted}>{p.event.payloadLength} B</span>
          </button>
        ))}
      </nav>

      {model && current ? (
        <div className={styles.layers} data-testid="xray-layers" data-dir={current.event.dir}>
          <p className={styles.explain} aria-live="polite">
            {active ? (
              <>
                <strong>{active.label}</strong> · <code>{active.value.split('\n')[0]}</code> <span className={styles.muted}>(octets {active.start}–{active.end - 1})</span>{' '}
                {partExplanation(active)}
              </>
            ) : (
              <>
                {current.event.dir === 'in' ? 'Browser → server' : 'Server → browser'}, {model.wire.length} octets on the wire. Hover or focus any part to light it up in every layer.
              </>
            )}
          </p>
          <Layer title="Octets" hint="What crossed the TCP connection, in hexadecimal." testId="xray-octets">
            <HexDump model={model} {...selProps} />
          </Layer>
          <Layer title="WebSocket frame" hint="RFC 6455 §5.2: 2 to 14 header octets, then the payload." testId="xray-ws">
            <HeaderLayer model={model} {...selProps} />
          </Layer>
          <PayloadLayers model={model} {...selProps} />
          {model.notes.map((n) => (
            <p key={n} className={styles.small}>
              {n}
            </p>
          ))}
        </div>
      ) : (
        <div className={styles.empty} role="status">
          {socket.unreported
            ? `Your connection to /ws/${endpoint} is open, but the server's inspector does not report its frames: this endpoint may not be tapped.`
            : socket.dropped > 0
              ? `The inspector dropped ${socket.dropped} events.`
              : 'Your frames appear here as the server decodes them.'}
        </div>
      )}
    </div>
  )
}
