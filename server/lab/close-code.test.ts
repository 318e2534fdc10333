import { describe, expect, it } from 'vitest'
import { closeCodeProblem, parseCloseCommand } from './close-code'

describe('close codes (RFC 6455 §7.4)', () => {
  it('codes an endpoint may send', () => {
    for (const code of [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999]) expect(closeCodeProblem(code), String(code)).toBeNull()
  })

  it('codes it may not, each with its reason', () => {
    expect(closeCodeProblem(999)).toMatch(/0-999 are never used/)
    expect(closeCodeProblem(1004)).toMatch(/1004 is reserved/)
    expect(closeCodeProblem(1005)).toMatch(/no status code was present/)
    expect(closeCodeProblem(1006)).toMatch(/without a Close frame/)
    expect(closeCodeProblem(1015)).toMatch(/TLS/)
    expect(closeCodeProblem(1016)).toMatch(/future versions/)
    expect(closeCodeProblem(2999)).toMatch(/future versions/)
    expect(closeCodeProblem(5000)).toMatch(/outside every range/)
  })

  it('parses close, close <code>, close <code> <reason with spaces>; other text is not a command', () => {
    expect(parseCloseCommand('close')).toEqual({ kind: 'close', reason: '' })
    expect(parseCloseCommand('close 4001')).toEqual({ kind: 'close', code: 4001, reason: '' })
    expect(parseCloseCommand('close 4001 see you later')).toEqual({ kind: 'close', code: 4001, reason: 'see you later' })
    expect(parseCloseCommand('closer')).toBeNull()
    expect(parseCloseCommand('please close')).toBeNull()
    expect(parseCloseCommand(`close 1000 ${'é'.repeat(61)}`)).toEqual({ kind: 'close', code: 1000, reason: 'é'.repeat(61) })
    expect(parseCloseCommand(`close 1000 ${'é'.repeat(62)}`)).toMatchObject({ kind: 'invalid', error: expect.stringMatching(/124 bytes/) })
  })
})
