import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isValidUtf8, utf8Length } from './utf8'

const strictDecode = (b: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b)
    return true
  } catch {
    return false
  }
}

describe('isValidUtf8 (checklist 11, 76)', () => {
  it('checklist 11: accepts UTF-8, rejects overlongs, surrogates, > U+10FFFF, truncations', () => {
    expect(isValidUtf8(new TextEncoder().encode('héllo 😀 ∑'))).toBe(true)
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8], [0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98]]) {
      expect(isValidUtf8(new Uint8Array(bad))).toBe(false)
    }
  })

  it('checklist 76: agrees with a fatal TextDecoder on arbitrary octets', () => {
    const octets = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => new TextEncoder().encode(s)))
    fc.assert(fc.property(octets, (b) => {
      expect(isValidUtf8(b)).toBe(strictDecode(b))
    }), { numRuns: 2000 })
  })

  it('utf8Length counts octets without encoding', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length)
    }))
  })
})
