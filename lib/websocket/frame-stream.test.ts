import { describe, expect, it } from 'vitest'
import { WsFrameStream, type DecodedFrame } from './frame-stream'
import { buildFrame, concatBytes, text, type FrameSpec } from './testing/build-frame'

const MASK = [0x37, 0xfa, 0x21, 0x3d] as const

function summary(f: DecodedFrame) {
  return { fin: f.fin, opcode: f.opcode, masked: f.masked, payloadLength: f.payloadLength, payload: [...f.payload], truncated: f.truncated }
}

/** Every frame spec below, decoded from one buffer fed in two pieces split at `at`. */
function decodeSplit(bytes: Uint8Array, at: number, previewBytes = 1024): DecodedFrame[] {
  const stream = new WsFrameStream({ previewBytes })
  return [...stream.push(bytes.subarray(0, at)), ...stream.push(bytes.subarray(at))]
}

const conversation: FrameSpec[] = [
  { opcode: 1, payload: text('CONNECT\naccept-version:1.2\n\n\0'), maskKey: MASK },
  { opcode: 1, payload: text('CONNECTED\nversion:1.2\n\n\0') },
  { opcode: 1, fin: false, payload: text('SEND\ndest'), maskKey: [1, 2, 3, 4] },
  { opcode: 9, payload: text('are you there?'), maskKey: [5, 6, 7, 8] },
  { opcode: 0, fin: false, payload: text('ination:/topic/a\n\nhé'), maskKey: [9, 10, 11, 12] },
  { opcode: 0, payload: text('llo\0'), maskKey: [13, 14, 15, 16] },
  { opcode: 10, payload: text('are you there?') },
  { opcode: 2, payload: new Uint8Array(300).map((_, i) => i & 0xff), maskKey: MASK },
  { opcode: 2, payload: new Uint8Array(0) },
  { opcode: 1, payload: text('x'.repeat(70_000)) },
  { opcode: 8, payload: Uint8Array.of(0x03, 0xe8, ...text('bye')), maskKey: MASK },
  { opcode: 8, payload: new Uint8Array(0) },
]

describe('WsFrameStream', () => {
  const wire = concatBytes(conversation.map(buildFrame))

  it('decodes a whole conversation from one chunk: headers, unmasked payloads, fragments and control frames between them', () => {
    const frames = new WsFrameStream({ previewBytes: 100_000 }).push(wire)
    expect(frames.map((f) => [f.opcode, f.fin, f.masked])).toEqual(conversation.map((s) => [s.opcode, s.fin !== false, s.maskKey !== undefined]))
    frames.forEach((f, i) => expect([...f.payload]).toEqual([...conversation[i].payload]))
    expect(frames.map((f) => f.truncated)).toEqual(conversation.map(() => false))
    expect([...frames[0].headerOctets]).toEqual([0x81, 0x80 | 29, ...MASK])
  })

  it('gives the same frames whatever byte the stream is split at', () => {
    const small = concatBytes(conversation.filter((s) => s.payload.length < 1000).map(buildFrame))
    const expected = new WsFrameStream().push(small).map(summary)
    expect(expected).toHaveLength(11)
    for (let at = 0; at <= small.length; at++) expect(decodeSplit(small, at).map(summary)).toEqual(expected)
  })

  it('gives the same frames when fed one octet at a time', () => {
    const stream = new WsFrameStream({ previewBytes: 100_000 })
    const frames: DecodedFrame[] = []
    for (let i = 0; i < wire.length; i++) frames.push(...stream.push(wire.subarray(i, i + 1)))
    expect(frames.map(summary)).toEqual(new WsFrameStream({ previewBytes: 100_000 }).push(wire).map(summary))
    expect(stream.midFrame).toBe(false)
  })

  it('keeps only the first previewBytes of a payload, unmasked across chunk boundaries', () => {
    const payload = new Uint8Array(5000).map((_, i) => (i * 7) & 0xff)
    const bytes = buildFrame({ opcode: 2, payload, maskKey: [0xde, 0xad, 0xbe, 0xef] })
    for (const at of [3, 7, 8, 9, 11, 20, 4000]) {
      const [f] = decodeSplit(bytes, at, 10)
      expect(f.payloadLength).toBe(5000)
      expect([...f.payload]).toEqual([...payload.subarray(0, 10)])
      expect(f.truncated).toBe(true)
    }
  })

  it('reports a frame once its last payload octet arrived', () => {
    const stream = new WsFrameStream()
    const bytes = buildFrame({ opcode: 1, payload: text('hello') })
    expect(stream.push(bytes.subarray(0, 6))).toEqual([])
    expect(stream.midFrame).toBe(true)
    expect(stream.push(bytes.subarray(6)).map((f) => new TextDecoder().decode(f.payload))).toEqual(['hello'])
  })

  it('push(chunk, false) keeps the boundaries without reporting, and reporting resumes at the next frame', () => {
    const stream = new WsFrameStream()
    const a = buildFrame({ opcode: 1, payload: text('not watched'), maskKey: MASK })
    const b = buildFrame({ opcode: 1, payload: text('watched') })
    const both = concatBytes([a, b])
    expect(stream.push(both.subarray(0, 8), false)).toEqual([])
    // the rest of a, reported now: still skipped (its header was read unwatched); b is reported
    expect(stream.push(both.subarray(8)).map((f) => new TextDecoder().decode(f.payload))).toEqual(['watched'])
  })

  it('unwatched octets keep the boundaries wherever watching starts: a frame is reported iff its header ends after that point', () => {
    const specs = conversation.filter((s) => s.payload.length < 1000)
    const frames = specs.map(buildFrame)
    const small = concatBytes(frames)
    const starts = frames.map((_, i) => frames.slice(0, i).reduce((n, f) => n + f.length, 0))
    const headerEnds = frames.map((f, i) => starts[i] + (new WsFrameStream().push(f)[0]?.headerBytes ?? 0))
    for (let at = 0; at <= small.length; at++) {
      const stream = new WsFrameStream()
      expect(stream.push(small.subarray(0, at), false)).toEqual([])
      const reported = stream.push(small.subarray(at)).map((f) => [...f.payload])
      const expected = specs.filter((_, i) => headerEnds[i] > at).map((s) => [...s.payload])
      expect(reported, `watching from octet ${at}`).toEqual(expected)
    }
  })

  it('a 64-bit length it cannot follow stops the stream with an error', () => {
    const stream = new WsFrameStream()
    expect(stream.push(Uint8Array.of(0x82, 0x7f, 0x80, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3))).toEqual([])
    expect(stream.error).toMatch(/most significant bit/)
    expect(stream.push(buildFrame({ opcode: 1, payload: text('later') }))).toEqual([])
  })
})
