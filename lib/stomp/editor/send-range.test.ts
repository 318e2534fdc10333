import { describe, expect, it } from 'vitest'
import { decodeUtf8 } from '../utf8'
import { editorTextToWire, frameAt, frameSpans } from './send-range'

const DOC = [
  'SUBSCRIBE',           // 1
  'id:0',                // 2
  'destination:/q',      // 3
  '',                    // 4
  '^@',                  // 5
  '',                    // 6
  'SEND',                // 7
  'destination:/q',      // 8
  '',                    // 9
  'hi',                  // 10
  '^@',                  // 11
].join('\n')

describe('frameAt: the frame Ctrl+Enter sends', () => {
  it('returns the frame holding the line, from its command to its ^@', () => {
    expect(frameAt(DOC, 1)).toEqual({ startLine: 1, endLine: 5, text: 'SUBSCRIBE\nid:0\ndestination:/q\n\n^@' })
    expect(frameAt(DOC, 5)?.startLine).toBe(1)
    expect(frameAt(DOC, 10)).toEqual({ startLine: 7, endLine: 11, text: 'SEND\ndestination:/q\n\nhi\n^@' })
  })

  it('on a blank line between frames (or after the last) it is the frame just above; none above → null', () => {
    expect(frameAt(DOC, 6)?.startLine).toBe(1)
    expect(frameAt(`${DOC}\n\n`, 13)?.startLine).toBe(7)
    expect(frameAt(`\n\n${DOC}`, 1)).toBeNull()
    expect(frameAt('', 1)).toBeNull()
  })

  it('an unterminated frame being typed is a frame too; CRLF lines keep their CR inside, none at the end', () => {
    expect(frameAt('SEND\ndestination:/q\n\nhel', 4)?.text).toBe('SEND\ndestination:/q\n\nhel')
    expect(frameAt('SEND\r\ndestination:/q\r\n\r\n^@\r\n', 2)?.text).toBe('SEND\r\ndestination:/q\r\n\r\n^@')
  })

  it('frameSpans lists every frame', () => {
    expect(frameSpans(DOC).map((f) => [f.startLine, f.endLine])).toEqual([[1, 5], [7, 11]])
  })
})

describe('editorTextToWire', () => {
  it('checklist 1: normal mode — ^@ becomes NUL, the line break before ^@ is not body, blank lines between frames dropped', () => {
    expect(decodeUtf8(editorTextToWire(DOC, false))).toBe('SUBSCRIBE\nid:0\ndestination:/q\n\n\u0000SEND\ndestination:/q\n\nhi\u0000')
  })

  it('a missing NUL is added in normal mode, not in raw mode (a broken frame on purpose)', () => {
    expect(decodeUtf8(editorTextToWire('SEND\ndestination:/q\n\nhi', false))).toBe('SEND\ndestination:/q\n\nhi\u0000')
    expect(decodeUtf8(editorTextToWire('SEND\ndestination:/q\n\nhi', true))).toBe('SEND\ndestination:/q\n\nhi')
  })

  it('raw mode sends every character as typed (line ends, blank lines, escapes), only ^@ → NUL', () => {
    expect(decodeUtf8(editorTextToWire('\nSEND\r\na:\\c\n\nhi\n^@\n', true))).toBe('\nSEND\r\na:\\c\n\nhi\n\u0000\n')
  })
})
