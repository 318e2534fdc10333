/**
 * Decoding of one command or header line (octets without the EOL), shared by the streaming
 * parser. Split on the first colon (checklist 6), UTF-8 check (11), unescape per mode (12-13),
 * left-trim values in 1.0 sessions (10).
 */
import type { StompErrorCode } from './errors'
import type { Header, StompVersion } from './frame'
import { unescapeHeader, type EscapeMode } from './escape'
import { decodeUtf8, decodeUtf8Lossy, isValidUtf8 } from './utf8'

const COLON = 0x3a

export type LineResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: StompErrorCode; readonly line: string; readonly sequence?: string }

/** Lossy display text of a line (for problem texts only). */
export function lineText(line: Uint8Array): string {
  return decodeUtf8Lossy(line)
}

export function decodeCommandLine(line: Uint8Array): LineResult<string> {
  if (!isValidUtf8(line)) return { ok: false, code: 'STOMP_ERR_BAD_UTF8', line: lineText(line) }
  return { ok: true, value: decodeUtf8(line) }
}

/**
 * 1.0 sessions: values are left-trimmed of spaces and tabs, as RabbitMQ does (`k: v ` → `v `).
 * STOMP 1.0's own examples pad values (`login: <username>`), and 1.0 has no rule against it.
 * Names are not trimmed, trailing spaces are kept. 1.1/1.2 never trim (checklist 10).
 */
function trimLeft10(value: string): string {
  let i = 0
  while (i < value.length && (value.charCodeAt(i) === 32 || value.charCodeAt(i) === 9)) i++
  return i === 0 ? value : value.slice(i)
}

export function decodeHeaderLine(line: Uint8Array, mode: EscapeMode, version: StompVersion | null): LineResult<Header> {
  const colon = line.indexOf(COLON)
  if (colon < 0) return { ok: false, code: 'STOMP_ERR_HEADER_NO_COLON', line: lineText(line) }
  if (colon === 0) return { ok: false, code: 'STOMP_ERR_EMPTY_HEADER_NAME', line: lineText(line) }
  if (!isValidUtf8(line)) return { ok: false, code: 'STOMP_ERR_BAD_UTF8', line: lineText(line) }
  const rawName = decodeUtf8(line.subarray(0, colon))
  const rawValue = decodeUtf8(line.subarray(colon + 1))
  const name = unescapeHeader(rawName, mode)
  if (!name.ok) return { ok: false, code: 'STOMP_ERR_BAD_ESCAPE', line: `${rawName}:${rawValue}`, sequence: name.sequence }
  const value = unescapeHeader(rawValue, mode)
  if (!value.ok) return { ok: false, code: 'STOMP_ERR_BAD_ESCAPE', line: `${rawName}:${rawValue}`, sequence: value.sequence }
  return { ok: true, value: [name.text, version === '1.0' ? trimLeft10(value.text) : value.text] }
}
