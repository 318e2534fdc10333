/**
 * The lab's feeds: named streams of small messages that every lab transport serves, so learners
 * compare like with like (issue 4 contract, "Lab endpoints").
 *
 *   lobby            the shared chat-like feed: anyone may post, it never goes away
 *   ticker-<name>    created on demand; publishes "tick N" every `rate` ms (100..10000, set by
 *                    the last request that gave `?rate=`); stopped and forgotten once nobody has
 *                    used it for `idleMs` (60 s)
 *   room-<name>      created on demand, quiet: only what is posted to it (a learner's own feed,
 *                    so nobody else's messages answer their polls); forgotten like a ticker
 *
 * A message is `{ id, text, at, from? }`: ids count up from 1 per feed, `at` is the server's
 * Date.now() at publish. A cursor is the last id a client has seen. Each feed keeps only its
 * newest `historySize` messages.
 */

export interface FeedMessage {
  readonly id: number
  readonly text: string
  /** Server Date.now() at publish. */
  readonly at: number
  readonly from?: string
}

export type FeedListener = (message: FeedMessage) => void

export const LOBBY = 'lobby'
export const TICKER_PREFIX = 'ticker-'
export const ROOM_PREFIX = 'room-'
const TICKER_NAME = /^ticker-[A-Za-z0-9_-]{1,40}$/
const ROOM_NAME = /^room-[A-Za-z0-9_-]{1,40}$/
export const MIN_RATE_MS = 100
export const MAX_RATE_MS = 10_000
export const DEFAULT_RATE_MS = 1000

/** Why a feed name is refused, in words a learner can act on; `null` when the name is fine. */
export function feedNameProblem(name: string): string | null {
  if (name === LOBBY || TICKER_NAME.test(name) || ROOM_NAME.test(name)) return null
  return (
    `No feed named ${JSON.stringify(name)}. There are three kinds: "lobby" (the shared chat), ` +
    '"ticker-<name>" (your own ticker, created on first use) and "room-<name>" (your own quiet feed: only what you post); ' +
    '<name> is 1-40 letters, digits, "-" or "_", e.g. ticker-mine or room-mine'
  )
}

export class Feed {
  private readonly history: FeedMessage[] = []
  private readonly listeners = new Set<FeedListener>()
  private lastId = 0
  private ticker: ReturnType<typeof setInterval> | null = null
  private tickCount = 0
  private rateMs = DEFAULT_RATE_MS
  lastUsed: number

  constructor(
    readonly name: string,
    private readonly historySize: number,
    private readonly now: () => number,
  ) {
    this.lastUsed = now()
  }

  get isTicker(): boolean {
    return this.name.startsWith(TICKER_PREFIX)
  }

  /** Tickers and rooms are made on demand and forgotten when idle; the lobby stays. */
  get isOnDemand(): boolean {
    return this.name !== LOBBY
  }

  /** The newest id published (0 before the first message). */
  get latestId(): number {
    return this.lastId
  }

  /** The oldest id still held (latestId + 1 when empty). */
  get oldestId(): number {
    return this.history[0]?.id ?? this.lastId + 1
  }

  get rate(): number {
    return this.rateMs
  }

  get listenerCount(): number {
    return this.listeners.size
  }

  publish(text: string, from?: string): FeedMessage {
    this.lastId += 1
    const message: FeedMessage = from === undefined ? { id: this.lastId, text, at: Date.now() } : { id: this.lastId, text, at: Date.now(), from }
    this.history.push(message)
    if (this.history.length > this.historySize) this.history.splice(0, this.history.length - this.historySize)
    this.touch()
    for (const listener of [...this.listeners]) listener(message)
    return message
  }

  /** Messages with an id above `cursor`, oldest first (only what the history still holds). */
  since(cursor: number): FeedMessage[] {
    if (cursor >= this.lastId) return []
    const start = this.history.findIndex((m) => m.id > cursor)
    return start < 0 ? [] : this.history.slice(start)
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener)
    this.touch()
    return () => {
      if (this.listeners.delete(listener)) this.touch()
    }
  }

  touch(): void {
    this.lastUsed = this.now()
  }

  /** Ticker feeds only: (re)start the "tick N" timer with this period. */
  setRate(rateMs: number): void {
    if (!this.isTicker) return
    if (this.ticker && rateMs === this.rateMs) return
    this.rateMs = rateMs
    this.stop()
    this.ticker = setInterval(() => {
      this.tickCount += 1
      this.publish(`tick ${this.tickCount}`, 'ticker')
    }, rateMs)
    this.ticker.unref()
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker)
    this.ticker = null
  }
}

export interface FeedHubOptions {
  /** Messages kept per feed (default 1,000). */
  readonly historySize?: number
  /** A ticker nobody used for this long is stopped and forgotten (default 60 s). */
  readonly idleMs?: number
  /** How often idle tickers are looked for (default 5 s). */
  readonly sweepMs?: number
  readonly now?: () => number
}

export class FeedHub {
  private readonly feeds = new Map<string, Feed>()
  private readonly historySize: number
  private readonly idleMs: number
  private readonly now: () => number
  private readonly sweeper: ReturnType<typeof setInterval>

  constructor(options: FeedHubOptions = {}) {
    this.historySize = options.historySize ?? 1000
    this.idleMs = options.idleMs ?? 60_000
    this.now = options.now ?? Date.now
    this.feeds.set(LOBBY, new Feed(LOBBY, this.historySize, this.now))
    this.sweeper = setInterval(() => this.sweep(), options.sweepMs ?? 5000)
    this.sweeper.unref()
  }

  /**
   * The feed of that name, created when it is a ticker or room not yet there. `rateMs` (already
   * validated) sets a ticker's period; a new ticker without one ticks every second.
   */
  get(name: string, rateMs?: number): Feed {
    if (feedNameProblem(name) !== null) throw new Error(`feed name not validated: ${name}`)
    let feed = this.feeds.get(name)
    if (!feed) {
      feed = new Feed(name, this.historySize, this.now)
      this.feeds.set(name, feed)
    }
    feed.touch()
    if (feed.isTicker) feed.setRate(rateMs ?? feed.rate)
    return feed
  }

  /** The feeds that exist now (looking does not count as using them). */
  list(): Feed[] {
    return [...this.feeds.values()]
  }

  has(name: string): boolean {
    return this.feeds.has(name)
  }

  /** Stops and forgets tickers and rooms no listener holds and nobody touched for `idleMs`. */
  sweep(): void {
    const cutoff = this.now() - this.idleMs
    for (const [name, feed] of this.feeds) {
      if (feed.isOnDemand && feed.listenerCount === 0 && feed.lastUsed <= cutoff) {
        feed.stop()
        this.feeds.delete(name)
      }
    }
  }

  close(): void {
    clearInterval(this.sweeper)
    for (const feed of this.feeds.values()) feed.stop()
  }
}
