// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { lintFrames } from '@/lib/stomp/linter'
import { EditorStatus } from './EditorStatus'

afterEach(cleanup)

const DOC = 'SUBCRIBE\nid:0\ndestination:/q\n\n^@\n\nSEND\ndestination:/q\n\nhi\n^@'
const ds = lintFrames(DOC, { version: '1.2', role: 'client' })
const base = { version: '1.2' as const, rawMode: false, diagnostics: ds, sendOnCtrlEnter: true, text: DOC, onNextProblem: () => undefined }

describe('frame editor status line', () => {
  it('checklist 5: on the line of a problem it shows that problem\'s message', () => {
    render(<EditorStatus {...base} cursorLine={1} />)
    expect(screen.getByRole('status').textContent).toContain('Line 1: Unknown command: "SUBCRIBE"')
    expect(screen.getByRole('status').textContent).toContain('Ctrl+Enter sends lines 1–5')
  })

  it('elsewhere it counts the problems and says which lines Ctrl+Enter sends', () => {
    render(<EditorStatus {...base} cursorLine={9} />)
    const s = screen.getByRole('status').textContent ?? ''
    expect(s).toContain('1 error')
    expect(s).toContain('Ctrl+Enter sends lines 7–11')
    expect(s).toContain('STOMP 1.2')
  })

  it('no problems, raw mode and no frame under the cursor are said plainly', () => {
    render(<EditorStatus {...base} diagnostics={[]} rawMode text={'\n\n'} cursorLine={1} />)
    const s = screen.getByRole('status').textContent ?? ''
    expect(s).toContain('No problems')
    expect(s).toContain('raw')
    expect(s).toContain('Ctrl+Enter: no frame here')
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('"Next problem" asks the editor to show the next marker', () => {
    const onNext = vi.fn()
    render(<EditorStatus {...base} cursorLine={9} onNextProblem={onNext} />)
    fireEvent.click(screen.getByRole('button', { name: 'Next problem' }))
    expect(onNext).toHaveBeenCalledOnce()
  })

  it('without Ctrl+Enter sending there is no hint', () => {
    render(<EditorStatus {...base} sendOnCtrlEnter={false} cursorLine={9} />)
    expect(screen.getByRole('status').textContent).not.toContain('Enter')
  })
})
