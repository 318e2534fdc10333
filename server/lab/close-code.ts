/**
 * The `close <code> <reason>` command of /ws/echo, checked against RFC 6455 §7.4 before the
 * server sends it: a code an endpoint may not put in a Close frame, or a reason over 123 bytes
 * (§5.5: a control frame's payload is at most 125 bytes, 2 of them the code), is answered with a
 * text message explaining why, and the connection stays open.
 */

export type CloseCommand =
  | { readonly kind: 'close'; readonly code?: number; readonly reason: string }
  | { readonly kind: 'invalid'; readonly error: string }

const MAX_REASON_BYTES = 123
const VALID = 'Try 1000 (normal), 1001 (going away), 1002, 1003, 1007-1014, 3000-3999 (libraries, frameworks) or 4000-4999 (private use, e.g. close 4001 bye).'

/** Why `code` may not be sent in a Close frame (RFC 6455 §7.4.1/§7.4.2), or null when it may. */
export function closeCodeProblem(code: number): string | null {
  if (!Number.isInteger(code) || code < 0 || code > 65535) return `${code} is not a close code: a close code is a 16-bit number. ${VALID}`
  if (code < 1000) return `${code} is not used (RFC 6455 §7.4.2: 0-999 are never used). ${VALID}`
  if (code === 1004) return `1004 is reserved (RFC 6455 §7.4.1): it has no meaning yet. ${VALID}`
  if (code === 1005) return `1005 is reserved (RFC 6455 §7.4.1): it means "no status code was present" and must never be sent in a Close frame — send "close" alone to see it. ${VALID}`
  if (code === 1006) return `1006 is reserved (RFC 6455 §7.4.1): it means "closed without a Close frame" and must never be sent. ${VALID}`
  if (code === 1015) return `1015 is reserved (RFC 6455 §7.4.1): it means "the TLS handshake failed" and must never be sent. ${VALID}`
  if (code >= 1016 && code <= 2999) return `${code} is reserved for future versions of the protocol and its extensions (RFC 6455 §7.4.2). ${VALID}`
  if (code >= 5000) return `${code} is outside every range RFC 6455 §7.4.2 defines (the last is 4000-4999). ${VALID}`
  return null
}

/** Parses `close`, `close <code>` or `close <code> <reason…>`; null when `text` is not a close command. */
export function parseCloseCommand(text: string): CloseCommand | null {
  const m = /^close(?:[ \t]+(\S+)(?:[ \t]+([\s\S]*))?)?$/.exec(text)
  if (!m) return null
  if (m[1] === undefined) return { kind: 'close', reason: '' }
  if (!/^\d{1,5}$/.test(m[1])) return { kind: 'invalid', error: `"${m[1]}" is not a close code: write close <code> <reason>, e.g. close 4001 bye. ${VALID}` }
  const code = Number(m[1])
  const problem = closeCodeProblem(code)
  if (problem) return { kind: 'invalid', error: problem }
  const reason = m[2] ?? ''
  const bytes = Buffer.byteLength(reason)
  if (bytes > MAX_REASON_BYTES) {
    return { kind: 'invalid', error: `That reason is ${bytes} bytes of UTF-8; a Close frame's reason is at most ${MAX_REASON_BYTES} (RFC 6455 §5.5: control frames carry at most 125 bytes, 2 of them the code).` }
  }
  return { kind: 'close', code, reason }
}
