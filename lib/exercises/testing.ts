/**
 * Hand-built events for the exercise checks' unit tests, shaped as the taps publish them
 * (compare lib/inspect/fixtures.ts and docs/inspect.md). `t` counts up on its own.
 */
import type { Header } from '../stomp/frame'
import type { BrokerRouteEvent, HttpExchangeEvent, InspectEvent, StompFrameEvent, WsFrameEvent } from '../inspect/events'
import { evaluate } from './evaluate'
import type { ExerciseDef, StepStatus } from './types'

export const CID = 'learnerTab1'
let clock = 0
const tick = () => (clock += 5)

export function http(method: string, url: string, options: { conn?: string; headers?: Header[]; body?: number; status?: number; lab?: string; durationMs?: number } = {}): HttpExchangeEvent {
  return {
    type: 'http.exchange', t: tick(), conn: options.conn ?? 'http-1', client: CID, method, url: `${url}${url.includes('?') ? '&' : '?'}cid=${CID}`, httpVersion: '1.1',
    requestHeaders: [['Host', '127.0.0.1:3000'], ...(options.headers ?? [])], requestBodyBytes: options.body ?? 0,
    status: options.status ?? 200, statusText: 'OK', responseHeaders: [['Content-Type', 'application/json']], responseBodyBytes: 100,
    bytesIn: 300 + (options.body ?? 0), bytesOut: 400, durationMs: options.durationMs ?? 2, lab: options.lab ?? 'echo',
  }
}

export function stomp(dir: 'in' | 'out', command: string, headers: Header[] = [], body = '', conn = 'ws-1'): StompFrameEvent {
  const bytes = new TextEncoder().encode(body).length
  return { type: 'stomp.frame', t: tick(), conn, client: CID, dir, command, headers, bodyLength: bytes, bodyPreview: body.slice(0, 256), wireBytes: command.length + bytes + 2 }
}

export function route(from: string, destination: string, messageId: string, to: [conn: string, subscription: string][], extra: Partial<BrokerRouteEvent> = {}): BrokerRouteEvent {
  return { type: 'broker.route', t: tick(), conn: from, client: CID, destination, messageId, deliveredTo: to.map(([conn, subscription]) => ({ conn, subscription, messageId })), queued: false, redelivered: false, ...extra }
}

export function wsFrame(dir: 'in' | 'out', opcode: number, options: Partial<WsFrameEvent> = {}): WsFrameEvent {
  return {
    type: 'ws.frame', t: tick(), conn: 'ws-1', client: CID, dir, fin: true, rsv1: false, rsv2: false, rsv3: false, opcode, masked: dir === 'in', maskKey: dir === 'in' ? '0a0b0c0d' : null,
    payloadLength: 0, headerBytes: dir === 'in' ? 6 : 2, headerHex: '', preview: '', previewEncoding: 'text', truncated: false, ...options,
  }
}

/** The step statuses, in order: `['done', 'wrong', 'todo']`. */
export function statuses(def: ExerciseDef, events: readonly InspectEvent[]): StepStatus[] {
  return evaluate(def, events).steps.map((s) => s.status)
}

export function messages(def: ExerciseDef, events: readonly InspectEvent[]): (string | undefined)[] {
  return evaluate(def, events).steps.map((s) => s.message)
}
