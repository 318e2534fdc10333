/**
 * "Where is the cursor" in a frame-editor document: on a command line, in a header name, in a
 * header value, or in a body. Read with the same tokenizer states that colour the text, so what
 * completion and hover offer always agrees with what the learner sees.
 */
import type { StompVersion } from '../frame'
import type { TextRange } from '../linter-document'
import { INITIAL_STATE, terminatorIndex, tokenizeLine, type LineState } from './tokenizer'

/** What the editor can complete from: header values seen on this client's wire (shape of the playground's CompletionContext). */
export interface EditorCompletionContext {
  readonly version: StompVersion
  readonly destinations: readonly string[]
  readonly subscriptionIds: readonly string[]
  /** `ack` (1.2) / `message-id` (1.0/1.1) values of received MESSAGEs not yet acked. */
  readonly ackIds: readonly string[]
  readonly transactionIds: readonly string[]
}

export const EMPTY_CONTEXT: EditorCompletionContext = { version: '1.2', destinations: [], subscriptionIds: [], ackIds: [], transactionIds: [] }

export type Place =
  /** The command line of a frame (or an empty line where one could start). `range`: the command text. */
  | { readonly kind: 'command'; readonly range: TextRange; readonly text: string }
  /** A header name (or an empty line inside the headers). `hasColon`: the line already has its ':'. */
  | { readonly kind: 'header-name'; readonly command: string; readonly range: TextRange; readonly text: string; readonly hasColon: boolean; readonly present: readonly string[]; readonly frameStart: number }
  /** A header value (raw, as typed: escapes not decoded). */
  | { readonly kind: 'header-value'; readonly command: string; readonly header: string; readonly range: TextRange; readonly text: string; readonly present: readonly string[]; readonly frameStart: number }
  | { readonly kind: 'body'; readonly command: string; readonly frameStart: number }

/** The document's lines without line ends (a CR before LF is dropped). */
export function docLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
}

/** State at the start of every line (index 0 = line 1). */
export function lineStates(lines: readonly string[], version: StompVersion): LineState[] {
  const out: LineState[] = []
  let state = INITIAL_STATE
  for (const l of lines) {
    out.push(state)
    state = tokenizeLine(l, state, version).next
  }
  return out
}

const range = (line: number, from: number, to: number): TextRange => ({ startLine: line, startColumn: from + 1, endLine: line, endColumn: to + 1 })

/** 1-based line of the command of the frame whose header/body holds `index` (0-based line). */
function frameStartOf(states: readonly LineState[], index: number): number {
  let i = index
  while (i > 0 && states[i].phase !== 'between') i--
  return i + 1
}

/** Names of the header lines of the frame whose command is on 1-based line `start`, except line `skip`. */
function presentHeaders(lines: readonly string[], start: number, skip: number): string[] {
  const names: string[] = []
  // the line being edited may be empty for now: the headers go on below it
  for (let i = start; i < lines.length; i++) {
    if (i + 1 === skip) continue
    const l = lines[i]
    if (l === '') break
    const t = terminatorIndex(l)
    const h = t < 0 ? l : l.slice(0, t)
    const colon = h.indexOf(':')
    if (colon > 0) names.push(h.slice(0, colon))
    if (t >= 0) break
  }
  return names
}

/** Place of a 1-based (line, column) position. */
export function placeAt(text: string, line: number, column: number, version: StompVersion): Place {
  const lines = docLines(text)
  const states = lineStates(lines, version)
  const i = Math.min(Math.max(line, 1), lines.length) - 1
  const l = lines[i]
  const state = states[i]
  const t = terminatorIndex(l)
  const content = t < 0 ? l : l.slice(0, t)
  const col = Math.min(Math.max(column - 1, 0), content.length)
  if (state.phase === 'between') return { kind: 'command', range: range(i + 1, 0, content.length), text: content }
  const frameStart = frameStartOf(states, i)
  if (state.phase === 'body') return { kind: 'body', command: state.command, frameStart }
  const present = presentHeaders(lines, frameStart, i + 1)
  const colon = content.indexOf(':')
  if (colon < 0 || col <= colon) {
    const end = colon < 0 ? content.length : colon
    return { kind: 'header-name', command: state.command, range: range(i + 1, 0, end), text: content.slice(0, end), hasColon: colon >= 0, present, frameStart }
  }
  return {
    kind: 'header-value', command: state.command, header: content.slice(0, colon),
    range: range(i + 1, colon + 1, content.length), text: content.slice(colon + 1), present, frameStart,
  }
}
