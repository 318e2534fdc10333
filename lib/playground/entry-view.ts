/**
 * How the frame log shows one wire entry: a label, a one-line summary, the text a filter searches,
 * and the body as text, pretty JSON or a hex dump. Structural types, so the playground's WireEntry
 * (components/playground/types.ts) fits without lib/ importing components/.
 */
import { bodyText, getHeader, type Frame } from '../stomp/frame'
import { decodeUtf8Lossy, isValidUtf8 } from '../stomp/utf8'

export type Direction = 'sent' | 'received'

export type EntryLike =
  | { readonly kind: 'frame'; readonly dir: Direction; readonly raw: Uint8Array; readonly frame: Frame }
  | { readonly kind: 'heartbeat'; readonly dir: Direction; readonly raw: Uint8Array }
  | { readonly kind: 'raw'; readonly dir: Direction; readonly raw: Uint8Array; readonly note: string }
  | { readonly kind: 'event'; readonly text: string; readonly level: 'info' | 'error' }

/** The label of the log's "command" column: the STOMP command, or heart-beat / raw / event. */
export function entryLabel(e: EntryLike): string {
  switch (e.kind) {
    case 'frame':
      return e.frame.command
    case 'heartbeat':
      return 'heart-beat'
    case 'raw':
      return 'raw bytes'
    case 'event':
      return e.level === 'error' ? 'error' : 'event'
  }
}

const KEY_HEADERS = ['destination', 'id', 'subscription', 'receipt', 'receipt-id', 'transaction', 'message', 'version', 'accept-version'] as const

/** One line: the headers that identify the frame, then the start of the body. */
export function entrySummary(e: EntryLike, maxChars = 160): string {
  let s: string
  switch (e.kind) {
    case 'frame': {
      const parts: string[] = []
      for (const h of KEY_HEADERS) {
        const v = getHeader(e.frame, h)
        if (v !== undefined) parts.push(`${h}:${v}`)
      }
      const body = bodyText(e.frame).replace(/\s+/g, ' ').trim()
      if (body !== '') parts.push(`“${body}”`)
      s = parts.join('  ')
      break
    }
    case 'heartbeat':
      s = e.raw.length === 1 ? 'LF' : `${e.raw.length} octets of EOL`
      break
    case 'raw':
      s = `${e.raw.length} octets — ${e.note}`
      break
    case 'event':
      s = e.text
      break
  }
  return s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s
}

/** What a regex filter searches: command, every header line, body text (or the note/event text). */
export function entrySearchText(e: EntryLike): string {
  switch (e.kind) {
    case 'frame':
      return [e.frame.command, ...e.frame.headers.map(([n, v]) => `${n}:${v}`), bodyText(e.frame)].join('\n')
    case 'heartbeat':
      return 'heart-beat'
    case 'raw':
      return `${e.note}\n${decodeUtf8Lossy(e.raw)}`
    case 'event':
      return e.text
  }
}

export type BodyFormat = 'text' | 'json' | 'hex'

/** Pretty-printed JSON, or null when the body is not JSON. */
export function prettyJson(body: Uint8Array): string | null {
  if (body.length === 0 || !isValidUtf8(body)) return null
  try {
    return JSON.stringify(JSON.parse(decodeUtf8Lossy(body)), null, 2)
  } catch {
    return null
  }
}

/** The format a body is best shown in at first: JSON if it parses, text if UTF-8, else hex. */
export function defaultBodyFormat(frame: Frame): BodyFormat {
  const type = getHeader(frame, 'content-type') ?? ''
  if (prettyJson(frame.body) !== null && (type === '' || type.includes('json'))) return 'json'
  return isValidUtf8(frame.body) ? 'text' : 'hex'
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0')

/**
 * `offset  hex bytes (16 a line, grouped by 8)  |ascii|`, like `xxd`/`hexdump -C`. At most
 * `maxBytes` octets are dumped; a last line says how many were left out.
 */
export function hexDump(bytes: Uint8Array, maxBytes = 4096): string {
  const lines: string[] = []
  const n = Math.min(bytes.length, maxBytes)
  for (let off = 0; off < n; off += 16) {
    const row = bytes.subarray(off, Math.min(off + 16, n))
    let hex = ''
    let ascii = ''
    for (let i = 0; i < 16; i++) {
      hex += i < row.length ? `${hex2(row[i])} ` : '   '
      if (i === 7) hex += ' '
      if (i < row.length) ascii += row[i] >= 0x20 && row[i] < 0x7f ? String.fromCharCode(row[i]) : '.'
    }
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`)
  }
  if (bytes.length > n) lines.push(`… ${bytes.length - n} more octets not shown`)
  return lines.join('\n')
}

export function formatBody(body: Uint8Array, format: BodyFormat): string {
  if (format === 'hex') return hexDump(body)
  if (format === 'json') return prettyJson(body) ?? decodeUtf8Lossy(body)
  return decodeUtf8Lossy(body)
}

/**
 * The octets that crossed the wire as text to read or paste into the frame editor: every NUL
 * shown as `^@` (the editor's terminator), the rest as received — escapes, CRs, repeated headers
 * and all (unlike a frame serialised again). Bytes that are not UTF-8 become U+FFFD.
 */
export function octetsAsText(raw: Uint8Array): string {
  return decodeUtf8Lossy(raw).replaceAll('\u0000', '^@')
}

/** The exact octets as a string, NUL included — or null when they are not UTF-8 (text cannot carry them exactly). */
export function exactOctetsText(raw: Uint8Array): string | null {
  return isValidUtf8(raw) ? decodeUtf8Lossy(raw) : null
}
