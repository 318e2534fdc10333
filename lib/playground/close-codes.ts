/**
 * WebSocket close codes and what they mean (RFC 6455 §7.4.1 and the IANA "WebSocket Close Code
 * Number" registry; 1012-1014 were registered after the RFC). The playground shows the meaning
 * next to the code a connection closed with.
 */

export interface CloseCodeInfo {
  readonly code: number
  /** Short name, e.g. "Normal Closure". */
  readonly name: string
  /** What it means for the learner, one or two sentences. */
  readonly meaning: string
  /** Where the code comes from. */
  readonly range: 'standard' | 'reserved' | 'library' | 'application' | 'invalid'
  /** True when no endpoint may send it in a close frame (1005, 1006, 1015): the browser reports it locally. */
  readonly localOnly: boolean
}

const STANDARD: Readonly<Record<number, readonly [string, string]>> = {
  1000: ['Normal Closure', 'The connection finished its purpose: a clean close asked for by one side.'],
  1001: ['Going Away', 'An endpoint is going away: a server shutting down or a browser leaving the page.'],
  1002: ['Protocol Error', 'The other side broke the WebSocket protocol (for example a bad frame).'],
  1003: ['Unsupported Data', 'The endpoint received a type of data it cannot accept (text-only endpoint got binary, or the reverse).'],
  1004: ['Reserved', 'Reserved by RFC 6455; its meaning may be defined in the future. No endpoint should send it.'],
  1005: ['No Status Received', 'The close frame carried no status code. Never sent on the wire: the browser reports it.'],
  1006: ['Abnormal Closure', 'The connection dropped without a close frame (network loss, refused connection, server crash, failed handshake). Never sent on the wire.'],
  1007: ['Invalid Frame Payload Data', 'A message did not match its type, such as non-UTF-8 bytes in a text message. RabbitMQ Web-STOMP also uses it for STOMP parse errors.'],
  1008: ['Policy Violation', 'A message broke the endpoint’s policy; a generic code when no better one fits.'],
  1009: ['Message Too Big', 'A message was larger than the endpoint accepts.'],
  1010: ['Mandatory Extension', 'The client expected the server to negotiate an extension it did not.'],
  1011: ['Internal Error', 'The server met an unexpected condition that stopped it from fulfilling the request.'],
  1012: ['Service Restart', 'The server is restarting; reconnect after a short delay.'],
  1013: ['Try Again Later', 'The server is overloaded or temporarily unable; reconnect later.'],
  1014: ['Bad Gateway', 'A gateway or proxy received an invalid response from the upstream server.'],
  1015: ['TLS Handshake', 'The TLS handshake failed (for example the certificate could not be verified). Never sent on the wire.'],
}

const LOCAL_ONLY = new Set([1005, 1006, 1015])

/** The meaning of a close code, for any integer (codes outside every range are called invalid). */
export function closeCodeInfo(code: number): CloseCodeInfo {
  const known = STANDARD[code]
  if (known !== undefined) {
    return { code, name: known[0], meaning: known[1], range: code === 1004 ? 'reserved' : 'standard', localOnly: LOCAL_ONLY.has(code) }
  }
  if (Number.isInteger(code) && code >= 1016 && code <= 2999) {
    return { code, name: 'Reserved', meaning: 'Reserved for future versions of the WebSocket protocol and its extensions (RFC 6455 §7.4.2).', range: 'reserved', localOnly: false }
  }
  if (Number.isInteger(code) && code >= 3000 && code <= 3999) {
    return { code, name: 'Library / framework', meaning: 'Registered with IANA for libraries, frameworks and applications; see the registry for this code.', range: 'library', localOnly: false }
  }
  if (Number.isInteger(code) && code >= 4000 && code <= 4999) {
    return { code, name: 'Application', meaning: 'Private use: the application on the other side chose it; its meaning is whatever that application documents.', range: 'application', localOnly: false }
  }
  return { code, name: 'Invalid', meaning: 'Not a valid close code (RFC 6455 §7.4.2: codes below 1000 and above 4999 are never used).', range: 'invalid', localOnly: false }
}

/** One line for a status bar: `1006 Abnormal Closure — The connection dropped …` plus the reason if any. */
export function describeClose(code: number, reason: string): string {
  const info = closeCodeInfo(code)
  const why = reason === '' ? '' : ` Reason: “${reason}”.`
  return `${code} ${info.name} — ${info.meaning}${why}`
}

/**
 * Whether a browser lets a script close a WebSocket with `code`: only 1000 and 3000-4999
 * (WHATWG WebSockets §close(): otherwise an InvalidAccessError is thrown).
 */
export function browserMayClose(code: number): boolean {
  return code === 1000 || (Number.isInteger(code) && code >= 3000 && code <= 4999)
}
