import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { InspectEvent, WsFrameEvent } from '../inspect/events'
import { encodeHeader, toHex } from '../inspect/xray'
import { evaluate } from './evaluate'
import { messages, statuses, wsFrame } from './testing'
import { LONG_EXAMPLE, wsFramesByHand as ex } from './websocket-frames'

const octets = (s: string) => new TextEncoder().encode(s).length

/** A frame with its header octets encoded from its fields, as the tap reports them. */
function frame(dir: 'in' | 'out', opcode: number, options: Partial<WsFrameEvent> & { text?: string } = {}): WsFrameEvent {
  const { text, ...rest } = options
  const preview = text ?? rest.preview ?? ''
  const payloadLength = rest.payloadLength ?? (text !== undefined ? octets(text) : 0)
  const masked = dir === 'in'
  const maskKey = masked ? '0a0b0c0d' : null
  const headerHex = toHex(encodeHeader({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode, masked, maskKey, payloadLength }))
  return wsFrame(dir, opcode, { preview, payloadLength, headerHex, headerBytes: headerHex.length / 2, ...rest })
}

const long = frame('in', 1, { text: LONG_EXAMPLE })
const bin = frame('in', 2, { preview: '010203ff', previewEncoding: 'hex', payloadLength: 4 })
const ping = frame('out', 9, { text: 'wirelab' })
const pong = frame('in', 10, { text: 'wirelab' })
const pingCommand = frame('in', 1, { text: 'ping' })
const close4000 = frame('in', 8, { preview: '0fa0646f6e65', previewEncoding: 'hex', payloadLength: 6, closeCode: 4000, closeReason: 'done' })
const serverClose = (code?: number, reason = '') => frame('out', 8, { payloadLength: code === undefined ? 0 : 2 + reason.length, ...(code === undefined ? {} : { closeCode: code, closeReason: reason }) })
const browserClose = (code?: number, reason = '') => frame('in', 8, { payloadLength: code === undefined ? 0 : 2 + reason.length, ...(code === undefined ? {} : { closeCode: code, closeReason: reason }) })

const SOLUTION = [long, bin, pingCommand, ping, pong, close4000]

describe('exercise ws-frames-by-hand (lesson 06)', () => {
  it('nothing yet: every step is to do, and the close step says why it waits', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo', 'todo'])
    expect(messages(ex, [])[3]).toMatch(/three steps above first/)
  })

  it('the solution: every step done, each message reading the header', () => {
    const v = evaluate(ex, SOLUTION)
    expect(v.done).toBe(true)
    expect(LONG_EXAMPLE.length).toBeGreaterThan(125)
    expect(v.steps[0].message).toBe(`143 octets. Its header starts \`81 fe 00 8f\`: the 7-bit length field says 126, and the next two octets hold 143 (\`00 8f\`, the 16-bit form).`)
    expect(v.steps[1].message).toMatch(/Opcode 2: the server read 4 octets \(`01 02 03 ff`\)/)
    expect(v.steps[2].message).toMatch(/Pong masked with its own key and the same 7-octet payload/)
    expect(v.steps[2].evidence?.summary).toBe('sent pong frame (7 payload octets, masked)')
    expect(v.steps[3].message).toMatch(/closed first, with `4000` and the reason `done`/)
    expect(v.steps[3].evidence?.summary).toBe('sent close frame 4000 "done" (6 payload octets, masked)')
  })

  it('the first three steps may come in any order; the close must come after them', () => {
    expect(evaluate(ex, [pingCommand, ping, pong, bin, long, close4000]).done).toBe(true)
    const early = [close4000, long, bin, ping, pong]
    expect(statuses(ex, early)).toEqual(['done', 'done', 'done', 'todo'])
    expect(messages(ex, early)[3]).toMatch(/closed with 4000 before the steps above were done/)
    expect(evaluate(ex, [...early, close4000]).done).toBe(true)
  })

  it('a 64-bit length is explained too', () => {
    const huge = frame('in', 2, { preview: '00', previewEncoding: 'hex', payloadLength: 65536 })
    expect(messages(ex, [huge])[0]).toMatch(/says 127, and the next eight octets hold 65536/)
  })

  it('a text of 125 octets or less: wrong, with its length; the echo commands are not judged', () => {
    const short = frame('in', 1, { text: 'Hello' })
    expect(statuses(ex, [short])[0]).toBe('wrong')
    expect(messages(ex, [short])[0]).toMatch(/That text was 5 octets: 5 fits in the 7 bits/)
    const max = frame('in', 1, { text: 'x'.repeat(125) })
    expect(messages(ex, [max])[0]).toMatch(/That text was 125 octets/)
    expect(statuses(ex, [pingCommand, frame('in', 1, { text: 'close 4000 bye' })])[0]).toBe('todo')
    // octets, not characters: 63 "é" are 126 octets
    expect(statuses(ex, [frame('in', 1, { text: 'é'.repeat(63) })])[0]).toBe('done')
  })

  it('hex digits sent as text, and an empty binary message, are explained', () => {
    const asText = frame('in', 1, { text: '01 02 03 ff' })
    expect(statuses(ex, [asText])[1]).toBe('wrong')
    expect(messages(ex, [asText])[1]).toMatch(/went as a text frame \(opcode 1\).*Send binary/)
    const empty = frame('in', 2, { preview: '', previewEncoding: 'hex', payloadLength: 0 })
    expect(messages(ex, [empty])[1]).toMatch(/carried no octets/)
  })

  it('a ping without pong yet waits; a misspelt ping command is explained', () => {
    expect(statuses(ex, [ping])[2]).toBe('todo')
    expect(messages(ex, [ping])[2]).toMatch(/waiting for your browser's Pong/)
    const shouted = frame('in', 1, { text: 'PING' })
    expect(statuses(ex, [shouted])[2]).toBe('wrong')
    expect(messages(ex, [shouted])[2]).toMatch(/exact text `ping`/)
    // a pong on another connection is not the answer
    expect(statuses(ex, [ping, { ...pong, conn: 'ws-2' }])[2]).toBe('todo')
  })

  it('close mistakes: the server closed first, no code, another code, no reason', () => {
    const before = [long, bin, pingCommand, ping, pong]
    const serverFirst = [...before, frame('in', 1, { text: 'close 4000 done' }), serverClose(4000, 'done'), browserClose(4000, 'done')]
    expect(statuses(ex, serverFirst)[3]).toBe('wrong')
    expect(messages(ex, serverFirst)[3]).toMatch(/The server closed first \(with 4000\).*Close.*button/)
    expect(messages(ex, [...before, serverClose(4000, 'done')])[3]).toMatch(/The server closed first/)
    expect(messages(ex, [...before, browserClose()])[3]).toMatch(/no code.*1005/)
    expect(messages(ex, [...before, browserClose(1000, 'bye')])[3]).toMatch(/You closed with 1000 \(Normal Closure\)/)
    expect(messages(ex, [...before, browserClose(4001, 'bye')])[3]).toMatch(/You closed with 4001 \(Application\)/)
    expect(messages(ex, [...before, browserClose(4000)])[3]).toMatch(/no reason/)
    // then the right close on a new connection
    expect(evaluate(ex, [...serverFirst, { ...close4000, conn: 'ws-2' }]).done).toBe(true)
  })

  it('never throws on random event sequences, and a later step is never done before the close rule allows', () => {
    const arb = fc.array(
      fc
        .record({
          dir: fc.constantFrom('in' as const, 'out' as const),
          opcode: fc.constantFrom(0, 1, 2, 3, 8, 9, 10, 11),
          conn: fc.constantFrom('ws-1', 'ws-2'),
          text: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('ping', 'close 4000 x', '01 02', LONG_EXAMPLE)),
          code: fc.option(fc.integer({ min: 0, max: 70000 })),
          reason: fc.option(fc.string({ maxLength: 10 })),
          hexPreview: fc.boolean(),
        })
        .map((f) =>
          frame(f.dir, f.opcode, {
            conn: f.conn,
            ...(f.hexPreview ? { preview: f.text, previewEncoding: 'hex' as const, payloadLength: f.text.length } : { text: f.text }),
            ...(f.opcode === 8 && f.code !== null ? { closeCode: f.code, ...(f.reason !== null ? { closeReason: f.reason } : {}) } : {}),
          }) as InspectEvent,
        ),
      { maxLength: 25 },
    )
    fc.assert(
      fc.property(arb, (events) => {
        const v = evaluate(ex, events)
        expect(v.steps).toHaveLength(4)
        expect(v.steps[0].message ?? '').not.toMatch(/could not check/)
        if (v.steps[3].status === 'done') expect(v.steps.slice(0, 3).every((s) => s.status === 'done')).toBe(true)
      }),
    )
  })
})
