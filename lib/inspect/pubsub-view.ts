/**
 * The pub-sub model (pubsub.ts) as rows to draw: one row per destination with its publishers on
 * the left and its subscribers on the right. Readable with 50 clients: at most `maxSubscribers`
 * subscribers and `maxPublishers` publishers per row (this tab's first, then in order of
 * appearance, so nothing jumps while counts change), the rest summed up as "+ N more"; at most
 * `maxDestinations` rows (those this tab uses, then the busiest), in name order.
 */
import type { DestinationKind, DestinationRecord, PubSubState, SessionRecord, SubscriptionRecord } from './pubsub'

export interface PubSubViewOptions {
  /** This tab's cid: its sessions are labelled "you" and come first. */
  readonly self?: string
  readonly maxSubscribers?: number
  readonly maxPublishers?: number
  readonly maxDestinations?: number
}

export interface PublisherNode {
  readonly key: string
  readonly label: string
  /** Connection id when the label is something else. */
  readonly detail: string
  readonly count: number
  readonly self: boolean
}
export interface SubscriberNode {
  readonly key: string
  readonly label: string
  /** `ws-4 · sub-0` */
  readonly detail: string
  /** The subscribed pattern when it differs from the row's destination (wildcards). */
  readonly pattern: string | null
  readonly delivered: number
  readonly unacked: number
  readonly self: boolean
}
export interface PubSubRow {
  readonly name: string
  readonly kind: DestinationKind
  readonly depth: number
  readonly published: number
  readonly delivered: number
  readonly refused: number
  readonly publishers: readonly PublisherNode[]
  readonly morePublishers: { readonly count: number; readonly messages: number } | null
  readonly subscribers: readonly SubscriberNode[]
  readonly moreSubscribers: { readonly count: number; readonly delivered: number } | null
  readonly subscriberCount: number
}
export interface PubSubView {
  readonly rows: readonly PubSubRow[]
  /** Destinations left out by `maxDestinations`. */
  readonly moreDestinations: number
  readonly sessions: number
}

function who(conn: string, session: SessionRecord | undefined, self: string | undefined) {
  const mine = self !== undefined && session?.client === self
  const user = session?.user && session.user !== conn ? session.user : null
  const label = user ?? (mine ? 'you' : conn)
  return { label: mine && user ? `${user} (you)` : label, detail: label === conn ? '' : conn, self: mine }
}

function subscribersOf(state: PubSubState, dest: DestinationRecord): SubscriptionRecord[] {
  const found = new Map<string, SubscriptionRecord>()
  for (const sub of state.subscriptions.values()) if (sub.destination === dest.name) found.set(sub.key, sub)
  for (const key of dest.reached) {
    const sub = state.subscriptions.get(key)
    if (sub) found.set(key, sub)
  }
  return [...found.values()]
}

export function pubSubView(state: PubSubState, options: PubSubViewOptions = {}): PubSubView {
  const { self, maxSubscribers = 6, maxPublishers = 4, maxDestinations = 12 } = options
  const rows: (PubSubRow & { mine: boolean; activity: number })[] = []
  for (const dest of state.destinations.values()) {
    const subs = subscribersOf(state, dest)
      .map((sub) => ({ sub, ...who(sub.conn, state.sessions.get(sub.conn), self) }))
      .sort((a, b) => Number(b.self) - Number(a.self) || a.sub.order - b.sub.order)
    const pubs = [...dest.publishers]
      .filter(([, count]) => count > 0)
      .map(([conn, count]) => ({ conn, count, ...who(conn, state.sessions.get(conn), self) }))
      .sort((a, b) => Number(b.self) - Number(a.self))
    if (subs.length === 0 && pubs.length === 0 && dest.depth === 0 && dest.published === 0 && dest.refused === 0) continue
    const shownSubs = subs.slice(0, maxSubscribers)
    const hiddenSubs = subs.slice(maxSubscribers)
    const shownPubs = pubs.slice(0, maxPublishers)
    const hiddenPubs = pubs.slice(maxPublishers)
    rows.push({
      name: dest.name,
      kind: dest.kind,
      depth: dest.depth,
      published: dest.published,
      delivered: dest.delivered,
      refused: dest.refused,
      publishers: shownPubs.map((p) => ({ key: p.conn, label: p.label, detail: p.detail, count: p.count, self: p.self })),
      morePublishers: hiddenPubs.length === 0 ? null : { count: hiddenPubs.length, messages: hiddenPubs.reduce((n, p) => n + p.count, 0) },
      subscribers: shownSubs.map(({ sub, label, detail, self: mine }) => ({
        key: sub.key,
        label,
        detail: [detail, sub.id].filter((part) => part !== '').join(' · '),
        pattern: sub.destination === dest.name ? null : sub.destination,
        delivered: sub.delivered,
        unacked: sub.unacked,
        self: mine,
      })),
      moreSubscribers: hiddenSubs.length === 0 ? null : { count: hiddenSubs.length, delivered: hiddenSubs.reduce((n, s) => n + s.sub.delivered, 0) },
      subscriberCount: subs.length,
      mine: subs.some((s) => s.self) || pubs.some((p) => p.self),
      activity: dest.published + dest.delivered + subs.length + dest.depth,
    })
  }
  const chosen = rows
    .slice()
    .sort((a, b) => Number(b.mine) - Number(a.mine) || b.activity - a.activity)
    .slice(0, maxDestinations)
  const shown = new Set(chosen)
  const ordered = rows.filter((row) => shown.has(row)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return {
    rows: ordered.map(({ mine: _mine, activity: _activity, ...row }) => row),
    moreDestinations: rows.length - ordered.length,
    sessions: state.sessions.size,
  }
}
