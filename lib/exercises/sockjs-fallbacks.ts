/**
 * Lesson 07, When WebSocket is blocked: receive the feed over SockJS's websocket transport, then
 * force xhr-streaming, then xhr-polling, send a message up, and compare what each cost in HTTP
 * requests. Checked over the learner's sockjs.frame events (the frames the server wrote, with the
 * transport that carried them) and http.exchange events (every SockJS request of the tab).
 */
import type { HttpExchangeEvent, InspectEvent, SockjsFrameEvent } from '../inspect/events'
import { decodeSockjsFrame } from '../sockjs/frames'
import { parseSockjsUrl } from '../sockjs/urls'
import { httpExchanges, ordered, sockjsFrames, stepDone, stepTodo, stepWrong, type Indexed, type StepCheck } from './query'
import type { ExerciseDef } from './types'

const PREFIX = '/sockjs/feed'

/** Messages in an `a` frame (1 when its preview is cut and cannot be decoded). */
export function messagesIn(frame: SockjsFrameEvent): number {
  if (frame.kind !== 'a') return 0
  const decoded = decodeSockjsFrame(frame.preview)
  return decoded.ok && decoded.frame.kind === 'a' ? decoded.frame.messages.length : 1
}

const opens = (events: readonly InspectEvent[], from: number) => sockjsFrames(events, from).filter(({ event }) => event.dir === 'out' && event.kind === 'o')
const deliveries = (events: readonly InspectEvent[], from: number, transport?: string) =>
  sockjsFrames(events, from).filter(({ event }) => event.dir === 'out' && event.kind === 'a' && (transport === undefined || event.transport === transport))

/** The last /info after `from` with no session opened after it: a client that gave up. */
function gaveUp(events: readonly InspectEvent[], from: number): Indexed<HttpExchangeEvent> | undefined {
  const infos = httpExchanges(events, 'sockjs', from).filter(({ event }) => parseSockjsUrl(event.url, [PREFIX])?.kind === 'info')
  const last = infos.at(-1)
  if (!last) return undefined
  return opens(events, last.index + 1).length === 0 ? last : undefined
}

const GAVE_UP =
  'Your last SockJS client asked `/sockjs/feed/info` and then opened no session: it gave up (sockjs-client closes with 2000 "All transports failed"). A transport name it does not know is skipped without a word, so check the spelling: `websocket`, `xhr-streaming`, `xhr-polling`, `eventsource`.'

/** Done when `transport` delivered `count` messages after `from`; wrong when a new session chose another transport. */
function overTransport(transport: string, count: number, otherWhy: (used: string) => string): StepCheck {
  return (events, from) => {
    let seen = 0
    for (const d of deliveries(events, from, transport)) {
      seen += messagesIn(d.event)
      if (seen >= count) return stepDone(d)
    }
    const lastOpen = opens(events, from).at(-1)
    // the latest attempt decides: a client that gave up after the last session opened
    const stuck = gaveUp(events, from)
    if (stuck && (!lastOpen || stuck.index > lastOpen.index)) return stepTodo(GAVE_UP)
    if (lastOpen && lastOpen.event.transport !== transport) return stepWrong(otherWhy(lastOpen.event.transport), lastOpen)
    if (seen > 0) return stepTodo(`${seen} message${seen === 1 ? '' : 's'} over ${transport} so far; wait for ${count - seen} more.`)
    return stepTodo()
  }
}

const overWebsocket = overTransport('websocket', 1, (used) =>
  `That session ran over \`${used}\`, because your client allowed only that. For this step clear the transports field (every transport allowed) and watch which one SockJS picks on an open network.`,
)

const overStreaming = overTransport('xhr-streaming', 1, (used) =>
  used === 'websocket'
    ? 'SockJS picked `websocket` again: it falls back only when WebSocket fails, and nothing blocks it here. To see the fallback, force it: allow only `xhr-streaming`.'
    : `That session ran over \`${used}\`; this step asks for \`xhr-streaming\` (one long response that carries every frame).`,
)

const overPolling = overTransport('xhr-polling', 2, (used) =>
  used === 'websocket'
    ? 'SockJS picked `websocket` again: with WebSocket working it never needs a fallback. Allow only `xhr-polling`.'
    : `That session ran over \`${used}\`; this step asks for \`xhr-polling\` (one request per delivery).`,
)

/** Requests per transport since `from`: one /info per session, the session's receiving requests, its sends. */
export interface TransportCost {
  readonly transport: string
  readonly sessions: number
  readonly receive: number
  readonly sends: number
  readonly messages: number
}

export function costs(events: readonly InspectEvent[], from = 0): TransportCost[] {
  const bySession = new Map<string, { transport?: string; receive: number; sends: number }>()
  for (const { event } of httpExchanges(events, 'sockjs', from)) {
    const r = parseSockjsUrl(event.url, [PREFIX])
    if (r?.kind !== 'session') continue
    const s = bySession.get(r.session) ?? { receive: 0, sends: 0 }
    if (r.send) s.sends += 1
    else {
      s.transport = r.transport
      s.receive += 1
    }
    bySession.set(r.session, s)
  }
  // the websocket transport's upgrade is not an HTTP exchange: its handshake says the same
  for (const e of events.slice(from)) {
    const r = e.type === 'ws.handshake' ? parseSockjsUrl(e.path, [PREFIX]) : null
    if (r?.kind === 'session') bySession.set(r.session, { transport: r.transport, receive: 1, sends: bySession.get(r.session)?.sends ?? 0 })
  }
  const out = new Map<string, { sessions: number; receive: number; sends: number; messages: number }>()
  for (const s of bySession.values()) {
    if (s.transport === undefined) continue
    const c = out.get(s.transport) ?? { sessions: 0, receive: 0, sends: 0, messages: 0 }
    c.sessions += 1
    c.receive += s.receive
    c.sends += s.sends
    out.set(s.transport, c)
  }
  // streaming receivers are reported when their response ends: an open one still counts as one request
  for (const { event } of opens(events, from)) {
    if (!out.has(event.transport)) out.set(event.transport, { sessions: 1, receive: 1, sends: 0, messages: 0 })
  }
  for (const { event } of deliveries(events, from)) {
    const c = out.get(event.transport)
    if (c) c.messages += messagesIn(event)
  }
  return [...out].map(([transport, c]) => ({ transport, ...c }))
}

function costLine(c: TransportCost): string {
  const requests = c.receive + c.sends + c.sessions // + one /info per session
  const what = c.transport === 'websocket' ? `${c.receive} upgrade` : `${c.receive} receiving request${c.receive === 1 ? '' : 's'}`
  const sends = c.sends > 0 ? ` + ${c.sends} send${c.sends === 1 ? '' : 's'}` : ''
  return `${c.transport}: ${requests} HTTP request${requests === 1 ? '' : 's'} (${c.sessions} /info + ${what}${sends}) for ${c.messages} message${c.messages === 1 ? '' : 's'}`
}

/** A message sent up while on xhr-polling (an xhr_send POST), then a delivery over xhr-polling. */
const sendOverPolling: StepCheck = (events, from) => {
  const sends = sockjsFrames(events, from).filter(({ event }) => event.dir === 'in' && event.kind === 'm')
  for (const send of sends) {
    if (send.event.transport !== 'xhr_send') continue
    const back = deliveries(events, send.index + 1, 'xhr-polling')[0]
    if (!back) continue
    const order = ['websocket', 'xhr-streaming', 'xhr-polling']
    const summary = costs(events).filter((c) => order.includes(c.transport)).sort((a, b) => order.indexOf(a.transport) - order.indexOf(b.transport)).map(costLine).join('; ')
    return stepDone(back, `Your message went up as its own POST (\`xhr_send\`) and came back in the answer to a poll. ${summary}.`)
  }
  const wsSend = sends.find(({ event }) => event.transport === 'websocket')
  if (wsSend) return stepWrong('That message went up inside the WebSocket (one frame, no HTTP request). Send it while the session runs over `xhr-polling` to see what a send costs there.', wsSend)
  return stepTodo()
}

export const sockjsFallbacks: ExerciseDef = {
  id: 'sockjs-fallbacks',
  title: 'Force the fallbacks and count the requests',
  goal: 'Receive the feed over SockJS three ways (the transport it picks by itself, then `xhr-streaming`, then `xhr-polling`) and compare how many HTTP requests each one costs per message.',
  steps: [
    { id: 'websocket', label: 'Connect with every transport allowed and receive a message. Which transport did SockJS pick?' },
    { id: 'xhr-streaming', label: 'Reconnect with only `xhr-streaming` allowed and receive a message.' },
    { id: 'xhr-polling', label: 'Reconnect with only `xhr-polling` allowed and receive two messages.' },
    { id: 'send-polling', label: 'Still on `xhr-polling`, send a message of your own and receive it back.' },
  ],
  hints: [
    'The transports field is sockjs-client\'s `transports` option: empty means "any", a name means "only this one".',
    'With every transport allowed, SockJS tries them in order and WebSocket comes first. A fallback is used only when the one before it fails, so you must force it: type `xhr-streaming`, connect, then `xhr-polling`.',
    'Names are spelt with dashes: `xhr-streaming`, `xhr-polling`. After connecting with `xhr-polling`, type a message and press Send; watch the HTTP requests list grow by one POST per poll and one per send.',
  ],
  solution: [{ target: 'sockjs', value: 'xhr-polling\nhello over polling' }],
  explanation:
    'Connected with every transport allowed, SockJS asks `/info`, sees WebSocket enabled and picks `websocket`: one upgrade, then every frame rides the same connection. Forced to `xhr-streaming`, one long POST response carries every frame. Forced to `xhr-polling`, every delivery ends a request and the client sends the next one, and every message you send is a POST of its own (`xhr_send`). Same frames (`o`, `a[…]`, `h`), very different bills.',
  check: ordered([
    ['websocket', overWebsocket],
    ['xhr-streaming', overStreaming],
    ['xhr-polling', overPolling],
    ['send-polling', sendOverPolling],
  ]),
}
