/**
 * "Known destinations seen on the broker" for the frame editor and the console, gathered beyond
 * one client's own wire: the other clients of the page that talk to the same broker, and — for
 * Wirelab — the broker itself, through the inspector's snapshot and its `broker.subscription` /
 * `broker.route` events (the ones the diagrams panel draws). Pure.
 *
 * Every list here is oldest first, newest last (the order of CompletionContext.destinations:
 * completion shows the newest first).
 */
import type { InspectEvent } from '../inspect/events'
import type { BrokerSnapshot } from '../inspect/protocol'

/** Most destinations offered (the newest kept). */
export const MAX_KNOWN_DESTINATIONS = 50

/**
 * Merges oldest-first lists; a destination in several keeps its newest place, and a later list
 * counts as newer than an earlier one (pass the client's own list last: it ranks first).
 */
export function mergeDestinations(...lists: ReadonlyArray<readonly string[]>): string[] {
  const out = new Map<string, true>()
  for (const list of lists) {
    for (const d of list) {
      if (d === '') continue
      out.delete(d)
      out.set(d, true)
    }
  }
  return [...out.keys()].slice(-MAX_KNOWN_DESTINATIONS)
}

/**
 * Destinations the broker showed: those of the snapshot (existing destinations and
 * subscriptions), then those of subscriptions added and messages routed, in event order.
 */
export function destinationsFromInspect(events: readonly InspectEvent[], snapshot: BrokerSnapshot | null = null): string[] {
  const seen: string[] = []
  if (snapshot !== null) {
    for (const d of snapshot.destinations) seen.push(d.name)
    for (const s of snapshot.subscriptions) seen.push(s.destination)
  }
  for (const e of events) {
    if (e.type === 'broker.subscription' && e.action === 'add') seen.push(e.destination)
    else if (e.type === 'broker.route' && e.refused === undefined) seen.push(e.destination)
  }
  return mergeDestinations(seen)
}

/** Which broker a client talks to, for sharing what clients saw: Wirelab's (any transport) or the URL's. */
export function brokerKey(url: string, wirelab: boolean): string {
  return wirelab ? 'wirelab' : url.trim()
}
