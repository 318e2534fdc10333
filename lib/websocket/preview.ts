/**
 * What a view shows of a payload it only has the first octets of: text when they are UTF-8
 * (a multi-octet character cut by the cap does not count against that), else hex; at most
 * `maxChars` characters either way. Also the close frame's code and reason (RFC 6455 §5.5.1).
 */
import { isValidUtf8, decodeUtf8 } from '../stomp/utf8'

/** Validates while it decodes (one native pass): throws on anything that is not UTF-8. */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function strictText(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes)
  } catch {
    return null
  }
}
import { toHex } from './frame-header'

/** Payload previews are capped at this many characters (issue 4 contract). */
export const PREVIEW_CHARS = 256

export interface PayloadPreview {
  readonly preview: string
  readonly encoding: 'text' | 'hex'
  /** true when the preview shows less than the whole payload. */
  readonly truncated: boolean
}

/** Where the last, possibly incomplete, UTF-8 sequence of `bytes` starts (or bytes.length). */
function completeEnd(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]
    if ((b & 0xc0) === 0x80) continue // continuation: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
    return need > back ? bytes.length - back : bytes.length
  }
  return bytes.length
}

/**
 * `bytes` = the first octets of a payload of `totalLength` octets (bytes.length ≤ totalLength).
 */
export function payloadPreview(bytes: Uint8Array, totalLength: number, maxChars = PREVIEW_CHARS): PayloadPreview {
  const cut = totalLength > bytes.length
  const end = cut ? completeEnd(bytes) : bytes.length
  const text = strictText(end === bytes.length ? bytes : bytes.subarray(0, end))
  if (text !== null) {
    if (text.length <= maxChars) return { preview: text, encoding: 'text', truncated: cut }
    return { preview: text.slice(0, maxChars), encoding: 'text', truncated: true }
  }
  const octets = Math.floor(maxChars / 2)
  const shown = bytes.length > octets ? bytes.subarray(0, octets) : bytes
  return { preview: toHex(shown), encoding: 'hex', truncated: cut || shown.length < bytes.length }
}

export interface CloseInfo {
  /** Absent when the close frame has no body (the peer gave no code). */
  readonly code?: number
  readonly reason?: string
}

/** RFC 6455 §5.5.1: an optional 2-octet big-endian code, then a UTF-8 reason. */
export function closeInfo(payload: Uint8Array): CloseInfo {
  if (payload.length < 2) return {}
  const code = (payload[0] << 8) | payload[1]
  const rest = payload.subarray(2)
  return { code, reason: isValidUtf8(rest) ? decodeUtf8(rest) : toHex(rest) }
}
