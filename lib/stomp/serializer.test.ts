import { describe, expect, it } from 'vitest'
import { makeFrame } from './frame'
import { StompEncodeError, frameToText, serializeFrame, serializeHeartbeat, withContentLength } from './serializer'
import { bytes, frames, parseChunks, text } from './test-helpers'
import { lintFrames } from './linter'
import { documentToWire } from './linter-document'

describe('serializer', () => {
  it('checklist 1: writes command, headers, blank line, body, NUL (optionally a trailing LF — checklist 78)', () => {
    const f = makeFrame('SEND', [['destination', '/q'], ['content-length', '2']], 'hi')
    expect(text(serializeFrame(f, '1.2'))).toBe('SEND\ndestination:/q\ncontent-length:2\n\nhi\u0000')
    expect(text(serializeFrame(f, '1.2', { trailingEol: true }))).toBe('SEND\ndestination:/q\ncontent-length:2\n\nhi\u0000\n')
  })

  it('checklist 14/53: MESSAGE headers are escaped for the receiver (1.2 and 1.1)', () => {
    const f = makeFrame('MESSAGE', [['k:ey', 'a:b\nc\\d\re']])
    expect(text(serializeFrame(f, '1.2'))).toBe('MESSAGE\nk\\cey:a\\cb\\nc\\\\d\\re\n\n\u0000')
    expect(text(serializeFrame(f, '1.1'))).toBe('MESSAGE\nk\\cey:a\\cb\\nc\\\\d\re\n\n\u0000')
  })

  it('checklist 17: round trip k\\cey:a\\cb\\nc\\\\d\\re — SEND parsed, re-sent as MESSAGE, carries the same escaped bytes', () => {
    const line = 'k\\cey:a\\cb\\nc\\\\d\\re'
    const [sent] = frames(parseChunks(bytes(`SEND\ndestination:/q\n${line}\n\n\u0000`)))
    const message = makeFrame('MESSAGE', sent.headers, sent.body)
    expect(text(serializeFrame(message, '1.2'))).toBe(`MESSAGE\ndestination:/q\n${line}\n\n\u0000`)
  })

  it('checklist 16: a 1.0 receiver gets raw headers (url:http://x), never \\c', () => {
    expect(text(serializeFrame(makeFrame('MESSAGE', [['url', 'http://x:1/y']]), '1.0'))).toBe('MESSAGE\nurl:http://x:1/y\n\n\u0000')
  })

  it('checklist 15: CONNECT and CONNECTED are never escaped', () => {
    expect(text(serializeFrame(makeFrame('CONNECT', [['passcode', 'a\\cb:c']]), '1.2'))).toBe('CONNECT\npasscode:a\\cb:c\n\n\u0000')
    expect(text(serializeFrame(makeFrame('CONNECTED', [['server', 'x\\y']]), '1.2'))).toBe('CONNECTED\nserver:x\\y\n\n\u0000')
  })

  it('checklist 16: headers a receiver cannot read back are refused with STOMP_ERR_UNENCODABLE_HEADER (no header injection into 1.0)', () => {
    const inject = makeFrame('MESSAGE', [['x', 'a\nevil:1']])
    expect(() => serializeFrame(inject, '1.0')).toThrow(StompEncodeError)
    try {
      serializeFrame(inject, '1.0')
    } catch (e) {
      expect((e as StompEncodeError).problem.code).toBe('STOMP_ERR_UNENCODABLE_HEADER')
    }
    expect(() => serializeFrame(makeFrame('CONNECTED', [['k', 'a\nb']]), '1.2')).toThrow(/cannot be encoded/)
    expect(() => serializeFrame(makeFrame('MESSAGE', [['k', 'a\r']]), '1.1')).toThrow(StompEncodeError)
  })

  it('checklist 8: a body with NUL needs content-length; a wrong content-length is refused; withContentLength fixes both', () => {
    const f = makeFrame('SEND', [['destination', '/q']], new Uint8Array([1, 0, 2]))
    expect(() => serializeFrame(f, '1.2')).toThrow(/content-length/)
    expect(() => serializeFrame(makeFrame('SEND', [['content-length', '9']], 'abc'), '1.2')).toThrow(/content-length/)
    const fixed = withContentLength(makeFrame('SEND', [['content-length', '9'], ['content-length', '7']], 'abc'))
    expect(fixed.headers).toEqual([['content-length', '3']])
    const [back] = frames(parseChunks(serializeFrame(withContentLength(f), '1.2')))
    expect([...back.body]).toEqual([1, 0, 2])
    // deliberately broken frames for lessons
    expect(text(serializeFrame(makeFrame('SEND', [['content-length', '9']], 'abc'), '1.2', { unchecked: true }))).toContain('content-length:9')
  })

  it('checklist 30: a heart-beat is a single LF', () => {
    expect([...serializeHeartbeat('1.1')]).toEqual([10])
  })

  it('frameToText uses the editor convention: it lints clean and sends the same octets', () => {
    const f = withContentLength(makeFrame('SEND', [['destination', '/queue/a'], ['note', 'x:y']], 'line1\nline2\n'))
    const shown = frameToText(f, '1.2')
    expect(shown).toBe('SEND\ndestination:/queue/a\nnote:x\\cy\ncontent-length:12\n\nline1\nline2\n\n^@')
    expect(lintFrames(shown, { version: '1.2', role: 'client' })).toEqual([])
    expect([...documentToWire(shown)]).toEqual([...serializeFrame(f, '1.2')])
    expect(frameToText(makeFrame('DISCONNECT', [['receipt', '1']]), '1.2')).toBe('DISCONNECT\nreceipt:1\n\n^@')
    expect(bytes(frameToText(makeFrame('SEND', [], new Uint8Array([0xff])), '1.2')).length).toBeGreaterThan(0)
  })
})
