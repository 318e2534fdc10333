import { describe, expect, it } from 'vitest'
import { makeFrame } from '../stomp/frame'
import { EMPTY_FILTER, applyFilter, compileFilter, labelsIn } from './log-filter'
import { defaultBodyFormat, entryLabel, entrySummary, exactOctetsText, formatBody, hexDump, octetsAsText, type EntryLike } from './entry-view'

const enc = (s: string) => new TextEncoder().encode(s)
const LF = new Uint8Array([10])
const log: EntryLike[] = [
  { kind: 'event', text: 'connecting to ws://127.0.0.1/ws/stomp', level: 'info' },
  { kind: 'frame', dir: 'sent', raw: enc('x'), frame: makeFrame('CONNECT', [['accept-version', '1.2']]) },
  { kind: 'frame', dir: 'received', raw: enc('x'), frame: makeFrame('CONNECTED', [['version', '1.2']]) },
  { kind: 'heartbeat', dir: 'received', raw: LF },
  { kind: 'frame', dir: 'sent', raw: enc('x'), frame: makeFrame('SUBSCRIBE', [['id', '0'], ['destination', '/topic/prices']]) },
  { kind: 'heartbeat', dir: 'sent', raw: LF },
  { kind: 'frame', dir: 'received', raw: enc('x'), frame: makeFrame('MESSAGE', [['destination', '/topic/prices'], ['message-id', '7']], '{"eur":1.08}') },
  { kind: 'raw', dir: 'sent', raw: enc('SEND\n\nno nul'), note: 'incomplete frame: no NUL' },
]
const labels = (rows: readonly EntryLike[]) => rows.map(entryLabel)

describe('log filter', () => {
  it('passes everything by default (and returns the same array)', () => {
    const f = compileFilter(EMPTY_FILTER)
    expect(f.passesAll).toBe(true)
    expect(applyFilter(log, (e) => e, f)).toBe(log)
  })

  it('hides heart-beats', () => {
    expect(labels(applyFilter(log, (e) => e, compileFilter({ ...EMPTY_FILTER, hideHeartbeats: true })))).not.toContain('heart-beat')
  })

  it('filters by direction (events have none, so they go)', () => {
    const rows = applyFilter(log, (e) => e, compileFilter({ ...EMPTY_FILTER, direction: 'received' }))
    expect(labels(rows)).toEqual(['CONNECTED', 'heart-beat', 'MESSAGE'])
  })

  it('filters by command', () => {
    const rows = applyFilter(log, (e) => e, compileFilter({ ...EMPTY_FILTER, commands: ['SUBSCRIBE', 'MESSAGE'] }))
    expect(labels(rows)).toEqual(['SUBSCRIBE', 'MESSAGE'])
  })

  it('matches a case-insensitive regex against headers and body', () => {
    expect(labels(applyFilter(log, (e) => e, compileFilter({ ...EMPTY_FILTER, pattern: 'TOPIC/PRI' })))).toEqual(['SUBSCRIBE', 'MESSAGE'])
    expect(labels(applyFilter(log, (e) => e, compileFilter({ ...EMPTY_FILTER, pattern: '"eur":\\d' })))).toEqual(['MESSAGE'])
    expect(labels(applyFilter(log, (e) => e, compileFilter({ ...EMPTY_FILTER, pattern: 'no NUL' })))).toEqual(['raw bytes'])
  })

  it('reports an invalid regex and ignores it rather than hiding everything', () => {
    const f = compileFilter({ ...EMPTY_FILTER, pattern: 'topic/(' })
    expect(f.patternError).toMatch(/^Invalid regular expression: .*/)
    expect(applyFilter(log, (e) => e, f)).toHaveLength(log.length)
  })

  it('combines criteria and keeps the caller’s row wrappers', () => {
    const rows = log.map((entry, i) => ({ client: i % 2 === 0 ? 'Alice' : 'Bob', entry }))
    const out = applyFilter(rows, (r) => r.entry, compileFilter({ commands: [], direction: 'sent', pattern: 'destination', hideHeartbeats: true }))
    expect(out).toEqual([rows[4]])
  })

  it('lists the labels present, STOMP commands first', () => {
    expect(labelsIn(log)).toEqual(['CONNECT', 'CONNECTED', 'MESSAGE', 'SUBSCRIBE', 'event', 'heart-beat', 'raw bytes'])
  })
})

describe('entry view', () => {
  it('summarises a frame by its identifying headers and body', () => {
    expect(entrySummary(log[6])).toBe('destination:/topic/prices  “{"eur":1.08}”')
    expect(entrySummary(log[3])).toBe('LF')
    expect(entrySummary(log[7])).toBe('12 octets — incomplete frame: no NUL')
    expect(entrySummary({ kind: 'event', text: 'x'.repeat(300), level: 'info' }, 10)).toBe(`${'x'.repeat(9)}…`)
  })

  it('shows JSON bodies pretty, text as text, binary as hex', () => {
    const msg = log[6]
    if (msg.kind !== 'frame') throw new Error('fixture')
    expect(defaultBodyFormat(msg.frame)).toBe('json')
    expect(formatBody(msg.frame.body, 'json')).toBe('{\n  "eur": 1.08\n}')
    expect(defaultBodyFormat(makeFrame('SEND', [], 'plain'))).toBe('text')
    expect(defaultBodyFormat(makeFrame('SEND', [], new Uint8Array([0xff])))).toBe('hex')
    expect(formatBody(enc('not json'), 'json')).toBe('not json')
  })

  it('dumps hex like hexdump -C, capped', () => {
    expect(hexDump(enc('SEND\n\nhi\0'))).toBe('00000000  53 45 4e 44 0a 0a 68 69  00                       |SEND..hi.|')
    const big = hexDump(new Uint8Array(40), 32)
    expect(big.split('\n')).toHaveLength(3)
    expect(big).toMatch(/… 8 more octets not shown$/)
  })

  it('copies what crossed the wire, not the frame serialised again: as text with NUL as ^@, or the exact octets', () => {
    // a repeated header, an escape and a CR kept as they were; the NUL and the EOL after it too
    const wire = enc('MESSAGE\r\ndestination:/a\\cb\r\nx:1\r\nx:2\r\n\r\nhi\0\n')
    expect(octetsAsText(wire)).toBe('MESSAGE\r\ndestination:/a\\cb\r\nx:1\r\nx:2\r\n\r\nhi^@\n')
    expect(exactOctetsText(wire)).toBe('MESSAGE\r\ndestination:/a\\cb\r\nx:1\r\nx:2\r\n\r\nhi\0\n')
    expect(new TextEncoder().encode(exactOctetsText(wire) ?? '')).toEqual(wire)
    // octets that are not UTF-8: text shows U+FFFD, and there is no exact text copy
    const binary = new Uint8Array([...enc('SEND\n\n'), 0xff, 0])
    expect(octetsAsText(binary)).toBe('SEND\n\n\ufffd^@')
    expect(exactOctetsText(binary)).toBeNull()
  })
})
