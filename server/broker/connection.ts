/**
 * What the broker needs from any transport (ws, SockJS, raw TCP). Transports adapt their socket
 * to this; the broker never sees a socket. Modelled on aedes: the core takes any duplex.
 */
import type { TransportKind } from '../../lib/inspect/events'

/**
 * Inbound octets a transport would not hand over: one WebSocket message larger than
 * `limit` octets (`actual`: what its frame headers announced). The session answers with an ERROR
 * that says so, then closes (checklist 19, 72).
 */
export interface InboundRefusal {
  readonly reason: 'message-too-large'
  readonly limit: number
  readonly actual: number
}

export interface Connection {
  /** Unique per process, prefixed by transport: `ws-1`, `sockjs-4`, `tcp-9`. */
  readonly id: string
  readonly transport: TransportKind
  /** Peer address for logs and the dashboard, e.g. `127.0.0.1:53412`. */
  readonly remote: string
  /**
   * The browser tab that opened the connection (`?cid=` on its URL), when it said so. The broker
   * copies it into every tap event of the session and into the snapshot (viewers filter on it).
   */
  readonly client?: string
  /**
   * Queue bytes for the peer. `kind` tells message-based transports how to frame it: one STOMP
   * frame is one WebSocket message, `binary` when its body is not valid UTF-8 (checklist 76).
   * Stream transports (TCP) ignore `kind`.
   */
  send(data: Uint8Array, kind: 'text' | 'binary'): void
  /** Bytes accepted by `send` but not yet handed to the OS (back-pressure). */
  readonly bufferedAmount: number
  /**
   * Flush what was sent, then close (TCP half-close `end()`; WebSocket close frame with
   * `code`/`reason`). Never drops queued bytes (checklist 67).
   */
  close(code?: number, reason?: string): void
  /** Tear down now, dropping queued bytes: only for peers that are already gone or stalled. */
  destroy(): void
  /** Inbound bytes, in the order they arrived; chunk boundaries carry no meaning (checklist 75). */
  onData(listener: (chunk: Uint8Array) => void): void
  /** Called once when the underlying socket is gone, whoever closed it. */
  onClose(listener: (reason: string) => void): void
  /**
   * Called when bufferedAmount falls back to 0 after writes had backed up (the socket's 'drain';
   * optional for transports that cannot tell).
   */
  onDrain?(listener: () => void): void
  /** Called once when the transport refuses inbound octets (optional: stream transports never do). */
  onRefused?(listener: (refusal: InboundRefusal) => void): void
}
