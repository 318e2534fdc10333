import { describe, expect, it } from 'vitest'
import { makeFrame } from '@/lib/stomp/frame'
import { encodeUtf8 } from '@/lib/stomp/utf8'
import type { WireEntry } from '../types'
import { ANSI, entryText, stripAnsi, visibleLines } from './wire-text'

const T = new Date(2026, 0, 2, 13, 22, 1, 123).getTime()
const frame = (dir: 'sent' | 'received', text: string): WireEntry => {
  const raw = encodeUtf8(text)
  const command = text.slice(0, text.indexOf('\n'))
  return { kind: 'frame', seq: 1, t: T, dir, raw, frame: makeFrame(command) }
}
const plain = (e: WireEntry) => stripAnsi(entryText(e))

describe('console wire text', () => {
  it('checklist 1: a sent frame shows time, → and every line as on the wire, the NUL as ^@', () => {
    expect(plain(frame('sent', 'SEND\ndestination:/queue/a\n\nhi\u0000'))).toBe([
      '13:22:01.123 → SEND',
      '             │ destination:/queue/a',
      '             │ ',
      '             │ hi^@',
      '',
    ].join('\n'))
  })

  it('received frames use ← and another bar; a frame without body shows the empty line then ^@', () => {
    const text = plain(frame('received', 'RECEIPT\nreceipt-id:r-1\n\n\u0000'))
    expect(text).toBe('13:22:01.123 ← RECEIPT\n             ┃ receipt-id:r-1\n             ┃ \n             ┃ ^@\n')
  })

  it('checklist 12: escapes are shown exactly as they crossed the wire (two characters), picked out in colour', () => {
    const text = entryText(frame('received', 'MESSAGE\ndestination:/topic/a\\cb\n\n\u0000'))
    expect(stripAnsi(text)).toContain('destination:/topic/a\\cb')
    expect(text).toContain(`${ANSI.magenta}\\c${ANSI.reset}`)
  })

  it('checklist 2: CR of a CRLF line end is visible as ^M, like every control octet (caret notation)', () => {
    expect(visibleLines(encodeUtf8('SEND\r\na:\u0001\t\r\n\r\n\u0000'), true).map(stripAnsi)).toEqual(['SEND^M', 'a:^A^I^M', '^M', '^@'])
  })

  it('a trailing EOL after the NUL does not add an empty line', () => {
    expect(visibleLines(encodeUtf8('CONNECTED\nversion:1.2\n\n\u0000\n'), true).map(stripAnsi)).toEqual(['CONNECTED', 'version:1.2', '', '^@'])
  })

  it('checklist 30: heart-beats show their EOL visibly (↵, ^M↵)', () => {
    expect(plain({ kind: 'heartbeat', seq: 2, t: T, dir: 'received', raw: new Uint8Array([10]) })).toBe('13:22:01.123 ← ↵  heart-beat (EOL)\n')
    expect(plain({ kind: 'heartbeat', seq: 2, t: T, dir: 'sent', raw: new Uint8Array([13, 10]) })).toBe('13:22:01.123 → ^M↵  heart-beat (EOL)\n')
  })

  it('raw bytes that are not a frame carry their note; events are dim, errors red', () => {
    const raw = plain({ kind: 'raw', seq: 3, t: T, dir: 'sent', raw: encodeUtf8('SEND\ndestination:/q\nhi'), note: 'sent as typed: no NUL' })
    expect(raw.split('\n')[0]).toBe('13:22:01.123 → sent as typed: no NUL')
    expect(raw).toContain('│ hi')
    expect(plain({ kind: 'event', seq: 4, t: T, text: 'connected', level: 'info' })).toBe('13:22:01.123 · connected\n')
    const err = entryText({ kind: 'event', seq: 5, t: T, text: 'socket closed 1006', level: 'error' })
    expect(err).toContain(`${ANSI.red}✖ socket closed 1006`)
  })

  it('a received ERROR frame is red', () => {
    const e: WireEntry = { kind: 'frame', seq: 1, t: T, dir: 'received', raw: encodeUtf8('ERROR\nmessage:bad\n\n\u0000'), frame: makeFrame('ERROR') }
    expect(entryText(e)).toContain(`${ANSI.red}←`)
  })
})
