/**
 * One SUBSCRIBE of one session: its ack mode, its unacked deliveries (in the order they were
 * sent, which is what makes `client` acks cumulative) and, for topic/user subscriptions, the
 * messages held back while the subscription sits at its prefetch cap.
 */
import type { BrokerMessage, MessageTarget } from './message'
import type { RouteTarget } from '../../lib/inspect/events'

// STOMP 1.2 §SUBSCRIBE ack Header — checklist 43
export const ACK_MODES = ['auto', 'client', 'client-individual'] as const
export type AckMode = (typeof ACK_MODES)[number]

export interface Delivery {
  readonly ackId: string
  readonly message: BrokerMessage
}

/** Where a subscription listens. `user` subscriptions are `/user/queue/<name>` of one user. */
export type SubscriptionSource =
  | { readonly kind: 'topic'; readonly pattern: string }
  | { readonly kind: 'queue'; readonly name: string }
  | { readonly kind: 'user'; readonly user: string; readonly name: string }

/** What a subscription needs from its session (keeps this file free of the session's details). */
export interface Subscriber {
  readonly id: string
  /** false once the session is closing: nothing more may be delivered. */
  readonly writable: boolean
  nextAckId(): string
  /** Write the MESSAGE; false if it could not be written (session closing / slow consumer). */
  sendMessage(sub: Subscription, message: BrokerMessage, ackId: string | null): boolean
  /** A topic subscription's hold buffer overflowed: the session is a slow consumer. */
  slowConsumer(sub: Subscription): void
}

export type OfferResult = 'delivered' | 'held' | 'dropped'

export class Subscription {
  /** Unacked deliveries in send order (Map keeps insertion order). */
  readonly unacked = new Map<string, Delivery>()
  private readonly ackIdByMessageId = new Map<string, string>()
  /** Topic/user messages waiting for prefetch room (bounded by `holdMax`). */
  private readonly held: BrokerMessage[] = []
  /** The MESSAGE target of deliveries without an ack id (auto): one object, not one per delivery. */
  readonly plainTarget: MessageTarget

  constructor(
    readonly session: Subscriber,
    /** The SUBSCRIBE `id`; for a 1.0 SUBSCRIBE without one, the destination (RabbitMQ does the same). */
    readonly id: string,
    /** false for a 1.0 SUBSCRIBE without `id`: MESSAGE then carries no `subscription` (checklist 41). */
    readonly explicitId: boolean,
    readonly destination: string,
    readonly source: SubscriptionSource,
    readonly ack: AckMode,
    private readonly prefetch: number,
    private readonly holdMax: number,
  ) {
    this.plainTarget = { subscriptionId: explicitId ? id : null, ack, ackId: null }
  }

  /** Room for one more delivery: auto has no cap (checklist 44), client modes stop at prefetch. */
  get hasCapacity(): boolean {
    return this.session.writable && (this.ack === 'auto' || this.unacked.size < this.prefetch)
  }
  /** Free delivery slots right now (Infinity for auto). */
  get freeSlots(): number {
    if (!this.session.writable) return 0
    return this.ack === 'auto' ? Infinity : Math.max(0, this.prefetch - this.unacked.size)
  }
  get heldCount(): number {
    return this.held.length
  }
  get target(): RouteTarget {
    return { conn: this.session.id, subscription: this.id, messageId: '' }
  }

  /** Send now; records the delivery as unacked in client modes. */
  deliver(message: BrokerMessage): boolean {
    const ackId = this.ack === 'auto' ? null : this.session.nextAckId()
    if (!this.session.sendMessage(this, message, ackId)) return false
    if (ackId !== null) {
      this.unacked.set(ackId, { ackId, message })
      this.ackIdByMessageId.set(message.id, ackId)
    }
    return true
  }

  /**
   * Topic and user messages: deliver, or hold while at the prefetch cap. A full hold buffer makes
   * the session a slow consumer (documented: topic prefetch).
   */
  offer(message: BrokerMessage): OfferResult {
    if (!this.session.writable) return 'dropped'
    if (this.held.length === 0 && this.hasCapacity) return this.deliver(message) ? 'delivered' : 'dropped'
    if (this.held.length >= this.holdMax) {
      this.session.slowConsumer(this)
      return 'dropped'
    }
    this.held.push(message)
    return 'held'
  }

  /** Deliver held topic messages while there is room (after an ACK/NACK). */
  pump(): BrokerMessage[] {
    const sent: BrokerMessage[] = []
    while (this.held.length > 0 && this.hasCapacity) {
      const message = this.held.shift() as BrokerMessage
      if (!this.deliver(message)) {
        this.held.unshift(message)
        break
      }
      sent.push(message)
    }
    return sent
  }

  /** The ack id of an unacked delivery by message-id (1.0/1.1 ACK — checklist 55). */
  ackIdOf(messageId: string): string | undefined {
    return this.ackIdByMessageId.get(messageId)
  }

  /**
   * Remove and return what an ACK/NACK of `ackId` covers: `client` = that delivery and every
   * earlier one of this subscription (checklist 45, 57); `client-individual` = only it (checklist 46, 57).
   */
  settle(ackId: string): Delivery[] {
    if (!this.unacked.has(ackId)) return []
    // STOMP 1.2 §SUBSCRIBE ack Header: client-individual acks are not cumulative — checklist 46
    if (this.ack === 'client-individual') return [this.remove(ackId)]
    const settled: Delivery[] = []
    for (const id of [...this.unacked.keys()]) {
      settled.push(this.remove(id))
      if (id === ackId) break
    }
    return settled
  }

  /** Everything not yet acknowledged (unacked first, in order, then held), emptying the lists. */
  release(): BrokerMessage[] {
    const messages = [...this.unacked.values()].map((d) => d.message)
    messages.push(...this.held)
    this.unacked.clear()
    this.ackIdByMessageId.clear()
    this.held.length = 0
    return messages
  }

  private remove(ackId: string): Delivery {
    const delivery = this.unacked.get(ackId) as Delivery
    this.unacked.delete(ackId)
    if (this.ackIdByMessageId.get(delivery.message.id) === ackId) this.ackIdByMessageId.delete(delivery.message.id)
    return delivery
  }
}
