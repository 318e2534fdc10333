'use client'

import { useEffect, useRef } from 'react'
import type { PairedFrame } from '@/lib/inspect/xray-pairing'
import { opcodeName } from '@/lib/inspect/xray'
import { formatHexOctets } from '@/lib/websocket/hex-octets'
import { hexToBytes } from '@/lib/inspect/xray'
import { closeCodeInfo } from '@/lib/playground/close-codes'
import { decodeUtf8Lossy } from '@/lib/stomp/utf8'
import styles from '../WsConsole.module.css'

/**
 * Every frame of the console's connection, both directions, as the server decoded it from the
 * socket's octets (`ws.frame`): FIN, opcode, MASK, masking key, payload length and the length
 * form the header used, and the payload. A row's button shows that frame taken apart.
 */
const PREVIEW_CHARS = 48

function lengthForm(n: number): string {
  return n < 126 ? '7-bit' : n <= 0xffff ? '126 + 16-bit' : '127 + 64-bit'
}

function payloadText(p: PairedFrame): string {
  const ev = p.event
  if (ev.opcode === 8) {
    if (ev.closeCode === undefined) return 'no code (empty)'
    return `${ev.closeCode} ${closeCodeInfo(ev.closeCode).name}${ev.closeReason ? ` · “${ev.closeReason}”` : ''}`
  }
  if (ev.opcode === 2 || ev.previewEncoding === 'hex') {
    const bytes = p.payload ?? hexToBytes(ev.preview)
    const shown = formatHexOctets(bytes.subarray(0, 16))
    return bytes.length > 16 || ev.truncated ? `${shown} …` : shown
  }
  const text = p.payload ? decodeUtf8Lossy(p.payload) : ev.preview
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text
}

export function FrameTable({ frames, selected, onSelect }: { frames: readonly PairedFrame[]; selected: PairedFrame | null; onSelect: (p: PairedFrame) => void }) {
  const wrap = useRef<HTMLDivElement>(null)
  // Keep the newest frame in view as frames arrive (the box scrolls, the page does not).
  useEffect(() => {
    const el = wrap.current
    if (el) el.scrollTop = el.scrollHeight
  }, [frames.length])
  if (frames.length === 0) return <p className={styles.muted}>No frame yet on this connection: send something.</p>
  return (
    <div className={styles.tableWrap} ref={wrap}>
      <table className={styles.table} data-testid="console-frames">
        <caption className="visually-hidden">Frames on your connection, oldest first, as the server decoded them</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">From</th>
            <th scope="col">FIN</th>
            <th scope="col">Opcode</th>
            <th scope="col">MASK</th>
            <th scope="col">Masking key</th>
            <th scope="col">Length</th>
            <th scope="col">Payload</th>
          </tr>
        </thead>
        <tbody>
          {frames.map((p, i) => {
            const ev = p.event
            const up = ev.dir === 'in'
            return (
              <tr key={`${ev.t}-${i}`} className={`${up ? styles.rowUp : styles.rowDown} ${p === selected ? styles.rowSelected : ''}`} data-opcode={ev.opcode} data-dir={ev.dir}>
                <td data-label="#">
                  <span><button type="button" className={styles.rowButton} aria-pressed={p === selected} onClick={() => onSelect(p)} aria-label={`Frame ${i + 1}: take it apart`}>
                    {i + 1}
                  </button></span>
                </td>
                <td data-label="From">
                  <span>{up ? '↑ browser' : '↓ server'}</span>
                </td>
                <td data-label="FIN">
                  <span>{ev.fin ? '1' : '0'}</span>
                </td>
                <td data-label="Opcode" data-testid="frame-opcode">
                  <span>{ev.opcode} <span className={styles.muted}>{opcodeName(ev.opcode)}</span></span>
                </td>
                <td data-label="MASK">
                  <span>{ev.masked ? '1' : '0'}</span>
                </td>
                <td data-label="Masking key">
                  <span><code>{ev.maskKey ?? '—'}</code></span>
                </td>
                <td data-label="Length" data-testid="frame-length">
                  <span>{ev.payloadLength} <span className={styles.muted}>({lengthForm(ev.payloadLength)})</span></span>
                </td>
                <td data-label="Payload" className={styles.payloadCell}>
                  <span><code>{payloadText(p)}</code></span>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
