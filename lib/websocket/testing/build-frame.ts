/**
 * Hand-built RFC 6455 frames for the decoder's tests: every header bit set by hand, lengths in
 * the encoding asked for (even a non-minimal one), payload masked with the given key.
 */
export interface FrameSpec {
  readonly fin?: boolean
  readonly rsv1?: boolean
  readonly rsv2?: boolean
  readonly rsv3?: boolean
  readonly opcode: number
  readonly payload: Uint8Array
  readonly maskKey?: readonly [number, number, number, number]
  /** Force a length encoding (default: the shortest). */
  readonly lengthBits?: 7 | 16 | 64
}

export function buildFrame(spec: FrameSpec): Uint8Array {
  const len = spec.payload.length
  const bits = spec.lengthBits ?? (len < 126 ? 7 : len < 65536 ? 16 : 64)
  const ext = bits === 16 ? 2 : bits === 64 ? 8 : 0
  const mask = spec.maskKey
  const header = new Uint8Array(2 + ext + (mask ? 4 : 0))
  header[0] = (spec.fin === false ? 0 : 0x80) | (spec.rsv1 ? 0x40 : 0) | (spec.rsv2 ? 0x20 : 0) | (spec.rsv3 ? 0x10 : 0) | spec.opcode
  header[1] = (mask ? 0x80 : 0) | (bits === 7 ? len : bits === 16 ? 126 : 127)
  if (bits === 16) {
    header[2] = len >> 8
    header[3] = len & 0xff
  } else if (bits === 64) {
    let rest = len
    for (let i = 9; i >= 2; i--) {
      header[i] = rest % 256
      rest = Math.floor(rest / 256)
    }
  }
  if (mask) header.set(mask, 2 + ext)
  const out = new Uint8Array(header.length + len)
  out.set(header)
  for (let i = 0; i < len; i++) out[header.length + i] = mask ? spec.payload[i] ^ mask[i & 3] : spec.payload[i]
  return out
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

export const text = (s: string): Uint8Array => new TextEncoder().encode(s)
