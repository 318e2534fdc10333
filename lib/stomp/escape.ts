/**
 * Header escaping, version-aware (STOMP 1.2 §Value Encoding — checklist 12-17).
 *
 * | mode  | used for                                   | escapes              |
 * |-------|--------------------------------------------|----------------------|
 * | 'none'| CONNECT, STOMP, CONNECTED (every version); every frame of a 1.0 session | none |
 * | '1.1' | other frames of a 1.1 session              | `\n` `\c` `\\`       |
 * | '1.2' | other frames of a 1.2 session (and frames whose session version is not yet known) | `\r` `\n` `\c` `\\` |
 *
 * STOMP is treated like CONNECT: 1.2 §CONNECT or STOMP Frame says servers MUST handle it "in the
 * same manner", and its headers are the CONNECT headers.
 *
 * Decoding is a single left-to-right pass, so it is round-trip safe: `C:\\new` decodes to the
 * 7 characters `C:\new`, never to `C:` + newline + `ew` (the bug of sequential string replaces).
 */
import type { StompVersion } from './frame'

export type EscapeMode = 'none' | '1.1' | '1.2'

/** CONNECT, STOMP and CONNECTED are never escaped nor unescaped (checklist 15). */
export function isConnectCommand(command: string): boolean {
  return command === 'CONNECT' || command === 'STOMP' || command === 'CONNECTED'
}

/**
 * The escaping that applies to one frame. `version` is the session's negotiated version, or
 * `null` before negotiation: then a non-CONNECT frame is decoded with the 1.2 rules.
 */
export function escapeModeFor(command: string, version: StompVersion | null): EscapeMode {
  if (isConnectCommand(command)) return 'none' // checklist 15
  if (version === '1.0') return 'none' // checklist 16: 1.0 has no escapes
  if (version === '1.1') return '1.1'
  return '1.2'
}

export type UnescapeResult =
  | { readonly ok: true; readonly text: string }
  /** `sequence` is the offending text (`\t`, or `\` alone at the end); `index` its offset in the input. */
  | { readonly ok: false; readonly sequence: string; readonly index: number }

const BACKSLASH = 92

/** Decodes one header name or value. An undefined escape is a fatal protocol error (checklist 13). */
export function unescapeHeader(raw: string, mode: EscapeMode): UnescapeResult {
  if (mode === 'none') return { ok: true, text: raw }
  let i = raw.indexOf('\\')
  if (i < 0) return { ok: true, text: raw }
  let out = raw.slice(0, i)
  while (i < raw.length) {
    const c = raw.charCodeAt(i)
    if (c !== BACKSLASH) {
      const next = raw.indexOf('\\', i)
      const stop = next < 0 ? raw.length : next
      out += raw.slice(i, stop)
      i = stop
      continue
    }
    const e = raw[i + 1]
    if (e === 'n') out += '\n'
    else if (e === 'c') out += ':'
    else if (e === '\\') out += '\\'
    else if (e === 'r' && mode === '1.2') out += '\r' // 1.1: `\r` is undefined (checklist 13)
    else return { ok: false, sequence: e === undefined ? '\\' : raw.slice(i, i + 1 + codePointWidth(raw, i + 1)), index: i }
    i += 2
  }
  return { ok: true, text: out }
}

function codePointWidth(s: string, i: number): number {
  const c = s.charCodeAt(i)
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1
}

/**
 * Encodes one header name or value for the receiver (checklist 14, 16). In mode '1.1' a CR stays
 * raw (1.1 has no `\r` escape; its grammar allows a raw CR). In mode 'none' nothing changes.
 * Check `unencodableReason` first: some texts cannot be represented in some modes.
 */
export function escapeHeader(text: string, mode: EscapeMode): string {
  if (mode === 'none') return text
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let rep: string | undefined
    if (c === 92) rep = '\\\\'
    else if (c === 10) rep = '\\n'
    else if (c === 58) rep = '\\c'
    else if (c === 13 && mode === '1.2') rep = '\\r'
    if (rep !== undefined) {
      out += text.slice(from, i) + rep
      from = i + 1
    }
  }
  return from === 0 ? text : out + text.slice(from)
}

/**
 * Why `text` cannot travel as a header name/value in `mode`, or null when it can.
 * - a LF can only be written escaped (not in 'none': 1.0 sessions and CONNECT/CONNECTED);
 * - a ':' in a name can only be written escaped (a colon in a value is fine: readers split on
 *   the first colon, checklist 6);
 * - a CR at the end of a value is read as part of a CRLF line end when not escaped
 *   (every reader accepts CRLF, checklist 2), so only 1.2's `\r` can carry it;
 * - a name must not be empty.
 */
export function unencodableReason(text: string, mode: EscapeMode, part: 'name' | 'value'): string | null {
  if (part === 'name' && text.length === 0) return 'a header name must not be empty'
  if (mode === '1.2') return null
  if (mode === 'none') {
    if (text.includes('\n')) return 'a line feed cannot be written without escaping (1.0 sessions and CONNECT/CONNECTED have none)'
    if (part === 'name' && text.includes(':')) return 'a colon in a header name cannot be written without escaping'
  }
  if (part === 'value' && text.endsWith('\r')) return 'a carriage return at the end of a value would be read as part of a CRLF line end; only STOMP 1.2 can escape it (\\r)'
  return null
}
