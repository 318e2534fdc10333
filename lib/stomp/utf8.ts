/**
 * Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates (U+D800–DFFF), nothing
 * above U+10FFFF. STOMP commands and headers are UTF-8 (STOMP 1.2 §Value Encoding — checklist 11);
 * transports use this to choose a WebSocket text or binary message (checklist 76).
 * Pure and allocation-free; ASCII runs take the fast path.
 */
export function isValidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  let i = start
  while (i < end) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    if (b >= 0xc2 && b <= 0xdf) {
      if (i + 1 >= end || (bytes[i + 1] & 0xc0) !== 0x80) return false
      i += 2
    } else if (b >= 0xe0 && b <= 0xef) {
      if (i + 2 >= end) return false
      const b1 = bytes[i + 1]
      if ((b1 & 0xc0) !== 0x80 || (bytes[i + 2] & 0xc0) !== 0x80) return false
      if (b === 0xe0 && b1 < 0xa0) return false // overlong
      if (b === 0xed && b1 > 0x9f) return false // UTF-16 surrogate
      i += 3
    } else if (b >= 0xf0 && b <= 0xf4) {
      if (i + 3 >= end) return false
      const b1 = bytes[i + 1]
      if ((b1 & 0xc0) !== 0x80 || (bytes[i + 2] & 0xc0) !== 0x80 || (bytes[i + 3] & 0xc0) !== 0x80) {
        return false
      }
      if (b === 0xf0 && b1 < 0x90) return false // overlong
      if (b === 0xf4 && b1 > 0x8f) return false // above U+10FFFF
      i += 4
    } else {
      return false // continuation byte first, 0xc0/0xc1 (overlong) or 0xf5..0xff
    }
  }
  return true
}

/** Decodes already-validated UTF-8. A leading U+FEFF is kept: it is part of the header text. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes)
}

const encoder = new TextEncoder()
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text)
}

/** Octets `text` occupies in UTF-8 (without allocating). */
export function utf8Length(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4
        i++
      } else n += 3 // lone surrogate → U+FFFD
    } else n += 3
  }
  return n
}

const lossy = new TextDecoder('utf-8', { ignoreBOM: true })
/** Display decoding: invalid sequences become U+FFFD. */
export function decodeUtf8Lossy(bytes: Uint8Array): string {
  return lossy.decode(bytes)
}
