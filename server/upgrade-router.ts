/**
 * The one `upgrade` listener of the http.Server (toolchain-notes §2, pitfalls P5/P6):
 *
 *   /ws/<name>   → the handler registered for that exact path (/ws/stomp …); other /ws/ paths → 404
 *   /sockjs/…    → the sockjs middleware's upgrade (it answers false outside its prefix → 404); with
 *                  several SockJS servers, a record prefix → upgrade (/sockjs/stomp, /sockjs/feed)
 *   /_next/…     → Next's private emitter, when Next has attached its listener (dev HMR)
 *   prefixes     → other path prefixes with their handler (e.g. /socket.io/)
 *   anything else → `404 Not Found`, then the socket is closed: an upgrade nobody answers would
 *                   otherwise hang forever in production.
 */
import type { EventEmitter } from 'node:events'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from './log'

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void

export type SockjsUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean

function sockjsRoute(routes: UpgradeRoutes, pathname: string): SockjsUpgrade | undefined {
  const sockjs = routes.sockjs
  if (typeof sockjs === 'function' || sockjs === undefined) return sockjs
  const prefix = Object.keys(sockjs).find((p) => pathname === p || pathname.startsWith(`${p}/`))
  return prefix === undefined ? undefined : sockjs[prefix]
}

export interface UpgradeRoutes {
  /** Exact pathnames under /ws/ → their handler, e.g. `{ '/ws/stomp': stompWs.handleUpgrade }`. */
  readonly ws?: Readonly<Record<string, UpgradeHandler>>
  /**
   * sockjs `middleware().upgrade` (returns false when the path is not under its prefix), or one
   * per SockJS server keyed by its prefix: `{ '/sockjs/stomp': a, '/sockjs/feed': b }` — a path
   * goes to the prefix it equals or continues with `/`.
   */
  readonly sockjs?: SockjsUpgrade | Readonly<Record<string, SockjsUpgrade>>
  /** Other path prefixes (ending in `/`, outside /ws/, /sockjs/ and /_next/) → handler, e.g. `{ '/socket.io/': … }`. */
  readonly prefixes?: Readonly<Record<string, UpgradeHandler>>
  /** The private EventEmitter given to `next({ httpServer })`; Next attaches its listener lazily. */
  readonly next?: EventEmitter
}

/** How long a refused socket may take to read our 404 before it is destroyed. */
const REFUSE_LINGER_MS = 1000

export function pathnameOf(req: IncomingMessage): string {
  const url = req.url ?? '/'
  const end = url.search(/[?#]/)
  return end < 0 ? url : url.slice(0, end)
}

/** Answer 404 and close: write, half-close, then destroy once flushed (or after a short linger). */
export function refuseUpgrade(socket: Duplex, pathname: string): void {
  if (socket.destroyed) return
  const body = `No WebSocket endpoint at ${pathname}\n`
  const response =
    'HTTP/1.1 404 Not Found\r\n' +
    'Connection: close\r\n' +
    'Content-Type: text/plain; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    '\r\n' +
    body
  const timer = setTimeout(() => socket.destroy(), REFUSE_LINGER_MS)
  timer.unref()
  socket.once('close', () => clearTimeout(timer))
  socket.end(response, () => socket.destroy())
}

export function createUpgradeRouter(routes: UpgradeRoutes, log: Logger): UpgradeHandler {
  return (req, socket, head) => {
    const pathname = pathnameOf(req)
    // A peer resetting mid-handshake must not become an uncaught 'error' (the transports add
    // their own listeners once they own the socket).
    socket.on('error', (error) => log.debug('upgrade.socket_error', { path: pathname, error }))

    try {
      if (pathname.startsWith('/ws/')) {
        const handler = routes.ws?.[pathname]
        if (handler) return handler(req, socket, head)
      } else if (pathname.startsWith('/sockjs/')) {
        if (sockjsRoute(routes, pathname)?.(req, socket, head)) return
      } else if (pathname.startsWith('/_next/')) {
        const next = routes.next
        if (next && next.listenerCount('upgrade') > 0) {
          next.emit('upgrade', req, socket, head)
          return
        }
      } else {
        const prefix = Object.keys(routes.prefixes ?? {}).find((p) => pathname.startsWith(p))
        if (prefix !== undefined && routes.prefixes) return routes.prefixes[prefix](req, socket, head)
      }
    } catch (error) {
      log.error('upgrade.handler_failed', { path: pathname, error })
      socket.destroy()
      return
    }
    log.debug('upgrade.refused', { path: pathname, remote: req.socket.remoteAddress })
    refuseUpgrade(socket, pathname)
  }
}
