/**
 * `/queue/<name>` point-to-point: each message goes to exactly one subscriber, round robin among
 * those with prefetch room; held (in order) while nobody can take it. The hold is bounded:
 * `offer` answers 'full' and the SEND gets an ERROR that says so — nothing is dropped silently.
 * Requeued messages (NACK, unsubscribe, closed session) go back to the front, marked redelivered,
 * preferring a subscriber other than the one that gave them back (checklist 47, 57).
 */
import type { BrokerMessage } from '../message'
import type { Subscription } from '../subscription'

export type QueueOffer = 'delivered' | 'queued' | 'full'
/** Called for every delivery (`to` set) and every message put on hold (`to` null). */
export type QueueTap = (message: BrokerMessage, to: Subscription | null) => void

interface Entry {
  readonly message: BrokerMessage
  /** Prefer another subscriber than this one (the NACKer). */
  readonly avoid: Subscription | null
  delivered: boolean
}

export class Queue {
  private readonly entries: Entry[] = []
  private readonly consumers: Subscription[] = []
  private next = 0
  private dispatching = false
  private again = false

  constructor(
    readonly name: string,
    private readonly max: number,
    private readonly tap: QueueTap,
  ) {}

  get destination(): string {
    return `/queue/${this.name}`
  }
  get depth(): number {
    return this.entries.length
  }
  get consumerCount(): number {
    return this.consumers.length
  }
  get idle(): boolean {
    return this.entries.length === 0 && this.consumers.length === 0
  }

  addConsumer(sub: Subscription): void {
    this.consumers.push(sub)
    this.dispatch()
  }

  removeConsumer(sub: Subscription): void {
    const i = this.consumers.indexOf(sub)
    if (i < 0) return
    this.consumers.splice(i, 1)
    if (this.next > i) this.next -= 1
    if (this.next >= this.consumers.length) this.next = 0
  }

  /** Room for `n` more messages now: free hold places plus free subscriber slots (transactions). */
  canAccept(n: number): boolean {
    let free = this.max - this.entries.length
    for (const c of this.consumers) free += c.freeSlots
    return n <= free
  }

  offer(message: BrokerMessage): QueueOffer {
    if (this.entries.length >= this.max) return 'full'
    const entry: Entry = { message, avoid: null, delivered: false }
    this.entries.push(entry)
    this.dispatch()
    if (entry.delivered) return 'delivered'
    this.tap(message, null)
    return 'queued'
  }

  /** Give messages back (in their original order), marked redelivered by the caller. */
  requeue(messages: readonly BrokerMessage[], avoid: Subscription | null): void {
    if (messages.length === 0) return
    this.entries.unshift(...messages.map((message) => ({ message, avoid, delivered: false })))
    this.dispatch()
  }

  dispatch(): void {
    if (this.dispatching) {
      this.again = true
      return
    }
    this.dispatching = true
    try {
      do {
        this.again = false
        this.drain()
      } while (this.again)
    } finally {
      this.dispatching = false
    }
  }

  private drain(): void {
    while (this.entries.length > 0) {
      const entry = this.entries[0]
      const consumer = this.pick(entry.avoid)
      if (!consumer) return
      this.entries.shift()
      // deliver() fails only when the consumer's session stopped being writable, so it is not
      // picked again: this loop always makes progress.
      if (consumer.deliver(entry.message)) {
        entry.delivered = true
        this.tap(entry.message, consumer)
      } else {
        this.entries.unshift(entry)
      }
    }
  }

  /** Round robin among subscribers with room; `avoid` only if it is the only one. */
  private pick(avoid: Subscription | null): Subscription | null {
    const n = this.consumers.length
    let fallback = -1
    for (let k = 0; k < n; k++) {
      const i = (this.next + k) % n
      const c = this.consumers[i]
      if (!c.hasCapacity) continue
      if (c === avoid) {
        fallback = i
        continue
      }
      this.next = (i + 1) % n
      return c
    }
    if (fallback < 0) return null
    this.next = (fallback + 1) % n
    return this.consumers[fallback]
  }
}
