/**
 * Socket.IO at /socket.io/ on Wirelab's own http.Server, without letting socket.io touch the
 * server: socket.io 4.8's `attach()` would install its own 'request' and 'upgrade' listeners
 * (engine.io's attach() rewraps every existing 'request' listener), fighting the upgrade router.
 * Instead socket.io is bound to an engine.io Server made here, and the lab hands it the
 * /socket.io/ requests (engine.handleRequest) and upgrades (engine.handleUpgrade) itself.
 *
 * Namespace "/":
 *   handshake query  ?cid=<tab>  [&feed=<feed>]  [&rate=<ms>]   (feed given: joined at once)
 *   client → server  "join" {feed, since?, rate?}  → ack {feed, cursor} or {error}
 *                    "send" {text}                 → ack the message or {error}
 *   server → client  "feed" <message>              one per feed message
 *                    "lab-error" {error}           when a bad join/send came without an ack
 *
 * Compression is off (HTTP and WebSocket) so the packets on the wire stay readable. With a tap bus,
 * every engine.io packet is published as `socketio.packet` (server/inspect/socketio-tap.ts).
 * Latency is measured when engine.io flushes the packet to its transport (a polling client gets
 * it on its next GET), not when it is queued.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket as NetSocket } from 'node:net'
import type { Duplex } from 'node:stream'
import { Server as EngineServer } from 'engine.io'
import { Server as IoServer, type Socket } from 'socket.io'
import type { TapBus } from '../inspect/bus'
import { tapEngine, type TappableEngine } from '../inspect/socketio-tap'
import type { LabContext } from './context'
import type { Feed, FeedMessage } from './feed'
import { checkFeedName, LabError, MAX_BODY_BYTES, parseCursor, readCid, readRate } from './http-util'

export const SOCKETIO_PATH = '/socket.io/'

export interface SocketioEndpoint {
  owns(url: string): boolean
  handleRequest(req: IncomingMessage, res: ServerResponse): void
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  close(): Promise<void>
}

type Ack = (reply: unknown) => void

interface EnginePacket {
  readonly type: string
  readonly data?: unknown
}

function queryParams(socket: Socket): URLSearchParams {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(socket.handshake.query)) if (typeof v === 'string') params.set(k, v)
  return params
}

function field(payload: unknown, name: string): unknown {
  return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[name] : undefined
}

export function createSocketio(ctx: LabContext, bus?: TapBus): SocketioEndpoint {
  const engine = new EngineServer({
    maxHttpBufferSize: MAX_BODY_BYTES,
    httpCompression: false,
    perMessageDeflate: false,
  })
  // One socketio.packet event per engine.io packet, both ways (before socket.io binds to it).
  if (bus) tapEngine(engine as unknown as TappableEngine, { bus })
  const io = new IoServer({ serveClient: false, path: SOCKETIO_PATH.slice(0, -1) })
  io.bind(engine)

  io.on('connection', (socket) => {
    let cid: string | null = null
    try {
      cid = readCid(queryParams(socket))
    } catch (error) {
      socket.emit('lab-error', { error: error instanceof Error ? error.message : String(error) })
      socket.disconnect(true)
      return
    }
    // Publish times of the feed packets engine.io holds, in order.
    const pending: number[] = []
    socket.conn.on('flush', (packets: readonly EnginePacket[]) => {
      let n = 0
      for (const p of packets) if (p.type === 'message' && typeof p.data === 'string' && p.data.startsWith('2["feed",')) n += 1
      for (const at of pending.splice(0, n)) ctx.counters.delivered('socketio', cid, at)
    })
    const send = (m: FeedMessage): void => {
      pending.push(m.at)
      socket.emit('feed', m)
    }
    let current: { feed: Feed; unsubscribe: () => void } | null = null
    const fail = (error: unknown, ack: Ack | undefined): void => {
      if (!(error instanceof LabError)) throw error
      if (ack) ack({ error: error.message })
      else socket.emit('lab-error', { error: error.message })
    }
    const join = (name: unknown, since: unknown, rate: unknown): { feed: string; cursor: number } => {
      if (typeof name !== 'string') throw new LabError(400, 'join needs {feed: "<name>"}, e.g. socket.emit("join", {feed: "lobby"})')
      const params = new URLSearchParams()
      if (typeof rate === 'string' || typeof rate === 'number') params.set('rate', String(rate))
      const feed = ctx.feeds.get(checkFeedName(name), readRate(params))
      const cursor = since === undefined || since === null ? null : parseCursor(String(since), 'since', feed)
      current?.unsubscribe()
      if (cursor !== null) for (const m of feed.since(cursor)) send(m)
      current = { feed, unsubscribe: feed.subscribe(send) }
      return { feed: feed.name, cursor: feed.latestId }
    }

    const q = queryParams(socket)
    if (q.get('feed')) {
      try {
        join(q.get('feed'), q.get('since') ?? undefined, q.get('rate') ?? undefined)
      } catch (error) {
        fail(error, undefined)
      }
    }
    socket.on('join', (payload: unknown, ack?: Ack) => {
      try {
        const joined = join(field(payload, 'feed'), field(payload, 'since'), field(payload, 'rate'))
        ack?.(joined)
      } catch (error) {
        fail(error, ack)
      }
    })
    socket.on('send', (payload: unknown, ack?: Ack) => {
      try {
        const text = typeof payload === 'string' ? payload : field(payload, 'text')
        if (!current) throw new LabError(409, 'Join a feed first: socket.emit("join", {feed: "lobby"})')
        if (typeof text !== 'string' || text.trim() === '') throw new LabError(400, 'send needs {text: "<message>"}, e.g. socket.emit("send", {text: "hello"})')
        const message = current.feed.publish(text, cid ?? undefined)
        ack?.(message)
      } catch (error) {
        fail(error, ack)
      }
    })
    socket.on('disconnect', () => current?.unsubscribe())
  })

  return {
    owns: (url) => url.startsWith(SOCKETIO_PATH),
    handleRequest: (req, res) => engine.handleRequest(req, res),
    handleUpgrade: (req, socket, head) => engine.handleUpgrade(req, socket as NetSocket, head),
    close: () => io.close(),
  }
}
