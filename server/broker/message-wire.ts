/**
 * MESSAGE bytes for fan-out. One message reaches many subscribers whose MESSAGE frames differ
 * only in a few server headers (`subscription`, `ack`); the rest — command, destination,
 * message-id, user headers, content-length, body, NUL — is encoded once per receiver version and
 * reused. The bytes are exactly `serializeFrame(messageFrame(…), version)` (message-wire.test.ts
 * proves it); escaping follows the receiver's version (checklist 14, 16, 53) via the codec's
 * escapeHeader.
 *
 * Deliveries without an `ack` header (ack:auto, and every 1.0/1.1 delivery) whose subscription
 * ids are equal get byte-identical frames: those finished bytes are kept per message and version
 * and handed to every such receiver (stompjs names every client's first subscription `sub-0`, so
 * a classroom's fan-out mostly shares one buffer). Callers never write into what they get.
 */
import type { StompVersion } from '../../lib/stomp/frame'
import { escapeHeader, escapeModeFor, unencodableReason, type EscapeMode } from '../../lib/stomp/escape'
import { receiverHeaders, type BrokerMessage, type MessageTarget } from './message'

/** Distinct subscription ids whose finished bytes are kept per message and version. */
const SHARED_MAX = 8

interface Encoded {
  /** `MESSAGE\ndestination:…\nmessage-id:…\n`, escaped; null if this version cannot carry it. */
  readonly prefix: Buffer | null
  /** User headers, content-length, blank line, body, NUL. */
  readonly rest: Buffer
  /** Finished frames of deliveries without an `ack` header, by subscription id (null: none). */
  shared: Map<string | null, Buffer> | null
}

const cache = new WeakMap<BrokerMessage, Partial<Record<StompVersion, Encoded>>>()

function line(name: string, value: string, mode: EscapeMode): string {
  return `${escapeHeader(name, mode)}:${escapeHeader(value, mode)}\n`
}

function carries(value: string, mode: EscapeMode): boolean {
  return mode === '1.2' || unencodableReason(value, mode, 'value') === null
}

function encoded(message: BrokerMessage, version: StompVersion, mode: EscapeMode): Encoded {
  let perVersion = cache.get(message)
  const hit = perVersion?.[version]
  if (hit) return hit
  let tail = ''
  for (const [name, value] of receiverHeaders(message, version)) tail += line(name, value, mode)
  tail += '\n'
  const headLength = Buffer.byteLength(tail)
  // allocUnsafe: every octet is written below (head, body, the NUL)
  const rest = Buffer.allocUnsafe(headLength + message.body.length + 1)
  rest.write(tail, 0)
  rest.set(message.body, headLength)
  rest[rest.length - 1] = 0
  const ok = carries(message.destination, mode) && carries(message.id, mode)
  const prefix = ok ? Buffer.from(`MESSAGE\n${line('destination', message.destination, mode)}${line('message-id', message.id, mode)}`) : null
  const entry: Encoded = { prefix, rest, shared: null }
  if (!perVersion) {
    perVersion = {}
    cache.set(message, perVersion)
  }
  perVersion[version] = entry
  return entry
}

/**
 * The MESSAGE octets for one receiver, or null when a server header (a destination holding a
 * line feed for a 1.0 receiver, say) cannot be encoded — the caller then goes through
 * serializeFrame, which reports the problem. The result may be shared with other receivers.
 */
export function messageBytes(message: BrokerMessage, target: MessageTarget, version: StompVersion): Uint8Array | null {
  const mode = escapeModeFor('MESSAGE', version)
  const entry = encoded(message, version, mode)
  const { prefix, rest } = entry
  if (prefix === null) return null
  const subscriptionId = target.subscriptionId
  // STOMP 1.2 §MESSAGE: `ack` only for client / client-individual, 1.2 only — checklist 51
  const ackId = version === '1.2' ? target.ackId : null
  if (ackId === null) {
    const hit = entry.shared?.get(subscriptionId)
    if (hit !== undefined) return hit
  }
  // the per-receiver headers, in serverHeaders' order after destination and message-id:
  // subscription (checklist 50), ack (51), redelivered (57)
  let own = ''
  if (subscriptionId !== null) {
    if (!carries(subscriptionId, mode)) return null
    own += line('subscription', subscriptionId, mode)
  }
  if (ackId !== null) {
    if (!carries(ackId, mode)) return null
    own += line('ack', ackId, mode)
  }
  if (message.redelivered) own += 'redelivered:true\n'
  const ownLength = own.length === 0 ? 0 : Buffer.byteLength(own)
  const out = Buffer.allocUnsafe(prefix.length + ownLength + rest.length)
  prefix.copy(out, 0)
  if (ownLength > 0) out.write(own, prefix.length)
  rest.copy(out, prefix.length + ownLength)
  if (ackId === null) {
    const shared = entry.shared ?? (entry.shared = new Map())
    if (shared.size < SHARED_MAX) shared.set(subscriptionId, out)
  }
  return out
}
