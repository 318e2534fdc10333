/**
 * Draws the REPL's input line at the bottom of the terminal and prints output above it: output
 * first erases the input (which may wrap over several rows), writes, then draws the input again,
 * so wire entries arriving while the learner types never mix with the typed text. Cursor
 * arithmetic assumes one column per UTF-16 unit (ASCII commands); xterm's pending-wrap state at
 * the last column is handled.
 */
import { ANSI } from './wire-text'
import type { LineState } from './line-editor'

export interface TermLike {
  readonly cols: number
  write(data: string): void
}

/** Rows/column of the cursor after writing `n` characters from column 0 (xterm keeps a full row's cursor on that row). */
function endOf(n: number, cols: number): { row: number; col: number } {
  if (n > 0 && n % cols === 0) return { row: n / cols - 1, col: cols - 1 }
  return { row: Math.floor(n / cols), col: n % cols }
}

export function promptWriter(term: TermLike, prompt: () => string) {
  let row = 0 // rows from the input's first row down to the cursor
  let shown: LineState | null = null

  const erase = (): string => {
    if (shown === null) return ''
    const s = `${row > 0 ? `\x1b[${row}A` : ''}\r\x1b[J`
    row = 0
    shown = null
    return s
  }

  const draw = (st: LineState): string => {
    const p = prompt()
    const cols = Math.max(1, term.cols)
    const n = p.length + st.text.length
    let out = `${ANSI.bold}${p}${ANSI.reset}${st.text}`
    let end = endOf(n, cols)
    const k = p.length + st.cursor
    if (k === n && n > 0 && n % cols === 0) {
      out += ' \b' // leave the pending wrap: put the cursor at the start of the next row
      end = { row: n / cols, col: 0 }
    }
    const target = { row: Math.floor(k / cols), col: k % cols }
    if (end.row > target.row) out += `\x1b[${end.row - target.row}A`
    if (end.row !== target.row || end.col !== target.col) out += `\r${target.col > 0 ? `\x1b[${target.col}C` : ''}`
    row = target.row
    shown = st
    return out
  }

  return {
    /** Redraws the input line. */
    render(st: LineState): void {
      term.write(erase() + draw(st))
    },
    /** Writes text (ending with a newline) above the input line, then redraws the input. */
    print(text: string): void {
      const was = shown
      term.write(erase() + text + (was === null ? '' : draw(was)))
    },
    /** Leaves a submitted line on screen as typed and moves below it; the input is drawn by the next render. */
    commit(line: string): void {
      term.write(`${erase()}${ANSI.bold}${prompt()}${ANSI.reset}${line}\n`)
    },
  }
}
