/**
 * Event builders for the STOMP lessons' exercise tests (09-12), shaped as the broker's taps
 * publish them (server/broker/taps.ts, docs/inspect.md). Builds on lib/exercises/testing.ts.
 */
import type { Header } from '../stomp/frame'
import type { BrokerSessionEvent, BrokerSubscriptionEvent, InspectEvent, StompErrorEvent, StompHeartbeatEvent } from '../inspect/events'
import { CID, route, stomp } from './testing'

let clock = 100_000
const tick = () => (clock += 7)

export function session(conn: string, state: BrokerSessionEvent['state'], extra: Partial<BrokerSessionEvent> = {}): BrokerSessionEvent {
  return { type: 'broker.session', t: tick(), conn, client: CID, state, transport: 'ws', ...extra }
}

export function subscription(conn: string, id: string, destination: string, ack: BrokerSubscriptionEvent['ack'] = 'auto', action: 'add' | 'remove' = 'add'): BrokerSubscriptionEvent {
  return { type: 'broker.subscription', t: tick(), conn, client: CID, action, id, destination, ack }
}

export function heartbeat(conn: string, dir: 'in' | 'out'): StompHeartbeatEvent {
  return { type: 'stomp.heartbeat', t: tick(), conn, client: CID, dir, bytes: 1 }
}

/** The broker's ERROR as it appears on the wire: stomp.error, the ERROR frame, then the close. */
export function brokerError(conn: string, code: string, message: string, body = `${message}. Fix it.\n\nSpec: …`): InspectEvent[] {
  const error: StompErrorEvent = { type: 'stomp.error', t: tick(), conn, client: CID, code, message }
  return [error, stomp('out', 'ERROR', [['message', message], ['code', code], ['content-type', 'text/plain']], body, conn), session(conn, 'closed', { reason: code })]
}

/** A CONNECT the learner sent and the broker's CONNECTED (version from accept-version, as the broker negotiates). */
export function handshake(conn: string, connectHeaders: Header[], connected: Header[] = []): InspectEvent[] {
  const offered = connectHeaders.find(([n]) => n === 'accept-version')?.[1]
  const version = offered === undefined ? '1.0' : offered.split(',').includes('1.2') ? '1.2' : offered.split(',').includes('1.1') ? '1.1' : '1.0'
  const hb: Header[] = version === '1.0' ? [] : [['heart-beat', '1000,1000']]
  return [
    session(conn, 'open'),
    stomp('in', 'CONNECT', connectHeaders, '', conn),
    stomp('out', 'CONNECTED', connected.length > 0 ? connected : [['version', version], ...hb, ['session', conn], ['server', 'Wirelab/0.1']], '', conn),
    session(conn, 'connected', { version, heartBeat: [1000, 0] }),
  ]
}

export const GOOD_CONNECT: Header[] = [['accept-version', '1.2'], ['host', 'localhost']]

/** A SEND to a topic and the MESSAGEs it caused on the subscribers' connections, then its route. */
export function publish(from: string, destination: string, messageId: string, to: [conn: string, subscription: string, ackId?: string][], body = 'hello', extra: Header[] = []): InspectEvent[] {
  return [
    stomp('in', 'SEND', [['destination', destination], ...extra], body, from),
    ...to.map(([conn, sub, ackId]) => message(conn, destination, messageId, sub, body, ackId)),
    route(from, destination, messageId, to.map(([conn, sub]) => [conn, sub])),
  ]
}

export function message(conn: string, destination: string, messageId: string, sub: string, body = 'hello', ackId?: string, redelivered = false): InspectEvent {
  const headers: Header[] = [['destination', destination], ['message-id', messageId], ['subscription', sub]]
  if (ackId !== undefined) headers.push(['ack', ackId])
  if (redelivered) headers.push(['redelivered', 'true'])
  return stomp('out', 'MESSAGE', headers, body, conn)
}

export { CID, route, stomp }
