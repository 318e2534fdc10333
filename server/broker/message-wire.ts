/**
 * MESSAGE bytes for fan-out. One message reaches many subscribers whose MESSAGE frames differ
 * only in a few server headers (`subscription`, `ack`); the rest — command, destination,
 * message-id, user headers, content-length, body, NUL — is encoded once per receiver version and
 * reused. The bytes are exactly `serializeFrame(messageFrame(…), version)` (message-wire.test.ts
 * proves it); escaping follows the receiver's version (checklist 14, 16, 53) via the codec's
 * escapeHeader.
 */
import type { Header, StompVersion } from '../../lib/stomp/frame'
import { escapeHeader, escapeModeFor, unencodableReason, type EscapeMode } from '../../lib/stomp/escape'
import { encodeUtf8, utf8Length } from '../../lib/stomp/utf8'
import { receiverHeaders, serverHeaders, type BrokerMessage, type MessageTarget } from './message'

interface Encoded {
  /** `MESSAGE\ndestination:…\nmessage-id:…\n`, escaped; null if this version cannot carry it. */
  readonly prefix: string | null
  /** User headers, content-length, blank line, body, NUL. */
  readonly rest: Uint8Array
}

const cache = new WeakMap<BrokerMessage, Partial<Record<StompVersion, Encoded>>>()
const encoder = new TextEncoder()

function line([n, v]: Header, mode: EscapeMode): string {
  return `${escapeHeader(n, mode)}:${escapeHeader(v, mode)}\n`
}

function carries(value: string, mode: EscapeMode): boolean {
  return mode === '1.2' || unencodableReason(value, mode, 'value') === null
}

function encoded(message: BrokerMessage, version: StompVersion, mode: EscapeMode): Encoded {
  let perVersion = cache.get(message)
  const hit = perVersion?.[version]
  if (hit) return hit
  let tail = ''
  for (const h of receiverHeaders(message, version)) tail += line(h, mode)
  const head = encodeUtf8(`${tail}\n`)
  const rest = new Uint8Array(head.length + message.body.length + 1)
  rest.set(head, 0)
  rest.set(message.body, head.length)
  const ok = carries(message.destination, mode) && carries(message.id, mode)
  const prefix = ok ? `MESSAGE\n${line(['destination', message.destination], mode)}${line(['message-id', message.id], mode)}` : null
  const entry: Encoded = { prefix, rest }
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
 * serializeFrame, which reports the problem.
 */
export function messageBytes(message: BrokerMessage, target: MessageTarget, version: StompVersion): Uint8Array | null {
  const mode = escapeModeFor('MESSAGE', version)
  const { prefix, rest } = encoded(message, version, mode)
  if (prefix === null) return null
  let head = prefix
  // the per-receiver headers: everything serverHeaders adds after destination and message-id
  const own = serverHeaders(message, target, version)
  for (let i = 2; i < own.length; i++) {
    if (!carries(own[i][1], mode)) return null
    head += line(own[i], mode)
  }
  const size = utf8Length(head)
  const out = new Uint8Array(size + rest.length)
  encoder.encodeInto(head, out)
  out.set(rest, size)
  return out
}
