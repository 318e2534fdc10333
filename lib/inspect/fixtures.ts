/**
 * Recorded event sequences written by hand after what the broker and the taps publish: the
 * diagram builders' tests, the component tests and the screenshot page use them. Times are
 * monotonic ms; `tab1` is the viewer's own tab.
 */
import type { Header } from '../stomp/frame'
import type { BrokerRouteEvent, InspectEvent, StompFrameEvent } from './events'
import type { BrokerSnapshot } from './protocol'

export const SELF = 'tab1Abc-_9'

export function stompFrame(t: number, conn: string, dir: 'in' | 'out', command: string, headers: readonly Header[], body = '', client: string | undefined = SELF): StompFrameEvent {
  const bytes = new TextEncoder().encode(body).length
  return { type: 'stomp.frame', t, conn, ...(client ? { client } : {}), dir, command, headers, bodyLength: bytes, bodyPreview: body.slice(0, 256), wireBytes: command.length + bytes + 2 }
}

export function route(t: number, from: string, destination: string, messageId: string, to: readonly [string, string][], extra: Partial<BrokerRouteEvent> = {}): BrokerRouteEvent {
  return {
    type: 'broker.route', t, conn: from, destination, messageId,
    deliveredTo: to.map(([conn, subscription]) => ({ conn, subscription, messageId })), queued: false, redelivered: false, ...extra,
  }
}

/** A lab page loads, then one STOMP 1.2 session over /ws/stomp: subscribe, send to itself, ack, receipt, heart-beats. */
export const STOMP_SESSION: readonly InspectEvent[] = [
  {
    type: 'http.exchange', t: 1, conn: 'http-4', client: SELF, method: 'GET', url: `/lab/feeds/lobby/poll?since=0&cid=${SELF}`, httpVersion: '1.1',
    requestHeaders: [['Host', '127.0.0.1:3000']], requestBodyBytes: 0, status: 200, statusText: 'OK', responseHeaders: [['Content-Type', 'application/json']],
    responseBodyBytes: 87, bytesIn: 412, bytesOut: 233, durationMs: 2, lab: 'short-poll',
  },
  {
    type: 'ws.handshake', t: 10, conn: 'ws-3', client: SELF, path: `/ws/stomp?cid=${SELF}`, requestLine: `GET /ws/stomp?cid=${SELF} HTTP/1.1`,
    requestHeaders: [['Host', '127.0.0.1:3000'], ['Upgrade', 'websocket'], ['Connection', 'Upgrade'], ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='], ['Sec-WebSocket-Protocol', 'v12.stomp, v11.stomp, v10.stomp']],
    key: 'dGhlIHNhbXBsZSBub25jZQ==', accept: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=', protocol: 'v12.stomp', extensions: null,
    statusLine: 'HTTP/1.1 101 Switching Protocols', responseHeaders: [['Upgrade', 'websocket'], ['Sec-WebSocket-Accept', 's3pPLMBiTxaQ9kYGzzhZRbK+xOo='], ['Sec-WebSocket-Protocol', 'v12.stomp']],
  },
  { type: 'broker.session', t: 11, conn: 'ws-3', client: SELF, state: 'open', transport: 'ws', remote: '127.0.0.1' },
  {
    type: 'ws.frame', t: 12, conn: 'ws-3', client: SELF, dir: 'in', fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, masked: true, maskKey: '37fa213d',
    payloadLength: 62, headerBytes: 6, headerHex: '81be37fa213d', preview: 'CONNECT\naccept-version:1.2\n', previewEncoding: 'text', truncated: false,
  },
  stompFrame(12, 'ws-3', 'in', 'CONNECT', [['accept-version', '1.0,1.1,1.2'], ['host', '127.0.0.1'], ['heart-beat', '10000,10000']]),
  stompFrame(13, 'ws-3', 'out', 'CONNECTED', [['version', '1.2'], ['heart-beat', '10000,10000'], ['session', 'ws-3'], ['server', 'Wirelab/0.1']]),
  { type: 'broker.session', t: 13, conn: 'ws-3', client: SELF, state: 'connected', transport: 'ws', version: '1.2', heartBeat: [10000, 10000] },
  stompFrame(20, 'ws-3', 'in', 'SUBSCRIBE', [['id', 'sub-0'], ['destination', '/topic/chat'], ['ack', 'client-individual']]),
  { type: 'broker.subscription', t: 20, conn: 'ws-3', client: SELF, action: 'add', id: 'sub-0', destination: '/topic/chat', ack: 'client-individual' },
  stompFrame(30, 'ws-3', 'in', 'SEND', [['destination', '/topic/chat'], ['content-type', 'text/plain'], ['receipt', 'r-1']], 'hello, wire'),
  route(30, 'ws-3', '/topic/chat', 'm-1', [['ws-3', 'sub-0'], ['ws-7', 'sub-0'], ['ws-9', 'sub-2']]),
  stompFrame(31, 'ws-3', 'out', 'MESSAGE', [['destination', '/topic/chat'], ['message-id', 'm-1'], ['subscription', 'sub-0'], ['ack', 'ack-1']], 'hello, wire'),
  stompFrame(31, 'ws-3', 'out', 'RECEIPT', [['receipt-id', 'r-1']]),
  stompFrame(40, 'ws-3', 'in', 'ACK', [['id', 'ack-1']]),
  { type: 'stomp.heartbeat', t: 5000, conn: 'ws-3', client: SELF, dir: 'out', bytes: 1 },
  { type: 'stomp.heartbeat', t: 10000, conn: 'ws-3', client: SELF, dir: 'out', bytes: 1 },
  { type: 'stomp.heartbeat', t: 10001, conn: 'ws-3', client: SELF, dir: 'in', bytes: 1 },
  stompFrame(12000, 'ws-3', 'in', 'SUBSCRIBE', [['destination', '/topic/chat']]),
  { type: 'stomp.error', t: 12000, conn: 'ws-3', client: SELF, code: 'STOMP_ERR_MISSING_HEADER', message: 'SUBSCRIBE needs an id header' },
  stompFrame(12000, 'ws-3', 'out', 'ERROR', [['message', 'SUBSCRIBE needs an id header'], ['content-type', 'text/plain']], 'In STOMP 1.2 every SUBSCRIBE carries an id'),
  {
    type: 'ws.frame', t: 12001, conn: 'ws-3', client: SELF, dir: 'out', fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 8, masked: false, maskKey: null,
    payloadLength: 26, headerBytes: 2, headerHex: '881a', preview: '', previewEncoding: 'hex', truncated: false, closeCode: 1000, closeReason: 'STOMP_ERR_MISSING_HEADER',
  },
  { type: 'broker.session', t: 12002, conn: 'ws-3', client: SELF, state: 'closed', transport: 'ws', reason: 'STOMP_ERR_MISSING_HEADER' },
]

/** The broker at some moment of a busy workshop: `publishers` sessions send to /topic/chat, `subscribers` listen. */
export function busySnapshot(subscribers: number, publishers = 2): BrokerSnapshot {
  const sessions: BrokerSnapshot['sessions'][number][] = []
  const subscriptions: BrokerSnapshot['subscriptions'][number][] = []
  for (let i = 0; i < subscribers + publishers; i++) {
    sessions.push({ id: `ws-${i + 1}`, transport: 'ws', remote: '127.0.0.1', client: i === 0 ? SELF : `tab${i}`, state: 'connected', user: i % 3 === 0 ? `learner${i}` : null, version: '1.2', heartBeat: [10000, 10000] })
  }
  for (let i = 0; i < subscribers; i++) {
    subscriptions.push({ session: `ws-${i + 1}`, id: 'sub-0', destination: '/topic/chat', ack: 'auto', unacked: 0 })
  }
  subscriptions.push({ session: 'ws-1', id: 'sub-1', destination: '/queue/jobs', ack: 'client', unacked: 1 })
  if (subscribers > 1) subscriptions.push({ session: 'ws-2', id: 'sub-1', destination: '/queue/jobs', ack: 'client', unacked: 0 })
  return {
    sessions,
    subscriptions,
    destinations: [
      { name: '/topic/chat', kind: 'topic', depth: 0, subscribers },
      { name: '/queue/jobs', kind: 'queue', depth: 3, subscribers: subscribers > 1 ? 2 : 1 },
      { name: '/queue/orders', kind: 'queue', depth: 12, subscribers: 0 },
    ],
  }
}
