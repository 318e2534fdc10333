/**
 * The pub-sub map's model (pure): who publishes to which destination and who receives from it,
 * folded from the broker snapshot (lib/inspect/protocol.ts) and the `broker.session`,
 * `broker.subscription` and `broker.route` events. Counts are live: messages published per
 * destination and per publisher, deliveries per destination and per subscription; queue depth
 * starts from the snapshot and follows routing (held +1, handed out from the queue −1).
 * `pubSubView` turns it into rows that stay readable with many clients (collapsed beyond N).
 */
import type { InspectEvent } from './events'
import type { BrokerSnapshot } from './protocol'

export type DestinationKind = 'topic' | 'queue' | 'user'

export interface SessionRecord {
  readonly conn: string
  readonly client?: string
  readonly user: string | null
}
export interface SubscriptionRecord {
  readonly key: string
  readonly conn: string
  readonly id: string
  /** As subscribed (may be a wildcard pattern such as `/topic/chat.*`). */
  readonly destination: string
  readonly delivered: number
  /** From the last snapshot. */
  readonly unacked: number
  /** Order of first appearance: keeps rows stable while counts change. */
  readonly order: number
}
export interface DestinationRecord {
  readonly name: string
  readonly kind: DestinationKind
  readonly depth: number
  readonly published: number
  readonly delivered: number
  readonly refused: number
  /** Publisher connection → messages published. */
  readonly publishers: ReadonlyMap<string, number>
  /** Subscriptions this destination's messages reached (wildcards included). */
  readonly reached: ReadonlySet<string>
  /** Messages held here, waiting for a consumer (ids, to see when one is handed out). */
  readonly held: ReadonlySet<string>
  /** Recent message ids already counted (a held message handed out later is not a new publish). */
  readonly seen: ReadonlySet<string>
}
export interface PubSubState {
  readonly sessions: ReadonlyMap<string, SessionRecord>
  readonly subscriptions: ReadonlyMap<string, SubscriptionRecord>
  readonly destinations: ReadonlyMap<string, DestinationRecord>
  readonly nextOrder: number
}

export const EMPTY_PUBSUB: PubSubState = { sessions: new Map(), subscriptions: new Map(), destinations: new Map(), nextOrder: 0 }

export function destinationKind(name: string): DestinationKind {
  if (name.startsWith('/queue/')) return 'queue'
  if (name.startsWith('/user/')) return 'user'
  return 'topic'
}

export const subscriptionKey = (conn: string, id: string) => `${conn} ${id}`

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
interface DraftDestination extends Mutable<Omit<DestinationRecord, 'publishers' | 'reached' | 'held' | 'seen'>> {
  publishers: Map<string, number>
  reached: Set<string>
  held: Set<string>
  seen: Set<string>
}

function newDestination(name: string, kind = destinationKind(name)): DraftDestination {
  return { name, kind, depth: 0, published: 0, delivered: 0, refused: 0, publishers: new Map(), reached: new Set(), held: new Set(), seen: new Set() }
}

const IDS_MAX = 5_000

/** A working copy for one batch: records are copied once, when first changed; the input state is never changed. */
class Draft {
  readonly sessions: Map<string, SessionRecord>
  readonly subscriptions: Map<string, SubscriptionRecord>
  readonly destinations: Map<string, DestinationRecord>
  private readonly copied = new Map<string, DraftDestination>()
  nextOrder: number
  constructor(state: PubSubState) {
    this.sessions = new Map(state.sessions)
    this.subscriptions = new Map(state.subscriptions)
    this.destinations = new Map(state.destinations)
    this.nextOrder = state.nextOrder
  }
  destination(name: string, kind?: DestinationKind): DraftDestination {
    let dest = this.copied.get(name)
    if (dest) return dest
    const prev = this.destinations.get(name)
    dest = prev
      ? { ...prev, publishers: new Map(prev.publishers), reached: new Set(prev.reached), held: new Set(prev.held), seen: new Set(prev.seen) }
      : newDestination(name, kind)
    this.copied.set(name, dest)
    this.destinations.set(name, dest)
    return dest
  }
  subscription(conn: string, id: string, destination: string): SubscriptionRecord {
    const key = subscriptionKey(conn, id)
    return this.subscriptions.get(key) ?? { key, conn, id, destination, delivered: 0, unacked: 0, order: this.nextOrder++ }
  }
  dropSession(conn: string) {
    this.sessions.delete(conn)
    for (const [key, sub] of this.subscriptions) if (sub.conn === conn) this.subscriptions.delete(key)
    for (const [name, dest] of this.destinations) if (dest.publishers.has(conn)) this.destination(name).publishers.delete(conn)
  }
  freeze(): PubSubState {
    return { sessions: this.sessions, subscriptions: this.subscriptions, destinations: this.destinations, nextOrder: this.nextOrder }
  }
}

function remember(ids: Set<string>, id: string) {
  ids.add(id)
  if (ids.size > IDS_MAX) ids.delete(ids.values().next().value as string)
}

function applyEvent(d: Draft, e: InspectEvent): void {
  switch (e.type) {
    case 'broker.session':
      if (e.state === 'closed') d.dropSession(e.conn)
      else {
        const prev = d.sessions.get(e.conn)
        d.sessions.set(e.conn, { conn: e.conn, client: e.client ?? prev?.client, user: e.user ?? prev?.user ?? null })
      }
      return
    case 'broker.subscription': {
      const key = subscriptionKey(e.conn, e.id)
      if (e.action === 'remove') d.subscriptions.delete(key)
      else {
        d.subscriptions.set(key, { ...d.subscription(e.conn, e.id, e.destination), destination: e.destination })
        d.destination(e.destination)
      }
      return
    }
    case 'broker.route': {
      const dest = d.destination(e.destination)
      if (e.refused !== undefined) {
        dest.refused += 1
        return
      }
      // A held message handed out later, or a redelivery, is not a new publish.
      const isNew = !e.redelivered && (e.messageId === '' || !dest.seen.has(e.messageId))
      if (isNew) {
        remember(dest.seen, e.messageId)
        dest.published += 1
        dest.publishers.set(e.conn, (dest.publishers.get(e.conn) ?? 0) + 1)
      }
      for (const to of e.deliveredTo) {
        const sub = d.subscription(to.conn, to.subscription, dest.name)
        d.subscriptions.set(sub.key, { ...sub, delivered: sub.delivered + 1 })
        dest.reached.add(sub.key)
      }
      dest.delivered += e.deliveredTo.length
      if (e.queued && !dest.held.has(e.messageId)) {
        remember(dest.held, e.messageId)
        dest.depth += 1
      } else if (!e.queued && e.deliveredTo.length > 0 && dest.held.delete(e.messageId)) {
        dest.depth = Math.max(0, dest.depth - 1)
      }
      return
    }
    default:
      return
  }
}

/** Fold a batch of events. */
export function reducePubSub(state: PubSubState, events: readonly InspectEvent[]): PubSubState {
  if (!events.some((e) => e.type === 'broker.session' || e.type === 'broker.subscription' || e.type === 'broker.route')) return state
  const d = new Draft(state)
  for (const e of events) applyEvent(d, e)
  return d.freeze()
}

/**
 * Re-base on a snapshot: sessions, subscriptions, kinds and depths come from the broker; counts
 * carry over for what still exists. Destinations gone from the snapshot stay while they have
 * counts (a topic nobody subscribes to is not stored by the broker, but it was used).
 */
export function applySnapshot(state: PubSubState, snapshot: BrokerSnapshot): PubSubState {
  const d = new Draft(EMPTY_PUBSUB)
  d.nextOrder = state.nextOrder
  for (const s of snapshot.sessions) d.sessions.set(s.id, { conn: s.id, client: s.client, user: s.user })
  for (const s of snapshot.subscriptions) {
    const key = subscriptionKey(s.session, s.id)
    const prev = state.subscriptions.get(key)
    d.subscriptions.set(key, { key, conn: s.session, id: s.id, destination: s.destination, delivered: prev?.delivered ?? 0, unacked: s.unacked, order: prev?.order ?? d.nextOrder++ })
  }
  const keep = [...state.destinations.values()].filter((prev) => prev.published > 0 || prev.refused > 0)
  for (const prev of keep) d.destinations.set(prev.name, prev)
  for (const info of snapshot.destinations) {
    const prev = state.destinations.get(info.name)
    if (prev && !d.destinations.has(info.name)) d.destinations.set(info.name, prev)
    const dest = d.destination(info.name, info.kind)
    dest.kind = info.kind
    dest.depth = info.depth
    dest.held = new Set()
  }
  for (const name of [...d.destinations.keys()]) {
    const dest = d.destination(name)
    for (const conn of [...dest.publishers.keys()]) if (!d.sessions.has(conn)) dest.publishers.delete(conn)
    for (const key of [...dest.reached]) if (!d.subscriptions.has(key)) dest.reached.delete(key)
  }
  return d.freeze()
}

export { pubSubView, type PubSubRow, type PubSubViewOptions, type PublisherNode, type SubscriberNode } from './pubsub-view'
