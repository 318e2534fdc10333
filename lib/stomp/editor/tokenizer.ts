/**
 * Line tokenizer of the frame editor's STOMP language (the document convention of
 * linter-document.ts: a frame ends at `^@` or a literal U+0000 at the end of a line). Pure and
 * line-at-a-time with a small state, so Monaco's tokens provider can drive it incrementally and
 * the completion/hover code can ask "where am I" the same way the colours say it.
 *
 * Escapes are version-aware (STOMP 1.2 §Value Encoding — checklist 12-17): `\c \n \\` in 1.1,
 * also `\r` in 1.2; anything else after a backslash is an invalid escape (checklist 13). CONNECT,
 * STOMP and CONNECTED headers and every 1.0 header are never unescaped (checklist 15, 16): there
 * a backslash is plain text.
 */
import { SERVER_COMMANDS, type StompVersion } from '../frame'
import { commandsFor } from '../commands'
import { escapeModeFor, type EscapeMode } from '../escape'

export const TOKEN_TYPES = [
  'command',          // a client command valid in this version
  'command.server',   // a server command (a client must not send it — checklist 73)
  'command.unknown',  // not a STOMP command (checklist 4, 5)
  'header.name',
  'header.delimiter', // the first ':' of a header line (checklist 6)
  'header.value',
  'header.invalid',   // a header line without ':' (STOMP_ERR_HEADER_NO_COLON)
  'escape',           // \c \n \\ (and \r in 1.2)
  'escape.invalid',   // any other backslash sequence where escapes apply (checklist 13)
  'body',
  'terminator',       // ^@ or a literal NUL: the end of the frame
  'white',
] as const
export type TokenType = (typeof TOKEN_TYPES)[number]

export interface Token {
  /** 0-based UTF-16 offset of the token's first character in the line. */
  readonly start: number
  readonly type: TokenType
}

export type Phase = 'between' | 'headers' | 'body'

export interface LineState {
  readonly phase: Phase
  /** Command of the frame being read (empty between frames). */
  readonly command: string
}

export const INITIAL_STATE: LineState = { phase: 'between', command: '' }

export function sameState(a: LineState, b: LineState): boolean {
  return a.phase === b.phase && a.command === b.command
}

const TERMINATOR = /(\^@|\u0000)[ \t]*$/

/** Offset of the frame terminator on this line (at its end, spaces/tabs after it allowed), or -1. */
export function terminatorIndex(text: string): number {
  const m = TERMINATOR.exec(text)
  return m === null ? -1 : m.index
}

export function commandTokenType(command: string, version: StompVersion): TokenType {
  if (commandsFor('client', version).includes(command)) return 'command'
  if ((SERVER_COMMANDS as readonly string[]).includes(command)) return 'command.server'
  return 'command.unknown'
}

/** Tokens of a header name or value: text with escapes picked out. */
function escapedTokens(text: string, offset: number, base: TokenType, mode: EscapeMode, out: Token[]): void {
  if (text.length === 0) return
  if (mode === 'none') {
    out.push({ start: offset, type: base })
    return
  }
  let i = 0
  let plainFrom = -1
  while (i < text.length) {
    if (text[i] !== '\\') {
      if (plainFrom < 0) {
        plainFrom = i
        out.push({ start: offset + i, type: base })
      }
      i++
      continue
    }
    plainFrom = -1
    const e = text[i + 1]
    const valid = e === 'n' || e === 'c' || e === '\\' || (e === 'r' && mode === '1.2')
    out.push({ start: offset + i, type: valid ? 'escape' : 'escape.invalid' })
    i += e === undefined ? 1 : 2
  }
}

function headerTokens(text: string, mode: EscapeMode, out: Token[]): void {
  if (text.length === 0) return
  const colon = text.indexOf(':')
  if (colon < 0) {
    out.push({ start: 0, type: 'header.invalid' })
    return
  }
  escapedTokens(text.slice(0, colon), 0, 'header.name', mode, out)
  out.push({ start: colon, type: 'header.delimiter' })
  escapedTokens(text.slice(colon + 1), colon + 1, 'header.value', mode, out)
}

function withTerminator(out: Token[], at: number, text: string): void {
  out.push({ start: at, type: 'terminator' })
  const after = at + (text.startsWith('^@', at) ? 2 : 1)
  if (after < text.length) out.push({ start: after, type: 'white' })
}

/** Tokens of one line (without its line end) and the state for the next line. */
export function tokenizeLine(text: string, state: LineState, version: StompVersion): { tokens: Token[]; next: LineState } {
  const tokens: Token[] = []
  const t = terminatorIndex(text)
  if (state.phase === 'between') {
    if (text.trim() === '') {
      if (text.length > 0) tokens.push({ start: 0, type: 'white' })
      return { tokens, next: INITIAL_STATE }
    }
    if (t === 0) {
      withTerminator(tokens, 0, text) // a stray ^@ between frames: skipped, not sent
      return { tokens, next: INITIAL_STATE }
    }
    const command = t < 0 ? text : text.slice(0, t)
    tokens.push({ start: 0, type: commandTokenType(command, version) })
    if (t >= 0) {
      withTerminator(tokens, t, text)
      return { tokens, next: INITIAL_STATE }
    }
    return { tokens, next: { phase: 'headers', command } }
  }
  if (state.phase === 'headers') {
    if (text === '') return { tokens, next: { phase: 'body', command: state.command } }
    const mode = escapeModeFor(state.command, version)
    headerTokens(t < 0 ? text : text.slice(0, t), mode, tokens)
    if (t >= 0) {
      withTerminator(tokens, t, text)
      return { tokens, next: INITIAL_STATE }
    }
    return { tokens, next: state }
  }
  // body: everything up to the terminator is sent as typed
  if (t !== 0 && text.length > 0) tokens.push({ start: 0, type: 'body' })
  if (t >= 0) {
    withTerminator(tokens, t, text)
    return { tokens, next: INITIAL_STATE }
  }
  return { tokens, next: state }
}

/** Tokenizes a whole document (for tests and for `stateAt`). */
export function tokenizeDocument(text: string, version: StompVersion): Token[][] {
  const out: Token[][] = []
  let state = INITIAL_STATE
  for (const line of text.split('\n')) {
    const r = tokenizeLine(line.endsWith('\r') ? line.slice(0, -1) : line, state, version)
    out.push(r.tokens)
    state = r.next
  }
  return out
}

/** The state at the start of 1-based `line` (what the lines above it make of it). */
export function stateAt(lines: readonly string[], line: number, version: StompVersion): LineState {
  let state = INITIAL_STATE
  for (let i = 0; i < line - 1 && i < lines.length; i++) state = tokenizeLine(lines[i], state, version).next
  return state
}
