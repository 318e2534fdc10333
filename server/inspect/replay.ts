/**
 * The recent traffic of watched browser tabs, replayed to a view that opens later on the same tab
 * (`watch` with `replay: true`, lib/inspect/protocol.ts). On /lab the widgets start when scrolled
 * to: the sequence diagram at the bottom must still draw the handshake and the X-ray messages the
 * learner made above it, which crossed the wire before it was watching.
 *
 * What is kept, and what it costs:
 * - Only tabs some viewer watches by `clients: [cid]` have a log. A tab nobody watches has none,
 *   and the bus builds no per-frame event for it (bus interest): it costs nothing.
 * - A log keeps the newest `perClient` events of its tab (a ring; older ones are counted, not kept)
 *   and replays none older than `maxAgeMs`.
 * - When the last viewer of a tab leaves, its log lives on for `graceMs` — and keeps recording, as
 *   the endpoint keeps the bus interested in that tab meanwhile — so a view that comes back (a
 *   reload, a remount, the next widget) finds the history without a gap. Then the log is dropped
 *   and the tab costs nothing again.
 * - At most `maxClients` logs: a new one evicts the least recently active (one not watched first).
 * Events are the same objects the viewers' queues hold (already redacted): no copies.
 */
import type { InspectEvent } from '../../lib/inspect/events'
import type { ConnOwners } from './filter'

export interface ReplayOptions {
  /** Events kept per tab; 0 turns the replay off (INSPECT_REPLAY_EVENTS). */
  readonly perClient: number
  /** Most tabs with a log at once. */
  readonly maxClients: number
  /** How long a log outlives the last viewer of its tab. */
  readonly graceMs: number
  /** Events older than this are not replayed. */
  readonly maxAgeMs: number
}

export const DEFAULT_REPLAY: ReplayOptions = { perClient: 250, maxClients: 100, graceMs: 30_000, maxAgeMs: 10 * 60_000 }

export interface Replay {
  /** Oldest first, each once. */
  readonly events: InspectEvent[]
  /** Events of these tabs recorded but not replayed: beyond the per-tab bound, too old, or beyond `max`. */
  readonly omitted: number
}

class ClientLog {
  private readonly ring: (InspectEvent | undefined)[]
  private head = 0
  private count = 0
  /** Pushed out of the ring since the log started. */
  evicted = 0
  watched = true
  /** When the last viewer left (performance.now()), while not watched. */
  releasedAt = 0
  lastActive: number
  private last: InspectEvent | undefined

  constructor(
    private readonly max: number,
    now: number,
  ) {
    this.ring = new Array<InspectEvent | undefined>(max)
    this.lastActive = now
  }

  push(event: InspectEvent, now: number): void {
    if (event === this.last) return // a route delivered to several connections of this tab
    this.last = event
    this.lastActive = now
    if (this.count === this.max) {
      this.ring[this.head] = event
      this.head = (this.head + 1) % this.max
      this.evicted += 1
      return
    }
    this.ring[(this.head + this.count) % this.max] = event
    this.count += 1
  }

  *events(): Generator<InspectEvent> {
    for (let i = 0; i < this.count; i++) yield this.ring[(this.head + i) % this.max] as InspectEvent
  }
}

export class ReplayLog {
  private readonly logs = new Map<string, ClientLog>()
  private timer: ReturnType<typeof setTimeout> | null = null

  /** `expired` is called when logs were dropped after their grace: the bus interest may shrink. */
  constructor(
    readonly options: ReplayOptions,
    private readonly expired: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get enabled(): boolean {
    return this.options.perClient > 0
  }

  /** Tabs with a log: watched now or within their grace. The bus must keep building their events. */
  retained(): string[] {
    return [...this.logs.keys()]
  }

  /** Tabs with a log, watched or not (tests, diagnostics). */
  stats(): { client: string; watched: boolean; kept: number; evicted: number }[] {
    return [...this.logs].map(([client, log]) => ({ client, watched: log.watched, kept: [...log.events()].length, evicted: log.evicted }))
  }

  /** The tabs viewers watch now (`clients` of every filter). Starts their logs; starts the grace of the others. */
  setWatched(clients: ReadonlySet<string>): void {
    if (!this.enabled) return
    const now = this.now()
    for (const [client, log] of this.logs) {
      if (clients.has(client)) log.watched = true
      else if (log.watched) {
        log.watched = false
        log.releasedAt = now
      }
    }
    for (const client of clients) {
      if (this.logs.has(client)) continue
      if (this.logs.size >= this.options.maxClients) this.evictOne()
      this.logs.set(client, new ClientLog(this.options.perClient, now))
    }
    this.schedule()
  }

  /** From the bus listener: keep the event in its tab's log, and in the logs of the tabs a route delivered to. */
  record(event: InspectEvent, owners: ConnOwners): void {
    if (this.logs.size === 0) return
    const now = this.now()
    if (event.client !== undefined) this.logs.get(event.client)?.push(event, now)
    if (event.type === 'broker.route') {
      for (const delivery of event.deliveredTo) {
        const owner = owners.clientOf(delivery.conn)
        if (owner !== undefined) this.logs.get(owner)?.push(event, now)
      }
    }
  }

  /** What these tabs' logs hold that `matches` takes, oldest first, at most `max` (the newest). */
  replay(clients: readonly string[], matches: (event: InspectEvent) => boolean, max: number): Replay {
    const cutoff = this.now() - this.options.maxAgeMs
    const seen = new Set<InspectEvent>()
    const events: InspectEvent[] = []
    let omitted = 0
    for (const client of new Set(clients)) {
      const log = this.logs.get(client)
      if (!log) continue
      omitted += log.evicted
      for (const event of log.events()) {
        if (seen.has(event)) continue
        seen.add(event)
        if (event.t < cutoff) omitted += 1
        else if (matches(event)) events.push(event)
      }
    }
    events.sort((a, b) => a.t - b.t)
    if (events.length > max) {
      omitted += events.length - max
      events.splice(0, events.length - max)
    }
    return { events, omitted }
  }

  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.logs.clear()
  }

  private evictOne(): void {
    let victim: [string, ClientLog] | null = null
    for (const entry of this.logs) {
      const [, log] = entry
      if (victim === null || (!log.watched && victim[1].watched) || (log.watched === victim[1].watched && log.lastActive < victim[1].lastActive)) victim = entry
    }
    if (victim) this.logs.delete(victim[0])
  }

  /** One timer for the earliest grace that ends. */
  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    let next = Infinity
    for (const log of this.logs.values()) if (!log.watched) next = Math.min(next, log.releasedAt + this.options.graceMs)
    if (next === Infinity) return
    this.timer = setTimeout(() => this.expire(), Math.max(0, next - this.now()))
    this.timer.unref()
  }

  private expire(): void {
    this.timer = null
    const now = this.now()
    let dropped = false
    for (const [client, log] of this.logs) {
      if (!log.watched && now - log.releasedAt >= this.options.graceMs) {
        this.logs.delete(client)
        dropped = true
      }
    }
    this.schedule()
    if (dropped) this.expired()
  }
}
