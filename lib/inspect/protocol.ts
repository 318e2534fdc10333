/**
 * The /ws/inspect protocol: JSON text messages over a WebSocket. The viewer says what it watches;
 * the server answers with a snapshot of the broker, then — when the viewer asked for it with
 * `replay: true` — the recent events of the tabs it watches (`clients`), then a stream of events
 * matching the filter. Buffers are bounded per viewer: when a slow viewer falls behind, the oldest
 * events are dropped and a `dropped` message says how many (it never slows the broker).
 * docs/inspect.md has the whole protocol with examples.
 */
import type { InspectEvent, InspectEventType, TransportKind } from './events'
import type { StompVersion } from '../stomp/frame'

/** What a viewer watches. Empty filter = nothing. Criteria are OR-ed. */
export interface WatchFilter {
  /** Browser tabs (the `cid` they put on their connections). */
  readonly clients?: readonly string[]
  /** Connection ids (`ws-3` …), e.g. learned from a CONNECTED `session` header. */
  readonly conns?: readonly string[]
  /** Destinations: stomp.frame / broker.route / broker.subscription events about them. */
  readonly destinations?: readonly string[]
  /** Everything (only when the server allows it: `hello.allowAll`). */
  readonly all?: boolean
  /** Restrict to these event types (default: all types). */
  readonly types?: readonly InspectEventType[]
}

export type ViewerMessage =
  | {
      readonly type: 'watch'
      readonly filter: WatchFilter
      /**
       * Also send what the watched tabs (`filter.clients`) did before this watch: the server's
       * bounded log of each tab's recent events, kept while some viewer watches the tab (and a
       * grace period after), as one `replay` message right after the snapshot.
       */
      readonly replay?: boolean
    }
  | { readonly type: 'snapshot' }

export interface SessionInfo {
  readonly id: string
  readonly transport: TransportKind
  readonly remote: string
  readonly client?: string
  readonly state: string
  readonly user: string | null
  readonly version: StompVersion | null
  readonly heartBeat: readonly [number, number] | null
}
export interface SubscriptionInfo {
  readonly session: string
  readonly id: string
  readonly destination: string
  readonly ack: 'auto' | 'client' | 'client-individual'
  readonly unacked: number
}
export interface DestinationInfo {
  readonly name: string
  readonly kind: 'topic' | 'queue' | 'user'
  readonly depth: number
  readonly subscribers: number
}
export interface BrokerSnapshot {
  readonly sessions: readonly SessionInfo[]
  readonly subscriptions: readonly SubscriptionInfo[]
  readonly destinations: readonly DestinationInfo[]
}

export type ServerMessage =
  | { readonly type: 'hello'; readonly allowAll: boolean; readonly now: number; readonly maxBuffered: number }
  | { readonly type: 'snapshot'; readonly broker: BrokerSnapshot; readonly now: number }
  | { readonly type: 'events'; readonly events: readonly InspectEvent[] }
  /**
   * Answer to `watch` with `replay: true`, after its snapshot and before any `events`: the watched
   * tabs' recorded events that match the filter, oldest first, each once; live events follow with
   * neither a gap nor a repeat. `omitted` counts those tabs' events recorded but not sent (beyond
   * the per-tab bound or too old). Only what happened while some viewer watched the tab is there.
   */
  | { readonly type: 'replay'; readonly events: readonly InspectEvent[]; readonly omitted: number }
  | { readonly type: 'dropped'; readonly count: number }
  | { readonly type: 'error'; readonly message: string }
