/**
 * Which headers a client frame may carry, per command and version (STOMP 1.2 §Client Frames;
 * 1.1; 1.0), required ones first — the order the editor offers them in.
 */
import type { StompVersion } from '../frame'
import { requiredHeaders } from '../commands'

/** Optional headers of each client command (the required ones come from commands.ts). */
function optional(command: string, version: StompVersion): readonly string[] {
  const v10 = version === '1.0'
  switch (command) {
    case 'CONNECT':
    case 'STOMP':
      return ['accept-version', 'host', 'login', 'passcode', 'heart-beat']
    case 'SEND':
      return ['destination', 'content-type', 'content-length', 'transaction', 'receipt']
    case 'SUBSCRIBE':
      return ['id', 'destination', 'ack', 'receipt']
    case 'UNSUBSCRIBE':
      return v10 ? ['id', 'destination', 'receipt'] : ['id', 'receipt']
    case 'ACK':
    case 'NACK':
      if (version === '1.2') return ['id', 'transaction', 'receipt']
      if (version === '1.1') return ['message-id', 'subscription', 'transaction', 'receipt']
      return ['message-id', 'transaction', 'receipt']
    case 'BEGIN':
    case 'COMMIT':
    case 'ABORT':
      return ['transaction', 'receipt']
    case 'DISCONNECT':
      return ['receipt']
    default:
      return ['receipt', 'content-type', 'content-length']
  }
}

export interface HeaderChoice {
  readonly name: string
  readonly required: boolean
}

/** Headers for `command` in `version`: required first (spec order), then the optional ones. */
export function headersFor(command: string, version: StompVersion): readonly HeaderChoice[] {
  const required = requiredHeaders(command, version).flatMap((r) => (r.anyOf.length === 1 ? [r.anyOf[0]] : []))
  const rest = optional(command, version).filter((h) => !required.includes(h))
  return [...required.map((name) => ({ name, required: true })), ...rest.map((name) => ({ name, required: false }))]
}
