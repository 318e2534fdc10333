/**
 * Everything the learner sees is derived from these events (ARCHITECTURE.md). Each carries a
 * monotonic time in milliseconds (`t`, from performance.now() on the server) and the id of the
 * connection/session it belongs to. Issue 4 adds the HTTP / WebSocket / SockJS taps; the broker
 * publishes the `stomp.*` and `broker.*` ones.
 */
import type { Header, StompVersion } from '../stomp/frame'

export type TransportKind = 'ws' | 'sockjs' | 'tcp'
export type Direction = 'in' | 'out'

interface Base {
  /** Monotonic milliseconds. */
  readonly t: number
  /** Connection id (`ws-3`, `tcp-7`, `sockjs-2` …). */
  readonly conn: string
}

export interface StompFrameEvent extends Base {
  readonly type: 'stomp.frame'
  readonly dir: Direction
  readonly command: string
  readonly headers: readonly Header[]
  readonly bodyLength: number
  /** First bytes of the body as text (capped). */
  readonly bodyPreview: string
  /** Raw size on the wire, in octets, including the NUL. */
  readonly wireBytes: number
}

/** EOLs that crossed the wire between frames (checklist 3, 30, 33). */
export interface StompHeartbeatEvent extends Base {
  readonly type: 'stomp.heartbeat'
  readonly dir: Direction
  readonly bytes: number
}

export interface StompErrorEvent extends Base {
  readonly type: 'stomp.error'
  readonly code: string
  readonly message: string
}

export interface BrokerSessionEvent extends Base {
  readonly type: 'broker.session'
  readonly state: 'open' | 'connected' | 'closed'
  readonly transport: TransportKind
  readonly remote?: string
  readonly version?: StompVersion
  readonly user?: string
  /** Negotiated heart-beat intervals in ms (0 = none): [server→client, client→server]. */
  readonly heartBeat?: readonly [number, number]
  readonly reason?: string
}

export interface BrokerSubscriptionEvent extends Base {
  readonly type: 'broker.subscription'
  readonly action: 'add' | 'remove'
  readonly id: string
  readonly destination: string
  readonly ack: 'auto' | 'client' | 'client-individual'
}

export interface RouteTarget {
  readonly conn: string
  readonly subscription: string
  readonly messageId: string
}

export interface BrokerRouteEvent extends Base {
  readonly type: 'broker.route'
  readonly destination: string
  readonly messageId: string
  /** Subscriptions the message was delivered to now. */
  readonly deliveredTo: readonly RouteTarget[]
  /** true when the message was held in a queue (no consumer, or all at their prefetch cap). */
  readonly queued: boolean
  readonly redelivered: boolean
  /** Set when the broker refused the message (queue full, authorization …). */
  readonly refused?: string
}

export type InspectEvent =
  | StompFrameEvent
  | StompHeartbeatEvent
  | StompErrorEvent
  | BrokerSessionEvent
  | BrokerSubscriptionEvent
  | BrokerRouteEvent

export type InspectEventType = InspectEvent['type']
