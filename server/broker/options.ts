/**
 * Every limit and switch of the broker. Defaults and environment parsing live in
 * server/config.ts (one place, documented in the README); tests pass their own values.
 */
import type { StompVersion } from '../../lib/stomp/frame'

export interface ParserLimits {
  /** Whole frame (command + headers + body) in octets (checklist 19). */
  readonly maxFrameBytes: number
  /** Frame size allowed before the session is CONNECTED (RabbitMQ uses 64 KiB before auth). */
  readonly maxPreConnectFrameBytes: number
  readonly maxHeaders: number
  /** One header line (name + ':' + value, escaped form) in octets. */
  readonly maxHeaderLineBytes: number
  readonly maxBodyBytes: number
}

export type AuthorizeAction = 'send' | 'subscribe'
/** Returns `true` to allow, or a sentence explaining the refusal (it goes into the ERROR body). */
export type AuthorizeHook = (user: string, action: AuthorizeAction, destination: string) => true | string

/**
 * A named virtual host, chosen by the CONNECT `host` header (STOMP 1.2 §CONNECT: "the name of a
 * virtual host that the client wishes to connect to" — checklist 24). It is a world of its own:
 * its users (a login and passcode are required), its authorization hook, and its own
 * destinations — `/queue/x` in one virtual host is not `/queue/x` in another, as in RabbitMQ.
 * Any other `host` value (or none) selects the default virtual host, configured by `users` and
 * `authorize` below.
 */
export interface VirtualHostOptions {
  /** login → passcode. */
  readonly users: ReadonlyMap<string, string>
  /** Its authorization hook; an object (a class with its rules as data) so configs compare equal. */
  readonly policy?: AuthorizationPolicy
}

export interface AuthorizationPolicy {
  authorize(user: string, action: AuthorizeAction, destination: string): true | string
}

export interface BrokerOptions {
  readonly limits: ParserLimits
  /** Versions this broker speaks, highest preferred (checklist 21). */
  readonly versions: readonly StompVersion[]
  /** The server's heart-beat offer [sx, sy] in ms (checklist 28-29). */
  readonly heartBeat: readonly [number, number]
  /**
   * A silent client is closed after (negotiated client→server interval × multiplier) ms
   * (checklist 31: "SHOULD allow an error margin").
   */
  readonly heartBeatGraceMultiplier: number
  readonly maxSubscriptionsPerSession: number
  /** Max unacked messages per client/client-individual subscription (prefetch). */
  readonly prefetch: number
  /** Max messages held per queue; a SEND beyond it gets ERROR STOMP_ERR_QUEUE_FULL. */
  readonly queueMaxMessages: number
  /** Outbound bytes buffered per connection before it is closed as a slow consumer. */
  readonly maxOutboundBytes: number
  /** `null` = authentication off (any login accepted, used as user name). */
  readonly users: ReadonlyMap<string, string> | null
  readonly authorize?: AuthorizeHook
  /** Named virtual hosts by CONNECT `host` value (server/broker/demo-realm.ts builds Wirelab's `secure`). */
  readonly virtualHosts?: ReadonlyMap<string, VirtualHostOptions>
  /** CONNECTED `server` header (checklist 23). */
  readonly serverName: string
  /**
   * After ERROR/DISCONNECT the broker closes with a flush (checklist 67); if the peer has not
   * taken the last bytes within this many ms (a stalled reader), the socket is destroyed.
   * Optional; default 5000.
   */
  readonly closeLingerMs?: number
  /**
   * A connection that has not sent CONNECT (or STOMP) this many ms after opening gets ERROR
   * STOMP_ERR_CONNECT_TIMEOUT, then is closed (checklist 20: CONNECT comes first), so idle
   * sockets cannot pile up. Optional; default 10000; 0 turns the timeout off.
   */
  readonly connectTimeoutMs?: number
}
