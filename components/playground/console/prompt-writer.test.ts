import { describe, expect, it } from 'vitest'
import { EMPTY_LINE } from './line-editor'
import { promptWriter } from './prompt-writer'
import { stripAnsi } from './wire-text'

function fake(cols: number) {
  const out: string[] = []
  return { term: { cols, write: (s: string) => out.push(s) }, out }
}

describe('console prompt writer', () => {
  it('draws prompt and text, with the cursor moved back to its place', () => {
    const { term, out } = fake(80)
    const w = promptWriter(term, () => '> ')
    w.render({ ...EMPTY_LINE, text: '/ping', cursor: 2 })
    expect(stripAnsi(out.join(''))).toBe('> /ping\r\x1b[4C')
  })

  it('output erases the input, prints above, and draws the input again', () => {
    const { term, out } = fake(80)
    const w = promptWriter(term, () => '> ')
    w.render({ ...EMPTY_LINE, text: '/a', cursor: 2 })
    out.length = 0
    w.print('line\n')
    expect(stripAnsi(out.join(''))).toBe('\r\x1b[Jline\n> /a')
  })

  it('a wrapped input is erased from its first row', () => {
    const { term, out } = fake(10)
    const w = promptWriter(term, () => '> ')
    w.render({ ...EMPTY_LINE, text: '/send /queue/x', cursor: 14 }) // 16 chars: 2 rows, cursor on row 1
    out.length = 0
    w.print('x\n')
    expect(stripAnsi(out.join('')).startsWith('\x1b[1A\r\x1b[J')).toBe(true)
  })

  it('an input exactly one row long puts the cursor on the next row (pending wrap)', () => {
    const { term, out } = fake(10)
    promptWriter(term, () => '> ').render({ ...EMPTY_LINE, text: '12345678', cursor: 8 })
    expect(stripAnsi(out.join(''))).toBe('> 12345678 \b')
  })

  it('commit leaves the submitted line with its prompt and moves below it', () => {
    const { term, out } = fake(80)
    const w = promptWriter(term, () => 'alice> ')
    w.render({ ...EMPTY_LINE, text: '/ping', cursor: 5 })
    out.length = 0
    w.commit('/ping')
    expect(stripAnsi(out.join(''))).toBe('\r\x1b[Jalice> /ping\n')
  })
})
