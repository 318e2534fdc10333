/**
 * The lab's two plain WebSocket endpoints (`ws` in noServer mode, routed by the upgrade router):
 *
 *   /ws/feed?feed=<feed>[&since=<id>][&rate=<ms>]   each feed message as one text message (JSON);
 *        a text message from the client is published to the feed. Without `feed`: the lobby.
 *   /ws/echo                                         echoes text and binary messages, except:
 *        "ping"                  → the server sends a Ping (payload "wirelab"); the client's Pong is automatic
 *        "close"                 → the server closes with an empty Close frame (the client sees 1005)
 *        "close <code> <reason>" → the server closes with that code and reason, when RFC 6455 §7.4
 *                                  allows it; otherwise a text message "error: …" says why, and the
 *                                  connection stays open
 *        client Pings are answered with Pongs (ws does that).
 *
 * A bad query is refused before the upgrade: an HTTP 4xx with a JSON {error}, then close.
 * Counters: one request per upgrade; bytes are the socket's own, upgrade request and 101
 * included, every frame header and mask counted.
 */
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import type { UpgradeHandler } from '../upgrade-router'
import { parseCloseCommand } from './close-code'
import type { LabContext } from './context'
import type { LabTransport } from './counters'
import { LOBBY, type Feed } from './feed'
import { answerUpgradeWithError, checkFeedName, LabError, MAX_BODY_BYTES, parseUrl, readCid, readRate, readSince } from './http-util'

export const PING_PAYLOAD = 'wirelab'
/** Largest message /ws/echo takes (bigger: close 1009). */
export const ECHO_MAX_PAYLOAD = 64 * 1024
const SHUTDOWN_LINGER_MS = 500

function text(data: RawData): string {
  return Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8')
}

export interface LabWsEndpoints {
  readonly routes: Readonly<Record<string, UpgradeHandler>>
  close(): Promise<void>
}

export function createWsEndpoints(ctx: LabContext): LabWsEndpoints {
  const feedServer = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: MAX_BODY_BYTES })
  const echoServer = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: ECHO_MAX_PAYLOAD })

  /** Counts the upgrade and measures the socket until the WebSocket closes. */
  function upgrade(server: WebSocketServer, transport: LabTransport, cid: string | null, req: IncomingMessage, socket: Duplex, head: Buffer, onOpen: (ws: WebSocket) => void): void {
    ctx.counters.request(transport, cid)
    const meter = ctx.counters.meter(transport, cid, socket as Socket)
    socket.once('close', () => meter.finish())
    server.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (error) => ctx.log.debug('lab.ws_error', { transport, error }))
      ws.once('close', () => meter.finish())
      onOpen(ws)
    })
  }

  const feedRoute: UpgradeHandler = (req, socket, head) => {
    let cid: string | null = null
    let feed: Feed
    let since: number | null
    try {
      if (ctx.closing()) throw new LabError(503, 'The server is shutting down')
      const { params } = parseUrl(req)
      cid = readCid(params)
      const rate = readRate(params)
      feed = ctx.feeds.get(checkFeedName(params.get('feed') || LOBBY), rate)
      since = readSince(params, feed)
    } catch (error) {
      if (!(error instanceof LabError)) throw error
      ctx.counters.request('ws', cid)
      answerUpgradeWithError(socket, error)
      return
    }
    upgrade(feedServer, 'ws', cid, req, socket, head, (ws) => {
      const send = (m: Parameters<Parameters<Feed['subscribe']>[0]>[0]): void => {
        if (ws.readyState !== WebSocket.OPEN) return
        ws.send(JSON.stringify(m))
        ctx.counters.delivered('ws', cid, m.at)
      }
      if (since !== null) for (const m of feed.since(since)) send(m)
      const unsubscribe = feed.subscribe(send)
      ws.on('message', (data, isBinary) => {
        if (isBinary) {
          ws.send(JSON.stringify({ error: 'Binary messages are not published: send text, it becomes a feed message' }))
          return
        }
        const body = text(data)
        if (body.trim() === '') ws.send(JSON.stringify({ error: 'The message is empty: send some text' }))
        else feed.publish(body, cid ?? undefined)
      })
      ws.once('close', unsubscribe)
    })
  }

  const echoRoute: UpgradeHandler = (req, socket, head) => {
    let cid: string | null = null
    try {
      if (ctx.closing()) throw new LabError(503, 'The server is shutting down')
      cid = readCid(parseUrl(req).params)
    } catch (error) {
      if (!(error instanceof LabError)) throw error
      ctx.counters.request('ws-echo', cid)
      answerUpgradeWithError(socket, error)
      return
    }
    upgrade(echoServer, 'ws-echo', cid, req, socket, head, (ws) => {
      ws.on('message', (data, isBinary) => {
        if (!isBinary) {
          const body = text(data)
          if (body === 'ping') return ws.ping(PING_PAYLOAD)
          const command = parseCloseCommand(body)
          if (command?.kind === 'invalid') return ws.send(`error: ${command.error}`)
          if (command?.kind === 'close') return command.code === undefined ? ws.close() : ws.close(command.code, command.reason)
        }
        ws.send(data, { binary: isBinary })
      })
    })
  }

  return {
    routes: { '/ws/feed': feedRoute, '/ws/echo': echoRoute },
    async close() {
      const all = [...feedServer.clients, ...echoServer.clients]
      for (const ws of all) ws.close(1001, 'Server shutting down')
      const deadline = Date.now() + SHUTDOWN_LINGER_MS
      while (all.some((ws) => ws.readyState !== WebSocket.CLOSED) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      for (const ws of all) ws.terminate()
      await Promise.all([feedServer, echoServer].map((s) => new Promise((resolve) => s.close(() => resolve(undefined)))))
    },
  }
}
