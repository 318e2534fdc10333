/**
 * Everything the learner sees is derived from these events (ARCHITECTURE.md). Each carries a
 * monotonic time in milliseconds (`t`, from performance.now() on the server) and the id of the
 * connection/session it belongs to. Issue 4 adds the HTTP / WebSocket / SockJS taps; the broker
 * publishes the `stomp.*` and `broker.*` ones.
 */
import type { Header, StompVersion } from '../stomp/frame'

export type TransportKind = 'ws' | 'sockjs' | 'tcp'
/** `in` = towards the server (client → server), `out` = from the server. */
export type Direction = 'in' | 'out'

interface Base {
  /** Monotonic milliseconds. */
  readonly t: number
  /** Connection id (`ws-3`, `tcp-7`, `sockjs-2`, `http-12` …). */
  readonly conn: string
  /**
   * The browser tab that opened the connection, when it said so (`?cid=` on the URL of a lab
   * request, a WebSocket or SockJS connection). Viewers filter on it to watch "their own" traffic.
   */
  readonly client?: string
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
  /**
   * The frame's exact octets as text (capped at 256 characters; NUL and EOLs kept). Always on
   * `out` frames; on `in` frames of sessions that opened while someone was watching.
   */
  readonly raw?: string
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

/** One HTTP request/response as it crossed the wire (lab endpoints, SockJS polling requests). */
export interface HttpExchangeEvent extends Base {
  readonly type: 'http.exchange'
  readonly method: string
  /** Path and query as requested. */
  readonly url: string
  readonly httpVersion: string
  /** Request headers exactly as received (raw names, wire order). */
  readonly requestHeaders: readonly Header[]
  readonly requestBodyBytes: number
  readonly status: number
  readonly statusText: string
  readonly responseHeaders: readonly Header[]
  readonly responseBodyBytes: number
  /** Octets read from / written to the socket for this exchange, request line and headers included. */
  readonly bytesIn: number
  readonly bytesOut: number
  readonly durationMs: number
  /** Which lab transport the exchange belongs to, if any (`short-poll`, `long-poll`, `sse` …). */
  readonly lab?: string
  /**
   * The response body's first characters (at most 2,048, as UTF-8 text) for the feed endpoints
   * only (`short-poll`, `long-poll`, `send`, `stream`, `sse`): the cursor and messages a poll
   * returned, the events of a stream. Absent for every other exchange.
   */
  readonly responseBodyPreview?: string
  /** Set (true) when the body was longer than its preview. */
  readonly responseBodyTruncated?: boolean
}

/** The RFC 6455 opening handshake of a WebSocket (any path: /ws/stomp, /ws/echo, SockJS's websocket). */
export interface WsHandshakeEvent extends Base {
  readonly type: 'ws.handshake'
  readonly path: string
  readonly requestLine: string
  readonly requestHeaders: readonly Header[]
  readonly key: string
  /** base64(SHA-1(key + 258EAFA5-E914-47DA-95CA-C5AB0DC85B11)) as sent in the 101. */
  readonly accept: string
  readonly protocol: string | null
  readonly extensions: string | null
  readonly statusLine: string
  readonly responseHeaders: readonly Header[]
}

export const WS_OPCODES = { 0: 'continuation', 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' } as const

/** One WebSocket frame decoded from the socket's real bytes (both directions). */
export interface WsFrameEvent extends Base {
  readonly type: 'ws.frame'
  readonly dir: Direction
  readonly fin: boolean
  readonly rsv1: boolean
  readonly rsv2: boolean
  readonly rsv3: boolean
  readonly opcode: number
  readonly masked: boolean
  /** Masking key as 8 hex digits (client frames), or null. */
  readonly maskKey: string | null
  readonly payloadLength: number
  /** Header size in octets (2, 4 or 10, plus 4 with a mask). */
  readonly headerBytes: number
  /** First header octets as hex (up to 14), for the frame X-ray. */
  readonly headerHex: string
  /** Unmasked payload preview (capped): text when valid UTF-8, else hex. */
  readonly preview: string
  readonly previewEncoding: 'text' | 'hex'
  readonly truncated: boolean
  /** Close frames: code and reason. */
  readonly closeCode?: number
  readonly closeReason?: string
}

/** A SockJS frame (server → client `o` `h` `a[...]` `c[...]`, or a client message batch). */
export interface SockjsFrameEvent extends Base {
  readonly type: 'sockjs.frame'
  readonly dir: Direction
  readonly transport: string
  readonly kind: 'o' | 'h' | 'a' | 'c' | 'm'
  readonly preview: string
  readonly bytes: number
}

/**
 * One engine.io packet of the lab's Socket.IO endpoint, either direction (lib/socketio/packet.ts
 * decodes them). `conn` names the engine.io session (`socketio-3`), the same over polling and
 * after the upgrade to WebSocket.
 */
export interface SocketioPacketEvent extends Base {
  readonly type: 'socketio.packet'
  readonly dir: Direction
  /** engine.io transport: polling or websocket. */
  readonly transport: string
  /** engine.io packet type: open, close, ping, pong, message, upgrade, noop (`invalid` when the text is none). */
  readonly engineType: string
  /** socket.io packet type for messages: CONNECT, EVENT, ACK … */
  readonly socketType?: string
  readonly namespace?: string
  readonly event?: string
  /** EVENT with an acknowledgement requested, or ACK: the ack id. */
  readonly ackId?: number
  /** The engine.io session id (the open packet's `sid`, the `sid=` of later requests). */
  readonly sid?: string
  /** The packet as text (type digit first), capped; binary data as `<N octets of binary>`. */
  readonly preview: string
  /** Octets of the encoded packet (a polling payload's `\x1e` separators not counted). */
  readonly bytes: number
}

export type InspectEvent =
  | HttpExchangeEvent
  | WsHandshakeEvent
  | WsFrameEvent
  | SockjsFrameEvent
  | SocketioPacketEvent
  | StompFrameEvent
  | StompHeartbeatEvent
  | StompErrorEvent
  | BrokerSessionEvent
  | BrokerSubscriptionEvent
  | BrokerRouteEvent

export type InspectEventType = InspectEvent['type']
