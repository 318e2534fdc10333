import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { makeFrame, type Frame, type StompVersion } from './frame'
import { encodeProblem, frameToText, serializeFrame, serializeHeartbeat, withContentLength } from './serializer'
import { documentToWire } from './linter-document'
import type { ParseEvent } from './parser'
import { parseChunks } from './test-helpers'

const special = fc.constantFrom(':', '\\', '\r', '\n', 'a', 'Z', ' ', '\t', 'é', '😀', '\u0000', 'c', 'n', 'r')
const headerText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: special, maxLength: 12 }))
const header = fc.tuple(headerText.filter((s) => s.length > 0), headerText)
const command = fc.constantFrom('SEND', 'MESSAGE', 'ERROR', 'SUBSCRIBE', 'ACK', 'RECEIPT', 'BEGIN', 'X-CUSTOM', 'CONNECT', 'CONNECTED', 'STOMP')
const frameArb = fc
  .record({ command, headers: fc.array(header, { maxLength: 6 }), body: fc.uint8Array({ maxLength: 64 }) })
  .map(({ command: c, headers, body }) => withContentLength(makeFrame(c, headers, body)))

const shape = (f: Frame) => ({ command: f.command, headers: f.headers.map(([n, v]) => [n, v]), body: [...f.body] })
const shapes = (ev: readonly ParseEvent[]) => ev.flatMap((e) => (e.type === 'frame' ? [shape(e.frame)] : []))
const concat = (parts: readonly Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

describe('parser/serializer properties (fast-check)', () => {
  for (const v of ['1.1', '1.2'] as const) {
    it(`checklist 12/14/17: parse(serialize(frame)) is the identity in ${v} (headers with : \\ CR LF, binary bodies with content-length)`, () => {
      fc.assert(
        fc.property(frameArb, (f) => {
          fc.pre(encodeProblem(f, v) === null)
          const ev = parseChunks(serializeFrame(f, v), [], v)
          expect(ev.map((e) => e.type)).toEqual(['frame'])
          expect(shapes(ev)).toEqual([shape(f)])
        }),
        { numRuns: 400 },
      )
    })
  }

  it('checklist 10/16: in 1.0 the identity holds for every encodable frame whose values do not start with a space or tab', () => {
    fc.assert(
      fc.property(frameArb, (f) => {
        fc.pre(encodeProblem(f, '1.0') === null && f.headers.every(([, val]) => !/^[ \t]/.test(val)))
        expect(shapes(parseChunks(serializeFrame(f, '1.0'), [], '1.0'))).toEqual([shape(f)])
      }),
      { numRuns: 300 },
    )
  })

  it('checklist 1/3: any split of a stream of frames and heart-beats parses to the same frames (raw octets included)', () => {
    const stream = fc.array(fc.tuple(frameArb, fc.constantFrom('', '\n', '\r\n', '\n\n')), { minLength: 1, maxLength: 5 })
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom<StompVersion>('1.1', '1.2'), (items, cutSeeds, v) => {
        fc.pre(items.every(([f]) => encodeProblem(f, v) === null))
        const wires = items.map(([f]) => serializeFrame(f, v))
        const all = concat(items.flatMap(([, eol], i) => [new TextEncoder().encode(eol), wires[i]]))
        const cuts = cutSeeds.map((s) => s % (all.length + 1))
        const ev = parseChunks(all, cuts, v, { recordRaw: true })
        expect(shapes(ev)).toEqual(items.map(([f]) => shape(f)))
        expect(ev.flatMap((e) => (e.type === 'frame' && e.raw ? [[...e.raw]] : []))).toEqual(wires.map((w) => [...w]))
        const beats = ev.reduce((n, e) => n + (e.type === 'heartbeat' ? e.bytes : 0), 0)
        expect(beats).toBe(items.reduce((n, [, eol]) => n + eol.length, 0))
      }),
      { numRuns: 300 },
    )
  })

  const wellFormed = (ev: readonly ParseEvent[]) => {
    const errs = ev.filter((e) => e.type === 'error').length
    expect(errs).toBeLessThanOrEqual(1)
    if (errs === 1) expect(ev[ev.length - 1].type).toBe('error')
  }

  it('checklist 72: random bytes never throw out of the parser: frames, then at most one error, last', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom<StompVersion | null>(null, '1.0', '1.1', '1.2'), (data, cutSeeds, v) => {
        const ev = parseChunks(data, cutSeeds.map((s) => s % (data.length + 1)), v, { maxHeaderLineBytes: 64, maxHeaders: 4, maxBodyBytes: 100, maxFrameBytes: 200 })
        wellFormed(ev)
      }),
      { numRuns: 1000 },
    )
  })

  it('checklist 72: mutated valid frames never throw: frames, then at most one error, last', () => {
    const mutation = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete'))
    fc.assert(
      fc.property(fc.array(frameArb, { minLength: 1, maxLength: 3 }), fc.array(mutation, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 4 }), (fs, muts, cutSeeds) => {
        const bytes = [...concat(fs.map((f) => serializeFrame(f, '1.2', { unchecked: true })))]
        for (const [pos, val, kind] of muts) {
          const at = pos % (bytes.length + 1)
          if (kind === 'insert') bytes.splice(at, 0, val)
          else if (kind === 'delete') bytes.splice(at, 1)
          else bytes[Math.min(at, bytes.length - 1)] = val
        }
        const data = new Uint8Array(bytes)
        wellFormed(parseChunks(data, cutSeeds.map((s) => s % (data.length + 1)), '1.2'))
      }),
      { numRuns: 500 },
    )
  })

  it('editor convention: documentToWire(frameToText(frame)) sends the frame’s own octets for text bodies', () => {
    const bodyText = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r\n', '^', '@', 'é', '😀', 'x'), maxLength: 30 })
      .filter((b) => !/\^@[ \t]*(\r?\n|$)/.test(b) && !b.endsWith('\r'))
    fc.assert(
      fc.property(fc.array(header, { maxLength: 4 }), bodyText, (headers, body) => {
        fc.pre(headers.every(([n, val]) => !/[\u0000^]/.test(n + val))) // NUL / ^@ in a header line would end the frame
        const f = withContentLength(makeFrame('SEND', [['destination', '/q'], ...headers], body))
        fc.pre(encodeProblem(f, '1.2') === null)
        expect([...documentToWire(frameToText(f, '1.2'))]).toEqual([...serializeFrame(f, '1.2')])
      }),
      { numRuns: 300 },
    )
  })

  it('checklist 30: heart-beats between frames are counted, never turned into frames', () => {
    const hb = serializeHeartbeat('1.2')
    const f = serializeFrame(makeFrame('SEND', [['destination', '/q']]), '1.2')
    const ev = parseChunks(concat([hb, hb, f, hb]))
    expect(ev.map((e) => e.type)).toEqual(['heartbeat', 'frame', 'heartbeat'])
  })
})
