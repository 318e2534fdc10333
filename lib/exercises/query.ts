/**
 * Small, pure building blocks for exercise checks: picking the learner's frames, requests and
 * WebSocket frames out of their events, one-line summaries for evidence, and `ordered()`, which
 * runs steps one after another (step 2 only looks at what happened after step 1).
 */
import type {
  BrokerRouteEvent,
  BrokerSessionEvent,
  BrokerSubscriptionEvent,
  Direction,
  HttpExchangeEvent,
  InspectEvent,
  SockjsFrameEvent,
  SocketioPacketEvent,
  StompErrorEvent,
  StompFrameEvent,
  WsFrameEvent,
  WsHandshakeEvent,
} from '../inspect/events'
import type { Evidence, StepResult, StepStatus } from './types'

/** First occurrence wins (STOMP 1.2 §Repeated Header Entries — checklist 18). */
export function header(frame: Pick<StompFrameEvent, 'headers'>, name: string): string | undefined {
  for (const [n, v] of frame.headers) if (n === name) return v
  return undefined
}

/** A header of an HTTP exchange or handshake, case-insensitive (RFC 9110 §5.1). */
export function httpHeader(headers: readonly (readonly [string, string])[], name: string): string | undefined {
  const wanted = name.toLowerCase()
  for (const [n, v] of headers) if (n.toLowerCase() === wanted) return v
  return undefined
}

export type Indexed<E> = { readonly event: E; readonly index: number }

function pick<E extends InspectEvent>(events: readonly InspectEvent[], from: number, test: (e: InspectEvent) => e is E): Indexed<E>[] {
  const out: Indexed<E>[] = []
  for (let i = from; i < events.length; i++) {
    const e = events[i]
    if (test(e)) out.push({ event: e, index: i })
  }
  return out
}

export function stompFrames(events: readonly InspectEvent[], dir?: Direction, command?: string, from = 0): Indexed<StompFrameEvent>[] {
  return pick(events, from, (e): e is StompFrameEvent => e.type === 'stomp.frame' && (dir === undefined || e.dir === dir) && (command === undefined || e.command === command))
}

export function httpExchanges(events: readonly InspectEvent[], lab?: string, from = 0): Indexed<HttpExchangeEvent>[] {
  return pick(events, from, (e): e is HttpExchangeEvent => e.type === 'http.exchange' && (lab === undefined || e.lab === lab))
}

export function wsFrames(events: readonly InspectEvent[], dir?: Direction, opcode?: number, from = 0): Indexed<WsFrameEvent>[] {
  return pick(events, from, (e): e is WsFrameEvent => e.type === 'ws.frame' && (dir === undefined || e.dir === dir) && (opcode === undefined || e.opcode === opcode))
}

export function handshakes(events: readonly InspectEvent[], from = 0): Indexed<WsHandshakeEvent>[] {
  return pick(events, from, (e): e is WsHandshakeEvent => e.type === 'ws.handshake')
}

export function sockjsFrames(events: readonly InspectEvent[], from = 0): Indexed<SockjsFrameEvent>[] {
  return pick(events, from, (e): e is SockjsFrameEvent => e.type === 'sockjs.frame')
}

export function socketioPackets(events: readonly InspectEvent[], from = 0): Indexed<SocketioPacketEvent>[] {
  return pick(events, from, (e): e is SocketioPacketEvent => e.type === 'socketio.packet')
}

export function sessions(events: readonly InspectEvent[], state?: BrokerSessionEvent['state'], from = 0): Indexed<BrokerSessionEvent>[] {
  return pick(events, from, (e): e is BrokerSessionEvent => e.type === 'broker.session' && (state === undefined || e.state === state))
}

export function subscriptions(events: readonly InspectEvent[], from = 0): Indexed<BrokerSubscriptionEvent>[] {
  return pick(events, from, (e): e is BrokerSubscriptionEvent => e.type === 'broker.subscription')
}

export function routes(events: readonly InspectEvent[], from = 0): Indexed<BrokerRouteEvent>[] {
  return pick(events, from, (e): e is BrokerRouteEvent => e.type === 'broker.route')
}

export function stompErrors(events: readonly InspectEvent[], from = 0): Indexed<StompErrorEvent>[] {
  return pick(events, from, (e): e is StompErrorEvent => e.type === 'stomp.error')
}

const SUMMARY_MAX = 160

function cap(text: string): string {
  return text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX - 1)}…` : text
}

/** `SUBSCRIBE id:sub-0 destination:/topic/x ack:auto` (+ the body's start for SEND/MESSAGE/ERROR). */
export function summarizeStomp(frame: StompFrameEvent): string {
  const headers = frame.headers.map(([n, v]) => `${n}:${v}`).join(' ')
  const body = frame.bodyLength > 0 ? ` body "${frame.bodyPreview.replace(/\s+/g, ' ').slice(0, 40)}${frame.bodyLength > 40 ? '…' : ''}"` : ''
  return cap(`${frame.dir === 'in' ? 'sent' : 'received'} ${frame.command}${headers ? ` ${headers}` : ''}${body}`)
}

export function summarizeHttp(exchange: HttpExchangeEvent): string {
  return cap(`${exchange.method} ${stripCid(exchange.url)} → ${exchange.status} ${exchange.statusText}`.trim())
}

export function summarizeWsFrame(frame: WsFrameEvent): string {
  const opcode = { 0: 'continuation', 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' }[frame.opcode] ?? `opcode ${frame.opcode}`
  const close = frame.closeCode !== undefined ? ` ${frame.closeCode}${frame.closeReason ? ` "${frame.closeReason}"` : ''}` : ''
  const preview = frame.opcode === 1 && frame.preview ? ` "${frame.preview.slice(0, 40)}"` : ''
  return cap(`${frame.dir === 'in' ? 'sent' : 'received'} ${opcode} frame${close}${preview} (${frame.payloadLength} payload octets${frame.masked ? ', masked' : ''})`)
}

/** The URL without the tab's own `cid` parameter (noise in a message). */
export function stripCid(url: string): string {
  return url.replace(/([?&])cid=[^&#]*(&?)/, (_, sep: string, tail: string) => (tail ? sep : '')).replace(/[?&]$/, '')
}

/** A URL's query parameter (first occurrence), or undefined. */
export function queryParam(url: string, name: string): string | undefined {
  const q = url.indexOf('?')
  if (q < 0) return undefined
  for (const part of url.slice(q + 1).split('#')[0].split('&')) {
    const eq = part.indexOf('=')
    const key = eq < 0 ? part : part.slice(0, eq)
    if (safeDecode(key) === name) return eq < 0 ? '' : safeDecode(part.slice(eq + 1))
  }
  return undefined
}

/** The path of a URL (no query, no fragment). */
export function pathOf(url: string): string {
  const end = url.search(/[?#]/)
  return end < 0 ? url : url.slice(0, end)
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

export function evidence(event: InspectEvent, summary?: string): Evidence {
  return { t: event.t, conn: event.conn, summary: summary ?? summarize(event) }
}

export function summarize(event: InspectEvent): string {
  switch (event.type) {
    case 'stomp.frame':
      return summarizeStomp(event)
    case 'http.exchange':
      return summarizeHttp(event)
    case 'ws.frame':
      return summarizeWsFrame(event)
    case 'ws.handshake':
      return cap(`${event.requestLine} → ${event.statusLine}`)
    case 'stomp.error':
      return cap(`ERROR ${event.code}: ${event.message}`)
    case 'broker.session':
      return cap(`session ${event.conn} ${event.state}${event.reason ? `: ${event.reason}` : ''}`)
    case 'broker.subscription':
      return `${event.action === 'add' ? 'subscribed' : 'unsubscribed'} ${event.id} to ${event.destination} (ack:${event.ack})`
    case 'broker.route':
      return `routed ${event.messageId} on ${event.destination} to ${event.deliveredTo.length} subscription(s)${event.queued ? ', queued' : ''}${event.redelivered ? ', redelivered' : ''}${event.refused ? `, refused: ${event.refused}` : ''}`
    case 'sockjs.frame':
      return cap(`SockJS ${event.kind} frame over ${event.transport}${event.preview ? ` ${event.preview.slice(0, 40)}` : ''}`)
    case 'socketio.packet':
      return cap(`engine.io ${event.engineType}${event.socketType ? ` / socket.io ${event.socketType}` : ''}${event.event ? ` "${event.event}"` : ''} over ${event.transport}${event.preview ? `: ${event.preview.slice(0, 40)}` : ''}`)
    case 'stomp.heartbeat':
      return `heart-beat ${event.dir === 'in' ? 'sent' : 'received'} (${event.bytes} octet${event.bytes === 1 ? '' : 's'})`
  }
}

/** What one step's check says: its status, and where in the events it was decided. */
export interface StepOutcome {
  readonly status: StepStatus
  readonly message?: string
  /** The event that made it done (later steps look only after it), or that the message is about. */
  readonly at?: Indexed<InspectEvent>
}

export const stepDone = (at: Indexed<InspectEvent>, message?: string): StepOutcome => ({ status: 'done', at, ...(message ? { message } : {}) })
export const stepTodo = (message?: string): StepOutcome => ({ status: 'todo', ...(message ? { message } : {}) })
export const stepWrong = (message: string, at?: Indexed<InspectEvent>): StepOutcome => ({ status: 'wrong', message, ...(at ? { at } : {}) })

/**
 * One step's check: the learner's events, and the index from which it should look (the event
 * after the previous step's `at`). Earlier outcomes are passed for steps that refer back
 * ("the message you ACKed").
 */
export type StepCheck = (events: readonly InspectEvent[], from: number, earlier: readonly StepOutcome[]) => StepOutcome

/**
 * Steps in order: each is checked only once the one before is done, over the events after it.
 * A later step never shows `done` while an earlier one is not.
 */
export function ordered(steps: readonly (readonly [id: string, check: StepCheck])[]): (events: readonly InspectEvent[]) => StepResult[] {
  return (events) => {
    const results: StepResult[] = []
    const outcomes: StepOutcome[] = []
    let from = 0
    let blocked = false
    for (const [id, check] of steps) {
      if (blocked) {
        results.push({ id, status: 'todo' })
        continue
      }
      const outcome = check(events, from, outcomes)
      outcomes.push(outcome)
      results.push(toResult(id, outcome))
      if (outcome.status === 'done') from = outcome.at ? outcome.at.index + 1 : from
      else blocked = true
    }
    return results
  }
}

/** Steps checked independently of each other (any order). */
export function unordered(steps: readonly (readonly [id: string, check: StepCheck])[]): (events: readonly InspectEvent[]) => StepResult[] {
  return (events) => {
    const outcomes: StepOutcome[] = []
    return steps.map(([id, check]) => {
      const outcome = check(events, 0, outcomes)
      outcomes.push(outcome)
      return toResult(id, outcome)
    })
  }
}

function toResult(id: string, outcome: StepOutcome): StepResult {
  return {
    id,
    status: outcome.status,
    ...(outcome.message ? { message: outcome.message } : {}),
    ...(outcome.at ? { evidence: evidence(outcome.at.event) } : {}),
  }
}
