/**
 * What a learner's attempt at `Sec-WebSocket-Accept` is, compared with the one their key gives
 * (RFC 6455 §4.2.2 step 5.4: base64(SHA-1(key + GUID)), the key taken "as a string, not
 * base64-decoded", §4.1). Each wrong kind is a mistake people really make when computing it by
 * hand, so the exercise can say which step went wrong instead of only "no".
 */
import { acceptSteps, WS_GUID } from './accept'
import { base64Encode } from './base64'
import { toHex } from './frame-header'
import { sha1 } from './sha1'

export type AcceptAttempt =
  /** base64(SHA-1(key + GUID)): right. */
  | 'correct'
  /** The right value inside quotes or backticks (copied from a console). */
  | 'quoted'
  /** The Sec-WebSocket-Key itself. */
  | 'key'
  /** The GUID alone. */
  | 'guid'
  /** key + GUID, not hashed. */
  | 'concatenated'
  /** base64(SHA-1(key)): the GUID was left out. */
  | 'no-guid'
  /** base64(SHA-1(GUID + key)): the wrong order. */
  | 'guid-first'
  /** The GUID in lower case (it is compared as the exact string). */
  | 'guid-case'
  /** SHA-1 hex digits instead of base64. */
  | 'hex'
  /** SHA-1(key) as hex: no GUID and not base64. */
  | 'hex-no-guid'
  /** base64 of the 40 hex *characters* (`btoa(hex)`), not of the 20 octets. */
  | 'base64-of-hex'
  /** The key base64-decoded to 16 octets before hashing. */
  | 'decoded-key'
  /** Something else. */
  | 'other'

const encoder = new TextEncoder()

function b64sha1(text: string): string {
  return base64Encode(sha1(encoder.encode(text)))
}

function hexSha1(text: string): string {
  return toHex(sha1(encoder.encode(text)))
}

/** base64 decoding of a valid key (16 octets), or null. */
function decodeKey(key: string): Uint8Array | null {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  const clean = key.replace(/=+$/, '')
  if (!/^[A-Za-z0-9+/]*$/.test(clean)) return null
  const out: number[] = []
  let bits = 0
  let value = 0
  for (const ch of clean) {
    value = (value << 6) | alphabet.indexOf(ch)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out.push((value >> bits) & 0xff)
    }
  }
  return Uint8Array.from(out)
}

function decodedKeyAccept(key: string): string | null {
  const raw = decodeKey(key)
  if (!raw) return null
  const guid = encoder.encode(WS_GUID)
  const input = new Uint8Array(raw.length + guid.length)
  input.set(raw)
  input.set(guid, raw.length)
  return base64Encode(sha1(input))
}

/** The attempt, with surrounding whitespace ignored (as the RFC's client ignores it, §4.1). */
export function diagnoseAccept(sent: string, key: string): AcceptAttempt {
  const text = sent.trim()
  const k = key.trim()
  const right = acceptSteps(k)
  if (text === right.accept) return 'correct'
  const unquoted = /^(["'`])(.*)\1$/s.exec(text)?.[2].trim()
  if (unquoted === right.accept) return 'quoted'
  if (text === k) return 'key'
  if (text === WS_GUID) return 'guid'
  if (text === right.concatenated || text.replace(/\s+/g, '') === right.concatenated) return 'concatenated'
  if (text === b64sha1(k)) return 'no-guid'
  if (text === b64sha1(WS_GUID + k)) return 'guid-first'
  if (text === b64sha1(k + WS_GUID.toLowerCase())) return 'guid-case'
  const hexish = text.replace(/[\s:]/g, '').toLowerCase()
  if (hexish === right.sha1Hex) return 'hex'
  if (hexish === hexSha1(k)) return 'hex-no-guid'
  if (text === base64Encode(encoder.encode(right.sha1Hex)) || text === base64Encode(encoder.encode(right.sha1Hex.toUpperCase()))) return 'base64-of-hex'
  if (text === decodedKeyAccept(k)) return 'decoded-key'
  return 'other'
}

/** An Accept has the shape of base64 of 20 octets: 27 characters then one `=`. */
export function looksLikeAccept(text: string): boolean {
  return /^[A-Za-z0-9+/]{27}=$/.test(text.trim())
}
