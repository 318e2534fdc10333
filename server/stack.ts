/**
 * The server without Next: one http.Server whose request handler tries the transport lab
 * (/lab/*, /sockjs/feed, /socket.io/), SockJS, then the sockjs-client script, then the given
 * fallback (Next in main.ts, a 404 in tests); its upgrade router owns /ws/stomp, /ws/inspect, /ws/exercise, the lab's
 * /ws/feed, /ws/echo, /sockjs/feed and /socket.io/, /sockjs/stomp and /_next/; raw TCP STOMP beside it. Every transport hands its
 * connections to the one broker. main.ts and server/testing/harness.ts both build on this.
 */
import type { EventEmitter } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Connection } from './broker/connection'
import { createLab, type Lab, type LabOptions } from './lab/lab'
import type { Config } from './config'
import type { BrokerSnapshot } from '../lib/inspect/protocol'
import { TapBus } from './inspect/bus'
import { createInspectEndpoint, INSPECT_PATH, type InspectEndpoint } from './inspect/viewer'
import type { ReplayOptions } from './inspect/replay'
import { createExerciseEndpoint, type ExerciseEndpoint } from './inspect/exercises'
import { EXERCISE_PATH } from '../lib/exercises/protocol'
import { sockjsRequestTap, tappedSockjsUpgrade, tappedUpgrade, tappedUpgrades } from './inspect/route-taps'
import { tapHttpExchange } from './inspect/http-tap'
import { nextConnectionId } from './transports/connection-base'
import type { Logger } from './log'
import { createSockjsTransport, type SockjsTransport } from './transports/sockjs'
import { serveSockjsClientScript } from './transports/sockjs-client-script'
import { startTcpTransport, type TcpTransport } from './transports/tcp'
import { createWsTransport, type WsTransport } from './transports/ws'
import { createUpgradeRouter, refuseUpgrade, pathnameOf } from './upgrade-router'

/** What the stack needs from the broker (server/broker/broker.ts `Broker` satisfies it). */
export interface StackBroker {
  accept(conn: Connection): void
  shutdown(reason?: string): Promise<void>
  /** The tap bus the broker publishes on: transports and /ws/inspect share it. */
  readonly bus?: TapBus
  /** The broker's state for /ws/inspect viewers. */
  snapshot?(): BrokerSnapshot
}

export interface StackOptions<B extends StackBroker> {
  readonly config: Config
  readonly log: Logger
  readonly broker: B
  /** Requests that are neither SockJS nor the sockjs-client script. */
  readonly fallback: (req: IncomingMessage, res: ServerResponse) => void
  /** The private EventEmitter given to `next({ httpServer })` (main.ts only). */
  readonly nextUpgrades?: EventEmitter
  readonly sockjs?: { readonly heartbeatDelayMs?: number; readonly disconnectDelayMs?: number }
  /** Transport lab settings (server/lab/); the SockJS delays above apply to /sockjs/feed too. */
  readonly lab?: Omit<LabOptions, 'log' | 'sockjs' | 'bus'>
  /** The inspector's replay bounds beyond config.inspect.replayEvents (tests: a short grace). */
  readonly replay?: Partial<Omit<ReplayOptions, 'perClient'>>
}

export interface Stack<B extends StackBroker> {
  readonly server: Server
  readonly broker: B
  readonly httpPort: number
  /** `null` when STOMP over TCP is off or its port was busy. */
  readonly tcpPort: number | null
  readonly transports: { readonly ws: WsTransport; readonly sockjs: SockjsTransport; readonly tcp: TcpTransport | null }
  /** The tap bus (the broker's) and the /ws/inspect endpoint that streams it to viewers. */
  readonly bus: TapBus
  readonly inspect: InspectEndpoint
  /** /ws/exercise: lesson pages' exercises checked on the server's own events. */
  readonly exercises: ExerciseEndpoint
  /** The transport lab: /lab/*, /ws/feed, /ws/echo, /sockjs/feed, /socket.io/. */
  readonly lab: Lab
  /** Stop accepting, let the broker close its sessions gracefully, then close every socket. */
  close(reason?: string): Promise<void>
}

/** How long the broker gets to close its sessions (ERROR/RECEIPT flushed, close frames sent). */
const BROKER_SHUTDOWN_MS = 1500
/** Then how long closing WebSockets and half-closed TCP sockets get to finish before termination. */
const SOCKETS_LINGER_MS = 500

/** Largest WebSocket message: twice the frame limit plus 64 KiB; bigger ones are closed with 1009. */
export function wsMaxPayload(maxFrameBytes: number): number {
  return 2 * maxFrameBytes + 64 * 1024
}

function within(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    promise.then(
      () => { clearTimeout(timer); resolve() },
      () => { clearTimeout(timer); resolve() },
    )
  })
}

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

export async function startStack<B extends StackBroker>(options: StackOptions<B>): Promise<Stack<B>> {
  const { config, log, broker, fallback } = options
  const accept = (conn: Connection): void => broker.accept(conn)
  const limits = config.broker.limits
  const bus = broker.bus ?? new TapBus()

  // One WS message may pack several frames, and a frame over a STOMP limit must reach the parser
  // to get its ERROR (checklist 19); the WS limit only bounds what `ws` buffers for one message.
  const ws = createWsTransport({ accept, maxPayload: wsMaxPayload(limits.maxFrameBytes), log, bus })
  // SockJS wraps each message in JSON: \u0000-style escapes may take 6 bytes per octet.
  const sockjs = createSockjsTransport({
    accept,
    log,
    maxMessageBytes: limits.maxFrameBytes * 6,
    heartbeatDelayMs: options.sockjs?.heartbeatDelayMs,
    disconnectDelayMs: options.sockjs?.disconnectDelayMs,
    bus,
  })
  const inspect = createInspectEndpoint({
    bus, log, allowAll: config.inspect.allowAll, maxBuffered: config.inspect.maxBuffered,
    replay: { ...options.replay, perClient: config.inspect.replayEvents },
    snapshot: () => broker.snapshot?.() ?? { sessions: [], subscriptions: [], destinations: [] },
  })
  const exercises = createExerciseEndpoint({ bus, log })

  const lab = createLab({ ...options.lab, log, sockjs: options.sockjs, bus })
  // The lab's WebSocket and SockJS endpoints report to the inspector like /ws/stomp does.
  const wsId = (): string => nextConnectionId('ws')
  const labSockjsTap = { bus, connId: () => nextConnectionId('sockjs') }
  const tapLabSockjsRequest = sockjsRequestTap(['/sockjs/feed'], labSockjsTap)

  let closing = false
  const server = createServer((req, res) => {
    try {
      tapHttpExchange(req, res, bus)
      tapLabSockjsRequest(req)
      if (lab.handleRequest(req, res)) return
      if (sockjs.handleRequest(req, res)) return
      if (serveSockjsClientScript(req, res)) return
      fallback(req, res)
    } catch (error) {
      log.error('http.handler_failed', { method: req.method, url: req.url, error })
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Internal Server Error\n')
    }
  })
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  const router = createUpgradeRouter(
    {
      ws: { '/ws/stomp': ws.handleUpgrade, [INSPECT_PATH]: inspect.handleUpgrade, [EXERCISE_PATH]: exercises.handleUpgrade, ...tappedUpgrades(lab.wsRoutes, bus, wsId) },
      sockjs: { '/sockjs/stomp': sockjs.handleUpgrade, '/sockjs/feed': tappedSockjsUpgrade(lab.sockjsUpgrade, labSockjsTap) },
      prefixes: { '/socket.io/': tappedUpgrade(lab.socketioUpgrade, bus, wsId) },
      next: options.nextUpgrades,
    },
    log,
  )
  server.on('upgrade', (req, socket, head) => {
    if (closing) refuseUpgrade(socket, pathnameOf(req))
    else router(req, socket, head)
  })
  server.on('clientError', (error, socket) => {
    log.debug('http.client_error', { error })
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  const httpPort = await listen(server, config.port, config.host)
  const tcp = config.tcpPort === null ? null : await startTcpTransport({ host: config.host, port: config.tcpPort, accept, log })
  const tcpPort = tcp?.port ?? null
  log.info('server.listening', { host: config.host, httpPort, tcpPort, mode: config.mode })

  let closed: Promise<void> | null = null
  const close = (reason = 'Server shutting down'): Promise<void> => {
    closed ??= (async () => {
      closing = true
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()))
      tcp?.stopAccepting()
      // Held long polls answered, streams ended, lab sockets closed (1001), tickers stopped.
      const labClosed = lab.close()
      await within(broker.shutdown(reason), BROKER_SHUTDOWN_MS)
      await waitFor(() => ws.connectionCount + (tcp?.connectionCount ?? 0) === 0, SOCKETS_LINGER_MS)
      await Promise.all([ws.close(), sockjs.close(), tcp?.close(), within(labClosed, SOCKETS_LINGER_MS), inspect.close(), exercises.close()])
      server.closeAllConnections()
      for (const socket of sockets) socket.destroy()
      await within(httpClosed, SOCKETS_LINGER_MS)
      log.info('server.closed', { reason })
    })()
    return closed
  }

  return { server, broker, httpPort, tcpPort, transports: { ws, sockjs, tcp }, bus, inspect, exercises, lab, close }
}
