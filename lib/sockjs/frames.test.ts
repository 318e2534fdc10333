import { describe, expect, it } from 'vitest'
import { decodeClientMessages, decodeSockjsFrame, describeSockjsFrame, splitStreamingBody } from './frames'

describe('decodeSockjsFrame', () => {
  it('open and heart-beat', () => {
    expect(decodeSockjsFrame('o')).toEqual({ ok: true, frame: { kind: 'o' } })
    expect(decodeSockjsFrame('h')).toEqual({ ok: true, frame: { kind: 'h' } })
  })

  it('an array of messages, JSON-escaped (a STOMP frame with its NUL and line feeds)', () => {
    const frame = 'a["CONNECTED\\nversion:1.2\\n\\n\\u0000","MESSAGE\\n\\nhi\\u0000"]'
    expect(decodeSockjsFrame(frame)).toEqual({
      ok: true,
      frame: { kind: 'a', messages: ['CONNECTED\nversion:1.2\n\n\0', 'MESSAGE\n\nhi\0'] },
    })
  })

  it('close with code and reason', () => {
    expect(decodeSockjsFrame('c[3000,"Go away!"]')).toEqual({ ok: true, frame: { kind: 'c', code: 3000, reason: 'Go away!' } })
    expect(decodeSockjsFrame('c[1000,"Normal closure"]')).toEqual({ ok: true, frame: { kind: 'c', code: 1000, reason: 'Normal closure' } })
  })

  it.each([
    ['', 'empty frame'],
    ['x', 'unknown frame type "x"'],
    ['oo', '"o" frame with trailing data'],
    ['a[1,2]', '"a" frame is not a JSON array of strings'],
    ['a[', '"a" frame is not a JSON array of strings'],
    ['c[3000]', '"c" frame is not [code, "reason"]'],
  ])('%j is refused: %s', (text, error) => {
    expect(decodeSockjsFrame(text)).toEqual({ ok: false, error })
  })
})

describe('decodeClientMessages', () => {
  it('a batch, a single string, or nothing usable', () => {
    expect(decodeClientMessages('["SEND\\ndestination:/topic/a\\n\\nhi\\u0000","\\n"]')).toEqual(['SEND\ndestination:/topic/a\n\nhi\0', '\n'])
    expect(decodeClientMessages('"one"')).toEqual(['one'])
    expect(decodeClientMessages('[1]')).toBeNull()
    expect(decodeClientMessages('not json')).toBeNull()
  })
})

describe('describeSockjsFrame', () => {
  it('says what a frame is in a few words', () => {
    expect(describeSockjsFrame({ kind: 'o' })).toBe('open')
    expect(describeSockjsFrame({ kind: 'h' })).toBe('heartbeat')
    expect(describeSockjsFrame({ kind: 'a', messages: ['x'] })).toBe('1 message')
    expect(describeSockjsFrame({ kind: 'a', messages: ['x', 'y'] })).toBe('2 messages')
    expect(describeSockjsFrame({ kind: 'c', code: 3000, reason: 'Go away!' })).toBe('close 3000 Go away!')
  })
})

describe('splitStreamingBody', () => {
  it('drops the h-prelude, splits lines and keeps a partial one', () => {
    const body = `${'h'.repeat(2048)}\no\na["x"]\nc[3000,"Go`
    expect(splitStreamingBody(body)).toEqual({ frames: ['o', 'a["x"]'], rest: 'c[3000,"Go' })
  })
  it('a lone heart-beat line is a frame', () => {
    expect(splitStreamingBody('h\n')).toEqual({ frames: ['h'], rest: '' })
  })
})
