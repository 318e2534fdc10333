import { describe, expect, it } from 'vitest'
import type { StompVersion } from '../frame'
import { INITIAL_STATE, tokenizeDocument, tokenizeLine, type LineState, type Token } from './tokenizer'

/** Tokens as [text, type] pairs: what a learner sees coloured. */
function pieces(line: string, tokens: readonly Token[]): Array<[string, string]> {
  return tokens.map((t, i) => [line.slice(t.start, tokens[i + 1]?.start ?? line.length), t.type])
}
const headers = (command: string): LineState => ({ phase: 'headers', command })
const line = (text: string, state: LineState, version: StompVersion = '1.2') => pieces(text, tokenizeLine(text, state, version).tokens)

describe('STOMP tokenizer', () => {
  it('a whole frame: command, header name, delimiter, value, body, ^@', () => {
    const doc = 'SEND\ndestination:/queue/a\n\nhello\n^@'
    const lines = doc.split('\n')
    expect(tokenizeDocument(doc, '1.2').map((t, i) => pieces(lines[i], t))).toEqual([
      [['SEND', 'command']],
      [['destination', 'header.name'], [':', 'header.delimiter'], ['/queue/a', 'header.value']],
      [],
      [['hello', 'body']],
      [['^@', 'terminator']],
    ])
  })

  it('checklist 55: NACK is a command in 1.1/1.2 but unknown in 1.0; MESSAGE is a server command; subscribe is unknown', () => {
    expect(line('NACK', INITIAL_STATE, '1.2')).toEqual([['NACK', 'command']])
    expect(line('NACK', INITIAL_STATE, '1.0')).toEqual([['NACK', 'command.unknown']])
    expect(line('MESSAGE', INITIAL_STATE)).toEqual([['MESSAGE', 'command.server']])
    expect(line('subscribe', INITIAL_STATE)).toEqual([['subscribe', 'command.unknown']])
    expect(line('SUBCRIBE', INITIAL_STATE)).toEqual([['SUBCRIBE', 'command.unknown']])
  })

  it('the line state walks between → headers → body → between', () => {
    let s = tokenizeLine('SUBSCRIBE', INITIAL_STATE, '1.2').next
    expect(s).toEqual({ phase: 'headers', command: 'SUBSCRIBE' })
    s = tokenizeLine('id:0', s, '1.2').next
    expect(s.phase).toBe('headers')
    s = tokenizeLine('', s, '1.2').next
    expect(s).toEqual({ phase: 'body', command: 'SUBSCRIBE' })
    s = tokenizeLine('^@', s, '1.2').next
    expect(s).toEqual(INITIAL_STATE)
  })

  it('checklist 12, 14: 1.2 escapes \\c \\n \\r \\\\ are valid; \\t is invalid (checklist 13)', () => {
    expect(line('a:x\\cy\\n\\r\\\\z', headers('SEND'))).toEqual([
      ['a', 'header.name'], [':', 'header.delimiter'], ['x', 'header.value'],
      ['\\c', 'escape'], ['y', 'header.value'], ['\\n', 'escape'], ['\\r', 'escape'], ['\\\\', 'escape'], ['z', 'header.value'],
    ])
    expect(line('a:\\t', headers('SEND'))).toEqual([['a', 'header.name'], [':', 'header.delimiter'], ['\\t', 'escape.invalid']])
  })

  it('checklist 13: \\r is not an escape in 1.1; a lone trailing backslash is invalid', () => {
    expect(line('a:\\r', headers('SEND'), '1.1')).toEqual([['a', 'header.name'], [':', 'header.delimiter'], ['\\r', 'escape.invalid']])
    expect(line('a:\\c', headers('SEND'), '1.1')).toEqual([['a', 'header.name'], [':', 'header.delimiter'], ['\\c', 'escape']])
    expect(line('a:x\\', headers('SEND'))).toEqual([['a', 'header.name'], [':', 'header.delimiter'], ['x', 'header.value'], ['\\', 'escape.invalid']])
  })

  it('checklist 15, 16: CONNECT headers and every 1.0 header are never unescaped — backslashes are plain text', () => {
    expect(line('passcode:a\\cb', headers('CONNECT'))).toEqual([['passcode', 'header.name'], [':', 'header.delimiter'], ['a\\cb', 'header.value']])
    expect(line('destination:/q\\t', headers('SEND'), '1.0')).toEqual([['destination', 'header.name'], [':', 'header.delimiter'], ['/q\\t', 'header.value']])
  })

  it('escapes in header names too; a line without a colon is an invalid header line', () => {
    expect(line('my\\cname:v', headers('SEND'))).toEqual([
      ['my', 'header.name'], ['\\c', 'escape'], ['name', 'header.name'], [':', 'header.delimiter'], ['v', 'header.value'],
    ])
    expect(line('destination /q', headers('SEND'))).toEqual([['destination /q', 'header.invalid']])
  })

  it('only the first colon delimits; later ones are part of the value (checklist 6)', () => {
    expect(line('a:b:c', headers('SEND'))).toEqual([['a', 'header.name'], [':', 'header.delimiter'], ['b:c', 'header.value']])
  })

  it('checklist 1: ^@ ends a frame on a header line, the command line, or after body text; a literal NUL too', () => {
    expect(tokenizeLine('receipt:1^@', headers('DISCONNECT'), '1.2')).toMatchObject({ next: INITIAL_STATE })
    expect(line('receipt:1^@', headers('DISCONNECT'))).toEqual([['receipt', 'header.name'], [':', 'header.delimiter'], ['1', 'header.value'], ['^@', 'terminator']])
    expect(line('DISCONNECT^@', INITIAL_STATE)).toEqual([['DISCONNECT', 'command'], ['^@', 'terminator']])
    expect(line('bye^@  ', { phase: 'body', command: 'SEND' })).toEqual([['bye', 'body'], ['^@', 'terminator'], ['  ', 'white']])
    expect(line('bye\u0000', { phase: 'body', command: 'SEND' })).toEqual([['bye', 'body'], ['\u0000', 'terminator']])
  })

  it('^@ in the middle of a body line is body text (only a trailing one ends the frame)', () => {
    const r = tokenizeLine('a^@b', { phase: 'body', command: 'SEND' }, '1.2')
    expect(pieces('a^@b', r.tokens)).toEqual([['a^@b', 'body']])
    expect(r.next.phase).toBe('body')
  })

  it('blank lines and a stray ^@ between frames stay between frames (heart-beats are not sent)', () => {
    expect(tokenizeLine('   ', INITIAL_STATE, '1.2')).toEqual({ tokens: [{ start: 0, type: 'white' }], next: INITIAL_STATE })
    expect(tokenizeLine('^@', INITIAL_STATE, '1.2')).toEqual({ tokens: [{ start: 0, type: 'terminator' }], next: INITIAL_STATE })
  })

  it('escape-looking text in a body is body text', () => {
    expect(line('C:\\new', { phase: 'body', command: 'SEND' })).toEqual([['C:\\new', 'body']])
  })

  it('CRLF documents tokenize like LF ones', () => {
    const doc = 'SEND\r\ndestination:/q\r\n\r\nhi\r\n^@'
    expect(tokenizeDocument(doc, '1.2')).toEqual(tokenizeDocument(doc.replace(/\r/g, ''), '1.2'))
  })
})
