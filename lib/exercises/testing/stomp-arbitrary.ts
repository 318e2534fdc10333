/**
 * fast-check arbitraries for the STOMP exercises' property tests: random, often nonsensical
 * sequences of the events a STOMP session produces (frames either way with plausible and odd
 * headers, heart-beats, errors, sessions, subscriptions, routes). Checks must never throw on them.
 * Test-only (imported by *.test.ts).
 */
import fc from 'fast-check'
import type { Header } from '../../stomp/frame'
import type { InspectEvent } from '../../inspect/events'
import { CID } from '../testing'

const conns = fc.constantFrom('ws-1', 'ws-2', 'ws-3')
const commands = fc.constantFrom('CONNECT', 'STOMP', 'CONNECTED', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'MESSAGE', 'ACK', 'NACK', 'BEGIN', 'COMMIT', 'ABORT', 'RECEIPT', 'ERROR', 'DISCONNECT', 'connect')
const names = fc.constantFrom('destination', 'id', 'ack', 'message-id', 'subscription', 'transaction', 'receipt', 'receipt-id', 'version', 'accept-version', 'host', 'heart-beat', 'redelivered', 'message', 'code', 'session')
const values = fc.oneof(
  fc.constantFrom('/topic/greetings', '/queue/jobs', '/topic/hello', 'client-individual', 'client', 'auto', '1.2', '1.0', '2000,2000', '0,0', 'ack-1', 'ack-2', 'm-1', 'm-2', 'tx-1', 'r-1', 'true', '0', '1', 'STOMP_ERR_HEARTBEAT_TIMEOUT', 'STOMP_ERR_BAD_COMMAND', ''),
  fc.string({ maxLength: 12 }),
)
const headers: fc.Arbitrary<Header[]> = fc.array(fc.tuple(names, values), { maxLength: 6 })
const t = fc.nat({ max: 1_000_000 })

const frame = fc.record({ t, conn: conns, dir: fc.constantFrom('in' as const, 'out' as const), command: commands, headers, body: fc.string({ maxLength: 20 }) }).map(
  ({ t, conn, dir, command, headers, body }): InspectEvent => ({ type: 'stomp.frame', t, conn, client: CID, dir, command, headers, bodyLength: body.length, bodyPreview: body, wireBytes: body.length + 10 }),
)
const beat = fc.record({ t, conn: conns, dir: fc.constantFrom('in' as const, 'out' as const) }).map(({ t, conn, dir }): InspectEvent => ({ type: 'stomp.heartbeat', t, conn, client: CID, dir, bytes: 1 }))
const error = fc.record({ t, conn: conns, code: values, message: values }).map(({ t, conn, code, message }): InspectEvent => ({ type: 'stomp.error', t, conn, client: CID, code, message }))
const sessionEvent = fc
  .record({ t, conn: conns, state: fc.constantFrom('open' as const, 'connected' as const, 'closed' as const), hb: fc.option(fc.tuple(fc.nat(5000), fc.nat(5000))) })
  .map(({ t, conn, state, hb }): InspectEvent => ({ type: 'broker.session', t, conn, client: CID, state, transport: 'ws', ...(hb ? { heartBeat: hb } : {}) }))
const sub = fc
  .record({ t, conn: conns, id: values, destination: values, ack: fc.constantFrom('auto' as const, 'client' as const, 'client-individual' as const), action: fc.constantFrom('add' as const, 'remove' as const) })
  .map(({ t, conn, id, destination, ack, action }): InspectEvent => ({ type: 'broker.subscription', t, conn, client: CID, action, id, destination, ack }))
const routeEvent = fc
  .record({ t, conn: fc.constantFrom('ws-1', 'ws-9'), destination: values, messageId: values, to: fc.array(fc.tuple(conns, values), { maxLength: 3 }), queued: fc.boolean(), redelivered: fc.boolean() })
  .map(({ t, conn, destination, messageId, to, queued, redelivered }): InspectEvent => ({
    type: 'broker.route', t, conn, destination, messageId, deliveredTo: to.map(([c, s]) => ({ conn: c, subscription: s, messageId })), queued, redelivered,
  }))

export function arbitraryEvents(): fc.Arbitrary<InspectEvent[]> {
  return fc.array(fc.oneof({ arbitrary: frame, weight: 6 }, beat, error, sessionEvent, sub, routeEvent), { maxLength: 40 })
}
