/**
 * STOMP over SockJS at /sockjs/stomp, through the `sockjs` package's `middleware()` (never
 * installHandlers, which rewraps the server's listeners — toolchain-notes P7). Every SockJS
 * transport works: websocket, xhr-streaming, xhr-polling, eventsource, htmlfile, jsonp.
 *
 * SockJS carries text only (checklist 77): inbound messages are encoded to UTF-8 bytes for the
 * broker; outbound frames are decoded as UTF-8 and sent as text. A NUL survives (JSON `\u0000`),
 * arbitrary binary bodies do not — the lesson on SockJS shows exactly that.
 *
 * Inspector (server/inspect/sockjs-tap.ts): each session's frames (o h a c, client batches) as
 * `sockjs.frame`, its websocket transport's handshake and frames as `ws.*`, all under the
 * session's connection id; its cid comes from `?cid=` (sockjs-client keeps the query on every
 * sub-URL).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { createServer, type Connection as SockjsRawConnection, type Middleware } from 'sockjs'
import type { Connection } from '../broker/connection'
import type { TapBus } from '../inspect/bus'
import { sockjsSessionInfo, tapSockjsRequest, tapSockjsUpgrade } from '../inspect/sockjs-tap'
import type { Logger } from '../log'
import { ConnectionEvents, nextConnectionId, remoteOf } from './connection-base'
import { SOCKJS_CLIENT_PATH } from './sockjs-client-script'

export const SOCKJS_STOMP_PREFIX = '/sockjs/stomp'

/** The parts of sockjs 0.3.24's session (lib/transport.js) used for back-pressure and destroy. */
interface SessionInternals {
  send_buffer: string[]
  recv?: { connection?: Socket; response?: ServerResponse } | null
}
function sessionOf(conn: SockjsRawConnection): SessionInternals | undefined {
  return (conn as unknown as { _session?: SessionInternals })._session
}
function recvSocket(session: SessionInternals | undefined): Socket | undefined {
  const recv = session?.recv
  return recv?.connection ?? (recv?.response?.socket as Socket | null | undefined) ?? undefined
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8')
const DRAIN_POLL_MS = 50

class SockjsConnection implements Connection {
  readonly id: string
  readonly client: string | undefined
  readonly transport = 'sockjs' as const
  readonly remote: string
  private readonly events = new ConnectionEvents()
  private drainTimer: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly conn: SockjsRawConnection,
    private readonly log: Logger,
  ) {
    const tapped = sockjsSessionInfo(conn)
    this.id = tapped?.conn ?? nextConnectionId('sockjs')
    this.client = tapped?.client
    this.remote = remoteOf(conn.remoteAddress, conn.remotePort)
    conn.on('data', (message: string) => this.events.data(encoder.encode(message)))
    conn.on('close', () => {
      this.stopDrainPoll()
      this.events.close('sockjs session closed')
    })
  }

  get protocol(): string {
    return this.conn.protocol
  }

  /** Messages queued in the session (chars ≈ bytes) plus what the current receiver's socket holds. */
  get bufferedAmount(): number {
    const session = sessionOf(this.conn)
    let n = 0
    for (const message of session?.send_buffer ?? []) n += message.length
    return n + (recvSocket(session)?.writableLength ?? 0)
  }

  send(data: Uint8Array, kind: 'text' | 'binary'): void {
    if (this.events.closed) return
    if (kind === 'binary') this.log.debug('sockjs.binary_as_text', { conn: this.id, bytes: data.byteLength })
    this.conn.write(decoder.decode(data))
    if (this.bufferedAmount > 0) this.startDrainPoll()
  }

  close(code = 1000, reason = 'Normal closure'): void {
    this.conn.close(code, reason)
  }

  /** Drops what is queued and tears the session down now (stalled or vanished peers only). */
  destroy(): void {
    const session = sessionOf(this.conn)
    if (session) session.send_buffer = []
    recvSocket(session)?.destroy()
    this.conn.close(1011, 'Connection destroyed')
    this.stopDrainPoll()
    this.events.close('sockjs session destroyed')
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.events.onData(listener)
  }

  onClose(listener: (reason: string) => void): void {
    this.events.onClose(listener)
  }

  /** SockJS has no drain event: while bytes are buffered, poll until they are gone. */
  onDrain(listener: () => void): void {
    this.events.onDrain(listener)
  }

  private startDrainPoll(): void {
    if (this.drainTimer) return
    this.drainTimer = setInterval(() => {
      if (this.bufferedAmount > 0) return
      this.stopDrainPoll()
      this.events.drain()
    }, DRAIN_POLL_MS)
    this.drainTimer.unref()
  }

  private stopDrainPoll(): void {
    if (this.drainTimer) clearInterval(this.drainTimer)
    this.drainTimer = null
  }
}

export interface SockjsTransportOptions {
  readonly accept: (conn: Connection) => void
  readonly log: Logger
  /**
   * Largest inbound request body / WebSocket message in bytes. A POST to xhr_send or jsonp_send
   * beyond it gets 413 and its connection is closed (sockjs itself would buffer without bound).
   */
  readonly maxMessageBytes: number
  /** SockJS `h` frame interval (default 25 s) and how long a session waits for its next poll (5 s). */
  readonly heartbeatDelayMs?: number
  readonly disconnectDelayMs?: number
  /** Tap sessions (sockjs.frame) and the websocket transport (ws.handshake, ws.frame) onto this bus. */
  readonly bus?: TapBus
}

export interface SockjsTransport {
  /** Request handler: true when the request was under /sockjs/stomp and has been answered. */
  handleRequest(req: IncomingMessage, res: ServerResponse): boolean
  /** Give to the upgrade router for /sockjs/. */
  readonly handleUpgrade: Middleware['upgrade']
  readonly connectionCount: number
  close(): Promise<void>
}

export function createSockjsTransport(options: SockjsTransportOptions): SockjsTransport {
  const { accept, log } = options
  const open = new Set<SockjsRawConnection>()
  const server = createServer({
    prefix: SOCKJS_STOMP_PREFIX,
    sockjs_url: SOCKJS_CLIENT_PATH,
    heartbeat_delay: options.heartbeatDelayMs ?? 25_000,
    disconnect_delay: options.disconnectDelayMs ?? 5_000,
    faye_server_options: { maxLength: options.maxMessageBytes },
    // sockjs logs every request at 'info': that is debug detail for us.
    log: (severity, line) => (severity === 'error' ? log.error('sockjs.error', { line }) : log.debug('sockjs.log', { line })),
  })
  server.on('connection', (conn: SockjsRawConnection | null) => {
    if (!conn) return
    open.add(conn)
    conn.on('close', () => open.delete(conn))
    const connection = new SockjsConnection(conn, log)
    log.debug('sockjs.open', { conn: connection.id, remote: connection.remote, protocol: connection.protocol })
    accept(connection)
  })
  const middleware = server.middleware()
  const bus = options.bus
  const tap = bus ? { bus, connId: () => nextConnectionId('sockjs') } : null

  const limitBody = (req: IncomingMessage, res: ServerResponse): boolean => {
    const declared = Number(req.headers['content-length'] ?? 0)
    const refuse = (): void => {
      log.warn('sockjs.body_too_large', { path: req.url, limit: options.maxMessageBytes })
      res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
      res.end(`SockJS message larger than ${options.maxMessageBytes} bytes\n`, () => req.socket.destroy())
    }
    if (declared > options.maxMessageBytes) {
      refuse()
      return true
    }
    let received = 0
    req.on('data', (chunk: Buffer) => {
      received += chunk.byteLength
      if (received > options.maxMessageBytes && !res.headersSent) {
        req.pause()
        refuse()
      }
    })
    return false
  }

  return {
    handleRequest(req, res) {
      const url = req.url ?? '/'
      if (url !== SOCKJS_STOMP_PREFIX && !url.startsWith(`${SOCKJS_STOMP_PREFIX}/`)) return false
      if (req.method === 'POST' && limitBody(req, res)) return true
      if (tap) tapSockjsRequest(req, tap)
      return middleware(req, res)
    },
    handleUpgrade: (req, socket, head) => middleware.upgrade(req, socket, tap ? tapSockjsUpgrade(req, socket, head, tap) : head),
    get connectionCount() {
      return open.size
    },
    async close() {
      for (const conn of open) conn.close(1001, 'Server shutting down')
      open.clear()
    },
  }
}
