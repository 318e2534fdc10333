/**
 * Event builders for the lessons 13-15 checks' tests: whole STOMP conversations as the broker's
 * taps publish them (CONNECT/CONNECTED, SUBSCRIBE with its broker.subscription, ERROR with its
 * stomp.error), on top of lib/exercises/testing.ts.
 */
import type { Header } from '../stomp/frame'
import type { BrokerSubscriptionEvent, InspectEvent, StompErrorEvent } from '../inspect/events'
import { CID, route, stomp } from './testing'

let clock = 100_000
const tick = () => (clock += 3)

export function subscription(conn: string, destination: string, action: 'add' | 'remove' = 'add', id = 'sub-0'): BrokerSubscriptionEvent {
  return { type: 'broker.subscription', t: tick(), conn, client: CID, action, id, destination, ack: 'auto' }
}

export function stompError(conn: string, code: string, message: string): StompErrorEvent {
  return { type: 'stomp.error', t: tick(), conn, client: CID, code, message }
}

/** CONNECT (with the given headers) answered by CONNECTED user-name (login, or the conn id). */
export function connected(conn: string, headers: Record<string, string> = {}): InspectEvent[] {
  const user = headers.login ?? conn
  return [
    stomp('in', 'CONNECT', [['accept-version', '1.2'], ...Object.entries(headers)], '', conn),
    stomp('out', 'CONNECTED', [['version', '1.2'], ['session', conn], ['user-name', user]], '', conn),
  ]
}

/** CONNECT refused: ERROR then the broker's stomp.error. */
export function refusedConnect(conn: string, headers: Record<string, string>, body: string): InspectEvent[] {
  return [
    stomp('in', 'CONNECT', [['accept-version', '1.2'], ...Object.entries(headers)], '', conn),
    ...errorFrames(conn, 'STOMP_ERR_ACCESS_REFUSED', 'Access refused', body),
  ]
}

export function errorFrames(conn: string, code: string, message: string, body: string): InspectEvent[] {
  return [
    stomp('out', 'ERROR', [['message', message], ['code', code], ['content-type', 'text/plain']], body, conn),
    stompError(conn, code, message),
  ]
}

/** SUBSCRIBE frame + the broker's subscription event. */
export function subscribed(conn: string, destination: string, id = 'sub-0'): InspectEvent[] {
  return [stomp('in', 'SUBSCRIBE', [['id', id], ['destination', destination]], '', conn), subscription(conn, destination, 'add', id)]
}

/** SEND + its route + one MESSAGE per receiver (MESSAGE destination = `delivered`). */
export function sent(conn: string, destination: string, body: string, to: readonly string[], options: { id?: string; delivered?: string; headers?: Header[]; messageHeaders?: Header[]; messageBody?: string } = {}): InspectEvent[] {
  const id = options.id ?? `m-${tick()}`
  const delivered = options.delivered ?? destination
  return [
    stomp('in', 'SEND', [['destination', destination], ...(options.headers ?? [])], body, conn),
    ...to.map((c) => stomp('out', 'MESSAGE', [['destination', delivered], ['message-id', id], ['subscription', 'sub-0'], ...(options.messageHeaders ?? [])], options.messageBody ?? body, c)),
    route(conn, delivered, id, to.map((c) => [c, 'sub-0'])),
  ]
}
