/**
 * Lesson 08, Socket.IO: watch engine.io open over polling and upgrade to WebSocket; join a feed
 * and send with acknowledgements; then speak the protocol by hand over a plain WebSocket. Checked
 * over the learner's socketio.packet events (server/inspect/socketio-tap.ts): every engine.io
 * packet the lab's Socket.IO server sent or read, with the Socket.IO packet inside.
 */
import type { SocketioPacketEvent } from '../inspect/events'
import { decodeSocketPacket, decodeEnginePacket, parseOpenData } from '../socketio/packet'
import { suggest } from '../stomp/suggest'
import { httpExchanges, ordered, socketioPackets, stepDone, stepTodo, stepWrong, type Indexed, type StepCheck, type StepOutcome } from './query'
import type { ExerciseDef } from './types'

/** The lab's event handlers (server/lab/socketio.ts). */
const HANDLERS = ['join', 'send'] as const

type Packet = Indexed<SocketioPacketEvent>

const isIn = (p: Packet, engineType: string) => p.event.dir === 'in' && p.event.engineType === engineType
const isOut = (p: Packet, engineType: string) => p.event.dir === 'out' && p.event.engineType === engineType
const clip = (text: string, n = 60) => (text.length > n ? `${text.slice(0, n - 1)}…` : text)

/** `{"error": "…"}` inside an ACK (`43N[{"error":"…"}]`), if any. */
export function ackError(ack: SocketioPacketEvent): string | undefined {
  const p = decodeEnginePacket(ack.preview)
  const s = p.engineType === 'message' ? decodeSocketPacket(p.data) : null
  if (!s?.ok) return undefined
  try {
    const args = JSON.parse(s.packet.json) as unknown
    const first = Array.isArray(args) ? (args[0] as unknown) : undefined
    const error = typeof first === 'object' && first !== null ? (first as { error?: unknown }).error : undefined
    return typeof error === 'string' ? error : undefined
  } catch {
    return /"error"\s*:/.test(s.packet.json) ? clip(s.packet.json, 120) : undefined
  }
}

// ---- exercise 1: the upgrade ------------------------------------------------------------------

const openOverPolling: StepCheck = (events, from) => {
  const opens = socketioPackets(events, from).filter((p) => isOut(p, 'open'))
  const good = opens.find((p) => p.event.transport === 'polling')
  if (good) {
    const data = parseOpenData(decodeEnginePacket(good.event.preview).data)
    return stepDone(good, data ? `Session ${data.sid}: the server offers upgrades ${JSON.stringify(data.upgrades)} and will ping every ${data.pingInterval / 1000} s.` : undefined)
  }
  const last = opens.at(-1)
  if (last) return stepWrong('That session opened straight over WebSocket (its open packet says `"upgrades":[]`): with `transports: ["websocket"]` there is nothing to upgrade from. Allow `polling` first, as Socket.IO does by default.', last)
  return stepTodo()
}

const probe: StepCheck = (events, from, earlier) => {
  const packets = socketioPackets(events, from)
  for (const ping of packets) {
    if (!(isIn(ping, 'ping') && ping.event.transport === 'websocket' && ping.event.preview === '2probe')) continue
    const pong = packets.find((p) => p.index > ping.index && p.event.conn === ping.event.conn && isOut(p, 'pong') && p.event.preview === '3probe')
    if (pong) return stepDone(pong, 'Over the new WebSocket the client sent `2probe` and the server answered `3probe`: the WebSocket works, while polling still carries the traffic.')
  }
  const session = earlier[0]?.at?.event
  const sid = session?.type === 'socketio.packet' ? session.sid : undefined
  const polls = sid === undefined ? 0 : httpExchanges(events, 'socketio', from).filter(({ event }) => event.url.includes(`sid=${sid}`)).length
  if (polls >= 3) return stepTodo(`Still polling: ${polls} requests for this session and no probe yet. A client tries the upgrade only when \`websocket\` is among its transports and \`upgrade\` is not \`false\`.`)
  return stepTodo()
}

const upgrade: StepCheck = (events, from, earlier) => {
  const conn = earlier[1]?.at?.event.conn
  const done = socketioPackets(events, from).find((p) => p.event.conn === conn && isIn(p, 'upgrade') && p.event.transport === 'websocket')
  return done ? stepDone(done, 'The client sent `5` (upgrade): from now on every packet of this session rides the WebSocket, and the last poll was let go.') : stepTodo()
}

export const socketioUpgrade: ExerciseDef = {
  id: 'socketio-upgrade',
  title: 'Watch engine.io upgrade from polling to WebSocket',
  goal: 'Connect a Socket.IO client with its default transports and find, in the packet log, the three moments of an engine.io connection: open over HTTP long polling, the probe over a new WebSocket, and the upgrade.',
  steps: [
    { id: 'open-polling', label: 'Connect with the default transports (`polling`, then `websocket`): the engine.io `open` packet `0{…}` arrives over polling.' },
    { id: 'probe', label: 'Find the probe: `2probe` sent over the WebSocket, answered by `3probe`.' },
    { id: 'upgrade', label: 'Find the `5` (upgrade) packet that moves the session onto the WebSocket.' },
  ],
  hints: [
    'Socket.IO starts every connection with HTTP long polling, because it always works, and only then tries a WebSocket.',
    'Keep both transports ticked, `polling` first, and leave "upgrade" on. Then press Connect and read the packet log from the top.',
    'The log shows the transport of each packet: the `0{"sid":…}` over polling, then `2probe`/`3probe` and `5` over websocket. If you ticked only `websocket`, there is no upgrade to see.',
  ],
  solution: [{ target: 'socketio', value: JSON.stringify({ transports: ['polling', 'websocket'], upgrade: true }) }],
  explanation:
    'engine.io opens with a GET that returns the open packet (`0` + the session id, the upgrades on offer and the ping timings). Polling carries the first packets while the client opens a WebSocket with the same `sid` and checks it with `2probe` → `3probe`. Then it sends `5`: the server lets the pending poll go (with a `6` noop if one is held) and from then on uses only the WebSocket.',
  check: ordered([
    ['open-polling', openOverPolling],
    ['probe', probe],
    ['upgrade', upgrade],
  ]),
}

// ---- exercise 2: events and acknowledgements ---------------------------------------------------

function unknownEvent(p: Packet): StepOutcome {
  const name = p.event.event ?? ''
  const guess = suggest(name, HANDLERS)
  return stepWrong(
    `The server has no handler for \`"${clip(name, 30)}"\`${guess ? ` (did you mean \`${guess}\`?)` : ''}. Socket.IO drops an event nobody listens to without a word, and an acknowledgement for it never comes.`,
    p,
  )
}

/** An emit of `name` with an ack id, acknowledged without an error. */
function acknowledged(name: (typeof HANDLERS)[number], done: (ack: Packet, packets: readonly Packet[]) => string): StepCheck {
  return (events, from) => {
    const packets = socketioPackets(events, from)
    let mistake: StepOutcome | undefined
    for (const p of packets) {
      if (!(isIn(p, 'message') && p.event.socketType === 'EVENT')) continue
      const event = p.event.event
      if (event !== undefined && !(HANDLERS as readonly string[]).includes(event)) {
        mistake = unknownEvent(p)
        continue
      }
      if (event !== name) continue
      if (p.event.ackId === undefined) {
        mistake = stepWrong(`Your \`${name}\` went out as \`${clip(p.event.preview, 50)}\`: no number between \`42\` and \`[\`, so no ack id, and the server has nothing to answer. Emit it with a callback (tick "with acknowledgement").`, p)
        continue
      }
      const ack = packets.find((a) => a.index > p.index && a.event.conn === p.event.conn && isOut(a, 'message') && a.event.socketType === 'ACK' && a.event.ackId === p.event.ackId)
      if (!ack) {
        mistake = stepTodo(`\`${name}\` sent with ack id ${p.event.ackId}; waiting for the server's \`43${p.event.ackId}[…]\`.`)
        continue
      }
      const error = ackError(ack.event)
      if (error !== undefined) {
        mistake = stepWrong(`The server acknowledged your \`${name}\` with an error: ${clip(error, 160)}`, ack)
        continue
      }
      return stepDone(ack, done(ack, packets))
    }
    return mistake ?? stepTodo()
  }
}

const join = acknowledged('join', (ack) => `The ACK \`${clip(ack.event.preview, 50)}\` carries the same id as your emit: that is how the client knows which callback to run.`)

const sendAck = acknowledged('send', (ack, packets) => {
  const echo = packets.find((p) => p.index < ack.index && p.event.conn === ack.event.conn && p.event.event === 'feed' && p.event.dir === 'out')
  return echo
    ? 'Two packets came back: the `feed` EVENT that the server broadcast to everyone in the feed (you included), and the ACK with your message, matched to your callback by its id.'
    : 'The ACK came back with your message, matched to your callback by its id.'
})

export const socketioAck: ExerciseDef = {
  id: 'socketio-ack',
  title: 'Join a feed, send, and get acknowledgements',
  goal: 'Use Socket.IO the way applications do: emit named events with a callback, read the acknowledgements on the wire, and see the server broadcast to a group of sockets.',
  steps: [
    { id: 'join', label: 'Emit `join` with `{"feed": "lobby"}` and an acknowledgement; the server answers with the feed and its cursor.' },
    { id: 'send-ack', label: 'Emit `send` with `{"text": "…"}` and an acknowledgement; receive the ACK and the `feed` event.' },
  ],
  hints: [
    'An acknowledgement is a callback passed as the last argument of `emit`. On the wire it becomes a number, the ack id, right after `42`.',
    'Event names must match the server\'s handlers exactly: `join` and `send`. The payload is JSON: `{"feed": "lobby"}` for join.',
    'Emit `join` with `{"feed": "lobby"}`, ack ticked; then `send` with `{"text": "hello, room"}`, ack ticked. Look for `421[…]` going up and `431[…]` coming back.',
  ],
  solution: [{ target: 'socketio', value: JSON.stringify({ emits: [{ event: 'join', payload: { feed: 'lobby' }, ack: true }, { event: 'send', payload: { text: 'hello, room' }, ack: true }] }) }],
  explanation:
    '`socket.emit("join", {feed: "lobby"}, callback)` goes out as `42` + an ack id + `["join",{"feed":"lobby"}]`; the server\'s handler calls its ack function and `43` + the same id + `[reply]` comes back. Rooms live only on the server: the lab puts your socket in the feed\'s group, so a `send` is broadcast to every socket in it as a `feed` event, and acknowledged to you alone.',
  check: ordered([
    ['join', join],
    ['send-ack', sendAck],
  ]),
}

// ---- exercise 3: by hand, over a plain WebSocket ------------------------------------------------

/** Why a packet a hand-written client sent was refused (or will be), or undefined when it is fine. */
export function rawMistake(p: SocketioPacketEvent, connected: boolean): string | undefined {
  const text = clip(p.preview, 40)
  if (p.dir !== 'in') return undefined
  if (p.engineType === 'invalid') return `You sent \`${text}\`. engine.io reads the first character as the packet type, and \`${p.preview.charAt(0) || '(nothing)'}\` is none of \`0\`-\`6\`: a parse error, and the server closed the connection. A Socket.IO message is \`4\` (engine.io message) + a Socket.IO packet, e.g. \`40\`.`
  if (p.engineType === 'ping') {
    return p.preview.startsWith('2[') || p.preview.startsWith('2/')
      ? `\`${text}\` is a Socket.IO EVENT without its engine.io envelope: engine.io read the \`2\` as a ping, which only the server may send in protocol v4, and hung up. Put \`4\` in front: \`4${clip(p.preview, 36)}\`.`
      : `\`${text}\` is an engine.io ping. In protocol v4 only the server pings (\`2\`) and the client answers \`3\`; a ping from the client closes the connection.`
  }
  if (p.engineType === 'open') return '`0` alone is engine.io\'s open packet, which only the server sends (it is ignored). Socket.IO\'s CONNECT is `40`: `4` for an engine.io message, `0` for CONNECT.'
  if (p.engineType !== 'message') return undefined
  if (p.socketType === undefined) return `\`${text}\` is an engine.io message, but what follows the \`4\` is no Socket.IO packet (it must start with its type digit \`0\`-\`6\`): the server closed the connection.`
  if (!connected && p.socketType !== 'CONNECT') return `\`${text}\` is a Socket.IO ${p.socketType} before any CONNECT: a client must join a namespace first (\`40\` for \`/\`), so the server closed the connection.`
  return undefined
}

/** Sessions (conn ids) opened straight over WebSocket after `from`. */
function wsSessions(packets: readonly Packet[]): Set<string> {
  return new Set(packets.filter((p) => isOut(p, 'open') && p.event.transport === 'websocket').map((p) => p.event.conn))
}

const rawOpen: StepCheck = (events, from) => {
  const open = socketioPackets(events, from).find((p) => isOut(p, 'open') && p.event.transport === 'websocket')
  return open ? stepDone(open, 'engine.io is open (you have its `sid` and ping timings), but Socket.IO is not: until you send a CONNECT, the server sends you nothing else.') : stepTodo()
}

const rawConnect: StepCheck = (events, from) => {
  const packets = socketioPackets(events, from)
  const own = wsSessions(socketioPackets(events, 0))
  let mistake: StepOutcome | undefined
  for (const p of packets) {
    if (!own.has(p.event.conn)) continue
    if (isIn(p, 'message') && p.event.socketType === 'CONNECT') {
      const answer = packets.find((a) => a.index > p.index && a.event.conn === p.event.conn && isOut(a, 'message') && a.event.socketType === 'CONNECT')
      if (answer) return stepDone(answer, `The server answered \`${clip(answer.event.preview, 40)}\`: your socket is in namespace \`/\`, with a Socket.IO id of its own (not the engine.io sid).`)
    }
    const why = rawMistake(p.event, false)
    if (why) mistake = stepWrong(why, p)
  }
  return mistake ?? stepTodo()
}

/** Raw sessions (opened over WebSocket) that sent a CONNECT before `index`. */
function connectedBefore(packets: readonly Packet[], own: ReadonlySet<string>, index: number): Set<string> {
  return new Set(packets.filter((p) => p.index < index && own.has(p.event.conn) && isIn(p, 'message') && p.event.socketType === 'CONNECT').map((p) => p.event.conn))
}

const rawEvent: StepCheck = (events, from) => {
  const all = socketioPackets(events, 0)
  const own = wsSessions(all)
  const packets = socketioPackets(events, from)
  let mistake: StepOutcome | undefined
  for (const p of packets) {
    if (p.event.dir !== 'in' || !own.has(p.event.conn)) continue
    const connected = connectedBefore(all, own, p.index).has(p.event.conn)
    const why = rawMistake(p.event, connected)
    if (why) {
      mistake = stepWrong(why, p)
      continue
    }
    if (p.event.socketType !== 'EVENT') continue
    if (p.event.event !== undefined && !(HANDLERS as readonly string[]).includes(p.event.event)) {
      mistake = unknownEvent(p)
      continue
    }
    if (p.event.ackId === undefined) {
      mistake = stepTodo(`\`${clip(p.event.preview, 40)}\` reached the server, but with no ack id it owes you no answer. Put a number before the \`[\`: \`421[…]\`.`)
      continue
    }
    const ack = packets.find((a) => a.index > p.index && a.event.conn === p.event.conn && isOut(a, 'message') && a.event.socketType === 'ACK' && a.event.ackId === p.event.ackId)
    if (!ack) continue
    const error = ackError(ack.event)
    if (error !== undefined) {
      mistake = stepWrong(`The server answered with an error: ${clip(error, 160)}`, ack)
      continue
    }
    return stepDone(ack, `\`${clip(ack.event.preview, 40)}\`: \`4\` engine.io message, \`3\` ACK, \`${p.event.ackId}\` your id. You just did by hand what socket.io-client does for every emit.`)
  }
  return mistake ?? stepTodo()
}

export const socketioByHand: ExerciseDef = {
  id: 'socketio-by-hand',
  title: 'Speak Socket.IO by hand over a plain WebSocket',
  goal: 'Open a plain WebSocket to the Socket.IO endpoint and do by hand what socket.io-client does for you: read the open packet, connect to a namespace, emit an event with an ack id.',
  steps: [
    { id: 'raw-open', label: 'Open a plain WebSocket to `/socket.io/?EIO=4&transport=websocket` and receive the engine.io open packet `0{…}`.' },
    { id: 'raw-connect', label: 'Connect to the namespace `/`: send `40` and receive `40{"sid":…}`.' },
    { id: 'raw-event', label: 'Emit `join` by hand with ack id 1: `421["join",{"feed":"lobby"}]`, and receive the ACK `431[…]`.' },
  ],
  hints: [
    'Every text you send is an engine.io packet: its first character is the packet type. Socket.IO packets travel inside type `4`, message.',
    '`40` = engine.io message (`4`) holding a Socket.IO CONNECT (`0`) to the default namespace. Nothing else works before it.',
    'An EVENT is `2`, so inside a message it is `42`; put the ack id right after it, then the JSON array: `421["join",{"feed":"lobby"}]`. If the server sends `2` (ping), answer `3` within 20 seconds.',
  ],
  solution: [{ target: 'ws', value: '/socket.io/?EIO=4&transport=websocket\n40\n421["join",{"feed":"lobby"}]' }],
  explanation:
    'A WebSocket gives you messages, nothing more. engine.io adds packet types (open, ping/pong, message…), Socket.IO adds namespaces, named events and acknowledgements inside engine.io messages. A plain WebSocket client that does not speak both layers gets `0{…}` and then silence, or is hung up on at its first message.',
  check: ordered([
    ['raw-open', rawOpen],
    ['raw-connect', rawConnect],
    ['raw-event', rawEvent],
  ]),
}

/** Every exercise of lesson 08, in lesson order. */
export const socketIoExercises: readonly ExerciseDef[] = [socketioUpgrade, socketioAck, socketioByHand]
