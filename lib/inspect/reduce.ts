/**
 * The browser side of /ws/inspect as a pure reducer: what a viewer keeps from the server's
 * messages (lib/inspect/protocol.ts). Events are kept in a bounded list (the newest `maxEvents`);
 * `received` counts every event ever taken in, so a consumer that folds events incrementally
 * (the pub-sub map) can tell which ones are new since it last looked.
 */
import type { InspectEvent } from './events'
import type { BrokerSnapshot, ServerMessage } from './protocol'

export const DEFAULT_MAX_EVENTS = 2000

export interface InspectViewState {
  /** The newest events, oldest first, at most `maxEvents`. */
  readonly events: readonly InspectEvent[]
  /** Events taken in since the start (or the last `clear`), including ones trimmed from `events`. */
  readonly received: number
  /** Events the server dropped for this viewer (its queue was full), summed over `dropped` messages. */
  readonly dropped: number
  /** The last `replay`'s `omitted`: the watched tabs' earlier events the server no longer keeps. */
  readonly replayOmitted: number
  readonly snapshot: BrokerSnapshot | null
  /** How many snapshots arrived: a consumer re-bases its state when this changes. */
  readonly snapshots: number
  /** Server's `hello`: whether `all: true` is allowed, and its per-viewer queue bound. */
  readonly allowAll: boolean | null
  readonly maxBuffered: number | null
  /** Last `error` message from the server (a bad watch filter …). */
  readonly error: string | null
}

export const EMPTY_VIEW: InspectViewState = {
  events: [],
  received: 0,
  dropped: 0,
  replayOmitted: 0,
  snapshot: null,
  snapshots: 0,
  allowAll: null,
  maxBuffered: null,
  error: null,
}

/** Append events, keeping the newest `maxEvents`. */
export function appendEvents(state: InspectViewState, events: readonly InspectEvent[], maxEvents = DEFAULT_MAX_EVENTS): InspectViewState {
  if (events.length === 0) return state
  const joined = state.events.length === 0 ? events.slice() : state.events.concat(events)
  const kept = joined.length > maxEvents ? joined.slice(joined.length - maxEvents) : joined
  return { ...state, events: kept, received: state.received + events.length }
}

/** Fold one server message into the view. */
export function reduceServerMessage(state: InspectViewState, message: ServerMessage, maxEvents = DEFAULT_MAX_EVENTS): InspectViewState {
  switch (message.type) {
    case 'hello':
      return { ...state, allowAll: message.allowAll, maxBuffered: message.maxBuffered, error: null }
    case 'snapshot':
      return { ...state, snapshot: message.broker, snapshots: state.snapshots + 1 }
    case 'events':
      return appendEvents(state, message.events, maxEvents)
    case 'replay':
      return mergeReplay(state, message.events, message.omitted, maxEvents)
    case 'dropped':
      return { ...state, dropped: state.dropped + message.count }
    case 'error':
      return { ...state, error: message.message }
  }
}

/**
 * A `replay` (the watched tabs' recorded events, oldest first) takes over from its first event on:
 * what the view already held from that time on came from the same log (a reconnect, a watch sent
 * again) and is replaced, so nothing shows twice; older events the view held are kept.
 */
export function mergeReplay(state: InspectViewState, events: readonly InspectEvent[], omitted: number, maxEvents = DEFAULT_MAX_EVENTS): InspectViewState {
  const withOmitted = { ...state, replayOmitted: omitted }
  if (events.length === 0) return withOmitted
  const from = events[0].t
  const older = state.events.filter((e) => e.t < from)
  return appendEvents({ ...withOmitted, events: older }, events, maxEvents)
}

/** Forget the events and the drop count (the view's "clear"); keep the snapshot and hello. */
export function clearEvents(state: InspectViewState): InspectViewState {
  return { ...state, events: [], received: 0, dropped: 0, replayOmitted: 0 }
}

/** The events added since a consumer saw `seenReceived` (all kept ones if it fell too far behind). */
export function newEventsSince(state: InspectViewState, seenReceived: number): readonly InspectEvent[] {
  const fresh = state.received - seenReceived
  if (fresh <= 0) return []
  if (fresh >= state.events.length) return state.events
  return state.events.slice(state.events.length - fresh)
}

const SERVER_TYPES = new Set(['hello', 'snapshot', 'events', 'replay', 'dropped', 'error'])

/** Parse one text message from /ws/inspect; null when it is not a server message. */
export function parseServerMessage(text: string): ServerMessage | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const type = (value as { type?: unknown }).type
  if (typeof type !== 'string' || !SERVER_TYPES.has(type)) return null
  if ((type === 'events' || type === 'replay') && !Array.isArray((value as { events?: unknown }).events)) return null
  if (type === 'replay' && typeof (value as { omitted?: unknown }).omitted !== 'number') return null
  if (type === 'dropped' && typeof (value as { count?: unknown }).count !== 'number') return null
  return value as ServerMessage
}
