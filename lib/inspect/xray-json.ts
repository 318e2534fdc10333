/**
 * JSON layer of the frame X-ray: where each top-level member (object) or element (array) lies in
 * the body's octets, and its pretty-printed text, so hovering a member highlights its bytes.
 * Scans octets directly: JSON's structural characters are ASCII, and no octet of a multi-byte
 * UTF-8 sequence can equal an ASCII one, so byte offsets stay exact for any text.
 */
import { decodeUtf8Lossy } from '../stomp/utf8'

export interface JsonMember {
  /** Octet range [start, end) of the member in the scanned bytes (key, colon and value). */
  readonly start: number
  readonly end: number
  /** Object key; null for an array element or a top-level scalar. */
  readonly key: string | null
  /** Pretty-printed member (`"key": value` or the value), 2-space indent, no trailing comma. */
  readonly pretty: string
}

export interface JsonView {
  readonly kind: 'object' | 'array' | 'scalar'
  readonly members: readonly JsonMember[]
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d])
const QUOTE = 0x22
const BACKSLASH = 0x5c

function skipWs(b: Uint8Array, i: number, end: number): number {
  while (i < end && WS.has(b[i])) i++
  return i
}

/** Index just past the string starting at `i` (a quote), or -1 when unterminated. */
function skipString(b: Uint8Array, i: number, end: number): number {
  for (let j = i + 1; j < end; j++) {
    if (b[j] === BACKSLASH) j++
    else if (b[j] === QUOTE) return j + 1
  }
  return -1
}

/** Index of the `,` or closing bracket that ends the value starting at `i` (depth 0), or -1. */
function valueEnd(b: Uint8Array, i: number, end: number): number {
  let depth = 0
  for (let j = i; j < end; j++) {
    const c = b[j]
    if (c === QUOTE) {
      const k = skipString(b, j, end)
      if (k < 0) return -1
      j = k - 1
    } else if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) {
      if (depth === 0) return j
      depth--
    } else if (c === 0x2c && depth === 0) return j
  }
  return -1
}

function trimEnd(b: Uint8Array, start: number, end: number): number {
  while (end > start && WS.has(b[end - 1])) end--
  return end
}

function pretty(valueText: string): string {
  return JSON.stringify(JSON.parse(valueText), null, 2)
}

function indentRest(text: string): string {
  return text.replace(/\n/g, '\n  ')
}

/**
 * The JSON view of `bytes`, or null when they are not one valid JSON text (then the X-ray shows
 * no JSON layer). Members of objects keep duplicates and wire order, each parsed on its own.
 */
export function jsonView(bytes: Uint8Array): JsonView | null {
  const text = decodeUtf8Lossy(bytes)
  try {
    JSON.parse(text)
  } catch {
    return null
  }
  const end = trimEnd(bytes, 0, bytes.length)
  const start = skipWs(bytes, 0, end)
  const open = bytes[start]
  if (open !== 0x7b && open !== 0x5b) {
    return { kind: 'scalar', members: [{ start, end, key: null, pretty: pretty(text) }] }
  }
  const isObject = open === 0x7b
  const members: JsonMember[] = []
  let i = start + 1
  for (;;) {
    i = skipWs(bytes, i, end)
    if (bytes[i] === 0x7d || bytes[i] === 0x5d) break
    const memberStart = i
    let key: string | null = null
    let valueStart = i
    if (isObject) {
      const keyEnd = skipString(bytes, i, end)
      key = JSON.parse(decodeUtf8Lossy(bytes.subarray(i, keyEnd))) as string
      valueStart = skipWs(bytes, skipWs(bytes, keyEnd, end) + 1, end) // past the colon
    }
    const stop = valueEnd(bytes, valueStart, end)
    const memberEnd = trimEnd(bytes, valueStart, stop)
    const value = pretty(decodeUtf8Lossy(bytes.subarray(valueStart, memberEnd)))
    members.push({
      start: memberStart,
      end: memberEnd,
      key,
      pretty: key === null ? indentRest(value) : `${JSON.stringify(key)}: ${indentRest(value)}`,
    })
    if (bytes[stop] !== 0x2c) break
    i = stop + 1
  }
  return { kind: isObject ? 'object' : 'array', members }
}
