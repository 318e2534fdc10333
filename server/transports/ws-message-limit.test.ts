/**
 * The message limit in front of `ws`: what it passes on, for any frames and any chunking, is what
 * `ws` may read — every octet before the header that crosses the limit, then control frames only.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildFrame, concatBytes, text, type FrameSpec } from '../../lib/websocket/testing/build-frame'
import { WsMessageLimit } from './ws-message-limit'

const MASK = [0x37, 0xfa, 0x21, 0x3d] as const

/** What `ws` should get and the size reported: the model, with `ws`'s arithmetic (receiver.js haveLength). */
function model(specs: readonly FrameSpec[], limit: number): { passed: Uint8Array; over: number | null } {
  const passed: Uint8Array[] = []
  let total = 0
  let over: number | null = null
  for (const spec of specs) {
    const data = spec.opcode <= 2
    if (over !== null) {
      if (!data) passed.push(buildFrame(spec))
      continue
    }
    if (data) {
      total += spec.payload.length
      if (total > limit) {
        over = total
        continue
      }
      if (spec.fin !== false) total = 0
    }
    passed.push(buildFrame(spec))
  }
  return { passed: concatBytes(passed), over }
}

function run(bytes: Uint8Array, cuts: readonly number[], limit: number): { passed: Uint8Array; reports: number[] } {
  const guard = new WsMessageLimit(limit)
  const out: Uint8Array[] = []
  const reports: number[] = []
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  let from = 0
  for (const at of [...points, bytes.length]) {
    out.push(...guard.push(bytes.subarray(from, at)))
    const over = guard.takeOver()
    if (over !== null) reports.push(over)
    from = at
  }
  return { passed: concatBytes(out), reports }
}

const frameSpec: fc.Arbitrary<FrameSpec> = fc.oneof(
  fc.record({
    opcode: fc.constantFrom(0, 1, 2),
    fin: fc.boolean(),
    payload: fc.uint8Array({ maxLength: 300 }),
    maskKey: fc.constant(MASK),
  }),
  fc.record({ opcode: fc.constantFrom(8, 9, 10), payload: fc.uint8Array({ maxLength: 20 }), maskKey: fc.constant(MASK) }),
)

describe('WsMessageLimit (checklist 19)', () => {
  it('passes on exactly what ws may read and reports the crossing message once, for any frames and any chunking', () => {
    fc.assert(
      fc.property(fc.array(frameSpec, { maxLength: 12 }), fc.integer({ min: 1, max: 400 }), fc.array(fc.nat(), { maxLength: 12 }), (specs, limit, cuts) => {
        const bytes = concatBytes(specs.map(buildFrame))
        const expected = model(specs, limit)
        const got = run(bytes, cuts, limit)
        expect([...got.passed]).toEqual([...expected.passed])
        expect(got.reports).toEqual(expected.over === null ? [] : [expected.over])
      }),
      { numRuns: 500 },
    )
  })

  it('a message at the limit passes; one octet more is refused, its fragments too, and the close frame still reaches ws', () => {
    const limit = 100
    const at = { opcode: 1, payload: new Uint8Array(100), maskKey: MASK } as const
    const first = { opcode: 1, fin: false, payload: new Uint8Array(60), maskKey: MASK } as const
    const second = { opcode: 0, payload: new Uint8Array(41), maskKey: MASK } as const
    const close = { opcode: 8, payload: Uint8Array.of(0x03, 0xe8), maskKey: MASK } as const
    const bytes = concatBytes([at, first, second, close].map(buildFrame))
    const got = run(bytes, [], limit)
    expect([...got.passed]).toEqual([...concatBytes([at, first, close].map(buildFrame))])
    expect(got.reports).toEqual([101])
  })

  it('a 64-bit length beyond 2^53 − 1 is refused, not followed', () => {
    const header = Uint8Array.of(0x82, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, ...MASK)
    const hello = buildFrame({ opcode: 1, payload: text('hello'), maskKey: MASK })
    const got = run(concatBytes([hello, header, new Uint8Array(50)]), [hello.length + 3], 1000)
    expect([...got.passed]).toEqual([...hello])
    expect(got.reports).toEqual([Number.MAX_SAFE_INTEGER])
  })
})
