import { describe, expect, it } from 'vitest'
import { EMPTY_LINE, applyInput, complete, type LineState } from './line-editor'

const none = () => [] as string[]
/** Feeds key strings in order; returns the final state and all effects. */
function keys(seq: readonly string[], start: LineState = EMPTY_LINE, candidates: (l: string) => readonly string[] = none) {
  let st = start
  const effects = []
  for (const k of seq) {
    const r = applyInput(st, k, candidates)
    st = r.state
    effects.push(...r.effects)
  }
  return { st, effects }
}
const LEFT = '\x1b[D'
const UP = '\x1b[A'
const DOWN = '\x1b[B'

describe('console line editor', () => {
  it('types, moves the cursor, deletes, and submits with Enter', () => {
    const { st, effects } = keys(['/sub', ' /q', LEFT, LEFT, '\x7f', 'x', '\r'])
    expect(effects).toEqual([{ kind: 'submit', line: '/subx/q' }])
    expect(st.text).toBe('')
    expect(st.history).toEqual(['/subx/q'])
  })

  it('a paste with line breaks submits each line', () => {
    expect(keys(['/ping\n/ack\n']).effects).toEqual([{ kind: 'submit', line: '/ping' }, { kind: 'submit', line: '/ack' }])
  })

  it('↑/↓ walk the history and come back to the line being typed', () => {
    const { st } = keys(['/a', '\r', '/b', '\r', '/dra', UP])
    expect(st.text).toBe('/b')
    expect(keys([UP], st).st.text).toBe('/a')
    expect(keys([UP, UP], st).st.text).toBe('/a')
    expect(keys([DOWN], st).st.text).toBe('/dra')
  })

  it('repeated and empty lines are not added to the history', () => {
    expect(keys(['/a', '\r', '/a', '\r', '\r']).st.history).toEqual(['/a'])
  })

  it('Tab: one candidate replaces the line; several extend to the common prefix and are listed', () => {
    const cands = (l: string) => ['/sub ', '/send '].filter((c) => c.startsWith(l))
    expect(keys(['/su', '\t'], EMPTY_LINE, cands).st.text).toBe('/sub ')
    const r = keys(['/s', '\t'], EMPTY_LINE, cands)
    expect(r.effects).toEqual([{ kind: 'list', candidates: ['/sub ', '/send '] }])
    expect(complete({ ...EMPTY_LINE, text: '/c', cursor: 2 }, ['/commit ', '/connect']).state.text).toBe('/co')
  })

  it('Tab in the middle of the line does nothing (candidates are whole lines)', () => {
    expect(keys(['/su', LEFT, '\t'], EMPTY_LINE, () => ['/sub ']).st.text).toBe('/su')
  })

  it('Ctrl+C abandons the line, Ctrl+U kills before the cursor, Ctrl+L asks to clear', () => {
    expect(keys(['/abc', '\x03']).effects).toEqual([{ kind: 'cancel', line: '/abc' }])
    expect(keys(['/abcd', LEFT, '\x15']).st).toMatchObject({ text: 'd', cursor: 0 })
    expect(keys(['\x0c']).effects).toEqual([{ kind: 'clear-screen' }])
  })

  it('control characters in a paste are dropped, tabs become spaces; unknown escape sequences are ignored', () => {
    expect(keys(['a\u0001\tb', '\x1bOP']).st.text).toBe('a b')
  })
})
