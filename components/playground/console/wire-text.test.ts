import { describe, expect, it } from 'vitest'
import { makeFrame } from '@/lib/stomp/frame'
import { encodeUtf8 } from '@/lib/stomp/utf8'
import type { WireEntry } from '../types'
import { ANSI, consoleText, entryText, stripAnsi, visibleLines } from './wire-text'

const T = new Date(2026, 0, 2, 13, 22, 1, 123).getTime()
const frame = (dir: 'sent' | 'received', text: string): WireEntry => {
  const raw = encodeUtf8(text)
  const command = text.slice(0, text.indexOf('\n'))
  return { kind: 'frame', seq: 1, t: T, dir, raw, frame: makeFrame(command) }
}
const plain = (e: WireEntry) => stripAnsi(entryText(e))

describe('console wire text', () => {
  it('checklist 1: a sent frame shows →, every line as on the wire, the NUL as ^@, and the time after the command', () => {
    expect(plain(frame('sent', 'SEND\ndestination:/queue/a\n\nhi\u0000'))).toBe([
      '→ SEND  13:22:01.123',
      '│ destination:/queue/a',
      '│ ',
      '│ hi^@',
      '',
    ].join('\n'))
  })

  it('the gutter is two columns wide, so a narrow console keeps its width for the frame', () => {
    const lines = plain(frame('received', 'MESSAGE\ndestination:/topic/prices.eur\n\n{"eur":1.08}\u0000')).split('\n')
    expect(lines.slice(1, -1).every((l) => l.startsWith('┃ '))).toBe(true)
    expect(lines[1]).toBe('┃ destination:/topic/prices.eur')
  })

  it('received frames use ← and another bar; a frame without body shows the empty line then ^@', () => {
    const text = plain(frame('received', 'RECEIPT\nreceipt-id:r-1\n\n\u0000'))
    expect(text).toBe('← RECEIPT  13:22:01.123\n┃ receipt-id:r-1\n┃ \n┃ ^@\n')
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
    expect(plain({ kind: 'heartbeat', seq: 2, t: T, dir: 'received', raw: new Uint8Array([10]) })).toBe('← ↵  heart-beat (EOL)  13:22:01.123\n')
    expect(plain({ kind: 'heartbeat', seq: 2, t: T, dir: 'sent', raw: new Uint8Array([13, 10]) })).toBe('→ ^M↵  heart-beat (EOL)  13:22:01.123\n')
  })

  it('raw bytes that are not a frame carry their note; events are dim, errors red', () => {
    const raw = plain({ kind: 'raw', seq: 3, t: T, dir: 'sent', raw: encodeUtf8('SEND\ndestination:/q\nhi'), note: 'sent as typed: no NUL' })
    expect(raw.split('\n')[0]).toBe('→ sent as typed: no NUL  13:22:01.123')
    expect(raw).toContain('│ hi')
    expect(plain({ kind: 'event', seq: 4, t: T, text: 'connected', level: 'info' })).toBe('· connected  13:22:01.123\n')
    const err = entryText({ kind: 'event', seq: 5, t: T, text: 'socket closed 1006', level: 'error' })
    expect(err).toContain(`${ANSI.red}✖ socket closed 1006`)
  })

  it('a received ERROR frame is red', () => {
    const e: WireEntry = { kind: 'frame', seq: 1, t: T, dir: 'received', raw: encodeUtf8('ERROR\nmessage:bad\n\n\u0000'), frame: makeFrame('ERROR') }
    expect(entryText(e)).toContain(`${ANSI.red}←`)
  })

  it('consecutive heart-beats share one line that counts them, so they do not scroll the frames away', () => {
    const beat = (dir: 'sent' | 'received', t: number): WireEntry => ({ kind: 'heartbeat', seq: t, t: T + t, dir, raw: new Uint8Array([10]) })
    const msg = frame('received', 'RECEIPT\nreceipt-id:r-1\n\n\u0000')
    // in one batch: the run's line is rewritten in the text itself
    const a = consoleText([msg, beat('sent', 0), beat('received', 1000), beat('received', 2000)], null, 80)
    expect(stripAnsi(a.text).split('\n').slice(-2)).toEqual(['← ↵  3 heart-beats (1→ 2←)  13:22:03.123', ''])
    expect(a.run).toMatchObject({ sent: 1, received: 2 })
    // a later batch extends the run on screen: up over its line, clear, draw it again
    const b = consoleText([beat('sent', 3000)], a.run, 80)
    expect(b.text.startsWith('\x1b[1A\r\x1b[J')).toBe(true)
    expect(stripAnsi(b.text)).toBe('\x1b[1A\r\x1b[J→ ↵  4 heart-beats (2→ 2←)  13:22:04.123\n')
    // …over two rows when the line wraps in a narrow console
    expect(consoleText([beat('sent', 4000)], b.run, 20).text.startsWith('\x1b[2A\r\x1b[J')).toBe(true)
    // anything else ends the run: the next beat starts a new line (and a lone beat reads as before)
    const c = consoleText([msg, beat('received', 5000)], b.run, 80)
    expect(c.text.includes('\x1b[1A')).toBe(false)
    expect(stripAnsi(c.text).endsWith('← ↵  heart-beat (EOL)  13:22:06.123\n')).toBe(true)
    expect(c.run).toMatchObject({ sent: 0, received: 1 })
  })
})
