/**
 * What a viewer watches (lib/inspect/protocol.ts WatchFilter): checking a filter a browser sent,
 * matching events against it, and cutting the broker snapshot down to it.
 *
 * Criteria are OR-ed: an event matches when it belongs to a watched tab (`client`), a watched
 * connection (`conn`), is about a watched destination, or `all` is set; `types` then restricts.
 * A `broker.route` also matches when it delivered to a watched tab's or connection's
 * subscription (the tab sees who routed the MESSAGE it received).
 */
import type { InspectEvent, InspectEventType } from '../../lib/inspect/events'
import type { BrokerSnapshot, WatchFilter } from '../../lib/inspect/protocol'

export const EVENT_TYPES: readonly InspectEventType[] = [
  'http.exchange', 'ws.handshake', 'ws.frame', 'sockjs.frame', 'socketio.packet', 'stomp.frame',
  'stomp.heartbeat', 'stomp.error', 'broker.session', 'broker.subscription', 'broker.route',
]

/** Bounds on one filter: a browser cannot make the server match against huge lists. */
const MAX_ENTRIES = 100
const MAX_ENTRY_CHARS = 512

export type FilterCheck = { readonly ok: true; readonly filter: WatchFilter } | { readonly ok: false; readonly message: string }

function stringList(value: unknown, name: string): readonly string[] | string | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return `${name} must be an array of strings`
  if (value.length > MAX_ENTRIES) return `${name} has ${value.length} entries (at most ${MAX_ENTRIES})`
  if (value.some((v: string) => v.length > MAX_ENTRY_CHARS)) return `${name} has an entry longer than ${MAX_ENTRY_CHARS} characters`
  return value as string[]
}

/** A `watch` filter as received (untrusted JSON). `all` is refused unless the server allows it. */
export function checkFilter(raw: unknown, allowAll: boolean): FilterCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: 'filter must be an object' }
  const input = raw as Record<string, unknown>
  const unknown = Object.keys(input).filter((k) => !['clients', 'conns', 'destinations', 'all', 'types'].includes(k))
  if (unknown.length > 0) return { ok: false, message: `unknown filter field ${unknown.map((k) => JSON.stringify(k)).join(', ')}` }
  const out: { -readonly [K in keyof WatchFilter]: WatchFilter[K] } = {}
  for (const name of ['clients', 'conns', 'destinations'] as const) {
    const list = stringList(input[name], name)
    if (typeof list === 'string') return { ok: false, message: list }
    if (list !== undefined) out[name] = list
  }
  const types = stringList(input.types, 'types')
  if (typeof types === 'string') return { ok: false, message: types }
  if (types !== undefined) {
    const bad = types.filter((t) => !(EVENT_TYPES as readonly string[]).includes(t))
    if (bad.length > 0) return { ok: false, message: `unknown event type ${bad.map((t) => JSON.stringify(t)).join(', ')} (types: ${EVENT_TYPES.join(', ')})` }
    out.types = types as InspectEventType[]
  }
  if (input.all !== undefined && typeof input.all !== 'boolean') return { ok: false, message: 'all must be true or false' }
  if (input.all === true) {
    if (!allowAll) return { ok: false, message: 'watching everything (all: true) is not allowed on this server (INSPECT_ALLOW_ALL=off); watch your own clients, connections or destinations' }
    out.all = true
  }
  return { ok: true, filter: out }
}

/** Which browser tab owns a connection, learned from events and snapshots (bounded). */
export class ConnOwners {
  private readonly owners = new Map<string, string>()

  constructor(private readonly max = 10_000) {}

  learn(conn: string, client: string): void {
    if (this.owners.get(conn) === client) return
    this.owners.delete(conn)
    this.owners.set(conn, client)
    if (this.owners.size > this.max) this.owners.delete(this.owners.keys().next().value as string)
  }

  learnEvent(event: InspectEvent): void {
    if (event.client !== undefined) this.learn(event.conn, event.client)
  }

  learnSnapshot(snapshot: BrokerSnapshot): void {
    for (const s of snapshot.sessions) if (s.client !== undefined) this.learn(s.id, s.client)
  }

  clientOf(conn: string): string | undefined {
    return this.owners.get(conn)
  }
}

export class EventMatcher {
  private readonly all: boolean
  private readonly clients: ReadonlySet<string>
  private readonly conns: ReadonlySet<string>
  private readonly destinations: ReadonlySet<string>
  private readonly types: ReadonlySet<string> | null

  constructor(
    filter: WatchFilter,
    private readonly owners: ConnOwners,
  ) {
    this.all = filter.all === true
    this.clients = new Set(filter.clients ?? [])
    this.conns = new Set(filter.conns ?? [])
    this.destinations = new Set(filter.destinations ?? [])
    this.types = filter.types ? new Set(filter.types) : null
  }

  matches(event: InspectEvent): boolean {
    if (this.types !== null && !this.types.has(event.type)) return false
    if (this.all) return true
    if (event.client !== undefined && this.clients.has(event.client)) return true
    if (this.conns.has(event.conn)) return true
    if (this.destinations.size > 0 && this.aboutDestination(event)) return true
    if (event.type === 'broker.route' && (this.clients.size > 0 || this.conns.size > 0)) {
      return event.deliveredTo.some((d) => this.conns.has(d.conn) || this.clients.has(this.owners.clientOf(d.conn) ?? ''))
    }
    return false
  }

  private aboutDestination(event: InspectEvent): boolean {
    switch (event.type) {
      case 'broker.route':
      case 'broker.subscription':
        return this.destinations.has(event.destination)
      case 'stomp.frame': {
        // first occurrence wins (STOMP 1.2 §Repeated Header Entries — checklist 18)
        const destination = event.headers.find(([name]) => name === 'destination')?.[1]
        return destination !== undefined && this.destinations.has(destination)
      }
      default:
        return false
    }
  }
}

/**
 * The part of the broker a filter may see: everything with `all`; otherwise the watched tabs'
 * and connections' sessions and subscriptions, every subscription to a watched destination, and
 * the destinations any of those touch.
 */
export function filterSnapshot(snapshot: BrokerSnapshot, filter: WatchFilter): BrokerSnapshot {
  if (filter.all === true) return snapshot
  const clients = new Set(filter.clients ?? [])
  const conns = new Set(filter.conns ?? [])
  const destinations = new Set(filter.destinations ?? [])
  const sessions = snapshot.sessions.filter((s) => conns.has(s.id) || (s.client !== undefined && clients.has(s.client)))
  const own = new Set(sessions.map((s) => s.id))
  const subscriptions = snapshot.subscriptions.filter((s) => own.has(s.session) || destinations.has(s.destination))
  const touched = new Set([...destinations, ...subscriptions.map((s) => s.destination)])
  return { sessions, subscriptions, destinations: snapshot.destinations.filter((d) => touched.has(d.name)) }
}
