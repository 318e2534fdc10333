/**
 * The SockJS tap: `sockjs.frame` events for every SockJS session whose requests went through
 * tapSockjsRequest / tapSockjsUpgrade, and the session's connection id and browser tab (cid).
 *
 * - server → client (`o`, `h`, `a[…]`, `c[…]`): sockjs 0.3.24 hands every frame of a session to
 *   its current receiver's `doSendFrame(payload)`, whatever the transport; the receiver of each
 *   request is wrapped when sockjs registers it with the session (`Session.prototype.register`,
 *   patched once; requests this module has not seen pass through untouched).
 * - client → server (`m`): over WebSocket the receiver's `didMessage(text)` sees each message as
 *   it came; over xhr_send / jsonp_send the POST body is read beside sockjs (its `end` comes first).
 * - ids: a session gets its connection id at its first request (for the websocket transport, at
 *   the upgrade, so `ws.handshake`/`ws.frame` and `sockjs.frame` share it) and its cid from that
 *   request's `?cid=` (sockjs-client keeps the query on every sub-URL — utils/url.js addPath).
 *
 * Events are built only while someone wants the session (`bus.wants`); ids and cids are kept regardless (the broker's
 * snapshot shows them even when nobody watched the session open).
 */
import { createRequire } from 'node:module'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { SockjsFrameEvent } from '../../lib/inspect/events'
import { PREVIEW_CHARS } from '../../lib/websocket/preview'
import type { TapBus } from './bus'
import { clientIdFromUrl } from './client-id'
import { tapWebSocket } from './ws-tap'

export interface SockjsTapOptions {
  readonly bus: TapBus
  /** Makes a connection id for a new session (`sockjs-4`). */
  readonly connId: () => string
}

interface Receiver {
  readonly protocol: string
  doSendFrame(payload: string): boolean
  didMessage?(payload: string): unknown
}
interface SockjsSession {
  register(req: IncomingMessage, recv: Receiver): void
}
interface TransportModule {
  readonly Session: { prototype: SockjsSession; bySessionId(id: string): SockjsSession | null }
}

interface SessionTap {
  readonly bus: TapBus
  readonly conn: string
  readonly client?: string
}
interface RequestTap {
  readonly bus: TapBus
  readonly client?: string
  /** Given at the upgrade (websocket transport); else made when the request opens a session. */
  readonly conn?: string
  readonly connId: () => string
}

const requests = new WeakMap<IncomingMessage, RequestTap>()
const sessions = new WeakMap<object, SessionTap>()
const receivers = new WeakSet<object>()

function event(tap: SessionTap, dir: 'in' | 'out', transport: string, kind: SockjsFrameEvent['kind'], text: string, bytes: number): SockjsFrameEvent {
  return {
    type: 'sockjs.frame', t: performance.now(), conn: tap.conn, ...(tap.client === undefined ? {} : { client: tap.client }),
    dir, transport, kind, preview: text.length > PREVIEW_CHARS ? text.slice(0, PREVIEW_CHARS) : text, bytes,
  }
}

function frameKind(payload: string): SockjsFrameEvent['kind'] {
  const c = payload.charAt(0)
  return c === 'o' || c === 'h' || c === 'a' || c === 'c' ? c : 'm'
}

function wrapReceiver(recv: Receiver, tap: SessionTap): void {
  if (receivers.has(recv)) return
  receivers.add(recv)
  const send = recv.doSendFrame
  recv.doSendFrame = function (this: Receiver, payload: string) {
    if (tap.bus.wants(tap.conn, tap.client)) tap.bus.publish(event(tap, 'out', recv.protocol, frameKind(payload), payload, Buffer.byteLength(payload)))
    return send.call(this, payload)
  }
  const did = recv.didMessage
  if (recv.protocol === 'websocket' && typeof did === 'function') {
    recv.didMessage = function (this: Receiver, payload: string) {
      if (payload.length > 0 && tap.bus.wants(tap.conn, tap.client)) tap.bus.publish(event(tap, 'in', 'websocket', 'm', payload, Buffer.byteLength(payload)))
      return did.call(this, payload)
    }
  }
}

let transport: TransportModule | null = null

/** Patch sockjs once: each receiver registered for a tapped request is wrapped. */
function sockjsTransport(): TransportModule {
  if (transport) return transport
  const loaded = createRequire(import.meta.url)('sockjs/lib/transport.js') as TransportModule
  const proto = loaded.Session.prototype
  const register = proto.register
  proto.register = function (this: SockjsSession, req: IncomingMessage, recv: Receiver) {
    const seen = requests.get(req)
    if (seen) {
      let tap = sessions.get(this)
      if (!tap) {
        const { bus, client } = seen
        tap = { bus, conn: seen.conn ?? seen.connId(), ...(client === undefined ? {} : { client }) }
        sessions.set(this, tap)
      }
      wrapReceiver(recv, tap)
    }
    return register.call(this, req, recv)
  }
  transport = loaded
  return loaded
}

function remember(req: IncomingMessage, options: SockjsTapOptions, conn?: string): void {
  sockjsTransport()
  const client = clientIdFromUrl(req.url)
  requests.set(req, { bus: options.bus, connId: options.connId, ...(conn === undefined ? {} : { conn }), ...(client === undefined ? {} : { client }) })
}

/** `/prefix/<server>/<session>/xhr_send` → the session id, for a client → server POST. */
function sendTarget(url: string): { session: string; endpoint: 'xhr_send' | 'jsonp_send' } | null {
  const m = /\/[^/?#]+\/([^/?#]+)\/(xhr_send|jsonp_send)(?:[?#]|$)/.exec(url)
  return m ? { session: m[1], endpoint: m[2] as 'xhr_send' | 'jsonp_send' } : null
}

/** Read a send POST's body beside sockjs and report it once complete (before sockjs parses it). */
function tapSendBody(req: IncomingMessage, session: string, endpoint: 'xhr_send' | 'jsonp_send'): void {
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (chunk: Buffer) => {
    if (size <= PREVIEW_CHARS * 8) chunks.push(chunk)
    size += chunk.length
  })
  req.once('end', () => {
    const owner = transport?.Session.bySessionId(session)
    const tap = owner ? sessions.get(owner) : undefined
    if (!tap || !tap.bus.wants(tap.conn, tap.client)) return
    let text = Buffer.concat(chunks).toString('utf8')
    if (endpoint === 'jsonp_send' && (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      text = new URLSearchParams(text).get('d') ?? text
    }
    tap.bus.publish(event(tap, 'in', endpoint, 'm', text, size))
  })
}

/**
 * Call for each HTTP request about to be handed to a sockjs middleware (polling, streaming,
 * sends). A request that starts a session gives it its connection id and cid.
 */
export function tapSockjsRequest(req: IncomingMessage, options: SockjsTapOptions): void {
  if (req.method === 'OPTIONS' || req.method === 'HEAD') return
  const send = req.method === 'POST' ? sendTarget(req.url ?? '') : null
  if (send) {
    if (options.bus.active) tapSendBody(req, send.session, send.endpoint)
    return
  }
  remember(req, options)
}

/** Call for an upgrade about to be handed to a sockjs middleware; pass on the returned head. */
export function tapSockjsUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, options: SockjsTapOptions): Buffer {
  const conn = options.connId()
  remember(req, options, conn)
  const client = clientIdFromUrl(req.url)
  return tapWebSocket(req, socket, head, { bus: options.bus, conn, ...(client === undefined ? {} : { client }) })
}

/** The connection id and cid the tap gave a sockjs session (from its SockJSConnection). */
export function sockjsSessionInfo(rawConnection: object): { readonly conn: string; readonly client?: string } | undefined {
  const session = (rawConnection as { _session?: object })._session
  return session ? sessions.get(session) : undefined
}
