import { describe, expect, it } from 'vitest'
import { escapeHeader, escapeModeFor, unencodableReason, unescapeHeader } from './escape'

describe('header escaping (checklist B)', () => {
  it('checklist 12/15/16: the mode depends on command and version; CONNECT/STOMP/CONNECTED never escape', () => {
    expect(escapeModeFor('SEND', '1.2')).toBe('1.2')
    expect(escapeModeFor('SEND', '1.1')).toBe('1.1')
    expect(escapeModeFor('SEND', '1.0')).toBe('none')
    expect(escapeModeFor('SEND', null)).toBe('1.2')
    for (const c of ['CONNECT', 'STOMP', 'CONNECTED']) for (const v of [null, '1.0', '1.1', '1.2'] as const) expect(escapeModeFor(c, v)).toBe('none')
  })

  it('checklist 12: decode is a single pass, round-trip safe: C:\\\\new is C:\\new, not a newline (stompjs bug)', () => {
    expect(unescapeHeader('C\\c\\\\new', '1.2')).toEqual({ ok: true, text: 'C:\\new' })
    expect(unescapeHeader('\\\\n', '1.2')).toEqual({ ok: true, text: '\\n' })
    expect(unescapeHeader('\\\\\\n', '1.2')).toEqual({ ok: true, text: '\\\n' })
  })

  it('checklist 13: undefined escapes report the sequence and its offset; \\r is undefined in 1.1 only', () => {
    expect(unescapeHeader('ab\\tc', '1.2')).toEqual({ ok: false, sequence: '\\t', index: 2 })
    expect(unescapeHeader('x\\', '1.2')).toEqual({ ok: false, sequence: '\\', index: 1 })
    expect(unescapeHeader('\\r', '1.1')).toEqual({ ok: false, sequence: '\\r', index: 0 })
    expect(unescapeHeader('\\r', '1.2')).toEqual({ ok: true, text: '\r' })
    expect(unescapeHeader('a\\😀', '1.2')).toEqual({ ok: false, sequence: '\\😀', index: 1 })
  })

  it('checklist 14: encode applies the reverse transformation (1.2: CR too; 1.1: CR stays raw)', () => {
    expect(escapeHeader('a:b\nc\\d\re', '1.2')).toBe('a\\cb\\nc\\\\d\\re')
    expect(escapeHeader('a:b\nc\\d\re', '1.1')).toBe('a\\cb\\nc\\\\d\re')
    expect(escapeHeader('a:b\\c', 'none')).toBe('a:b\\c')
    expect(escapeHeader('plain', '1.2')).toBe('plain')
  })

  it('checklist 16: texts a mode cannot carry are named (LF without escaping, colon in a raw name, trailing CR)', () => {
    expect(unencodableReason('a\nb', 'none', 'value')).toMatch(/line feed/)
    expect(unencodableReason('url:x', 'none', 'value')).toBeNull()
    expect(unencodableReason('k:y', 'none', 'name')).toMatch(/colon/)
    expect(unencodableReason('a\r', '1.1', 'value')).toMatch(/carriage return/)
    expect(unencodableReason('a\rb', '1.1', 'value')).toBeNull()
    expect(unencodableReason('a\r', '1.2', 'value')).toBeNull()
    expect(unencodableReason('', '1.2', 'name')).toMatch(/empty/)
  })
})
