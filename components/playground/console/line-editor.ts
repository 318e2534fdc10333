/**
 * The console's input line as a pure state machine: typing, cursor moves, history (↑/↓, the line
 * being typed kept as a draft), Tab completion over lib/playground/repl's candidates. The
 * terminal component feeds it xterm's onData strings and redraws from the state.
 */
export interface LineState {
  readonly text: string
  /** Cursor offset in `text` (UTF-16 units). */
  readonly cursor: number
  /** Submitted lines, oldest first. */
  readonly history: readonly string[]
  /** Index into history while browsing (history.length = the draft). */
  readonly browse: number
  /** The line being typed before ↑ was pressed. */
  readonly draft: string
}

export const EMPTY_LINE: LineState = { text: '', cursor: 0, history: [], browse: 0, draft: '' }

export type LineEffect =
  | { readonly kind: 'none' }
  | { readonly kind: 'submit'; readonly line: string }
  /** Tab with several candidates: list them. */
  | { readonly kind: 'list'; readonly candidates: readonly string[] }
  /** Ctrl+C: the abandoned line. */
  | { readonly kind: 'cancel'; readonly line: string }
  | { readonly kind: 'clear-screen' }

const MAX_HISTORY = 200

const NONE: LineEffect = { kind: 'none' }

function set(s: LineState, text: string, cursor: number): LineState {
  return { ...s, text, cursor: Math.max(0, Math.min(cursor, text.length)) }
}

function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return ''
  let p = values[0]
  for (const v of values) while (!v.startsWith(p)) p = p.slice(0, -1)
  return p
}

/** Tab: one candidate → take it; several → extend to their common prefix and list them. */
export function complete(s: LineState, candidates: readonly string[]): { state: LineState; effect: LineEffect } {
  if (candidates.length === 0) return { state: s, effect: NONE }
  if (candidates.length === 1) return { state: set(s, candidates[0], candidates[0].length), effect: NONE }
  const prefix = commonPrefix(candidates)
  const next = prefix.length > s.text.length ? set(s, prefix, prefix.length) : s
  return { state: next, effect: { kind: 'list', candidates } }
}

function historyMove(s: LineState, delta: number): LineState {
  const browse = Math.max(0, Math.min(s.browse + delta, s.history.length))
  if (browse === s.browse) return s
  const draft = s.browse === s.history.length ? s.text : s.draft
  const text = browse === s.history.length ? draft : s.history[browse]
  return { ...s, browse, draft, text, cursor: text.length }
}

function submit(s: LineState): { state: LineState; effect: LineEffect } {
  const line = s.text
  const history = line.trim() === '' || s.history[s.history.length - 1] === line ? s.history : [...s.history, line].slice(-MAX_HISTORY)
  return { state: { text: '', cursor: 0, history, browse: history.length, draft: '' }, effect: { kind: 'submit', line } }
}

/**
 * Applies one chunk of terminal input (a key's escape sequence, a typed character, or a paste).
 * `candidates` gives the Tab completions of a line (lines, not words).
 */
export function applyInput(s: LineState, data: string, candidates: (line: string) => readonly string[]): { state: LineState; effects: LineEffect[] } {
  const effects: LineEffect[] = []
  let st = s
  const keys: Readonly<Record<string, () => void>> = {
    '\r': () => { const r = submit(st); st = r.state; effects.push(r.effect) },
    '\x7f': () => { if (st.cursor > 0) st = set(st, st.text.slice(0, st.cursor - 1) + st.text.slice(st.cursor), st.cursor - 1) },
    '\b': () => keys['\x7f'](),
    '\x1b[3~': () => { st = set(st, st.text.slice(0, st.cursor) + st.text.slice(st.cursor + 1), st.cursor) },
    '\x1b[D': () => { st = set(st, st.text, st.cursor - 1) },
    '\x1b[C': () => { st = set(st, st.text, st.cursor + 1) },
    '\x1b[H': () => { st = set(st, st.text, 0) },
    '\x1b[F': () => { st = set(st, st.text, st.text.length) },
    '\x1bOH': () => keys['\x1b[H'](),
    '\x1bOF': () => keys['\x1b[F'](),
    '\x01': () => keys['\x1b[H'](), // Ctrl+A
    '\x05': () => keys['\x1b[F'](), // Ctrl+E
    '\x1b[A': () => { st = historyMove(st, -1) },
    '\x1b[B': () => { st = historyMove(st, 1) },
    '\x15': () => { st = set(st, st.text.slice(st.cursor), 0) }, // Ctrl+U
    '\x0b': () => { st = set(st, st.text.slice(0, st.cursor), st.cursor) }, // Ctrl+K
    '\x03': () => { effects.push({ kind: 'cancel', line: st.text }); st = { ...st, text: '', cursor: 0, browse: st.history.length, draft: '' } }, // Ctrl+C
    '\x0c': () => { effects.push({ kind: 'clear-screen' }) }, // Ctrl+L
    '\t': () => { // completes at the end of the line only (candidates are whole lines)
      if (st.cursor !== st.text.length) return
      const r = complete(st, candidates(st.text))
      st = r.state
      if (r.effect.kind !== 'none') effects.push(r.effect)
    },
  }
  const key = keys[data]
  if (key !== undefined) {
    key()
    return { state: st, effects }
  }
  if (data.startsWith('\x1b')) return { state: st, effects } // other keys (F1, PgUp …) ignored
  // typed text or a paste: printable characters inserted, a line break submits
  for (const ch of data.replace(/\r\n|\n/g, '\r').replace(/\t/g, ' ')) {
    if (ch === '\r') { const r = submit(st); st = r.state; effects.push(r.effect); continue }
    if (ch < ' ') continue
    st = set(st, st.text.slice(0, st.cursor) + ch + st.text.slice(st.cursor), st.cursor + 1)
  }
  return { state: st, effects }
}
