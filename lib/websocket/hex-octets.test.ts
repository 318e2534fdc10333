import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatHexOctets, isHexError, MAX_TYPED_OCTETS, parseHexOctets } from './hex-octets'

const octets = (text: string) => {
  const parsed = parseHexOctets(text)
  return isHexError(parsed) ? parsed.error : Array.from(parsed.bytes)
}

describe('parseHexOctets', () => {
  it('reads the usual ways of writing octets', () => {
    for (const text of ['01 02 ff', '0102ff', '0x01, 0x02, 0xFF', '01:02:ff', '  01\n02\tFF  ', '0102 ff']) expect(octets(text)).toEqual([1, 2, 255])
  })

  it('explains what is wrong', () => {
    expect(octets('')).toMatch(/Type some octets/)
    expect(octets('   ')).toMatch(/Type some octets/)
    expect(octets('01 0g')).toMatch(/`g` is not a hex digit/)
    expect(octets('hello')).toMatch(/`h` is not a hex digit/)
    expect(octets('1 2 3')).toMatch(/`1` has an odd number of digits.*`01`/)
    expect(octets('0x')).toMatch(/`0x` needs two hex digits/)
    expect(octets('00'.repeat(MAX_TYPED_OCTETS + 1))).toMatch(/at most 4096/)
  })

  it('round-trips with formatHexOctets, and never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = formatHexOctets(bytes)
        if (bytes.length === 0) return
        expect(octets(text)).toEqual(Array.from(bytes))
      }),
    )
    fc.assert(fc.property(fc.string(), (text) => void parseHexOctets(text)))
  })
})
