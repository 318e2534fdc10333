/**
 * /sockjs/feed: a feed over SockJS, a second `sockjs` server beside STOMP's /sockjs/stomp (same
 * package, its own prefix). Every SockJS transport works; the client forces one with its
 * `transports` option. The query the client gives `new SockJS('/sockjs/feed?feed=lobby&cid=…')`
 * rides on every sub-request (sockjs-client keeps it), so each request is counted for its tab.
 *
 *   ?feed=<feed> (default lobby)  [&since=<id>]  [&rate=<ms>]  [&cid=<tab>]
 *   server → client: each feed message as one SockJS message (JSON text)
 *   client → server: text, published to the feed
 *
 * A bad query is refused on every request with a 4xx JSON {error} (the client then reports its
 * transports failed; the reason is in the network panel). Latency is measured when the session
 * really writes the message to a receiver (xhr-polling holds messages until the next poll),
 * not when it is queued.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { createServer, type Connection as SockjsConnection } from 'sockjs'
import { SOCKJS_CLIENT_PATH } from '../transports/sockjs-client-script'
import type { LabContext } from './context'
import { LOBBY, type Feed, type FeedMessage } from './feed'
import { answerUpgradeWithError, checkFeedName, LabError, MAX_BODY_BYTES, parseUrl, readCid, readRate, readSince, sendError } from './http-util'

export const SOCKJS_FEED_PREFIX = '/sockjs/feed'

export interface SockjsFeedOptions {
  readonly heartbeatDelayMs?: number
  readonly disconnectDelayMs?: number
}

export interface SockjsFeed {
  /** True when the URL is under /sockjs/feed. */
  owns(url: string): boolean
  /** Checks the query (throws LabError), then lets sockjs answer. Counting is the caller's. */
  handleRequest(req: IncomingMessage, res: ServerResponse): void
  /** For the upgrade router: false when the path is not under /sockjs/feed. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean
  close(): void
}

/** sockjs 0.3.24's session (lib/transport.js): its queue, and the call that hands it to a receiver. */
interface Session {
  send_buffer: string[]
  flushToRecv(recv: unknown): boolean
}

/**
 * sockjs keeps ONE session table for every server in the process (lib/transport.js MAP), so
 * /sockjs/feed/<server>/<id>/… could reach a session opened under /sockjs/stomp with the same
 * id. A session remembers its server's prefix: a feed request for another prefix's session is refused.
 */
const sessions = createRequire(import.meta.url)('sockjs/lib/transport.js') as { Session: { bySessionId(id: string): { prefix?: string } | null } }

function checkSessionOwner(url: string): void {
  const m = /^\/sockjs\/feed\/[^/.]+\/([^/.]+)\//.exec(url)
  const session = m ? sessions.Session.bySessionId(m[1]) : null
  if (session && session.prefix !== SOCKJS_FEED_PREFIX) {
    throw new LabError(409, `SockJS session ${m?.[1]} belongs to another endpoint (${session.prefix}): choose another session id`)
  }
}

interface Target {
  readonly feed: Feed
  readonly since: number | null
  readonly cid: string | null
}

function target(ctx: LabContext, url: string): Target {
  const { params } = parseUrl({ url } as IncomingMessage)
  const cid = readCid(params)
  const rate = readRate(params)
  const feed = ctx.feeds.get(checkFeedName(params.get('feed') || LOBBY), rate)
  return { feed, since: readSince(params, feed), cid }
}

export function createSockjsFeed(ctx: LabContext, options: SockjsFeedOptions = {}): SockjsFeed {
  const open = new Set<SockjsConnection>()
  const server = createServer({
    prefix: SOCKJS_FEED_PREFIX,
    sockjs_url: SOCKJS_CLIENT_PATH,
    heartbeat_delay: options.heartbeatDelayMs ?? 25_000,
    disconnect_delay: options.disconnectDelayMs ?? 5_000,
    faye_server_options: { maxLength: MAX_BODY_BYTES },
    log: (severity, line) => (severity === 'error' ? ctx.log.error('lab.sockjs_error', { line }) : ctx.log.debug('lab.sockjs_log', { line })),
  })
  const middleware = server.middleware()
  const owns = (url: string): boolean => url === SOCKJS_FEED_PREFIX || /^\/sockjs\/feed[/?]/.test(url)

  server.on('connection', (conn: SockjsConnection | null) => {
    if (!conn) return
    let t: Target
    try {
      t = target(ctx, conn.url)
    } catch (error) {
      conn.close(4400, error instanceof Error ? error.message.slice(0, 120) : 'bad request')
      return
    }
    open.add(conn)
    // Publish times of what the session holds, in its order (null: not a feed message).
    const pending: Array<number | null> = []
    const session = (conn as unknown as { _session?: Session })._session
    if (session) {
      const flush = session.flushToRecv.bind(session)
      session.flushToRecv = (recv) => {
        const n = session.send_buffer.length
        const flushed = flush(recv)
        if (flushed) for (const at of pending.splice(0, n)) if (at !== null) ctx.counters.delivered('sockjs', t.cid, at)
        return flushed
      }
    }
    const write = (text: string, at: number | null): void => {
      pending.push(at)
      conn.write(text)
    }
    const send = (m: FeedMessage): void => write(JSON.stringify(m), m.at)
    if (t.since !== null) for (const m of t.feed.since(t.since)) send(m)
    const unsubscribe = t.feed.subscribe(send)
    conn.on('data', (message: string) => {
      if (message.trim() === '') write(JSON.stringify({ error: 'The message is empty: send some text' }), null)
      else t.feed.publish(message, t.cid ?? undefined)
    })
    conn.on('close', () => {
      unsubscribe()
      open.delete(conn)
    })
  })

  const check = (url: string): void => {
    target(ctx, url)
    checkSessionOwner(url)
  }

  return {
    owns,
    handleRequest(req, res) {
      check(req.url ?? '/')
      if (req.method === 'POST') {
        const declared = Number(req.headers['content-length'] ?? 0)
        let received = 0
        const refuse = (): void => {
          sendError(res, new LabError(413, `A SockJS send is limited to ${MAX_BODY_BYTES} bytes here`, { Connection: 'close' }))
          res.once('finish', () => req.socket.destroySoon())
        }
        if (declared > MAX_BODY_BYTES) return refuse()
        req.on('data', (chunk: Buffer) => {
          received += chunk.byteLength
          if (received > MAX_BODY_BYTES && !res.headersSent) {
            req.pause()
            refuse()
          }
        })
      }
      middleware(req, res)
    },
    handleUpgrade(req, socket, head) {
      if (!owns(req.url ?? '/')) return false
      return middleware.upgrade(req, socket, head)
    },
    close() {
      for (const conn of open) conn.close(1001, 'Server shutting down')
      open.clear()
    },
  }
}

/** Measures and counts a /sockjs/feed upgrade (the websocket transport), then hands it to sockjs. */
export function sockjsFeedUpgrade(ctx: LabContext, feed: SockjsFeed): (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean {
  return (req, socket, head) => {
    if (!feed.owns(req.url ?? '/')) return false
    let cid: string | null = null
    try {
      cid = readCid(parseUrl(req).params)
      target(ctx, req.url ?? '/')
      checkSessionOwner(req.url ?? '/')
    } catch (error) {
      if (!(error instanceof LabError)) throw error
      ctx.counters.request('sockjs', cid)
      answerUpgradeWithError(socket, error)
      return true
    }
    ctx.counters.request('sockjs', cid)
    const meter = ctx.counters.meter('sockjs', cid, socket as Socket)
    socket.once('close', () => meter.finish())
    return feed.handleUpgrade(req, socket, head)
  }
}
