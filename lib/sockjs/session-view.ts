/**
 * One SockJS session as the lesson 07 widget shows it, from the tab's inspector events since the
 * widget connected: the frames the server wrote and the client sent (sockjs.frame), the HTTP
 * requests the session cost (http.exchange, the websocket transport's upgrade from ws.handshake,
 * and a streaming response still open), and the messages delivered.
 */
import type { HttpExchangeEvent, InspectEvent, SockjsFrameEvent, WsHandshakeEvent } from '../inspect/events'
import { decodeSockjsFrame } from './frames'
import { parseSockjsUrl } from './urls'

/** Every transport sockjs-client 1.6 knows, in the order it tries them. */
export const SOCKJS_CLIENT_TRANSPORTS = [
  'websocket', 'xhr-streaming', 'xdr-streaming', 'eventsource', 'iframe-eventsource', 'htmlfile',
  'iframe-htmlfile', 'xhr-polling', 'xdr-polling', 'iframe-xhr-polling', 'jsonp-polling',
] as const

/** Receivers whose one response carries every frame (reported when it ends). */
const STREAMING = new Set(['xhr-streaming', 'eventsource', 'htmlfile'])

export interface SessionRequest {
  /** `info`, `xhr`, `xhr_send`, `xhr_streaming`, `websocket` … */
  readonly endpoint: string
  readonly method: string
  /** Status code; 101 for the upgrade; null while the response is still open. */
  readonly status: number | null
  readonly bytesDown: number | null
  readonly conn: string
}

export interface SessionView {
  /** The session's connection id (`sockjs-4`) once its open frame was seen. */
  readonly conn: string | null
  /** The transport the server wrote the open frame over. */
  readonly transport: string | null
  readonly frames: readonly SockjsFrameEvent[]
  readonly requests: readonly SessionRequest[]
  readonly messages: number
}

/** Messages in an `a` frame (1 when its preview is cut and cannot be decoded). */
function messageCount(frame: SockjsFrameEvent): number {
  const decoded = decodeSockjsFrame(frame.preview)
  return decoded.ok && decoded.frame.kind === 'a' ? decoded.frame.messages.length : 1
}

/** `events`: the tab's events since the widget opened `session` (its own session id). */
export function sessionView(events: readonly InspectEvent[], session: string, prefix = '/sockjs/feed'): SessionView {
  let handshake: WsHandshakeEvent | undefined
  let info: HttpExchangeEvent | undefined
  const exchanges: HttpExchangeEvent[] = []
  for (const e of events) {
    if (e.type === 'ws.handshake') {
      const r = parseSockjsUrl(e.path, [prefix])
      if (r?.kind === 'session' && r.session === session) handshake ??= e
    } else if (e.type === 'http.exchange') {
      const r = parseSockjsUrl(e.url, [prefix])
      if (r?.kind === 'info') info ??= e
      else if (r?.kind === 'session' && r.session === session) exchanges.push(e)
    }
  }
  const open = events.find((e): e is SockjsFrameEvent => e.type === 'sockjs.frame' && e.dir === 'out' && e.kind === 'o' && (handshake === undefined || e.conn === handshake.conn))
  const conn = handshake?.conn ?? open?.conn ?? null
  const frames = conn === null ? [] : events.filter((e): e is SockjsFrameEvent => e.type === 'sockjs.frame' && e.conn === conn)
  const transport = open?.transport ?? (handshake ? 'websocket' : null)

  const requests: SessionRequest[] = []
  if (info) requests.push({ endpoint: 'info', method: info.method, status: info.status, bytesDown: info.bytesOut, conn: info.conn })
  if (handshake) requests.push({ endpoint: 'websocket', method: 'GET', status: 101, bytesDown: null, conn: handshake.conn })
  for (const e of exchanges) {
    const r = parseSockjsUrl(e.url, [prefix])
    requests.push({ endpoint: r?.kind === 'session' ? r.endpoint : '?', method: e.method, status: e.status, bytesDown: e.bytesOut, conn: e.conn })
  }
  if (transport !== null && STREAMING.has(transport)) {
    // its exchange is reported when the response ends: until then, the open frame proves it
    const receiving = requests.some((r) => r.endpoint !== 'info' && !r.endpoint.endsWith('_send'))
    if (!receiving) requests.push({ endpoint: transport === 'xhr-streaming' ? 'xhr_streaming' : transport, method: transport === 'xhr-streaming' ? 'POST' : 'GET', status: null, bytesDown: null, conn: '' })
  }
  let messages = 0
  for (const f of frames) if (f.dir === 'out' && f.kind === 'a') messages += messageCount(f)
  return { conn, transport, frames, requests, messages }
}

/** Names in a comma/space separated list that sockjs-client does not know, each with a guess. */
export function unknownTransports(names: readonly string[]): { name: string; guess?: string }[] {
  const known: readonly string[] = SOCKJS_CLIENT_TRANSPORTS
  return names
    .filter((n) => !known.includes(n))
    .map((name) => {
      const normal = name.toLowerCase().replace(/[_\s]+/g, '-')
      const guess = known.find((k) => k === normal) ?? known.find((k) => k.replace(/-/g, '') === normal.replace(/-/g, ''))
      return guess ? { name, guess } : { name }
    })
}

/** The transports field as sockjs-client's `transports` option (empty = every transport). */
export function parseTransportList(text: string): string[] {
  return text.split(/[\s,]+/).map((s) => s.trim().replace(/^['"]|['"]$/g, '')).filter((s) => s !== '')
}
