/**
 * RFC 6455 §4.2.2 step 5.4 (/key/ → Sec-WebSocket-Accept) as data, one value per step, so the
 * handshake view can show how the server's answer is made:
 *
 *   key "dGhlIHNhbXBsZSBub25jZQ==" + GUID "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
 *   → SHA-1 b37a4f2cc0624f1690f64606cf385945b2bec4ea → base64 "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
 *
 * The key is used exactly as sent (the RFC's server takes the header value, trimmed of the
 * surrounding whitespace HTTP allows; nothing is base64-decoded).
 */
import { base64Encode } from './base64'
import { toHex } from './frame-header'
import { sha1 } from './sha1'

/** RFC 6455 §1.3: the globally unique identifier every server appends. */
export const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'

export interface AcceptSteps {
  readonly key: string
  readonly guid: string
  /** key + GUID, the string that is hashed. */
  readonly concatenated: string
  /** Its octets (ASCII for a valid key). */
  readonly input: Uint8Array
  /** SHA-1 of the input: 20 octets, and as 40 hex digits. */
  readonly sha1: Uint8Array
  readonly sha1Hex: string
  /** base64 of the 20 octets: the Sec-WebSocket-Accept value. */
  readonly accept: string
}

const encoder = new TextEncoder()

export function acceptSteps(key: string): AcceptSteps {
  const trimmed = key.trim()
  const concatenated = trimmed + WS_GUID
  const input = encoder.encode(concatenated)
  const digest = sha1(input)
  return { key: trimmed, guid: WS_GUID, concatenated, input, sha1: digest, sha1Hex: toHex(digest), accept: base64Encode(digest) }
}

export function computeAccept(key: string): string {
  return acceptSteps(key).accept
}

/**
 * RFC 6455 §4.1: a valid Sec-WebSocket-Key is the base64 of 16 octets: 22 characters then "==".
 */
export function isValidKey(key: string): boolean {
  return /^[A-Za-z0-9+/]{21}[AQgw]==$/.test(key.trim())
}
