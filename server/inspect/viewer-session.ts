/**
 * One /ws/inspect viewer (lib/inspect/protocol.ts): `hello` on open; on `watch`, a snapshot, the
 * watched tabs' recent events when it asked for them (`replay: true`, replay.ts), then matching
 * events in batches; `snapshot` asks for a fresh one.
 *
 * Bounds — a stalled viewer never slows the broker nor grows memory without bound:
 * - events wait in a ring of `maxBuffered` (oldest dropped, counted, told as `dropped` before the
 *   next batch);
 * - batches go out at most every `flushMs` (50 ms), sooner once `batchMax` (200) are waiting;
 * - nothing is written while the socket holds more than `highWaterBytes` unsent: the viewer is
 *   polled every `flushMs` until it has read, meanwhile its ring keeps only the newest events.
 * The bus listener only filters and pushes into the ring: JSON is made when a batch is sent.
 */
import { WebSocket, type RawData } from 'ws'
import type { InspectEvent } from '../../lib/inspect/events'
import type { BrokerSnapshot, ServerMessage, WatchFilter } from '../../lib/inspect/protocol'
import type { Logger } from '../log'
import { checkFilter, EventMatcher, filterSnapshot, type ConnOwners } from './filter'
import type { Replay } from './replay'
import { ViewerQueue } from './viewer-queue'

export interface ViewerLimits {
  readonly allowAll: boolean
  readonly maxBuffered: number
  readonly highWaterBytes: number
  readonly flushMs: number
  readonly batchMax: number
}

export interface ViewerContext {
  readonly limits: ViewerLimits
  readonly owners: ConnOwners
  readonly snapshot: () => BrokerSnapshot
  readonly log: Logger
  /** The viewer started or stopped watching something. */
  readonly changed: () => void
  /** These tabs' recent events that `matches` takes, at most `max` (replay.ts). */
  readonly replay: (clients: readonly string[], matches: (event: InspectEvent) => boolean, max: number) => Replay
}

export interface ViewerStats {
  readonly watching: boolean
  readonly queued: number
  /** Events dropped for this viewer since it connected. */
  readonly dropped: number
  readonly bufferedAmount: number
}

function watchesSomething(filter: WatchFilter): boolean {
  return filter.all === true || (filter.clients?.length ?? 0) + (filter.conns?.length ?? 0) + (filter.destinations?.length ?? 0) > 0
}

export class Viewer {
  private matcher: EventMatcher | null = null
  private filter: WatchFilter | null = null
  private readonly queue: ViewerQueue
  private timer: ReturnType<typeof setTimeout> | null = null
  private immediate: ReturnType<typeof setImmediate> | null = null
  /** Waiting for the socket to drain: only the poll timer flushes. */
  private stalled = false
  private snapshotWanted = false
  /** Taken when the watch arrived; sent right after its snapshot, before any live event. */
  private replayPending: Replay | null = null
  private droppedTotal = 0

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ViewerContext,
  ) {
    this.queue = new ViewerQueue(ctx.limits.maxBuffered)
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary))
    const { allowAll, maxBuffered } = ctx.limits
    this.send({ type: 'hello', allowAll, now: performance.now(), maxBuffered })
  }

  get watching(): boolean {
    return this.matcher !== null
  }

  /** What this viewer watches, when it watches something (for the bus's interest). */
  get watched(): WatchFilter | null {
    return this.matcher === null ? null : this.filter
  }

  stats(): ViewerStats {
    return { watching: this.watching, queued: this.queue.length, dropped: this.droppedTotal + this.queue.dropped, bufferedAmount: this.ws.bufferedAmount }
  }

  /** From the bus: keep the event if it matches (no JSON here: the hot path stays cheap). */
  offer(event: InspectEvent): void {
    if (this.matcher === null || !this.matcher.matches(event)) return
    this.queue.push(event)
    this.schedule()
  }

  dispose(): void {
    this.matcher = null
    this.replayPending = null
    this.cancel()
    this.queue.clear()
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) return this.send({ type: 'error', message: 'viewer messages are JSON text' })
    let message: unknown
    try {
      message = JSON.parse(String(data))
    } catch {
      return this.send({ type: 'error', message: 'not JSON: send {"type":"watch","filter":{…}} or {"type":"snapshot"}' })
    }
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined
    if (type === 'snapshot') {
      this.snapshotWanted = true
      return this.flush()
    }
    if (type !== 'watch') return this.send({ type: 'error', message: `unknown message type ${JSON.stringify(type)} (watch, snapshot)` })
    const checked = checkFilter((message as { filter?: unknown }).filter, this.ctx.limits.allowAll)
    if (!checked.ok) return this.send({ type: 'error', message: checked.message })
    const replay = (message as { replay?: unknown }).replay
    if (replay !== undefined && typeof replay !== 'boolean') return this.send({ type: 'error', message: 'replay must be true or false' })
    // a new view: what was queued for the old one is no longer wanted
    this.queue.clear()
    this.filter = checked.filter
    const matcher = watchesSomething(checked.filter) ? new EventMatcher(checked.filter, this.ctx.owners) : null
    this.matcher = matcher
    this.ctx.log.debug('inspect.watch', { filter: checked.filter, replay: replay === true })
    this.ctx.changed()
    // What the watched tabs did before: taken now, so live events (queued from now on) follow it
    // with neither a gap nor a repeat.
    const clients = checked.filter.clients ?? []
    this.replayPending = replay === true && matcher !== null && clients.length > 0 ? this.ctx.replay(clients, (e) => matcher.matches(e), this.ctx.limits.maxBuffered) : null
    this.snapshotWanted = true
    this.flush()
  }

  private send(message: ServerMessage): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message))
  }

  private schedule(): void {
    if (this.stalled || this.immediate !== null) return
    if (this.queue.length >= Math.min(this.ctx.limits.batchMax, this.queue.max)) {
      if (this.timer !== null) clearTimeout(this.timer)
      this.timer = null
      this.immediate = setImmediate(() => this.flush())
    } else if (this.timer === null) {
      this.timer = setTimeout(() => this.flush(), this.ctx.limits.flushMs)
      this.timer.unref()
    }
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    if (this.immediate !== null) clearImmediate(this.immediate)
    this.timer = null
    this.immediate = null
    this.stalled = false
  }

  private full(): boolean {
    return this.ws.bufferedAmount > this.ctx.limits.highWaterBytes
  }

  /** Try again in flushMs: the socket has not taken what was written yet. */
  private waitForDrain(): void {
    this.stalled = true
    this.timer = setTimeout(() => {
      this.stalled = false
      this.flush()
    }, this.ctx.limits.flushMs)
    this.timer.unref()
  }

  private flush(): void {
    this.cancel()
    if (this.ws.readyState !== WebSocket.OPEN) return
    if (this.full()) return this.waitForDrain()
    if (this.snapshotWanted) {
      this.snapshotWanted = false
      const snapshot = this.ctx.snapshot()
      this.ctx.owners.learnSnapshot(snapshot)
      this.send({ type: 'snapshot', broker: filterSnapshot(snapshot, this.filter ?? {}), now: performance.now() })
    }
    if (this.replayPending !== null) {
      const { events, omitted } = this.replayPending
      this.replayPending = null
      this.send({ type: 'replay', events, omitted })
      if (this.full()) return this.waitForDrain()
    }
    const dropped = this.queue.takeDropped()
    if (dropped > 0) {
      this.droppedTotal += dropped
      this.send({ type: 'dropped', count: dropped })
    }
    while (this.queue.length > 0) {
      if (this.full()) return this.waitForDrain()
      this.send({ type: 'events', events: this.queue.take(this.ctx.limits.batchMax) })
    }
  }
}
