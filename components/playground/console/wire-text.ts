/**
 * A wire entry as terminal text (ANSI colours, `\n` line ends — the terminal converts them):
 * the raw octets made visible — NUL as `^@` and every other control octet in the same caret
 * notation (CR `^M`, TAB `^I`), a heart-beat's EOL as `↵` — with escapes left exactly as they
 * crossed the wire, and a gutter with the time and the direction (→ sent, ← received). (Control
 * Pictures like ␊ are missing from common monospace fonts, so they are not used.) The gutter is
 * two columns (the direction, then a bar): the time goes at the end of an entry's first line, so
 * a console as narrow as a client card keeps its width for the frame. Pure: unit tested without
 * a terminal.
 */
import { decodeUtf8Lossy } from '@/lib/stomp/utf8'
import type { WireEntry } from '../types'

export const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  inverse: '\x1b[7m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
  magenta: '\x1b[35m',
  cyan: '\x1b[36m',
} as const

const { reset, bold, dim, red, green, yellow, blue, magenta, cyan } = ANSI

/** Local wall-clock time with milliseconds: 13:22:01.123. */
export function clock(t: number): string {
  const d = new Date(t)
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`
}

/** Control characters made visible (in dim), except LF which the caller handles. */
function visibleChar(c: string): string {
  const code = c.charCodeAt(0)
  if (code === 0) return `${reset}${bold}${green}^@${reset}`
  if (code < 32) return `${dim}^${String.fromCharCode(code + 64)}${reset}`
  if (code === 127) return `${dim}^?${reset}`
  return c
}

/** One line of a frame's text, coloured by its role (command, header, body). */
function colourLine(text: string, role: 'command' | 'header' | 'body' | 'plain', error: boolean): string {
  const visible = (s: string) => Array.from(s, visibleChar).join('')
  if (role === 'command') return `${bold}${error ? red : ''}${visible(text)}${reset}`
  if (role !== 'header') return visible(text)
  const colon = text.indexOf(':')
  if (colon < 0) return visible(text)
  // escapes as typed on the wire, picked out so a learner sees \c and \n are two octets
  const value = visible(text.slice(colon + 1)).replace(/\\./g, (m) => `${magenta}${m}${reset}`)
  return `${cyan}${visible(text.slice(0, colon))}${reset}${dim}:${reset}${value}`
}

/** The octets of a frame / raw entry as visible lines (NUL as ^@, CR as ^M, LF breaks the line). */
export function visibleLines(raw: Uint8Array, parsed: boolean, error = false): string[] {
  const lines = decodeUtf8Lossy(raw).split('\n')
  // a trailing LF after the NUL ends the last line: no empty line after it
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  let role: 'command' | 'header' | 'body' = 'command'
  return lines.map((l) => {
    if (!parsed) return colourLine(l, 'plain', false)
    const bare = l.endsWith('\r') ? l.slice(0, -1) : l
    const r = role
    if (role === 'command') role = 'header'
    else if (role === 'header' && bare === '') role = 'body'
    return colourLine(l, r, error)
  })
}

function arrow(dir: 'sent' | 'received', error = false): string {
  return dir === 'sent' ? `${blue}→${reset}` : `${error ? red : green}←${reset}`
}

/** One entry as terminal text, ending with a newline. */
export function entryText(e: WireEntry): string {
  const time = `  ${dim}${clock(e.t)}${reset}`
  if (e.kind === 'event') {
    return `${e.level === 'error' ? `${red}✖ ${e.text}${reset}` : `${dim}· ${e.text}${reset}`}${time}\n`
  }
  if (e.kind === 'heartbeat') {
    const eol = decodeUtf8Lossy(e.raw).replace(/\r/g, '^M').replace(/\n/g, '↵')
    return `${arrow(e.dir)} ${dim}${eol}  heart-beat (EOL)${reset}${time}\n`
  }
  const error = e.kind === 'frame' && e.dir === 'received' && e.frame.command === 'ERROR'
  const lines = visibleLines(e.raw, e.kind === 'frame', error)
  const head = e.kind === 'raw' ? [`${arrow(e.dir)} ${yellow}${e.note}${reset}${time}`] : []
  const body = lines.map((l, i) =>
    e.kind !== 'raw' && i === 0 ? `${arrow(e.dir, error)} ${l}${time}` : `${dim}${e.dir === 'sent' ? '│' : '┃'}${reset} ${l}`)
  return `${[...head, ...body].join('\n')}\n`
}

/** Text without ANSI colour codes (for tests and copy). */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '')
}

/** Consecutive heart-beats drawn as one line that counts them (they would scroll the frames away). */
export interface HeartbeatRun {
  readonly sent: number
  readonly received: number
  readonly last: Extract<WireEntry, { kind: 'heartbeat' }>
}

/** The line of a run of heart-beats (a single one reads like any other entry), ending with a newline. */
export function heartbeatRunText(run: HeartbeatRun): string {
  const n = run.sent + run.received
  if (n === 1) return entryText(run.last)
  const eol = decodeUtf8Lossy(run.last.raw).replace(/\r/g, '^M').replace(/\n/g, '↵')
  return `${arrow(run.last.dir)} ${dim}${eol}  ${n} heart-beats (${run.sent}→ ${run.received}←)${reset}  ${dim}${clock(run.last.t)}${reset}\n`
}

/** Terminal rows a line takes at `cols` columns (its visible characters, colours left out). */
function rowsOf(line: string, cols: number): number {
  return Math.max(1, Math.ceil(Array.from(stripAnsi(line).replace(/\n$/, '')).length / Math.max(1, cols)))
}

/**
 * The text that shows `entries` after what is on screen, and the heart-beat run on the last line
 * afterwards. `run`: the run drawn on the last line above the input now (null when that line is
 * anything else). A heart-beat that continues a run redraws the run's line instead of adding one
 * (cursor up over its rows, clear), so a quiet connection does not push its frames out of view.
 */
export function consoleText(entries: readonly WireEntry[], run: HeartbeatRun | null, cols: number): { text: string; run: HeartbeatRun | null } {
  /** `up`: the control sequence that first moves back over the run's line on screen, when this line redraws it. */
  const lines: Array<{ up: string; line: string }> = []
  let current = run
  /** Whether the current run's line is the last of `lines` (else it is on screen, when current is not null). */
  let inText = false
  for (const e of entries) {
    if (e.kind !== 'heartbeat') {
      lines.push({ up: '', line: entryText(e) })
      current = null
      inText = false
      continue
    }
    const next: HeartbeatRun = {
      sent: (current?.sent ?? 0) + (e.dir === 'sent' ? 1 : 0),
      received: (current?.received ?? 0) + (e.dir === 'received' ? 1 : 0),
      last: e,
    }
    const line = heartbeatRunText(next)
    if (current === null) lines.push({ up: '', line })
    else if (inText) lines[lines.length - 1] = { ...lines[lines.length - 1], line }
    else lines.push({ up: `\x1b[${rowsOf(heartbeatRunText(current), cols)}A\r\x1b[J`, line })
    current = next
    inText = true
  }
  return { text: lines.map((l) => l.up + l.line).join(''), run: current }
}
