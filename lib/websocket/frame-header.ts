/**
 * RFC 6455 §5.2 base framing, the header part: decoded from the octets as they crossed the wire.
 *
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-------+-+-------------+-------------------------------+
 *  |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
 *  |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
 *  |N|V|V|V|       |S|             |   (if payload len==126/127)   |
 *  | |1|2|3|       |K|             |                               |
 *  +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
 *  |     Extended payload length continued, if payload len == 127  |
 *  + - - - - - - - - - - - - - - - +-------------------------------+
 *  |                               |Masking-key, if MASK set to 1  |
 *  +-------------------------------+-------------------------------+
 *
 * Pure: the decoder reports what the octets say, it does not judge them (a reserved opcode or a
 * client frame without a mask is shown as it is; `ws` itself closes such connections).
 */

/** RFC 6455 §11.8 opcodes; 3-7 and 11-15 are reserved. */
export const OPCODE_NAMES: Readonly<Record<number, string>> = {
  0: 'continuation',
  1: 'text',
  2: 'binary',
  8: 'close',
  9: 'ping',
  10: 'pong',
}

export function opcodeName(opcode: number): string {
  return OPCODE_NAMES[opcode] ?? `reserved-${opcode}`
}

/** Control frames (close, ping, pong) have the opcode's high bit set (RFC 6455 §5.5). */
export function isControlOpcode(opcode: number): boolean {
  return (opcode & 0x8) !== 0
}

export interface FrameHeader {
  readonly fin: boolean
  readonly rsv1: boolean
  readonly rsv2: boolean
  readonly rsv3: boolean
  readonly opcode: number
  readonly masked: boolean
  /** The 4 masking-key octets (client → server frames), or null. */
  readonly maskKey: Uint8Array | null
  readonly payloadLength: number
  /** Which payload length encoding the frame used: 7-bit, 16-bit (126) or 64-bit (127). */
  readonly lengthBits: 7 | 16 | 64
  /** Octets of the header: 2, 4 or 10, plus 4 with a masking key. */
  readonly headerBytes: number
}

export type HeaderResult =
  | { readonly kind: 'header'; readonly header: FrameHeader }
  /** More octets are needed; `need` = the header's size once known so far. */
  | { readonly kind: 'incomplete'; readonly need: number }
  /** A 64-bit length with its most significant bit set, or beyond 2^53 − 1. */
  | { readonly kind: 'error'; readonly message: string }

/**
 * Decode the header starting at `offset`. Never reads beyond `bytes.length`.
 */
export function decodeFrameHeader(bytes: Uint8Array, offset = 0): HeaderResult {
  const available = bytes.length - offset
  if (available < 2) return { kind: 'incomplete', need: 2 }
  const b0 = bytes[offset]
  const b1 = bytes[offset + 1]
  const masked = (b1 & 0x80) !== 0
  const len7 = b1 & 0x7f
  const lengthBits = len7 === 126 ? 16 : len7 === 127 ? 64 : 7
  const extended = lengthBits === 16 ? 2 : lengthBits === 64 ? 8 : 0
  const headerBytes = 2 + extended + (masked ? 4 : 0)
  if (available < headerBytes) return { kind: 'incomplete', need: headerBytes }

  let payloadLength = len7
  if (lengthBits === 16) {
    payloadLength = (bytes[offset + 2] << 8) | bytes[offset + 3]
  } else if (lengthBits === 64) {
    // RFC 6455 §5.2: "the most significant bit MUST be 0"
    const high = ((bytes[offset + 2] << 24) >>> 0) + (bytes[offset + 3] << 16) + (bytes[offset + 4] << 8) + bytes[offset + 5]
    const low = ((bytes[offset + 6] << 24) >>> 0) + (bytes[offset + 7] << 16) + (bytes[offset + 8] << 8) + bytes[offset + 9]
    if (high >= 0x80000000) return { kind: 'error', message: '64-bit payload length with its most significant bit set (RFC 6455 §5.2)' }
    if (high >= 0x200000) return { kind: 'error', message: `payload length above 2^53 − 1 octets (high word ${high})` }
    payloadLength = high * 0x100000000 + low
  }
  const maskKey = masked ? bytes.slice(offset + headerBytes - 4, offset + headerBytes) : null
  return {
    kind: 'header',
    header: {
      fin: (b0 & 0x80) !== 0,
      rsv1: (b0 & 0x40) !== 0,
      rsv2: (b0 & 0x20) !== 0,
      rsv3: (b0 & 0x10) !== 0,
      opcode: b0 & 0x0f,
      masked,
      maskKey,
      payloadLength,
      lengthBits,
      headerBytes,
    },
  }
}

/**
 * The whole frame's size in octets (header + payload) from its first header octets, without
 * building anything: -1 when the header is not complete at `offset`, -2 when decodeFrameHeader
 * would report an error. The decoder's fast path for frames nobody watches.
 */
export function frameExtent(bytes: Uint8Array, offset = 0): number {
  const available = bytes.length - offset
  if (available < 2) return -1
  const b1 = bytes[offset + 1]
  const len7 = b1 & 0x7f
  const mask = b1 & 0x80 ? 4 : 0
  if (len7 < 126) return available < 2 + mask ? -1 : 2 + mask + len7
  if (len7 === 126) return available < 4 + mask ? -1 : 4 + mask + ((bytes[offset + 2] << 8) | bytes[offset + 3])
  if (available < 10 + mask) return -1
  const high = ((bytes[offset + 2] << 24) >>> 0) + (bytes[offset + 3] << 16) + (bytes[offset + 4] << 8) + bytes[offset + 5]
  if (high >= 0x200000) return -2
  const low = ((bytes[offset + 6] << 24) >>> 0) + (bytes[offset + 7] << 16) + (bytes[offset + 8] << 8) + bytes[offset + 9]
  return 10 + mask + high * 0x100000000 + low
}

/** RFC 6455 §5.3: octet i of the payload is XOR-ed with mask[i mod 4]; `start` = index of `data[0]`. */
export function unmask(data: Uint8Array, maskKey: Uint8Array, start = 0): Uint8Array {
  const out = new Uint8Array(data.length)
  for (let i = 0; i < data.length; i++) out[i] = data[i] ^ maskKey[(start + i) & 3]
  return out
}

export function toHex(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += b.toString(16).padStart(2, '0')
  return s
}
