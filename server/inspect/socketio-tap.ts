/**
 * The Socket.IO tap: one `socketio.packet` event per engine.io packet of an engine.io Server's
 * sessions, both directions, over polling and WebSocket (issue 4). The lab binds socket.io to an
 * engine it made itself (server/lab/socketio.ts) and taps that one engine: no prototype is patched.
 *
 * - Every transport the engine makes goes through `createTransport` (the handshake's, and the
 *   WebSocket of an upgrade, which names its session with `?sid=`); the tap wraps that one
 *   instance:
 *   - server → client: `transport.send(packets)` — the socket's flushes, the probe's `3probe`, the
 *     `6` noop that ends a poll during an upgrade, the `1` close a pending poll gets;
 *   - client → server over polling: `transport.onData(payload)` (a POST body, `\x1e`-separated);
 *   - client → server over WebSocket: the `ws` socket's 'message', heard before engine.io's own
 *     listener (prependListener), so a packet is reported before what it causes.
 * - A session keeps one connection id (`socketio-N`) and its tab's `cid` (from the handshake URL)
 *   across the upgrade; its `sid` comes from the open packet.
 * - Events are built only while someone wants the session (`bus.wants`); unwatched, a packet costs
 *   one check. A tap that fails switches itself off; it never throws into engine.io.
 *
 * The WebSocket octets themselves are still tapped as `ws.handshake`/`ws.frame` by route-taps.ts,
 * and polling requests as `http.exchange` by http-tap.ts.
 */
import type { IncomingMessage } from 'node:http'
import type { SocketioPacketEvent } from '../../lib/inspect/events'
import { decodeEnginePacket, decodeSocketPacket, engineTypeCode, parseOpenData, splitPollingPayload } from '../../lib/socketio/packet'
import { PREVIEW_CHARS } from '../../lib/websocket/preview'
import type { TapBus } from './bus'
import { clientIdFromUrl } from './client-id'

/** What the tap needs of engine.io 6's Server. */
export interface TappableEngine {
  createTransport(name: string, req: IncomingMessage): unknown
  readonly clients: Readonly<Record<string, { readonly transport: unknown } | undefined>>
}

interface EnginePacketObject {
  readonly type: string
  readonly data?: unknown
}

interface TransportLike {
  readonly name: string
  send(packets: EnginePacketObject[]): void
  onData(data: unknown): void
  /** Polling: a close is pending; the next send appends a close packet. */
  readonly shouldClose?: unknown
  /** WebSocket: the `ws` socket. */
  readonly socket?: { prependListener(event: 'message', listener: (data: unknown, isBinary: boolean) => void): unknown }
}

interface SessionTap {
  readonly bus: TapBus
  readonly conn: string
  readonly client?: string
  sid?: string
  broken: boolean
}

let sessions = 0
const taps = new WeakMap<object, SessionTap>()

function encodedText(type: string, data: unknown, transport: string): { text: string; bytes: number } {
  const code = engineTypeCode(type)
  const head = code === undefined ? type : String(code)
  if (data === undefined || data === null) return { text: head, bytes: Buffer.byteLength(head) }
  if (typeof data === 'string') {
    const text = head + data
    return { text, bytes: Buffer.byteLength(text) }
  }
  const size = data instanceof ArrayBuffer ? data.byteLength : ArrayBuffer.isView(data) ? data.byteLength : 0
  // engine.io v4: binary goes raw over WebSocket, as `b` + base64 over polling.
  const bytes = transport === 'websocket' ? size : 1 + 4 * Math.ceil(size / 3)
  return { text: `<${size} octets of binary>`, bytes }
}

function build(tap: SessionTap, dir: 'in' | 'out', transport: string, text: string, bytes: number, binary: boolean): SocketioPacketEvent {
  const packet = binary ? { engineType: 'message' as const, data: '' } : decodeEnginePacket(text)
  if (packet.engineType === 'open' && dir === 'out') tap.sid ??= parseOpenData(packet.data)?.sid
  const socket = packet.engineType === 'message' && !binary ? decodeSocketPacket(packet.data) : null
  const s = socket?.ok ? socket.packet : null
  return {
    type: 'socketio.packet', t: performance.now(), conn: tap.conn, ...(tap.client === undefined ? {} : { client: tap.client }),
    dir, transport, engineType: packet.engineType,
    ...(s ? { socketType: s.socketType, namespace: s.namespace } : {}),
    ...(s?.event === undefined ? {} : { event: s.event }),
    ...(s?.ackId === undefined ? {} : { ackId: s.ackId }),
    ...(tap.sid === undefined ? {} : { sid: tap.sid }),
    preview: text.length > PREVIEW_CHARS ? text.slice(0, PREVIEW_CHARS) : text,
    bytes,
  }
}

function guarded(tap: SessionTap, publish: () => void): void {
  if (tap.broken || !tap.bus.wants(tap.conn, tap.client)) return
  try {
    publish()
  } catch {
    tap.broken = true
  }
}

function wrap(transport: TransportLike, tap: SessionTap): void {
  taps.set(transport, tap)
  const name = transport.name
  const send = transport.send
  transport.send = function (this: TransportLike, packets: EnginePacketObject[]) {
    // The open packet names the session even when nobody watches it open.
    if (tap.sid === undefined) for (const p of packets) if (p.type === 'open' && typeof p.data === 'string') tap.sid = parseOpenData(p.data)?.sid
    guarded(tap, () => {
      const all = name === 'polling' && this.shouldClose ? [...packets, { type: 'close' }] : packets
      for (const p of all) {
        const { text, bytes } = encodedText(p.type, p.data, name)
        tap.bus.publish(build(tap, 'out', name, text, bytes, typeof p.data === 'object' && p.data !== null))
      }
    })
    return send.call(this, packets)
  }
  if (name === 'websocket') {
    transport.socket?.prependListener('message', (data: unknown, isBinary: boolean) => {
      guarded(tap, () => {
        if (isBinary) {
          const size = ArrayBuffer.isView(data) ? data.byteLength : Array.isArray(data) ? data.reduce((n: number, b: Uint8Array) => n + b.byteLength, 0) : 0
          tap.bus.publish(build(tap, 'in', name, `<${size} octets of binary>`, size, true))
          return
        }
        const text = String(data)
        tap.bus.publish(build(tap, 'in', name, text, Buffer.byteLength(text), false))
      })
    })
  } else {
    const onData = transport.onData
    transport.onData = function (this: TransportLike, data: unknown) {
      guarded(tap, () => {
        const payload = typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : String(data)
        for (const text of splitPollingPayload(payload)) tap.bus.publish(build(tap, 'in', name, text, Buffer.byteLength(text), false))
      })
      return onData.call(this, data)
    }
  }
}

function sidOf(req: IncomingMessage): string | undefined {
  const q = (req as IncomingMessage & { _query?: Record<string, string | undefined> })._query
  if (q) return q.sid
  const url = req.url ?? ''
  const at = url.indexOf('?')
  return at < 0 ? undefined : (new URLSearchParams(url.slice(at + 1)).get('sid') ?? undefined)
}

/** Taps every session of `engine` from now on. */
export function tapEngine(engine: TappableEngine, options: { readonly bus: TapBus }): void {
  const create = engine.createTransport.bind(engine)
  engine.createTransport = (name: string, req: IncomingMessage) => {
    const transport = create(name, req)
    try {
      const sid = sidOf(req)
      const owner = sid === undefined ? undefined : engine.clients[sid]?.transport
      let tap = owner !== undefined && typeof owner === 'object' && owner !== null ? taps.get(owner) : undefined
      if (!tap) {
        const client = clientIdFromUrl(req.url)
        tap = { bus: options.bus, conn: `socketio-${(sessions += 1)}`, ...(client === undefined ? {} : { client }), ...(sid === undefined ? {} : { sid }), broken: false }
      }
      if (typeof transport === 'object' && transport !== null) wrap(transport as TransportLike, tap)
    } catch {
      // never break a connection over the inspector
    }
    return transport
  }
}

/** The connection id and sid the tap gave an engine.io socket (by its current transport). */
export function socketioSessionInfo(transport: object): { readonly conn: string; readonly client?: string; readonly sid?: string } | undefined {
  const tap = taps.get(transport)
  return tap ? { conn: tap.conn, ...(tap.client === undefined ? {} : { client: tap.client }), ...(tap.sid === undefined ? {} : { sid: tap.sid }) } : undefined
}
