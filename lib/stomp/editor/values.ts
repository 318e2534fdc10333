/**
 * Header value candidates for the frame editor: ack modes, destinations seen on the broker,
 * this client's subscription ids, the ack ids of received messages, open transactions, fresh
 * ids for new subscriptions/transactions/receipts, and the body's real octet count for
 * content-length. Pure: the caller passes what the client has seen on its wire.
 */
import type { StompVersion } from '../frame'
import { ackModes } from '../commands'
import type { EditorCompletionContext } from './place'

export interface ValueChoice {
  readonly value: string
  /** Short note shown next to the value ("seen on the broker", "fresh id" …). */
  readonly detail: string
}

/** `${prefix}-N` with the smallest N ≥ 0 not in `used`. */
export function freshId(prefix: string, used: Iterable<string>): string {
  const taken = new Set(used)
  for (let n = 0; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`
}

const DEFAULT_DESTINATIONS = ['/topic/greetings', '/queue/demo'] as const

function uniq(values: readonly ValueChoice[]): ValueChoice[] {
  const seen = new Set<string>()
  return values.filter((v) => (seen.has(v.value) ? false : (seen.add(v.value), true)))
}

export interface ValueQuery {
  readonly command: string
  readonly header: string
  readonly version: StompVersion
  readonly ctx: EditorCompletionContext
  /** Values of this header already written elsewhere in the document (kept out of fresh ids). */
  readonly inDocument?: readonly string[]
  /** UTF-8 octets of the body of this frame (for content-length). */
  readonly bodyOctets?: number
}

/** Candidate values, most useful first. Raw (not escaped): escape them for the frame before inserting. */
export function valueChoices(q: ValueQuery): ValueChoice[] {
  const { command, header, version, ctx } = q
  const doc = q.inDocument ?? []
  const seen = (values: readonly string[], detail: string): ValueChoice[] => [...values].reverse().map((value) => ({ value, detail }))
  switch (header) {
    case 'ack':
      return ackModes(version).map((value) => ({
        value,
        detail: value === 'auto' ? 'no ACK needed' : value === 'client' ? 'ACK is cumulative' : 'ACK each message',
      }))
    case 'destination': {
      const known = seen(ctx.destinations, 'seen on the broker')
      return uniq([...known, ...DEFAULT_DESTINATIONS.map((value) => ({ value, detail: 'example' }))])
    }
    case 'id':
      if (command === 'SUBSCRIBE') return [{ value: freshId('sub', [...ctx.subscriptionIds, ...doc]), detail: 'fresh subscription id' }]
      if (command === 'UNSUBSCRIBE') return seen(ctx.subscriptionIds, 'your subscription')
      if (command === 'ACK' || command === 'NACK') return seen(ctx.ackIds, 'ack of a received MESSAGE')
      return []
    case 'message-id':
      return command === 'ACK' || command === 'NACK' ? seen(ctx.ackIds, 'message-id of a received MESSAGE') : []
    case 'subscription':
      return seen(ctx.subscriptionIds, 'your subscription')
    case 'transaction':
      if (command === 'BEGIN') return [{ value: freshId('tx', [...ctx.transactionIds, ...doc]), detail: 'fresh transaction id' }]
      return seen(ctx.transactionIds, 'open transaction')
    case 'receipt':
      return [{ value: freshId('r', doc), detail: 'fresh receipt id' }]
    case 'accept-version':
      return [
        { value: '1.0,1.1,1.2', detail: 'any version' },
        { value: '1.2', detail: 'STOMP 1.2 only' },
        { value: '1.1,1.2', detail: '1.1 or 1.2' },
      ]
    case 'host':
      return [{ value: 'localhost', detail: 'virtual host' }, { value: '/', detail: 'RabbitMQ default vhost' }]
    case 'heart-beat':
      return [
        { value: '0,0', detail: 'no heart-beats' },
        { value: '10000,10000', detail: 'every 10 s both ways' },
        { value: '5000,0', detail: 'I send every 5 s' },
      ]
    case 'content-type':
      return [
        { value: 'text/plain', detail: 'text body' },
        { value: 'application/json', detail: 'JSON body' },
        { value: 'text/plain;charset=utf-8', detail: 'text with charset' },
      ]
    case 'content-length':
      return q.bodyOctets === undefined ? [] : [{ value: String(q.bodyOctets), detail: 'octets in this body (UTF-8)' }]
    case 'login':
    case 'passcode':
      return [{ value: 'guest', detail: 'RabbitMQ default' }]
    default:
      return []
  }
}
