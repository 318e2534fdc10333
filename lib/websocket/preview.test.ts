import { describe, expect, it } from 'vitest'
import { closeInfo, payloadPreview, PREVIEW_CHARS } from './preview'

const enc = (s: string) => new TextEncoder().encode(s)

describe('payloadPreview', () => {
  it('shows UTF-8 as text, whole when short', () => {
    expect(payloadPreview(enc('SEND\n\nhé\0'), 10)).toEqual({ preview: 'SEND\n\nhé\0', encoding: 'text', truncated: false })
  })

  it('caps text at 256 characters', () => {
    const p = payloadPreview(enc('é'.repeat(300)), 600)
    expect(p.preview).toBe('é'.repeat(PREVIEW_CHARS))
    expect(p).toMatchObject({ encoding: 'text', truncated: true })
  })

  it('a character cut by the capture still counts as text (the cut is dropped)', () => {
    const bytes = enc('ab€') // € = 3 octets
    expect(payloadPreview(bytes.subarray(0, 3), 5)).toEqual({ preview: 'ab', encoding: 'text', truncated: true })
    expect(payloadPreview(bytes.subarray(0, 4), 5)).toEqual({ preview: 'ab', encoding: 'text', truncated: true })
  })

  it('shows anything else as hex, 128 octets at most', () => {
    expect(payloadPreview(Uint8Array.of(0xff, 0x00, 0x10), 3)).toEqual({ preview: 'ff0010', encoding: 'hex', truncated: false })
    const p = payloadPreview(new Uint8Array(200).fill(0xfe), 200)
    expect(p.preview).toHaveLength(256)
    expect(p.truncated).toBe(true)
  })

  it('an invalid sequence in a complete payload is not excused', () => {
    expect(payloadPreview(Uint8Array.of(0x61, 0xe2, 0x82), 3).encoding).toBe('hex')
  })
})

describe('closeInfo (RFC 6455 §5.5.1)', () => {
  it('reads the code and the reason', () => {
    expect(closeInfo(Uint8Array.of(0x03, 0xe8, ...enc('bye')))).toEqual({ code: 1000, reason: 'bye' })
    expect(closeInfo(Uint8Array.of(0x0f, 0xa0))).toEqual({ code: 4000, reason: '' })
  })
  it('a close without a body has no code', () => {
    expect(closeInfo(new Uint8Array(0))).toEqual({})
  })
})
