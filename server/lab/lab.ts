/**
 * The transport lab (issue 4 contract, "Lab endpoints"): one set of feeds served over every
 * transport, with per-transport counters. server/stack.ts puts it in front of everything else:
 *
 *   HTTP      /lab/echo  /lab/counters  /lab/feeds  /lab/feeds/<feed>/{messages,poll,long-poll,stream,sse}
 *             /sockjs/feed/…  /socket.io/…  /socket.io-client.min.js
 *   upgrades  /ws/feed  /ws/echo  (wsRoutes)   /sockjs/feed/… (sockjsUpgrade)   /socket.io/ (socketioUpgrade)
 *
 * Every lab request is counted for its transport and tab (`?cid=`) and measured on its socket
 * from its first byte to its response's last; handleRequest also keeps the socket marks of
 * every other request current (server/lab/meter.ts), so keep-alive neighbours never leak in.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { TapBus } from '../inspect/bus'
import type { Logger } from '../log'
import type { UpgradeHandler } from '../upgrade-router'
import { ShutdownList, type Exchange, type LabContext } from './context'
import { LabCounters, type LabTransport } from './counters'
import { handleEcho } from './echo'
import { FeedHub, type FeedHubOptions } from './feed'
import { answerUpgradeWithError, checkFeedName, LabError, parseUrl, readCid, readRate, sendError, sendJson, type LabUrl } from './http-util'
import { markExchanges } from './meter'
import { handleLongPoll, handlePoll, handlePost } from './polling'
import { serveSocketioClientScript } from './socketio-client-script'
import { createSocketio } from './socketio'
import { createSockjsFeed, sockjsFeedUpgrade, type SockjsFeedOptions } from './sockjs-feed'
import { handleSse, handleStream } from './streaming'
import { createWsEndpoints } from './ws-endpoints'

export interface LabOptions {
  readonly log: Logger
  readonly sockjs?: SockjsFeedOptions
  /** SSE comment heartbeat period (default 15 s). */
  readonly sseHeartbeatMs?: number
  readonly feeds?: FeedHubOptions
  /** The tap bus: the Socket.IO endpoint publishes `socketio.packet` on it (server/inspect/socketio-tap.ts). */
  readonly bus?: TapBus
}

export interface Lab {
  readonly feeds: FeedHub
  readonly counters: LabCounters
  /** True when the request was the lab's (answered or being answered). */
  handleRequest(req: IncomingMessage, res: ServerResponse): boolean
  readonly wsRoutes: Readonly<Record<string, UpgradeHandler>>
  readonly sockjsUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean
  readonly socketioUpgrade: UpgradeHandler
  /** Answers held long polls (503), ends streams, closes sockets, stops tickers. */
  close(): Promise<void>
}

const FEED_ACTIONS: Readonly<Record<string, LabTransport>> = {
  messages: 'send',
  poll: 'short-poll',
  'long-poll': 'long-poll',
  stream: 'stream',
  sse: 'sse',
}

const ENDPOINTS = [
  'GET|POST|PUT|DELETE /lab/echo',
  'GET /lab/counters[?cid=]',
  'GET /lab/feeds',
  'POST /lab/feeds/<feed>/messages',
  'GET /lab/feeds/<feed>/poll?since=<id>',
  'GET /lab/feeds/<feed>/long-poll?since=<id>&timeout=<ms>',
  'GET /lab/feeds/<feed>/stream',
  'GET /lab/feeds/<feed>/sse[?drop=<n>]',
]

/** The transport of a lab URL, or null when the URL is not the lab's. */
function transportOf(pathname: string): LabTransport | 'counters' | 'feeds' | 'unknown' | null {
  if (pathname === '/sockjs/feed' || pathname.startsWith('/sockjs/feed/')) return 'sockjs'
  if (pathname.startsWith('/socket.io/')) return 'socketio'
  // /lab itself (and any other /lab/… page) is Next's: the lab owns only its API paths.
  if (pathname === '/lab/echo') return 'echo'
  if (pathname === '/lab/counters') return 'counters'
  if (pathname === '/lab/feeds') return 'feeds'
  if (!pathname.startsWith('/lab/feeds/')) return null
  const m = /^\/lab\/feeds\/[^/]+\/([a-z-]+)$/.exec(pathname)
  return (m && FEED_ACTIONS[m[1]]) || 'unknown'
}

function feedSegment(pathname: string): string {
  const raw = pathname.split('/')[3] ?? ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

export function createLab(options: LabOptions): Lab {
  const { log } = options
  const feeds = new FeedHub(options.feeds)
  const counters = new LabCounters()
  const shutdown = new ShutdownList()
  let closing = false
  const ctx: LabContext = {
    feeds,
    counters,
    log,
    sseHeartbeatMs: options.sseHeartbeatMs ?? 15_000,
    closing: () => closing,
    onShutdown: (action) => shutdown.add(action),
  }
  const ws = createWsEndpoints(ctx)
  const sockjs = createSockjsFeed(ctx, options.sockjs)
  const socketio = createSocketio(ctx, options.bus)

  async function dispatch(ex: Exchange): Promise<void> {
    const { url, req, res } = ex
    if (closing) throw new LabError(503, 'The server is shutting down', { Connection: 'close' })
    if (ex.transport === 'sockjs') return sockjs.handleRequest(req, res)
    if (ex.transport === 'socketio') return socketio.handleRequest(req, res)
    if (ex.transport === 'echo') return handleEcho(req, res)
    const feed = feeds.get(checkFeedName(feedSegment(url.pathname)), readRate(url.params))
    if (ex.transport === 'send') return handlePost(ex, feed)
    if (ex.transport === 'short-poll') return handlePoll(ex, feed)
    if (ex.transport === 'long-poll') return handleLongPoll(ctx, ex, feed)
    if (ex.transport === 'stream') return handleStream(ctx, ex, feed)
    return handleSse(ctx, ex, feed)
  }

  function answerLocal(kind: 'counters' | 'feeds' | 'unknown', req: IncomingMessage, res: ServerResponse, url: LabUrl): void {
    if (kind === 'unknown') throw new LabError(404, `No lab endpoint at ${url.pathname}. The lab has: ${ENDPOINTS.join('; ')}`)
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new LabError(405, `${url.pathname} answers GET`, { Allow: 'GET' })
    if (kind === 'counters') return sendJson(res, 200, counters.snapshot(readCid(url.params)))
    const list = feeds.list().map((f) => ({ name: f.name, latestId: f.latestId, listeners: f.listenerCount, ...(f.isTicker ? { rate: f.rate } : {}) }))
    sendJson(res, 200, { feeds: list })
  }

  function handleRequest(req: IncomingMessage, res: ServerResponse): boolean {
    markExchanges(req, res)
    if (serveSocketioClientScript(req, res)) return true
    const url = parseUrl(req)
    const kind = transportOf(url.pathname)
    if (kind === null) return false
    const fail = (error: unknown): void => {
      if (error instanceof LabError) return sendError(res, error)
      log.error('lab.handler_failed', { method: req.method, url: req.url, error })
      if (!res.headersSent) sendJson(res, 500, { error: 'The lab failed on this request (see the server log)' })
      else res.end()
    }
    if (kind === 'counters' || kind === 'feeds' || kind === 'unknown') {
      try {
        answerLocal(kind, req, res, url)
      } catch (error) {
        fail(error)
      }
      return true
    }
    let cid: string | null = null
    let badCid: unknown = null
    try {
      cid = readCid(url.params)
    } catch (error) {
      badCid = error
    }
    counters.request(kind, cid)
    const meter = counters.meter(kind, cid, req.socket as Socket)
    res.once('finish', () => meter.finish())
    res.once('close', () => meter.finish())
    if (badCid !== null) {
      fail(badCid)
      return true
    }
    const ex: Exchange = { req, res, url, cid, transport: kind, delivered: (m) => counters.delivered(kind, cid, m.at) }
    dispatch(ex).catch(fail)
    return true
  }

  const socketioUpgrade: UpgradeHandler = (req, socket, head) => {
    let cid: string | null = null
    try {
      cid = readCid(parseUrl(req).params)
    } catch (error) {
      counters.request('socketio', null)
      if (error instanceof LabError) return answerUpgradeWithError(socket, error)
      throw error
    }
    counters.request('socketio', cid)
    const meter = counters.meter('socketio', cid, socket as Socket)
    socket.once('close', () => meter.finish())
    socketio.handleUpgrade(req, socket, head)
  }

  return {
    feeds,
    counters,
    handleRequest,
    wsRoutes: ws.routes,
    sockjsUpgrade: sockjsFeedUpgrade(ctx, sockjs),
    socketioUpgrade,
    async close() {
      if (closing) return
      closing = true
      shutdown.runAll(log)
      sockjs.close()
      await Promise.all([ws.close(), socketio.close()])
      feeds.close()
      counters.finishAll()
    },
  }
}
