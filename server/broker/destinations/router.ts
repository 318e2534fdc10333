/**
 * The routing table: topics, queues and user queues, and the `broker.route` tap. Sessions hand
 * it resolved targets and messages; it answers whether the message was accepted.
 */
import type { TapBus } from '../../inspect/bus'
import type { RouteTarget } from '../../../lib/inspect/events'
import { asRedelivered, type BrokerMessage } from '../message'
import type { Subscription } from '../subscription'
import { Queue } from './queue'
import { TopicRegistry, type DestinationSnapshot } from './topics'
import { UserRegistry } from './users'

/** Where a message goes once `/app` handlers and "my own user" have been resolved. */
export type DeliveryTarget =
  | { readonly kind: 'topic'; readonly name: string }
  | { readonly kind: 'queue'; readonly name: string }
  | { readonly kind: 'user'; readonly user: string; readonly name: string }

export type PublishOutcome = { readonly ok: true } | { readonly ok: false; readonly queue: string; readonly max: number }

export class Router {
  private readonly topics = new TopicRegistry()
  private readonly users = new UserRegistry()
  private readonly queues = new Map<string, Queue>()

  constructor(
    private readonly bus: TapBus,
    private readonly queueMaxMessages: number,
  ) {}

  attach(sub: Subscription): void {
    const source = sub.source
    if (source.kind === 'topic') this.topics.add(source.pattern, sub)
    else if (source.kind === 'user') this.users.add(source.user, source.name, sub)
    else this.queue(source.name).addConsumer(sub)
  }

  /**
   * Remove a subscription and give back what it had not acknowledged: queue messages are
   * requeued for other subscribers (checklist 47, 49, 68); topic copies end with the subscription.
   */
  detach(sub: Subscription): void {
    const source = sub.source
    const pending = sub.release()
    if (source.kind === 'topic') this.topics.remove(source.pattern, sub)
    else if (source.kind === 'user') this.users.remove(source.user, source.name, sub)
    else {
      const queue = this.queues.get(source.name)
      if (!queue) return
      queue.removeConsumer(sub)
      queue.requeue(pending.map(asRedelivered), sub)
      if (queue.idle) this.queues.delete(source.name)
    }
  }

  /** NACKed messages: redelivered with `redelivered:true` (checklist 57). */
  redeliver(sub: Subscription, messages: readonly BrokerMessage[]): void {
    if (messages.length === 0) return
    const again = messages.map(asRedelivered)
    if (sub.source.kind === 'queue') {
      // to another subscriber of the queue when there is one
      this.queue(sub.source.name).requeue(again, sub)
      return
    }
    for (const message of again) this.offerCopy(message, [sub])
  }

  /** Delivered held messages after an ACK freed prefetch room. */
  pump(sub: Subscription): void {
    if (sub.source.kind === 'queue') {
      this.queues.get(sub.source.name)?.dispatch()
      return
    }
    for (const message of sub.pump()) this.tapRoute(message, [sub.target], false)
  }

  publish(target: DeliveryTarget, message: BrokerMessage): PublishOutcome {
    if (target.kind === 'queue') {
      const queue = this.queue(target.name)
      if (queue.offer(message) === 'full') {
        this.tapRoute(message, [], false, `queue ${queue.destination} is full (${this.queueMaxMessages} messages)`)
        if (queue.idle) this.queues.delete(target.name)
        return { ok: false, queue: queue.destination, max: this.queueMaxMessages }
      }
      return { ok: true }
    }
    const subs = target.kind === 'topic' ? this.topics.match(target.name) : this.users.match(target.user, target.name)
    this.offerCopy(message, subs)
    return { ok: true }
  }

  /** Transactions check all their queue SENDs fit before applying any (atomic COMMIT). */
  canPublishAll(targets: readonly DeliveryTarget[]): PublishOutcome {
    const counts = new Map<string, number>()
    for (const t of targets) if (t.kind === 'queue') counts.set(t.name, (counts.get(t.name) ?? 0) + 1)
    for (const [name, n] of counts) {
      const queue = this.queues.get(name)
      if (queue ? !queue.canAccept(n) : n > this.queueMaxMessages) {
        return { ok: false, queue: `/queue/${name}`, max: this.queueMaxMessages }
      }
    }
    return { ok: true }
  }

  /** A SEND the broker would not take (authorization …): only a tap. */
  refused(destination: string, reason: string, from: { readonly id: string; readonly client?: string }): void {
    if (!this.bus.active) return
    this.bus.publish({
      type: 'broker.route', t: performance.now(), conn: from.id, ...(from.client === undefined ? {} : { client: from.client }), destination, messageId: '',
      deliveredTo: [], queued: false, redelivered: false, refused: reason,
    })
  }

  snapshot(): DestinationSnapshot[] {
    const queues: DestinationSnapshot[] = [...this.queues.values()].map((q) => ({
      name: q.destination, kind: 'queue', depth: q.depth, subscribers: q.consumerCount,
    }))
    return [...this.topics.snapshot(), ...queues, ...this.users.snapshot()]
  }

  private offerCopy(message: BrokerMessage, subs: readonly Subscription[]): void {
    const watching = this.bus.active
    const delivered: RouteTarget[] = []
    let held = false
    for (const sub of subs) {
      const result = sub.offer(message)
      if (result === 'held') held = true
      else if (result === 'delivered' && watching) delivered.push(sub.target)
    }
    if (watching) this.tapRoute(message, delivered, held)
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name)
    if (!queue) {
      queue = new Queue(name, this.queueMaxMessages, (message, to) =>
        this.tapRoute(message, to ? [to.target] : [], to === null),
      )
      this.queues.set(name, queue)
    }
    return queue
  }

  private tapRoute(message: BrokerMessage, to: readonly RouteTarget[], queued: boolean, refused?: string): void {
    if (!this.bus.active) return
    const deliveredTo = to.map((t) => ({ ...t, messageId: message.id }))
    this.bus.publish({
      type: 'broker.route', t: performance.now(), conn: message.from,
      ...(message.fromClient === undefined ? {} : { client: message.fromClient }), destination: message.destination, messageId: message.id, deliveredTo, queued,
      redelivered: message.redelivered, ...(refused === undefined ? {} : { refused }),
    })
  }
}
