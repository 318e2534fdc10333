import { describe, expect, it } from 'vitest'
import type { WsFrameEvent } from './events'
import { frameLabel, pairFrames } from './xray-pairing'

const enc = (s: string) => new TextEncoder().encode(s)
let t = 0
function frame(dir: 'in' | 'out', preview: string, over: Partial<WsFrameEvent> = {}): WsFrameEvent {
  return {
    type: 'ws.frame', t: t++, conn: 'ws-1', dir, fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1,
    masked: dir === 'in', maskKey: dir === 'in' ? '01020304' : null, payloadLength: enc(preview).length,
    headerBytes: dir === 'in' ? 6 : 2, headerHex: '', preview, previewEncoding: 'text', truncated: false, ...over,
  }
}

describe('pairFrames', () => {
  it('pairs the k-th data frame each way with the k-th message sent / received, skipping control frames', () => {
    const frames = [frame('in', 'a'), frame('out', 'A'), frame('out', '', { opcode: 9, payloadLength: 0 }), frame('in', 'bb'), frame('out', 'BB')]
    const paired = pairFrames(frames, [enc('a'), enc('bb')], [enc('A'), enc('BB')])
    expect(paired.map((p) => (p.payload ? new TextDecoder().decode(p.payload) : null))).toEqual(['a', 'A', null, 'bb', 'BB'])
  })

  it('gives the full payload when the event only had a capped preview', () => {
    const long = 'x'.repeat(300)
    const ev = frame('in', long.slice(0, 256), { payloadLength: 300, truncated: true })
    expect(pairFrames([ev], [enc(long)], [])[0].payload?.length).toBe(300)
  })

  it('falls back to the preview when the message does not agree with the event (a dropped event shifted the count)', () => {
    const paired = pairFrames([frame('in', 'second')], [enc('first'), enc('second')], [])
    expect(paired[0].payload).toBeNull()
  })

  it('compares hex previews of binary frames', () => {
    const ev = frame('in', '00 ff', { opcode: 2, previewEncoding: 'hex', payloadLength: 2 })
    expect(pairFrames([ev], [new Uint8Array([0, 255])], [])[0].payload).toEqual(new Uint8Array([0, 255]))
    expect(pairFrames([ev], [new Uint8Array([0, 254])], [])[0].payload).toBeNull()
  })
})

describe('frameLabel', () => {
  it('names STOMP commands, control frames, heart-beats and plain text', () => {
    expect(frameLabel(frame('in', 'SEND\ndestination:/q\n\nhi\0'))).toBe('SEND')
    expect(frameLabel(frame('out', '', { opcode: 8, closeCode: 1000 }))).toBe('close 1000')
    expect(frameLabel(frame('out', '', { opcode: 9 }))).toBe('ping')
    expect(frameLabel(frame('out', '\n'))).toBe('heart-beat')
    expect(frameLabel(frame('in', 'hello'))).toBe('“hello”')
    expect(frameLabel(frame('in', 'a rather long message indeed'))).toBe('“a rather long mes…”')
  })
})
