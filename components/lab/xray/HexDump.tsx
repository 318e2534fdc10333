'use client'

import { useState, useSyncExternalStore } from 'react'
import { overlaps, type XrayModel } from '@/lib/inspect/xray'
import styles from '../FrameXray.module.css'
import { octetClass, type SelectionProps } from './xray-ui'

const MAX_OCTETS = 512
const NARROW = '(max-width: 640px)'

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** 16 octets a row, 8 on a phone (like `xxd -c 8`). */
function usePerRow(): number {
  const narrow = useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches, () => false)
  return narrow ? 8 : 16
}

function printable(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·'
}

/** The frame as octets, like `xxd`: offset, hex, ASCII. Hovering an octet selects it. */
export function HexDump({ model, selection, onSelect }: { model: XrayModel } & SelectionProps) {
  const [unmasked, setUnmasked] = useState(false)
  const PER_ROW = usePerRow()
  const masked = model.maskKey !== null
  const showUnmasked = masked && unmasked
  const octets = showUnmasked ? new Uint8Array([...model.wire.subarray(0, model.headerLength), ...model.payload]) : model.wire
  const shown = Math.min(octets.length, MAX_OCTETS)
  const rows = Math.ceil(shown / PER_ROW)
  const lit = (i: number) => selection !== null && overlaps({ start: i, end: i + 1 }, { start: selection.start, end: selection.end })

  return (
    <div className={styles.hexWrap}>
      {masked ? (
        <div className={styles.segmented} role="group" aria-label="Payload octets shown">
          <button type="button" aria-pressed={!unmasked} onClick={() => setUnmasked(false)}>
            As on the wire (masked)
          </button>
          <button type="button" aria-pressed={unmasked} onClick={() => setUnmasked(true)}>
            Unmasked
          </button>
        </div>
      ) : null}
      <div className={styles.hex} role="table" aria-label="Frame octets in hexadecimal" onMouseLeave={() => onSelect(null, null)} data-testid="xray-hex">
        {Array.from({ length: rows }, (_, r) => {
          const from = r * PER_ROW
          const to = Math.min(shown, from + PER_ROW)
          const idx = Array.from({ length: to - from }, (_, k) => from + k)
          return (
            <div key={r} className={styles.hexRow} role="row">
              <span className={styles.hexOffset} role="rowheader">
                {from.toString(16).padStart(4, '0')}
              </span>
              <span className={styles.hexBytes} role="cell">
                {idx.map((i) => (
                  <span
                    key={i}
                    className={`${styles.octet} ${octetClass(i, model.parts)} ${lit(i) ? styles.lit : ''} ${i >= model.headerLength && showUnmasked ? styles.plain : ''}`}
                    onMouseEnter={() => onSelect({ start: i, end: i + 1 }, null)}
                    data-offset={i}
                  >
                    {octets[i].toString(16).padStart(2, '0')}
                  </span>
                ))}
              </span>
              <span className={styles.hexAscii} role="cell" aria-hidden>
                {idx.map((i) => (
                  <span key={i} className={lit(i) ? styles.litAscii : undefined}>
                    {printable(octets[i])}
                  </span>
                ))}
              </span>
            </div>
          )
        })}
      </div>
      {octets.length > shown || model.missing > 0 ? (
        <p className={styles.small}>
          {octets.length > shown ? `First ${shown} of ${octets.length} octets shown. ` : ''}
          {model.missing > 0 ? `${model.missing} payload octets were not captured (preview cap).` : ''}
        </p>
      ) : null}
    </div>
  )
}
