/**
 * Pairs the server's `ws.frame` events of one connection with the complete messages the page
 * itself sent and received on it, so the X-ray can show whole payloads instead of the capped
 * preview. The k-th client→server data frame is the k-th message the page sent; the k-th
 * server→client data frame the k-th message it received (control frames never reach the page).
 * A pairing is kept only when the event's preview agrees with the message; else the preview is used.
 */
import type { WsFrameEvent } from './events'
import { decodeUtf8Lossy } from '../stomp/utf8'
import { hexToBytes, toHex } from './xray'

export interface PairedFrame {
  readonly event: WsFrameEvent
  /** The complete unmasked payload, when the page knows it; null = only the preview. */
  readonly payload: Uint8Array | null
}

const isData = (ev: WsFrameEvent) => (ev.opcode === 1 || ev.opcode === 2) && ev.fin

function agrees(ev: WsFrameEvent, bytes: Uint8Array): boolean {
  if (bytes.length !== ev.payloadLength) return false
  if (ev.previewEncoding === 'hex') {
    const preview = toHex(hexToBytes(ev.preview))
    return toHex(bytes).startsWith(preview)
  }
  return decodeUtf8Lossy(bytes).startsWith(ev.preview)
}

export function pairFrames(frames: readonly WsFrameEvent[], sent: readonly Uint8Array[], received: readonly Uint8Array[]): PairedFrame[] {
  let inIndex = 0
  let outIndex = 0
  return frames.map((event) => {
    if (!isData(event)) return { event, payload: null }
    const list = event.dir === 'in' ? sent : received
    const bytes = list[event.dir === 'in' ? inIndex++ : outIndex++]
    return { event, payload: bytes !== undefined && agrees(event, bytes) ? bytes : null }
  })
}

/** A one-line label for a frame chip: STOMP command, close code or the opcode name plus size. */
export function frameLabel(ev: WsFrameEvent): string {
  if (ev.opcode === 8) return `close${ev.closeCode !== undefined ? ` ${ev.closeCode}` : ''}`
  if (ev.opcode === 9) return 'ping'
  if (ev.opcode === 10) return 'pong'
  if (ev.previewEncoding === 'text') {
    const first = ev.preview.split('\n', 1)[0]
    if (/^[A-Z]{3,11}$/.test(first) && ev.preview.includes('\n')) return first
    if (ev.preview.length > 0 && /^[\r\n]+$/.test(ev.preview)) return 'heart-beat'
    const short = ev.preview.length > 18 ? `${ev.preview.slice(0, 17)}…` : ev.preview
    return `“${short}”`
  }
  return ev.opcode === 2 ? 'binary' : 'text'
}
