/**
 * Secrets never leave the server through the inspector: before an event reaches any viewer,
 * STOMP `passcode` values (CONNECT/STOMP headers, and the same text inside a WebSocket or SockJS
 * payload preview or a frame's raw octets) and HTTP credentials (Authorization, Cookie,
 * Set-Cookie …) are replaced by `REDACTED`. The broker itself and the learner's own page still
 * see the real bytes; only what viewers are sent is changed.
 */
import type { Header } from '../../lib/stomp/frame'
import type { InspectEvent } from '../../lib/inspect/events'

export const REDACTED = '[redacted]'

const SECRET_HTTP_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie'])

/** `passcode:<value>` as a STOMP header line (JSON-escaped `\n` before it in SockJS previews). */
const PASSCODE_LINE = /(^|\n|\\n|\r)passcode:((?:(?!\\n)[^\n\r])*)/g

function redactText(text: string): string {
  return text.includes('passcode:') ? text.replace(PASSCODE_LINE, (_m, start: string) => `${start}passcode:${REDACTED}`) : text
}

function redactHttpHeaders(headers: readonly Header[]): readonly Header[] {
  return headers.some(([name]) => SECRET_HTTP_HEADERS.has(name.toLowerCase()))
    ? headers.map(([name, value]): Header => [name, SECRET_HTTP_HEADERS.has(name.toLowerCase()) ? REDACTED : value])
    : headers
}

/** The event as viewers may see it (the same object when there is nothing to hide). */
export function redactSecrets(event: InspectEvent): InspectEvent {
  switch (event.type) {
    case 'stomp.frame': {
      const secret = event.headers.some(([name]) => name === 'passcode')
      const raw = event.raw === undefined ? undefined : redactText(event.raw)
      if (!secret && raw === event.raw) return event
      const headers = secret ? event.headers.map(([name, value]): Header => [name, name === 'passcode' ? REDACTED : value]) : event.headers
      return { ...event, headers, ...(raw === undefined ? {} : { raw }) }
    }
    case 'ws.frame':
    case 'sockjs.frame':
    case 'socketio.packet': {
      const preview = redactText(event.preview)
      return preview === event.preview ? event : { ...event, preview }
    }
    case 'ws.handshake': {
      const requestHeaders = redactHttpHeaders(event.requestHeaders)
      const responseHeaders = redactHttpHeaders(event.responseHeaders)
      return requestHeaders === event.requestHeaders && responseHeaders === event.responseHeaders ? event : { ...event, requestHeaders, responseHeaders }
    }
    case 'http.exchange': {
      const requestHeaders = redactHttpHeaders(event.requestHeaders)
      const responseHeaders = redactHttpHeaders(event.responseHeaders)
      return requestHeaders === event.requestHeaders && responseHeaders === event.responseHeaders ? event : { ...event, requestHeaders, responseHeaders }
    }
    default:
      return event
  }
}
