/**
 * /ws/inspect: the inspector's WebSocket endpoint (`ws` in noServer mode, routed by the upgrade
 * router). Protocol in lib/inspect/protocol.ts; one viewer = viewer-session.ts.
 *
 * One bus listener serves every viewer, and only while at least one watches something: with no
 * viewer the bus is inactive and the taps build nothing; with viewers that only watch their own
 * tabs or connections, per-frame events are built for those connections only (bus interest). The listener learns which tab owns
 * which connection (for route events delivered to a watched tab), then offers the event to each
 * viewer's filter. /ws/inspect's own sockets are never tapped: a viewer never sees itself.
 * Passcodes and HTTP credentials are redacted before any viewer gets an event (redact.ts).
 *
 * The tabs viewers watch by cid have a bounded log of their recent events (replay.ts), sent to a
 * viewer that asks for it when it starts watching. A log outlives its tab's last viewer by a grace
 * period, during which the bus stays interested in that tab (so the log has no gap); then the
 * interest goes, with the log.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { InspectEvent } from '../../lib/inspect/events'
import type { BrokerSnapshot } from '../../lib/inspect/protocol'
import type { Logger } from '../log'
import type { TapBus, TapInterest } from './bus'
import { ConnOwners } from './filter'
import { redactSecrets } from './redact'
import { DEFAULT_REPLAY, ReplayLog, type ReplayOptions } from './replay'
import { Viewer, type ViewerLimits, type ViewerStats } from './viewer-session'

export const INSPECT_PATH = '/ws/inspect'

export interface InspectEndpointOptions {
  readonly bus: TapBus
  /** The broker's state for `snapshot` messages. */
  readonly snapshot: () => BrokerSnapshot
  /** `all: true` allowed (INSPECT_ALLOW_ALL). */
  readonly allowAll: boolean
  /** Events queued per viewer before the oldest are dropped (INSPECT_MAX_BUFFERED). */
  readonly maxBuffered: number
  readonly log: Logger
  /** Unsent octets on a viewer's socket above which nothing more is written to it (1 MiB). */
  readonly highWaterBytes?: number
  /** Batches at most this often (50 ms) … */
  readonly flushMs?: number
  /** … or as soon as this many events wait (200). */
  readonly batchMax?: number
  /** Replay of watched tabs' recent events (replay.ts DEFAULT_REPLAY; perClient 0 = off). */
  readonly replay?: Partial<ReplayOptions>
}

export interface InspectEndpoint {
  readonly handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void
  readonly viewerCount: number
  /** Per viewer: queue length, drops, unsent octets (tests, diagnostics). */
  stats(): ViewerStats[]
  /** The tabs with a replay log: watched or within their grace (tests, diagnostics). */
  replayStats(): ReturnType<ReplayLog['stats']>
  /** Close every viewer (1001) and stop listening to the bus. */
  close(): Promise<void>
}

/** A viewer's messages are small JSON filters. */
const MAX_VIEWER_MESSAGE = 64 * 1024
const CLOSE_LINGER_MS = 500

export function createInspectEndpoint(options: InspectEndpointOptions): InspectEndpoint {
  const { bus, log } = options
  const limits: ViewerLimits = {
    allowAll: options.allowAll,
    maxBuffered: options.maxBuffered,
    highWaterBytes: options.highWaterBytes ?? 1024 * 1024,
    flushMs: options.flushMs ?? 50,
    batchMax: options.batchMax ?? 200,
  }
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: MAX_VIEWER_MESSAGE })
  const viewers = new Set<Viewer>()
  const owners = new ConnOwners()
  let unsubscribe: (() => void) | null = null
  const replay = new ReplayLog({ ...DEFAULT_REPLAY, ...options.replay }, () => changed())

  const listener = (event: InspectEvent): void => {
    owners.learnEvent(event)
    const shown = redactSecrets(event)
    replay.record(shown, owners)
    for (const viewer of viewers) viewer.offer(shown)
  }
  /**
   * Subscribed while some viewer watches something, or a tab's replay log is in its grace. The
   * bus is told which connections are wanted: the watched (and still logged) tabs and the watched
   * connections, or everything when a viewer watches `all` or a destination (any connection may
   * SEND to it).
   */
  function changed(): void {
    const filters = [...viewers].flatMap((v) => (v.watched ? [v.watched] : []))
    replay.setWatched(new Set(filters.flatMap((f) => f.clients ?? [])))
    const logged = replay.retained()
    if (filters.length === 0 && logged.length === 0) {
      unsubscribe?.()
      unsubscribe = null
      return
    }
    const everything = filters.some((f) => f.all === true || (f.destinations?.length ?? 0) > 0)
    const interest: TapInterest | null = everything ? null : {
      conns: new Set(filters.flatMap((f) => f.conns ?? [])),
      clients: new Set([...filters.flatMap((f) => f.clients ?? []), ...logged]),
    }
    if (unsubscribe === null) unsubscribe = bus.subscribe(listener, interest)
    else bus.setInterest(listener, interest)
  }

  return {
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        const viewer = new Viewer(ws, { limits, owners, snapshot: options.snapshot, log, changed, replay: (clients, matches, max) => replay.replay(clients, matches, max) })
        viewers.add(viewer)
        log.debug('inspect.viewer_open', { remote: req.socket.remoteAddress, viewers: viewers.size })
        ws.on('error', (error) => log.debug('inspect.viewer_error', { error }))
        ws.once('close', () => {
          viewers.delete(viewer)
          viewer.dispose()
          changed()
          log.debug('inspect.viewer_closed', { viewers: viewers.size })
        })
      })
    },
    get viewerCount() {
      return viewers.size
    },
    stats: () => [...viewers].map((v) => v.stats()),
    replayStats: () => replay.stats(),
    close() {
      replay.clear()
      unsubscribe?.()
      unsubscribe = null
      for (const ws of wss.clients) ws.close(1001, 'Server shutting down')
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          for (const ws of wss.clients) ws.terminate()
        }, CLOSE_LINGER_MS)
        timer.unref()
        wss.close(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    },
  }
}
