/**
 * SockJS URLs (SockJS protocol 0.3.3, "Session URLs"): what each HTTP request of a SockJS client
 * is for. Every session request is `<prefix>/<server>/<session>/<endpoint>`; before any session
 * the client asks `<prefix>/info` whether WebSocket is enabled (and for an entropy value).
 *
 *   websocket        the WebSocket transport (an upgrade)
 *   xhr_streaming    xhr-streaming: one POST whose response stays open and carries every frame
 *   eventsource      eventsource: one GET, frames as `data:` lines
 *   htmlfile         htmlfile: one GET, frames as <script> calls in a forever-loading page
 *   xhr              xhr-polling: one POST per frame (each held until there is one: long polling)
 *   jsonp            jsonp-polling: the same with <script> GETs
 *   xhr_send         client → server over any XHR transport: a POST of a JSON array
 *   jsonp_send       client → server for jsonp-polling (a form POST)
 */

/** What a SockJS request is, from its URL (query and fragment ignored). */
export type SockjsRequest =
  | { readonly kind: 'info'; readonly prefix: string }
  | { readonly kind: 'iframe'; readonly prefix: string }
  | { readonly kind: 'session'; readonly prefix: string; readonly server: string; readonly session: string; readonly endpoint: string; readonly transport: string; readonly send: boolean }

/** The receiving endpoint of each transport (sockjs-client's transport names). */
export const SOCKJS_ENDPOINTS: Readonly<Record<string, string>> = {
  websocket: 'websocket',
  xhr_streaming: 'xhr-streaming',
  eventsource: 'eventsource',
  htmlfile: 'htmlfile',
  xhr: 'xhr-polling',
  jsonp: 'jsonp-polling',
}

const SEND_ENDPOINTS = new Set(['xhr_send', 'jsonp_send'])

/** Parses a request URL under one of `prefixes` (`/sockjs/feed`); null when it is not SockJS. */
export function parseSockjsUrl(url: string, prefixes: readonly string[] = ['/sockjs/feed', '/sockjs/stomp']): SockjsRequest | null {
  const end = url.search(/[?#]/)
  const path = end < 0 ? url : url.slice(0, end)
  const prefix = prefixes.find((p) => path.startsWith(`${p}/`))
  if (prefix === undefined) return null
  const rest = path.slice(prefix.length + 1).split('/')
  if (rest.length === 1) {
    if (rest[0] === 'info') return { kind: 'info', prefix }
    if (/^iframe[0-9-.a-z_]*\.html$/.test(rest[0])) return { kind: 'iframe', prefix }
    return null
  }
  if (rest.length !== 3 || rest[0] === '' || rest[1] === '' || rest[0].includes('.') || rest[1].includes('.')) return null
  const [server, session, endpoint] = rest
  const send = SEND_ENDPOINTS.has(endpoint)
  const transport = send ? endpoint : SOCKJS_ENDPOINTS[endpoint]
  if (transport === undefined) return null
  return { kind: 'session', prefix, server, session, endpoint, transport, send }
}
