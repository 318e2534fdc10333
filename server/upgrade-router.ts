/**
 * The one `upgrade` listener of the http.Server (toolchain-notes §2, pitfalls P5/P6):
 *
 *   /ws/<name>   → the handler registered for that exact path (/ws/stomp …); other /ws/ paths → 404
 *   /sockjs/…    → the sockjs middleware's upgrade (it answers false outside its prefix → 404)
 *   /_next/…     → Next's private emitter, when Next has attached its listener (dev HMR)
 *   anything else → `404 Not Found`, then the socket is closed: an upgrade nobody answers would
 *                   otherwise hang forever in production.
 */
import type { EventEmitter } from 'node:events'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from './log'

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void

export interface UpgradeRoutes {
  /** Exact pathnames under /ws/ → their handler, e.g. `{ '/ws/stomp': stompWs.handleUpgrade }`. */
  readonly ws?: Readonly<Record<string, UpgradeHandler>>
  /** sockjs `middleware().upgrade`: returns false when the path is not under its prefix. */
  readonly sockjs?: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean
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
        if (routes.sockjs?.(req, socket, head)) return
      } else if (pathname.startsWith('/_next/')) {
        const next = routes.next
        if (next && next.listenerCount('upgrade') > 0) {
          next.emit('upgrade', req, socket, head)
          return
        }
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
