/**
 * Recorded events → a mermaid `sequenceDiagram` (pure). Participants: the browser tab(s) on the
 * left, `Server` (HTTP, the WebSocket handshake and frames, SockJS, engine.io) and `Broker`
 * (STOMP frames, heart-beats, routing). Requests are solid arrows, responses dashed, an ERROR
 * ends in a cross, heart-beats are open async arrows; routing decisions are notes over the
 * broker. Only the newest `maxMessages` lines are drawn, under a note "… N earlier messages".
 *
 * WebSocket frames are drawn only for connections that carry no higher protocol in the events
 * (an echo socket), except close/ping/pong which always matter; SockJS `a`/`m` frames likewise.
 */
import type { InspectEvent } from './events'
import {
  clip,
  handshakeRequestLabel,
  handshakeResponseLabel,
  httpRequestLabel,
  httpResponseLabel,
  routeLabel,
  socketioLabel,
  sockjsLabel,
  stompLabel,
  wsFrameLabel,
} from './sequence-labels'

export interface SequenceOptions {
  /** Leave out STOMP heart-beats, WebSocket ping/pong, SockJS `h` and engine.io ping/pong. */
  readonly hideHeartbeats?: boolean
  /** Lines drawn at most (default 60); older ones are summarised in one note. */
  readonly maxMessages?: number
  /** The viewer's own tab (`cid`): its participant is named `selfName`. */
  readonly self?: string
  /** Default `Browser`. */
  readonly selfName?: string
  /** Participant names by client id or connection id (win over everything else). */
  readonly names?: Readonly<Record<string, string>>
  /** Number the arrows (mermaid `autonumber`). */
  readonly autonumber?: boolean
}

export interface SequenceResult {
  /** Mermaid source. */
  readonly text: string
  /** Lines in the diagram (arrows and notes, the "earlier" note excluded). */
  readonly lines: number
  /** Lines left out by the cap. */
  readonly omitted: number
}

export const DEFAULT_MAX_MESSAGES = 60

type Actor = string // 'server' | 'broker' | client actor key
type Arrow = '->>' | '-->>' | '--x' | '-)' | '--)'
type Step = (
  | { readonly kind: 'arrow'; readonly from: Actor; readonly to: Actor; readonly arrow: Arrow; readonly text: string; readonly beat?: boolean; readonly times?: number }
  | { readonly kind: 'note'; readonly over: readonly Actor[]; readonly text: string }
) & { readonly error?: boolean }

/** ERROR frames and their error code sit on a light red band. */
const ERROR_BAND = 'rect rgba(207, 34, 46, 0.14)'

const SERVER = 'server'
const BROKER = 'broker'

/**
 * Escape text for a mermaid label: `#` starts a comment and `;` ends a statement, `<`/`>`/`&`
 * would be read as markup. Mermaid's entity codes (`#59;` → `&#59;`) survive its parser and are
 * decoded in the SVG. In participant names `:` `,` `@` are special too (`forName`).
 */
export function escapeMermaid(text: string, forName = false): string {
  const special = forName ? /[#;<>&:,@"]/g : /[#;<>&"]/g
  return text.replace(/[\r\n\t]+/g, ' ').replace(special, (c) => `#${c.charCodeAt(0)};`)
}

function isHeartbeat(e: InspectEvent): boolean {
  switch (e.type) {
    case 'stomp.heartbeat':
      return true
    case 'ws.frame':
      return e.opcode === 9 || e.opcode === 10
    case 'sockjs.frame':
      return e.kind === 'h'
    case 'socketio.packet':
      return e.engineType === 'ping' || e.engineType === 'pong'
    default:
      return false
  }
}

/** Connections whose payloads are drawn at a higher level (STOMP, SockJS, engine.io). */
function higherLevelConns(events: readonly InspectEvent[]) {
  const stomp = new Set<string>()
  const wrapped = new Set<string>()
  for (const e of events) {
    if (e.type === 'stomp.frame' || e.type === 'stomp.heartbeat') stomp.add(e.conn)
    if (e.type === 'stomp.frame' || e.type === 'sockjs.frame' || e.type === 'socketio.packet') wrapped.add(e.conn)
  }
  return { stomp, wrapped }
}

/** Which client participant an event belongs to, and what it is called. */
function clientActors(events: readonly InspectEvent[], options: SequenceOptions) {
  const connsOf = new Map<string, Set<string>>()
  const logins = new Map<string, string>()
  for (const e of events) {
    if (e.type === 'broker.route') continue
    if (e.type === 'stomp.frame' && (e.command === 'CONNECT' || e.command === 'STOMP')) {
      const login = e.headers.find(([n]) => n === 'login')?.[1]
      if (login) {
        logins.set(e.conn, login)
        if (e.client !== undefined) logins.set(e.client, login)
      }
    }
    if (e.type === 'http.exchange') continue
    const owner = e.client ?? e.conn
    let set = connsOf.get(owner)
    if (!set) connsOf.set(owner, (set = new Set()))
    set.add(e.conn)
  }
  const keyOf = (e: InspectEvent): Actor => {
    if (e.type === 'http.exchange') return `c:${e.client ?? 'http'}`
    const owner = e.client ?? e.conn
    return (connsOf.get(owner)?.size ?? 0) > 1 ? `c:${owner}/${e.conn}` : `c:${owner}`
  }
  const nameOf = (key: Actor, clientCount: number, index: number): string => {
    const [owner, conn] = key.slice(2).split('/')
    const named = (conn && options.names?.[conn]) ?? options.names?.[owner]
    if (named) return named
    const suffix = conn ? ` · ${conn}` : ''
    if (options.self !== undefined ? owner === options.self || owner === 'self' : clientCount <= 1) return `${options.selfName ?? 'Browser'}${suffix}`
    const login = logins.get(conn ?? owner)
    if (login) return `${clip(login, 24)}${suffix}`
    if (owner.startsWith('tcp-')) return `TCP client ${owner}`
    if (owner === 'http') return 'HTTP client'
    return `Client ${index + 1}${suffix}`
  }
  return { keyOf, nameOf }
}

function steps(events: readonly InspectEvent[], options: SequenceOptions, keyOf: (e: InspectEvent) => Actor): Step[] {
  const { stomp, wrapped } = higherLevelConns(events)
  const out: Step[] = []
  const arrow = (from: Actor, to: Actor, a: Arrow, text: string, beat = false) => {
    const prev = out[out.length - 1]
    if (beat && prev?.kind === 'arrow' && prev.beat && prev.from === from && prev.to === to && prev.text === text) {
      out[out.length - 1] = { ...prev, times: (prev.times ?? 1) + 1 } // consecutive heart-beats: one line "×N"
    } else out.push({ kind: 'arrow', from, to, arrow: a, text, beat })
  }
  for (const e of events) {
    if (options.hideHeartbeats && isHeartbeat(e)) continue
    const c = keyOf(e)
    const inbound = 'dir' in e && e.dir === 'in'
    switch (e.type) {
      case 'http.exchange':
        arrow(c, SERVER, '->>', httpRequestLabel(e))
        arrow(SERVER, c, '-->>', httpResponseLabel(e))
        break
      case 'ws.handshake':
        arrow(c, SERVER, '->>', handshakeRequestLabel(e))
        arrow(SERVER, c, '-->>', handshakeResponseLabel(e))
        break
      case 'ws.frame':
        if (wrapped.has(e.conn) && e.opcode < 8) break
        if (isHeartbeat(e)) arrow(inbound ? c : SERVER, inbound ? SERVER : c, inbound ? '-)' : '--)', wsFrameLabel(e), true)
        else arrow(inbound ? c : SERVER, inbound ? SERVER : c, inbound ? '->>' : '-->>', wsFrameLabel(e))
        break
      case 'sockjs.frame':
        if (stomp.has(e.conn) && (e.kind === 'a' || e.kind === 'm')) break
        arrow(inbound ? c : SERVER, inbound ? SERVER : c, inbound ? '->>' : '-->>', sockjsLabel(e), e.kind === 'h')
        break
      case 'socketio.packet':
        arrow(inbound ? c : SERVER, inbound ? SERVER : c, inbound ? '->>' : '-->>', socketioLabel(e), isHeartbeat(e))
        break
      case 'stomp.frame':
        if (inbound) arrow(c, BROKER, '->>', stompLabel(e))
        else if (e.command === 'ERROR') out.push({ kind: 'arrow', from: BROKER, to: c, arrow: '--x', text: stompLabel(e), error: true })
        else arrow(BROKER, c, '-->>', stompLabel(e))
        break
      case 'stomp.heartbeat':
        arrow(inbound ? c : BROKER, inbound ? BROKER : c, inbound ? '-)' : '--)', 'heart-beat (EOL)', true)
        break
      case 'stomp.error':
        out.push({ kind: 'note', over: [BROKER], text: e.code, error: true })
        break
      case 'broker.session':
        if (e.state === 'closed') out.push({ kind: 'note', over: [c, BROKER], text: `session closed${e.reason ? `: ${clip(e.reason, 60)}` : ''}` })
        break
      case 'broker.route':
        out.push({ kind: 'note', over: [BROKER], text: routeLabel(e) })
        break
      case 'broker.subscription':
        break // the SUBSCRIBE / UNSUBSCRIBE frame says it
    }
  }
  return out
}

/** Build the diagram; see SequenceResult. */
export function buildSequence(events: readonly InspectEvent[], options: SequenceOptions = {}): SequenceResult {
  const { keyOf, nameOf } = clientActors(events, options)
  const all = steps(events, options, keyOf)
  const max = Math.max(1, options.maxMessages ?? DEFAULT_MAX_MESSAGES)
  const omitted = Math.max(0, all.length - max)
  const shown = omitted > 0 ? all.slice(omitted) : all

  // Participants in order: clients as they first appear (in all events, so names stay stable), then server, broker.
  const used = new Set<Actor>()
  for (const s of shown) for (const a of s.kind === 'arrow' ? [s.from, s.to] : s.over) used.add(a)
  const clients: Actor[] = []
  for (const e of events) {
    if (e.type === 'broker.route') continue
    const k = keyOf(e)
    if (!clients.includes(k)) clients.push(k)
  }
  const order = [...clients.filter((k) => used.has(k)), ...[SERVER, BROKER].filter((k) => used.has(k))]
  if (order.length === 0) order.push(clients[0] ?? 'c:self')
  const id = new Map<Actor, string>()
  const lines = ['sequenceDiagram']
  if (options.autonumber) lines.push('  autonumber')
  for (const actor of order) {
    const pid = actor === SERVER ? 'S' : actor === BROKER ? 'K' : `C${id.size + 1}`
    id.set(actor, pid)
    const name = actor === SERVER ? 'Server' : actor === BROKER ? 'Broker' : nameOf(actor, clients.length, clients.indexOf(actor))
    lines.push(`  participant ${pid} as ${escapeMermaid(name, true)}`)
  }
  const span = (actors: readonly Actor[]) => [...new Set(actors.map((a) => id.get(a) ?? 'K'))].join(',')
  if (omitted > 0) lines.push(`  Note over ${span([order[0], order[order.length - 1]])}: … ${omitted} earlier message${omitted === 1 ? '' : 's'}`)
  if (shown.length === 0) lines.push(`  Note over ${span([order[0]])}: no traffic yet`)
  shown.forEach((s, i) => {
    const band = s.error === true && shown[i - 1]?.error !== true
    if (band) lines.push(`  ${ERROR_BAND}`)
    const indent = s.error ? '    ' : '  '
    if (s.kind === 'note') lines.push(`${indent}Note over ${span(s.over)}: ${escapeMermaid(s.text)}`)
    else {
      const times = s.times !== undefined && s.times > 1 ? ` ×${s.times}` : ''
      lines.push(`${indent}${id.get(s.from)}${s.arrow}${id.get(s.to)}: ${escapeMermaid(s.text)}${times}`)
    }
    if (s.error && shown[i + 1]?.error !== true) lines.push('  end')
  })
  return { text: `${lines.join('\n')}\n`, lines: shown.length, omitted }
}

/** Just the mermaid text. */
export function sequenceDiagram(events: readonly InspectEvent[], options: SequenceOptions = {}): string {
  return buildSequence(events, options).text
}
