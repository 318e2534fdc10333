'use client'

import { useMemo } from 'react'
import { buildXray, inputFromEvent } from '@/lib/inspect/xray'
import type { PairedFrame } from '@/lib/inspect/xray-pairing'
import { HeaderLayer } from '../xray/HeaderLayer'
import { HexDump } from '../xray/HexDump'
import { Layer, PayloadLayers } from '../xray/PayloadLayers'
import { useXraySelection } from '../xray/useXraySelection'
import { partExplanation } from '../xray/xray-ui'
import xray from '../FrameXray.module.css'
import styles from '../WsConsole.module.css'

/** One frame of the console taken apart with the frame X-ray's layers (octets, header bits, payload). */
export function FrameDetail({ frame, index }: { frame: PairedFrame; index: number }) {
  const model = useMemo(() => buildXray(inputFromEvent(frame.event, frame.payload ?? undefined)), [frame])
  const selProps = useXraySelection()
  const active = model.parts.find((p) => p.id === selProps.activeId)
  const up = frame.event.dir === 'in'
  return (
    <section className={`${xray.xray} ${styles.detail}`} aria-label={`Frame ${index + 1} taken apart`} data-testid="console-detail">
      <p className={xray.explain} aria-live="polite">
        {active ? (
          <>
            <strong>{active.label}</strong> · <code>{active.value.split('\n')[0]}</code> <span className={xray.muted}>(octets {active.start}–{active.end - 1})</span> {partExplanation(active)}
          </>
        ) : (
          <>
            Frame {index + 1}, {up ? 'browser → server' : 'server → browser'}: {model.wire.length} octets on the wire. Hover or focus a part to light it up.
          </>
        )}
      </p>
      <Layer title="Octets" hint="What crossed the TCP connection, in hexadecimal." testId="console-octets">
        <HexDump model={model} {...selProps} />
      </Layer>
      <Layer title="WebSocket frame" hint="RFC 6455 §5.2: 2 to 14 header octets, then the payload." testId="console-header">
        <HeaderLayer model={model} {...selProps} />
      </Layer>
      <PayloadLayers model={model} {...selProps} />
      {model.notes.map((n) => (
        <p key={n} className={xray.small}>
          {n}
        </p>
      ))}
    </section>
  )
}
