/**
 * The playground's shared model: what the page (connections, log, collections) and the widgets
 * (Monaco frame editor, xterm console) agree on. One PlaygroundClient per named client (Alice, Bob …).
 */
import type { Frame, StompVersion } from '@/lib/stomp/frame'

export type ClientTransport = 'ws' | 'sockjs'

export interface ClientSettings {
  readonly name: string
  /** Wirelab's /ws/stomp, /sockjs/stomp, or any ws:// / wss:// URL (the browser dials it itself). */
  readonly url: string
  readonly transport: ClientTransport
  /** SockJS transport forced, when transport is 'sockjs' (e.g. 'xhr-streaming'); empty = any. */
  readonly sockjsTransports: readonly string[]
  /** WebSocket subprotocols offered, e.g. ['v12.stomp','v11.stomp','v10.stomp']. */
  readonly subprotocols: readonly string[]
  /** accept-version offered in CONNECT. */
  readonly versions: readonly StompVersion[]
  readonly login: string
  readonly passcode: string
  readonly host: string
  /** heart-beat header offered [cx, cy] in ms. */
  readonly heartBeat: readonly [number, number]
  /** Send a CONNECT built from these settings as soon as the socket opens (default true). */
  readonly autoConnect?: boolean
}

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'connected' | 'closing' | 'closed'

/** One thing that crossed this client's wire, kept raw (the console shows bytes, the log frames). */
export type WireEntry =
  | { readonly kind: 'frame'; readonly seq: number; readonly t: number; readonly dir: 'sent' | 'received'; readonly raw: Uint8Array; readonly frame: Frame }
  | { readonly kind: 'heartbeat'; readonly seq: number; readonly t: number; readonly dir: 'sent' | 'received'; readonly raw: Uint8Array }
  /** Bytes that did not parse as a frame (a deliberately broken frame sent, or junk received). */
  | { readonly kind: 'raw'; readonly seq: number; readonly t: number; readonly dir: 'sent' | 'received'; readonly raw: Uint8Array; readonly note: string }
  | { readonly kind: 'event'; readonly seq: number; readonly t: number; readonly text: string; readonly level: 'info' | 'error' }

export interface ClientStatus {
  readonly state: ConnectionState
  readonly negotiatedVersion: StompVersion | null
  /** Negotiated [client→server, server→client] ms, from CONNECTED. */
  readonly heartBeat: readonly [number, number] | null
  readonly subprotocol: string | null
  /** Wirelab's connection id from CONNECTED `session`, when the target is Wirelab. */
  readonly session: string | null
  readonly server: string | null
  readonly closeCode: number | null
  readonly closeReason: string | null
  /** The SockJS transport in use (`websocket`, `xhr-streaming` …), for SockJS clients. */
  readonly sockjsTransport?: string | null
  /** The URL the socket was opened with (cid included for Wirelab). */
  readonly url?: string | null
}

/** Things the editor/console can complete from (header values seen on the wire). */
export interface CompletionContext {
  readonly version: StompVersion
  /** Destinations seen on the broker, oldest first (completion offers the newest first). */
  readonly destinations: readonly string[]
  readonly subscriptionIds: readonly string[]
  /** `ack` (1.2) / `message-id` (1.0/1.1) values of received MESSAGEs not yet acked. */
  readonly ackIds: readonly string[]
  readonly transactionIds: readonly string[]
  /** The subscription each ack id came from (1.1 ACK/NACK must name it). */
  readonly ackSubscriptions?: Readonly<Record<string, string>>
}

export interface PlaygroundClient {
  readonly settings: ClientSettings
  readonly status: ClientStatus
  readonly entries: readonly WireEntry[]
  connect(): void
  /** Send exact bytes (a broken frame on purpose is allowed). */
  sendRaw(bytes: Uint8Array): void
  sendFrame(frame: Frame): void
  /** Close the socket; code/reason for WebSocket close. */
  close(code?: number, reason?: string): void
  /** `known`: destinations seen elsewhere on the same broker (other clients, the inspector), oldest first. */
  completionContext(known?: readonly string[]): CompletionContext
  /** Subscribe to changes (new entries, status); returns unsubscribe. */
  subscribe(listener: () => void): () => void
}
