import { describe, expect, it } from 'vitest'
import { decodeFrameHeader, isControlOpcode, opcodeName, unmask, type FrameHeader } from './frame-header'
import { buildFrame, text } from './testing/build-frame'

function header(bytes: Uint8Array): FrameHeader {
  const r = decodeFrameHeader(bytes)
  if (r.kind !== 'header') throw new Error(`expected a header, got ${JSON.stringify(r)}`)
  return r.header
}

describe('decodeFrameHeader (RFC 6455 §5.2)', () => {
  it.each([
    [0, 'continuation'],
    [1, 'text'],
    [2, 'binary'],
    [8, 'close'],
    [9, 'ping'],
    [10, 'pong'],
    [3, 'reserved-3'],
    [15, 'reserved-15'],
  ])('opcode %i is %s', (opcode, name) => {
    const h = header(buildFrame({ opcode, payload: new Uint8Array(0) }))
    expect(h.opcode).toBe(opcode)
    expect(opcodeName(h.opcode)).toBe(name)
    expect(isControlOpcode(opcode)).toBe(opcode >= 8)
  })

  it('reads FIN and each RSV bit on its own', () => {
    const base = { opcode: 1, payload: new Uint8Array(0) }
    expect(header(buildFrame({ ...base, fin: false }))).toMatchObject({ fin: false, rsv1: false, rsv2: false, rsv3: false })
    expect(header(buildFrame({ ...base, rsv1: true }))).toMatchObject({ fin: true, rsv1: true, rsv2: false, rsv3: false })
    expect(header(buildFrame({ ...base, rsv2: true }))).toMatchObject({ rsv1: false, rsv2: true, rsv3: false })
    expect(header(buildFrame({ ...base, rsv3: true }))).toMatchObject({ rsv1: false, rsv2: false, rsv3: true })
  })

  it('the RFC 6455 §5.7 examples: unmasked "Hello", masked "Hello", 256 and 65536 octet binary', () => {
    expect(header(Uint8Array.of(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f))).toMatchObject({
      fin: true, opcode: 1, masked: false, maskKey: null, payloadLength: 5, lengthBits: 7, headerBytes: 2,
    })
    const masked = Uint8Array.of(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58)
    const h = header(masked)
    expect(h).toMatchObject({ masked: true, payloadLength: 5, headerBytes: 6 })
    expect([...(h.maskKey ?? [])]).toEqual([0x37, 0xfa, 0x21, 0x3d])
    expect(new TextDecoder().decode(unmask(masked.subarray(6), h.maskKey as Uint8Array))).toBe('Hello')
    expect(header(Uint8Array.of(0x82, 0x7e, 0x01, 0x00))).toMatchObject({ opcode: 2, payloadLength: 256, lengthBits: 16, headerBytes: 4 })
    expect(header(Uint8Array.of(0x82, 0x7f, 0, 0, 0, 0, 0, 1, 0, 0))).toMatchObject({ payloadLength: 65536, lengthBits: 64, headerBytes: 10 })
  })

  it.each([
    [0, 7, 2],
    [125, 7, 2],
    [126, 16, 4],
    [65535, 16, 4],
    [65536, 64, 10],
  ] as const)('length %i uses the %i-bit encoding (%i header octets unmasked, +4 masked)', (len, bits, size) => {
    const payload = new Uint8Array(len)
    expect(header(buildFrame({ opcode: 2, payload }))).toMatchObject({ payloadLength: len, lengthBits: bits, headerBytes: size })
    expect(header(buildFrame({ opcode: 2, payload, maskKey: [1, 2, 3, 4] }))).toMatchObject({ payloadLength: len, headerBytes: size + 4 })
  })

  it('reports a non-minimal length encoding as it is (5 octets said in 64 bits)', () => {
    expect(header(buildFrame({ opcode: 1, payload: text('hello'), lengthBits: 64 }))).toMatchObject({ payloadLength: 5, lengthBits: 64 })
  })

  it('reads a 64-bit length above 2^32', () => {
    const bytes = Uint8Array.of(0x82, 0xff, 0, 0, 0, 0x01, 0, 0, 0, 0x2a, 9, 8, 7, 6)
    expect(header(bytes)).toMatchObject({ payloadLength: 0x1_0000_002a, masked: true, headerBytes: 14 })
  })

  it('asks for more octets until the header is complete, never reading past the end', () => {
    const frame = buildFrame({ opcode: 1, payload: new Uint8Array(300), maskKey: [9, 9, 9, 9] })
    expect(decodeFrameHeader(frame.subarray(0, 0))).toEqual({ kind: 'incomplete', need: 2 })
    expect(decodeFrameHeader(frame.subarray(0, 1))).toEqual({ kind: 'incomplete', need: 2 })
    for (let n = 2; n < 8; n++) expect(decodeFrameHeader(frame.subarray(0, n))).toEqual({ kind: 'incomplete', need: 8 })
    expect(decodeFrameHeader(frame.subarray(0, 8)).kind).toBe('header')
  })

  it('decodes at an offset', () => {
    const bytes = Uint8Array.of(0xff, 0xff, 0x89, 0x00)
    expect(header(bytes.subarray(2))).toMatchObject({ opcode: 9, payloadLength: 0 })
    const r = decodeFrameHeader(bytes, 2)
    expect(r.kind === 'header' && r.header.opcode).toBe(9)
  })

  it('refuses a 64-bit length with the most significant bit set', () => {
    const r = decodeFrameHeader(Uint8Array.of(0x82, 0x7f, 0x80, 0, 0, 0, 0, 0, 0, 1))
    expect(r.kind).toBe('error')
  })
})

describe('frameExtent (the skip path)', () => {
  it('agrees with decodeFrameHeader on every encoding, masked or not, and says when more octets are needed', async () => {
    const { frameExtent } = await import('./frame-header')
    for (const len of [0, 5, 125, 126, 300, 65535, 65536]) {
      for (const maskKey of [undefined, [1, 2, 3, 4] as const]) {
        const bytes = buildFrame({ opcode: 2, payload: new Uint8Array(len), maskKey })
        expect(frameExtent(bytes)).toBe(bytes.length)
        expect(frameExtent(bytes)).toBe(header(bytes).headerBytes + len)
        expect(frameExtent(bytes.subarray(0, header(bytes).headerBytes - 1))).toBe(-1)
      }
    }
    expect(frameExtent(Uint8Array.of(0x82, 0x7f, 0x80, 0, 0, 0, 0, 0, 0, 1))).toBe(-2)
  })
})
