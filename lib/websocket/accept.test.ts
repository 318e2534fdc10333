import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { acceptSteps, computeAccept, isValidKey, WS_GUID } from './accept'
import { base64Encode } from './base64'
import { sha1 } from './sha1'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe('SHA-1 (FIPS 180-4)', () => {
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
  ])('the FIPS test vector %j', (input, digest) => {
    expect(hex(sha1(new TextEncoder().encode(input)))).toBe(digest)
  })

  it('agrees with node:crypto on every length around the 64-octet block and padding edges', () => {
    for (let len = 0; len <= 200; len++) {
      const data = randomBytes(len)
      expect(hex(sha1(data)), `length ${len}`).toBe(createHash('sha1').update(data).digest('hex'))
    }
  })
})

describe('base64', () => {
  it.each([0, 1, 2, 3, 4, 5, 20, 31])('agrees with Buffer for %i octets', (len) => {
    const data = randomBytes(len)
    expect(base64Encode(data)).toBe(data.toString('base64'))
  })
})

describe('Sec-WebSocket-Accept (RFC 6455 §4.2.2)', () => {
  it("RFC 6455 §1.3's own example, step by step", () => {
    const steps = acceptSteps('dGhlIHNhbXBsZSBub25jZQ==')
    expect(steps.guid).toBe('258EAFA5-E914-47DA-95CA-C5AB0DC85B11')
    expect(steps.concatenated).toBe('dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11')
    expect(steps.sha1Hex).toBe('b37a4f2cc0624f1690f64606cf385945b2bec4ea')
    expect(steps.accept).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=')
  })

  it('agrees with node:crypto for random keys', () => {
    for (let i = 0; i < 200; i++) {
      const key = randomBytes(16).toString('base64')
      expect(isValidKey(key)).toBe(true)
      expect(computeAccept(key)).toBe(createHash('sha1').update(key + WS_GUID).digest('base64'))
    }
  })

  it('uses the header value trimmed of surrounding whitespace', () => {
    expect(computeAccept('  dGhlIHNhbXBsZSBub25jZQ== ')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=')
  })

  it('tells a valid key (base64 of 16 octets) from others', () => {
    expect(isValidKey('dGhlIHNhbXBsZSBub25jZQ==')).toBe(true)
    expect(isValidKey('dGhlIHNhbXBsZSBub25jZQ')).toBe(false)
    expect(isValidKey('aGVsbG8=')).toBe(false)
  })
})
