/**
 * A message inside the broker, and the MESSAGE frame built from it for one receiver.
 * Messages are immutable; a redelivery is a copy with `redelivered: true` (checklist 57).
 */
import { makeFrame, type Frame, type Header, type StompVersion } from '../../lib/stomp/frame'
import { isValidUtf8 } from '../../lib/stomp/utf8'
import { escapeModeFor, unencodableReason } from '../../lib/stomp/escape'
import type { AckMode } from './subscription'

export interface BrokerMessage {
  /** MESSAGE `message-id`: unique per broker, kept across redeliveries (checklist 50). */
  readonly id: string
  /** MESSAGE `destination`: the SEND's destination (checklist 50, SHOULD equal). */
  readonly destination: string
  /** User headers of the SEND, passed through in wire order (checklist 37, 52). */
  readonly headers: readonly Header[]
  /** Body octets, verbatim (checklist 11). */
  readonly body: Uint8Array
  /** Body is valid UTF-8: goes out as a WebSocket text message, else binary (checklist 76). */
  readonly bodyIsText: boolean
  readonly redelivered: boolean
  /** Connection id of the session that sent it (taps: whose SEND this routing decision is). */
  readonly from: string
  /** That session's browser tab (cid), when known (taps). */
  readonly fromClient?: string
}

/**
 * SEND headers that describe the SEND itself, not the message: they are not copied to MESSAGE.
 * `content-length` is recomputed by the serializer for the MESSAGE body; `transaction` and
 * `receipt` belong to the SEND (RabbitMQ leaks `transaction` — checklist 52 says don't).
 */
const NOT_PASSED_THROUGH = new Set(['destination', 'transaction', 'receipt', 'content-length'])

/** The user headers of a SEND (checklist 37). Never invents content-type (checklist 39). */
export function passThroughHeaders(headers: readonly Header[]): Header[] {
  return headers.filter(([name]) => !NOT_PASSED_THROUGH.has(name))
}

export function createMessage(
  id: string,
  destination: string,
  headers: readonly Header[],
  body: Uint8Array,
  from: string | { readonly id: string; readonly client?: string },
): BrokerMessage {
  const sender = typeof from === 'string' ? { id: from } : from
  const base = { id, destination, headers, body, bodyIsText: isValidUtf8(body), redelivered: false, from: sender.id }
  return sender.client === undefined ? base : { ...base, fromClient: sender.client }
}

export function asRedelivered(message: BrokerMessage): BrokerMessage {
  return message.redelivered ? message : { ...message, redelivered: true }
}

export interface MessageTarget {
  /** The SUBSCRIBE `id` (absent for a 1.0 subscription made without one). */
  readonly subscriptionId: string | null
  readonly ack: AckMode
  /** Delivery tag the client echoes in ACK/NACK `id` (1.2), or null for `auto`. */
  readonly ackId: string | null
}

/** The per-receiver server headers, in order (checklist 50, 51, 57). */
export function serverHeaders(message: BrokerMessage, target: MessageTarget, version: StompVersion): Header[] {
  const headers: Header[] = [
    ['destination', message.destination],
    ['message-id', message.id],
  ]
  // STOMP 1.2 §MESSAGE: subscription MUST match the SUBSCRIBE id — checklist 50; 1.0: only if given (41)
  if (target.subscriptionId !== null) headers.push(['subscription', target.subscriptionId])
  // STOMP 1.2 §MESSAGE: `ack` MUST be present for client / client-individual — checklist 51 (1.2 only)
  if (version === '1.2' && target.ackId !== null) headers.push(['ack', target.ackId])
  if (message.redelivered) headers.push(['redelivered', 'true'])
  return headers
}

/** The user headers this receiver's version can carry, then the body's content-length (52). */
export function receiverHeaders(message: BrokerMessage, version: StompVersion): Header[] {
  const mode = escapeModeFor('MESSAGE', version)
  const headers: Header[] = []
  for (const header of message.headers) {
    if (mode === '1.2' || (unencodableReason(header[0], mode, 'name') ?? unencodableReason(header[1], mode, 'value')) === null) {
      headers.push(header)
    }
  }
  if (message.body.length > 0) headers.push(['content-length', String(message.body.length)])
  return headers
}

/**
 * Server headers first, so that with "first occurrence wins" (checklist 18) a user header that
 * happens to be named `message-id` or `subscription` cannot shadow the broker's value; the user's
 * copy is still passed through after it (checklist 37). Headers are escaped later, by the
 * serializer, for the receiver's version (checklist 53). A user header the receiver's version
 * cannot carry at all (a line feed for a 1.0 receiver, a trailing CR for 1.1) is left out of that
 * receiver's copy. `content-length` is the MESSAGE body's own (checklist 52); content-type only if
 * the SEND had one (checklist 39).
 */
export function messageFrame(message: BrokerMessage, target: MessageTarget, version: StompVersion): Frame {
  return makeFrame('MESSAGE', [...serverHeaders(message, target, version), ...receiverHeaders(message, version)], message.body)
}
