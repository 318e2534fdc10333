import { describe, expect, it } from 'vitest'
import { base64, computeAcceptSteps, WS_GUID } from './accept-steps'

describe('computeAcceptSteps', () => {
  it("RFC 6455 §1.3's own example: dGhlIHNhbXBsZSBub25jZQ== → s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", async () => {
    const steps = await computeAcceptSteps('dGhlIHNhbXBsZSBub25jZQ==')
    expect(steps.concatenated).toBe(`dGhlIHNhbXBsZSBub25jZQ==${WS_GUID}`)
    expect(steps.sha1Hex).toBe('b37a4f2cc0624f1690f64606cf385945b2bec4ea')
    expect(steps.accept).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=')
  })
  it('base64 pads like the spec', () => {
    expect(base64(new TextEncoder().encode('ab'))).toBe('YWI=')
    expect(base64(new Uint8Array([]))).toBe('')
  })
})
