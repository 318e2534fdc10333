/**
 * Who is who among a learner's STOMP connections (lessons 13-15): each connection's CONNECT
 * (`host`, `login`) and the broker's answer (CONNECTED `user-name`, or an ERROR), read from the
 * stomp.frame events, so a check can say "ws-3 and ws-5 are both alice".
 */
import type { InspectEvent, StompFrameEvent } from '../inspect/events'
import { header, type Indexed } from './query'

export interface StompSessionInfo {
  readonly conn: string
  /** The CONNECT (or STOMP) frame, when it was seen. */
  readonly connect?: Indexed<StompFrameEvent>
  /** CONNECTED, when the broker accepted it. */
  readonly connected?: Indexed<StompFrameEvent>
  /** CONNECTED `user-name`: the login, or the connection id when none was given. */
  readonly user?: string
  /** CONNECT `host` (the virtual host asked for). */
  readonly host?: string
  /** ERROR frames the broker sent on this connection. */
  readonly errors: readonly Indexed<StompFrameEvent>[]
}

interface Mutable {
  conn: string
  connect?: Indexed<StompFrameEvent>
  connected?: Indexed<StompFrameEvent>
  user?: string
  host?: string
  errors: Indexed<StompFrameEvent>[]
}

/** Every connection that sent or received a STOMP frame, in order of first appearance. */
export function stompSessions(events: readonly InspectEvent[]): Map<string, StompSessionInfo> {
  const out = new Map<string, Mutable>()
  events.forEach((event, index) => {
    if (event.type !== 'stomp.frame') return
    let info = out.get(event.conn)
    if (!info) {
      info = { conn: event.conn, errors: [] }
      out.set(event.conn, info)
    }
    const at = { event, index }
    if (event.dir === 'in' && (event.command === 'CONNECT' || event.command === 'STOMP') && info.connect === undefined) {
      info.connect = at
      info.host = header(event, 'host')
    } else if (event.dir === 'out' && event.command === 'CONNECTED' && info.connected === undefined) {
      info.connected = at
      info.user = header(event, 'user-name')
    } else if (event.dir === 'out' && event.command === 'ERROR') {
      info.errors.push(at)
    }
  })
  return out
}

/** The user name of a connection (CONNECTED `user-name`), or undefined before CONNECTED. */
export function userOf(sessions: ReadonlyMap<string, StompSessionInfo>, conn: string): string | undefined {
  return sessions.get(conn)?.user
}

/** `ws-3 (alice)` for messages. */
export function who(sessions: ReadonlyMap<string, StompSessionInfo>, conn: string): string {
  const user = userOf(sessions, conn)
  return user === undefined || user === conn ? conn : `${conn} (${user})`
}

/** The ERROR's `message` header and the first sentence of its body, for messages. */
export function errorText(frame: StompFrameEvent): string {
  const message = header(frame, 'message') ?? 'ERROR'
  const first = frame.bodyPreview.split('\n').find((line) => line.trim() !== '') ?? ''
  return first ? `${message}: ${first.trim()}` : message
}
