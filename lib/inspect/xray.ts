/**
 * The frame X-ray model: one WebSocket message as the octets on the wire, cut into parts by layer
 * (RFC 6455 §5.2 frame header → STOMP frame → JSON body), each part with its octet range in the
 * wire bytes, so a view can link them: hovering a part highlights its bytes and everything that
 * overlaps it in the other layers. Pure: the header fields come from the server's decoder (the
 * `ws.frame` event), the payload from the learner's own message or the event's preview.
 */
import type { WsFrameEvent } from './events'
import { WS_OPCODES } from './events'
import { decodeUtf8Lossy, encodeUtf8 } from '../stomp/utf8'
import { stompView, type StompView } from './xray-stomp'
import { jsonView, type JsonView } from './xray-json'

export type XrayLayer = 'ws' | 'close' | 'stomp' | 'json'

export interface XrayPart {
  readonly id: string
  readonly layer: XrayLayer
  readonly label: string
  readonly value: string
  /** Octet range [start, end) in `wire`. */
  readonly start: number
  readonly end: number
  /** For header bit fields: bits [hi, lo] of the octet at `start` (7 = most significant). */
  readonly bits?: readonly [number, number]
}

export interface WsHeaderFields {
  readonly fin: boolean
  readonly rsv1: boolean
  readonly rsv2: boolean
  readonly rsv3: boolean
  readonly opcode: number
  readonly masked: boolean
  /** 8 hex digits, or null when unmasked. */
  readonly maskKey: string | null
  readonly payloadLength: number
}

export interface XrayInput extends WsHeaderFields {
  /** The header octets as seen on the wire (the event's `headerHex`); encoded from the fields when absent. */
  readonly headerHex?: string
  /** Unmasked payload: all of it, or a prefix (a capped preview). */
  readonly payload: Uint8Array
}

export interface XrayModel {
  /** Header + (masked) payload octets, as they crossed the wire (up to the payload we have). */
  readonly wire: Uint8Array
  /** The unmasked payload (what the application sees). */
  readonly payload: Uint8Array
  readonly headerLength: number
  readonly maskKey: Uint8Array | null
  readonly parts: readonly XrayPart[]
  readonly stomp: StompView | null
  readonly json: JsonView | null
  /** Payload octets missing from the model (a capped preview), 0 when complete. */
  readonly missing: number
  readonly notes: readonly string[]
}

export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '')
  const out = new Uint8Array(clean.length >> 1)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16)
  return out
}

export function toHex(bytes: Uint8Array, sep = ''): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(sep)
}

/** XOR with the 4-octet masking key, octet i with key[i mod 4] (RFC 6455 §5.3). Its own inverse. */
export function applyMask(payload: Uint8Array, key: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length)
  for (let i = 0; i < payload.length; i++) out[i] = payload[i] ^ key[i & 3]
  return out
}

/** Octets of the extended payload length: 0 (7-bit), 2 (16-bit) or 8 (64-bit), minimal form (RFC 6455 §5.2). */
export function extendedLengthBytes(payloadLength: number): 0 | 2 | 8 {
  return payloadLength < 126 ? 0 : payloadLength <= 0xffff ? 2 : 8
}

/** Encodes a header from its fields (used when the event carries no header octets). */
export function encodeHeader(f: WsHeaderFields): Uint8Array {
  const ext = extendedLengthBytes(f.payloadLength)
  const out = new Uint8Array(2 + ext + (f.masked ? 4 : 0))
  out[0] = (f.fin ? 0x80 : 0) | (f.rsv1 ? 0x40 : 0) | (f.rsv2 ? 0x20 : 0) | (f.rsv3 ? 0x10 : 0) | (f.opcode & 0x0f)
  out[1] = (f.masked ? 0x80 : 0) | (ext === 0 ? f.payloadLength : ext === 2 ? 126 : 127)
  let n = f.payloadLength
  for (let i = 1 + ext; i >= 2; i--) {
    out[i] = n % 256
    n = Math.floor(n / 256)
  }
  if (f.masked && f.maskKey) out.set(hexToBytes(f.maskKey), 2 + ext)
  return out
}

export function opcodeName(opcode: number): string {
  return (WS_OPCODES as Readonly<Record<number, string>>)[opcode] ?? (opcode < 8 ? 'reserved (data)' : 'reserved (control)')
}

const bit = (v: boolean): string => (v ? '1' : '0')

function headerParts(header: Uint8Array, f: WsHeaderFields, payloadLen: number): XrayPart[] {
  const len7 = header[1] & 0x7f
  const ext = len7 === 126 ? 2 : len7 === 127 ? 8 : 0
  const parts: XrayPart[] = [
    { id: 'ws-fin', layer: 'ws', label: 'FIN', value: f.fin ? '1 · final fragment' : '0 · more fragments follow', start: 0, end: 1, bits: [7, 7] },
    { id: 'ws-rsv1', layer: 'ws', label: 'RSV1', value: bit(f.rsv1), start: 0, end: 1, bits: [6, 6] },
    { id: 'ws-rsv2', layer: 'ws', label: 'RSV2', value: bit(f.rsv2), start: 0, end: 1, bits: [5, 5] },
    { id: 'ws-rsv3', layer: 'ws', label: 'RSV3', value: bit(f.rsv3), start: 0, end: 1, bits: [4, 4] },
    { id: 'ws-opcode', layer: 'ws', label: 'opcode', value: `0x${f.opcode.toString(16)} · ${opcodeName(f.opcode)}`, start: 0, end: 1, bits: [3, 0] },
    { id: 'ws-mask', layer: 'ws', label: 'MASK', value: f.masked ? '1 · masked (client → server)' : '0 · not masked', start: 1, end: 2, bits: [7, 7] },
    {
      id: 'ws-len7',
      layer: 'ws',
      label: 'payload len',
      value: ext === 0 ? `${len7} octets` : `${len7} · a ${ext === 2 ? 16 : 64}-bit length follows`,
      start: 1,
      end: 2,
      bits: [6, 0],
    },
  ]
  if (ext > 0) {
    parts.push({ id: 'ws-len-ext', layer: 'ws', label: `extended length (${ext * 8}-bit)`, value: `${f.payloadLength} octets`, start: 2, end: 2 + ext })
  }
  if (f.masked) {
    parts.push({ id: 'ws-mask-key', layer: 'ws', label: 'masking key', value: f.maskKey ?? toHex(header.subarray(2 + ext, 6 + ext)), start: 2 + ext, end: 6 + ext })
  }
  const start = header.length
  parts.push({
    id: 'ws-payload',
    layer: 'ws',
    label: f.masked ? 'payload (masked)' : 'payload',
    value: `${f.payloadLength} octets`,
    start,
    end: start + payloadLen,
  })
  return parts
}

function shift<T extends { start: number; end: number }>(x: T, by: number): T {
  return { ...x, start: x.start + by, end: x.end + by }
}

function closeParts(payload: Uint8Array, at: number): XrayPart[] {
  if (payload.length < 2) return []
  const code = (payload[0] << 8) | payload[1]
  const parts: XrayPart[] = [{ id: 'close-code', layer: 'close', label: 'close code', value: String(code), start: at, end: at + 2 }]
  if (payload.length > 2) {
    parts.push({ id: 'close-reason', layer: 'close', label: 'reason', value: decodeUtf8Lossy(payload.subarray(2)), start: at + 2, end: at + payload.length })
  }
  return parts
}

export function buildXray(input: XrayInput): XrayModel {
  const notes: string[] = []
  const header = input.headerHex ? hexToBytes(input.headerHex) : encodeHeader(input)
  const expected = encodeHeader(input)
  if (toHex(header) !== toHex(expected)) {
    notes.push('The header octets and the decoded fields disagree; the octets are shown as received.')
  }
  const maskKey = input.masked ? header.subarray(header.length - 4) : null
  const payload = input.payload.subarray(0, input.payloadLength)
  const missing = Math.max(0, input.payloadLength - payload.length)
  const wirePayload = maskKey ? applyMask(payload, maskKey) : payload
  const wire = new Uint8Array(header.length + wirePayload.length)
  wire.set(header)
  wire.set(wirePayload, header.length)
  const at = header.length
  const parts = headerParts(header, input, payload.length)
  if (missing > 0) notes.push(`Only the first ${payload.length} of ${input.payloadLength} payload octets were captured (preview cap).`)

  let stomp: StompView | null = null
  let json: JsonView | null = null
  if (input.opcode === 8) parts.push(...closeParts(payload, at))
  else if (input.opcode === 1 || input.opcode === 2) {
    stomp = stompView(payload)
    if (stomp) {
      stomp.parts.forEach((p, i) => parts.push(shift({ id: `stomp-${i}`, layer: 'stomp', label: p.kind, value: p.text, start: p.start, end: p.end }, at)))
      if (stomp.problem) notes.push(`STOMP: ${stomp.problem}`)
    }
    const bodyFrom = stomp ? stomp.body.start : 0
    const bodyTo = stomp ? stomp.body.end : payload.length
    json = bodyTo > bodyFrom ? jsonView(payload.subarray(bodyFrom, bodyTo)) : null
    json?.members.forEach((m, i) =>
      parts.push({ id: `json-${i}`, layer: 'json', label: m.key ?? `[${i}]`, value: m.pretty, start: at + bodyFrom + m.start, end: at + bodyFrom + m.end }),
    )
  }
  return { wire, payload, headerLength: header.length, maskKey: maskKey ? maskKey.slice() : null, parts, stomp, json, missing, notes }
}

/**
 * X-ray input from a `ws.frame` event. `knownPayload` (the learner's own message, unmasked) wins
 * over the event's capped preview; otherwise the preview's text or hex is used.
 */
export function inputFromEvent(ev: WsFrameEvent, knownPayload?: Uint8Array): XrayInput {
  const payload = knownPayload ?? (ev.previewEncoding === 'hex' ? hexToBytes(ev.preview) : encodeUtf8(ev.preview))
  return { ...ev, headerHex: ev.headerHex, payload }
}

/** Which parts overlap an active selection (a part, or one octet hovered in the hex dump). */
export interface XraySelection {
  readonly start: number
  readonly end: number
  readonly bits?: readonly [number, number]
}

export function overlaps(part: Pick<XrayPart, 'start' | 'end' | 'bits'>, sel: XraySelection): boolean {
  if (part.start >= sel.end || sel.start >= part.end) return false
  if (part.bits && sel.bits && part.start === sel.start && part.end - part.start === 1) {
    return part.bits[1] <= sel.bits[0] && sel.bits[1] <= part.bits[0]
  }
  return true
}
