// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AcceptSteps } from './AcceptSteps'

afterEach(cleanup)

describe('AcceptSteps', () => {
  it("RFC 6455 §1.3's example: each step shown, and a match with the server's value", () => {
    render(<AcceptSteps wsKey="dGhlIHNhbXBsZSBub25jZQ==" serverAccept="s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" />)
    expect(screen.getByTestId('accept-key').textContent).toBe('dGhlIHNhbXBsZSBub25jZQ==')
    expect(screen.getByTestId('accept-sha1').textContent).toBe('b3 7a 4f 2c c0 62 4f 16 90 f6 46 06 cf 38 59 45 b2 be c4 ea')
    expect(screen.getByTestId('accept-computed').textContent).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=')
    expect(screen.getByTestId('accept-verdict').dataset.match).toBe('true')
    expect(screen.getByText('✓ match')).toBeTruthy()
  })

  it('says so when the server sent another value', () => {
    render(<AcceptSteps wsKey="dGhlIHNhbXBsZSBub25jZQ==" serverAccept="AAAAAAAAAAAAAAAAAAAAAAAAAAA=" />)
    expect(screen.getByTestId('accept-verdict').dataset.match).toBe('false')
    expect(screen.getByText(/different: the browser would refuse/)).toBeTruthy()
  })
})
