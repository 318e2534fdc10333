import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { WS_GUID } from './accept'
import { diagnoseAccept, looksLikeAccept } from './accept-diagnosis'

// RFC 6455 §1.3's own example.
const KEY = 'dGhlIHNhbXBsZSBub25jZQ=='
const ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo='
const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest()

describe('diagnoseAccept', () => {
  it('recognises the right Accept, with surrounding whitespace ignored', () => {
    expect(diagnoseAccept(ACCEPT, KEY)).toBe('correct')
    expect(diagnoseAccept(`  ${ACCEPT}\n`, KEY)).toBe('correct')
  })

  it('names each typical mistake', () => {
    expect(diagnoseAccept(`"${ACCEPT}"`, KEY)).toBe('quoted')
    expect(diagnoseAccept(`'${ACCEPT}'`, KEY)).toBe('quoted')
    expect(diagnoseAccept(KEY, KEY)).toBe('key')
    expect(diagnoseAccept(WS_GUID, KEY)).toBe('guid')
    expect(diagnoseAccept(KEY + WS_GUID, KEY)).toBe('concatenated')
    expect(diagnoseAccept(`${KEY} ${WS_GUID}`, KEY)).toBe('concatenated')
    expect(diagnoseAccept(sha1(KEY).toString('base64'), KEY)).toBe('no-guid')
    expect(diagnoseAccept(sha1(WS_GUID + KEY).toString('base64'), KEY)).toBe('guid-first')
    expect(diagnoseAccept(sha1(KEY + WS_GUID.toLowerCase()).toString('base64'), KEY)).toBe('guid-case')
    const hex = sha1(KEY + WS_GUID).toString('hex')
    expect(hex).toBe('b37a4f2cc0624f1690f64606cf385945b2bec4ea')
    expect(diagnoseAccept(hex, KEY)).toBe('hex')
    expect(diagnoseAccept(hex.toUpperCase().replace(/(..)(?=.)/g, '$1 '), KEY)).toBe('hex')
    expect(diagnoseAccept(sha1(KEY).toString('hex'), KEY)).toBe('hex-no-guid')
    expect(diagnoseAccept(Buffer.from(hex).toString('base64'), KEY)).toBe('base64-of-hex')
    const decoded = Buffer.concat([Buffer.from(KEY, 'base64'), Buffer.from(WS_GUID)])
    expect(diagnoseAccept(sha1(decoded).toString('base64'), KEY)).toBe('decoded-key')
    expect(diagnoseAccept('hello', KEY)).toBe('other')
    expect(diagnoseAccept('', KEY)).toBe('other')
  })

  it('never throws, and only the right value is correct', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (sent, key) => {
        const kind = diagnoseAccept(sent, key)
        if (kind === 'correct') expect(sent.trim()).toBe(sha1(key.trim() + WS_GUID).toString('base64'))
      }),
    )
  })
})

describe('looksLikeAccept', () => {
  it('is the shape of base64 of 20 octets', () => {
    expect(looksLikeAccept(ACCEPT)).toBe(true)
    expect(looksLikeAccept(KEY)).toBe(false)
    expect(looksLikeAccept('hello')).toBe(false)
  })
})
