import { describe, expect, it } from 'vitest'
import { STOMP_ERROR_CODES } from './errors'
import { getHeader } from './frame'
import { makeProblem, problemToErrorFrame } from './problems'
import { serializeFrame } from './serializer'
import { frames, parseChunks, text } from './test-helpers'

describe('problems', () => {
  it('checklist 41: SUBSCRIBE without id in 1.2 teaches the rule, a correct frame and the spec link', () => {
    const p = makeProblem('STOMP_ERR_MISSING_HEADER', { command: 'SUBSCRIBE', header: 'id', version: '1.2' })
    expect(p.message).toBe('Missing header: id')
    expect(p.detail).toContain('Since STOMP 1.1 every SUBSCRIBE carries an id')
    expect(p.detail).toContain('    SUBSCRIBE\n    id:sub-0\n    destination:/topic/greetings\n\n    ^@')
    expect(p.detail).toContain('https://stomp.github.io/stomp-specification-1.2.html#SUBSCRIBE')
  })

  it('checklist 69: every code has a one-line message and a detail that ends with a spec link', () => {
    for (const code of STOMP_ERROR_CODES) {
      const p = makeProblem(code, { command: 'SEND', version: '1.1', header: 'h', value: 'v\nw', line: 'a\u0000b' })
      expect(p.code).toBe(code)
      expect(p.message).not.toMatch(/[\r\n]/)
      expect(p.detail).toMatch(/Spec: https:\/\/stomp\.github\.io\/stomp-specification-1\.[012]\.html#\S+$/)
    }
  })

  it('quotes offending text visibly: NUL as ^@, LF as ⏎', () => {
    const p = makeProblem('STOMP_ERR_HEADER_NO_COLON', { line: 'x\u0000y' })
    expect(p.detail).toContain('"x^@y"')
  })

  it('checklist 69/71: ERROR frame carries message, receipt-id, content-type and a content-length matching the body', () => {
    const p = makeProblem('STOMP_ERR_BAD_ESCAPE', { line: 'foo:bar\\tbaz', sequence: '\\t', version: '1.2' })
    const f = problemToErrorFrame(p, { receiptId: '77' })
    expect(f.command).toBe('ERROR')
    expect(getHeader(f, 'message')).toBe('Undefined escape sequence: \\t')
    expect(getHeader(f, 'receipt-id')).toBe('77')
    expect(getHeader(f, 'content-type')).toBe('text/plain')
    expect(Number(getHeader(f, 'content-length'))).toBe(f.body.length)
    expect(text(f.body)).toBe(`${p.detail}\n`)
    // it survives the wire, including the backslash in message (escaped for 1.2)
    const [back] = frames(parseChunks(serializeFrame(f, '1.2')))
    expect(getHeader(back, 'message')).toBe('Undefined escape sequence: \\t')
    expect(problemToErrorFrame(p).headers.map(([n]) => n)).toEqual(['message', 'content-type', 'content-length'])
  })
})
