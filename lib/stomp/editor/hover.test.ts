import { describe, expect, it } from 'vitest'
import { hoverAt } from './hover'

const DOC = [
  'SUBSCRIBE',                 // 1
  'id:sub-0',                  // 2
  'destination:/topic/a\\cb',  // 3
  'x-custom:1\\t',             // 4
  '',                          // 5
  '^@',                        // 6
  'MESSAGE',                   // 7
].join('\n')

describe('frame editor hover', () => {
  it('a command shows its spec summary, what the version requires, body rule and the spec link', () => {
    const h = hoverAt(DOC, 1, 3, '1.2')
    expect(h?.range).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 10 })
    expect(h?.markdown).toContain('Starts receiving MESSAGE frames')
    expect(h?.markdown).toContain('Required in STOMP 1.2: `id`, `destination`')
    expect(h?.markdown).toContain('Must not carry a body')
    expect(h?.markdown).toContain('(https://stomp.github.io/stomp-specification-1.2.html#SUBSCRIBE)')
  })

  it('checklist 41: in 1.0 the hover says only destination is required and links the 1.0 spec', () => {
    const h = hoverAt(DOC, 1, 1, '1.0')
    expect(h?.markdown).toContain('Required in STOMP 1.0: `destination`.')
    expect(h?.markdown).toContain('stomp-specification-1.0.html#frame-SUBSCRIBE')
  })

  it('checklist 73: a server command says only a server sends it', () => {
    expect(hoverAt(DOC, 7, 2, '1.2')?.markdown).toContain('Only a server sends MESSAGE')
  })

  it('a header name shows its summary, whether this command requires it, an example and the link', () => {
    const h = hoverAt(DOC, 2, 1, '1.2')
    expect(h?.range).toEqual({ startLine: 2, startColumn: 1, endLine: 2, endColumn: 3 })
    expect(h?.markdown).toContain('**id** — SUBSCRIBE/UNSUBSCRIBE: the subscription identifier')
    expect(h?.markdown).toContain('Required in SUBSCRIBE (STOMP 1.2).')
    expect(h?.markdown).toContain('#SUBSCRIBE_id_Header')
  })

  it('a custom header is explained as non-standard', () => {
    expect(hoverAt(DOC, 4, 2, '1.2')?.markdown).toContain('not a standard header')
  })

  it('checklist 12: an escape says what it stands for; checklist 13: an invalid one says why it fails', () => {
    const ok = hoverAt(DOC, 3, 22, '1.2') // on the c of the escape (column 21 is its backslash)
    expect(ok?.markdown).toContain('`\\c` is the escape of a colon')
    expect(ok?.range).toEqual({ startLine: 3, startColumn: 21, endLine: 3, endColumn: 23 })
    const bad = hoverAt(DOC, 4, 12, '1.2')
    expect(bad?.markdown).toContain('`\\t` is not a STOMP 1.2 escape')
    expect(hoverAt('SEND\na:\\r', 2, 3, '1.1')?.markdown).toContain('only `\\c` `\\n` `\\\\` are defined')
  })

  it('checklist 1: ^@ is explained as the NUL octet', () => {
    const h = hoverAt(DOC, 6, 1, '1.2')
    expect(h?.markdown).toContain('NUL octet')
    expect(h?.range).toEqual({ startLine: 6, startColumn: 1, endLine: 6, endColumn: 3 })
  })

  it('nothing to say on a value, a body, a blank line or outside the document', () => {
    expect(hoverAt(DOC, 2, 6, '1.2')).toBeNull()
    expect(hoverAt(DOC, 5, 1, '1.2')).toBeNull()
    expect(hoverAt('SEND\n\nhello\n^@', 3, 2, '1.2')).toBeNull()
    expect(hoverAt(DOC, 99, 1, '1.2')).toBeNull()
  })
})
