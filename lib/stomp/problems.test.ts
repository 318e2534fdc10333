import { describe, expect, it } from 'vitest'
import { STOMP_ERROR_CODES } from './errors'
import { getHeader } from './frame'
import { makeProblem, problemToErrorFrame } from './problems'
import { WIRELAB_DESTINATIONS } from './wirelab-destinations'
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

  it('checklist 69/71: ERROR frame carries message, code, receipt-id, content-type and a content-length matching the body', () => {
    const p = makeProblem('STOMP_ERR_BAD_ESCAPE', { line: 'foo:bar\\tbaz', sequence: '\\t', version: '1.2' })
    const f = problemToErrorFrame(p, { receiptId: '77' })
    expect(f.command).toBe('ERROR')
    expect(getHeader(f, 'message')).toBe('Undefined escape sequence: \\t')
    expect(getHeader(f, 'code')).toBe('STOMP_ERR_BAD_ESCAPE')
    expect(getHeader(f, 'receipt-id')).toBe('77')
    expect(getHeader(f, 'content-type')).toBe('text/plain')
    expect(Number(getHeader(f, 'content-length'))).toBe(f.body.length)
    expect(text(f.body)).toBe(`${p.detail}\n`)
    // it survives the wire, including the backslash in message (escaped for 1.2)
    const [back] = frames(parseChunks(serializeFrame(f, '1.2')))
    expect(getHeader(back, 'message')).toBe('Undefined escape sequence: \\t')
    expect(f.headers.map(([n]) => n)).toEqual(['message', 'code', 'receipt-id', 'content-type', 'content-length'])
    expect(problemToErrorFrame(p).headers.map(([n]) => n)).toEqual(['message', 'code', 'content-type', 'content-length'])
  })

  it('checklist 69: every code reaches the wire as the ERROR\'s code header, in every version', () => {
    for (const code of STOMP_ERROR_CODES) {
      for (const v of ['1.0', '1.1', '1.2'] as const) {
        const [back] = frames(parseChunks(serializeFrame(problemToErrorFrame(makeProblem(code, { version: v })), v), [], v))
        expect(getHeader(back, 'code')).toBe(code)
      }
    }
  })

  it('checklist 36: STOMP_ERR_BAD_DESTINATION lists every destination family Wirelab serves, also after a caller\'s own first sentence', () => {
    for (const reason of [undefined, '"/app/x" is not an application handler.']) {
      const p = makeProblem('STOMP_ERR_BAD_DESTINATION', { command: 'SEND', value: '/app/x', reason })
      expect(p.detail).toContain(reason ?? 'This server does not serve "/app/x".')
      for (const d of WIRELAB_DESTINATIONS) expect(p.detail).toContain(`  ${d.pattern} `)
      expect(p.detail).toContain('* = one word, # = zero or more')
    }
  })

  it('STOMP_ERR_SLOW_CONSUMER explains its reason: outbound octets over the bound, or a topic subscription\'s hold overflow', () => {
    const bytesOver = makeProblem('STOMP_ERR_SLOW_CONSUMER', { slowConsumerReason: 'outbound-bytes', limit: 2000, actual: 1900 })
    expect(bytesOver.detail).toMatch(/^1900 octets were already waiting .* past 2000 octets/)
    expect(makeProblem('STOMP_ERR_SLOW_CONSUMER', { limit: 2000, actual: 1900 }).detail).toBe(bytesOver.detail) // the default
    const hold = makeProblem('STOMP_ERR_SLOW_CONSUMER', { slowConsumerReason: 'hold-overflow', value: '/topic/p', actual: 5, limit: 8 })
    expect(hold.message).toBe('Slow consumer')
    expect(hold.detail).toMatch(/^The subscription to "\/topic\/p" has 5 messages unacknowledged \(its prefetch limit\) and 8 more waiting/)
    expect(hold.detail).toContain('ACK messages as they arrive, or subscribe with ack:auto')
  })

  it('checklist 19, 41: STOMP_ERR_TOO_MANY_SUBSCRIPTIONS names the limit and how to get under it', () => {
    const p = makeProblem('STOMP_ERR_TOO_MANY_SUBSCRIPTIONS', { command: 'SUBSCRIBE', version: '1.2', limit: 3 })
    expect(p.message).toBe('Too many subscriptions')
    expect(p.detail).toContain('already has 3 subscriptions')
    expect(p.detail).toContain('UNSUBSCRIBE\n    id:sub-0')
    expect(p.checklist).toEqual([19, 41])
  })
})
