import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fromBase64Url, toBase64Url } from './base64url'
import { MAX_SHARED_BYTES, decodeShare, encodeShare, shareFragment, shareValueFromHash } from './share-link'

const docText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: fc.constantFrom('SEND', '\n', '\r\n', ':', '\\c', '^@', '\u0000', 'é', '😀', 'destination:/queue/a', ' '), maxLength: 60 }),
)
const docArb = fc.record({ frames: docText, title: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }) })

describe('base64url', () => {
  it('round-trips any octets and uses only url-safe characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes)
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/)
        expect([...(fromBase64Url(text) ?? [])]).toEqual([...bytes])
      }),
    )
  })
  it('refuses foreign characters, impossible lengths and non-canonical tails', () => {
    expect(fromBase64Url('ab+c')).toBeNull()
    expect(fromBase64Url('abcde')).toBeNull()
    expect(fromBase64Url('AB')).toBeNull() // 'B' leaves non-zero spare bits
    expect([...(fromBase64Url('AA') ?? [])]).toEqual([0])
  })
})

describe('share link', () => {
  it('round-trips arbitrary documents, compressed and plain (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(docArb, fc.boolean(), async (doc, compress) => {
        const value = await encodeShare(doc, { compress })
        expect(value.startsWith(compress ? '1d.' : '1p.')).toBe(true)
        const back = await decodeShare(value)
        expect(back).toEqual({ ok: true, doc, compressed: compress })
      }),
      { numRuns: 150 },
    )
  })

  it('compression makes a repetitive document much shorter than the plain form', async () => {
    const frames = Array.from({ length: 20 }, (_, i) => `SEND\ndestination:/queue/orders\ncontent-type:application/json\n\n{"n":${i}}\n^@`).join('\n\n')
    const plain = await encodeShare({ frames }, { compress: false })
    const packed = await encodeShare({ frames })
    expect(packed.length).toBeLessThan(plain.length / 3)
  })

  it('reads the value out of a location hash, among other parameters', async () => {
    const fragment = await shareFragment({ frames: 'SEND\n\n^@' })
    expect(fragment.startsWith('#share=1')).toBe(true)
    expect(shareValueFromHash(fragment)).toBe(fragment.slice('#share='.length))
    expect(shareValueFromHash('#tab=2&share=1p.e30')).toBe('1p.e30')
    expect(shareValueFromHash('#other=1')).toBeNull()
  })

  it('explains every kind of broken link instead of throwing', async () => {
    const good = await encodeShare({ frames: 'SUBSCRIBE\nid:0\ndestination:/topic/a\n\n^@' })
    const cases: Array<[string, string, RegExp]> = [
      ['', 'no-share', /empty/],
      ['hello', 'bad-encoding', /not a Wirelab share link/],
      ['9d.AAAA', 'unknown-version', /format 9.*newer/],
      ['1x.AAAA', 'bad-encoding', /Unknown mode/],
      ['1p.ab+c', 'bad-base64', /base64url/],
      [good.slice(0, good.length - 6), 'inflate-failed', /damaged|cut/],
      [`1p.${toBase64Url(new TextEncoder().encode('not json'))}`, 'bad-json', /not the JSON/],
      [`1p.${toBase64Url(new TextEncoder().encode('{"title":"x"}'))}`, 'bad-shape', /no “frames”/],
      [`1p.${toBase64Url(new TextEncoder().encode('{"frames":"x","title":3}'))}`, 'bad-shape', /title/],
    ]
    for (const [value, code, message] of cases) {
      const r = await decodeShare(value)
      expect(r.ok, value).toBe(false)
      if (!r.ok) {
        expect(r.code, value).toBe(code)
        expect(r.message).toMatch(message)
      }
    }
  })

  it('refuses a decompression bomb: a tiny link that unpacks beyond the limit', async () => {
    const huge = await encodeShare({ frames: 'a'.repeat(MAX_SHARED_BYTES + 10) })
    expect(huge.length).toBeLessThan(4000)
    const r = await decodeShare(huge)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.code).toBe('too-large')
  })
})
