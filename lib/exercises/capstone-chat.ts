/**
 * Lesson 15, the capstone: the learner's own chat client, written with @stomp/stompjs and run in
 * the page's sandbox worker, against the real broker. It must connect, subscribe to its room's
 * topic, publish through `/app/chat.send` (header `room`, JSON body `{text}`), get its message
 * back stamped with sender and time, and answer Bob, the page's other participant, by name.
 * Checked over the stomp.frame events of the tab's connections; Bob's connection says who it is
 * in its CONNECT (lib/sandbox/chat-code.ts), the room comes from the tab's cid (lib/sandbox/room.ts).
 */
import type { InspectEvent, StompFrameEvent } from '../inspect/events'
import { BOB_LOGIN, CHAT_SOLUTION, PARTICIPANT_HEADER } from '../sandbox/chat-code'
import { chatTopic, roomFor } from '../sandbox/room'
import { header, ordered, stepDone, stepTodo, stepWrong, stompFrames, subscriptions, type Indexed, type StepCheck } from './query'
import { errorText, stompSessions, type StompSessionInfo } from './stomp-sessions'
import type { ExerciseDef } from './types'

const APP = '/app/chat.send'
/** SENDs to the room within LOOP_MS that mean "it answers itself". */
const LOOP_SENDS = 20
const LOOP_MS = 3000

interface Context {
  readonly room: string
  readonly topic: string
  readonly sessions: Map<string, StompSessionInfo>
  /** Connections of the learner's code (not Bob's). */
  readonly mine: (conn: string) => boolean
}

function context(events: readonly InspectEvent[]): Context {
  const cid = events.find((e) => e.client !== undefined)?.client ?? ''
  const room = roomFor(cid)
  const sessions = stompSessions(events)
  const bob = (conn: string) => {
    const connect = sessions.get(conn)?.connect?.event
    return connect !== undefined && header(connect, PARTICIPANT_HEADER) === BOB_LOGIN
  }
  return { room, topic: chatTopic(room), sessions, mine: (conn) => sessions.has(conn) && !bob(conn) }
}

/** The JSON object of a frame's body, `null` when it is not one, `undefined` when the preview was cut. */
function jsonBody(frame: StompFrameEvent): Record<string, unknown> | null | undefined {
  if (frame.bodyLength > frame.bodyPreview.length) return undefined
  try {
    const value: unknown = JSON.parse(frame.bodyPreview)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

const connect: StepCheck = (events) => {
  const c = context(events)
  const mine = [...c.sessions.values()].filter((s) => c.mine(s.conn) && s.connect)
  const ok = mine.find((s) => s.connected && s.user !== BOB_LOGIN)
  if (ok?.connected) return stepDone(ok.connected, `${ok.conn} is connected as ${ok.user}.`)
  const asBob = mine.find((s) => s.connected && s.user === BOB_LOGIN)
  if (asBob?.connected) return stepWrong(`Your client logged in as \`${BOB_LOGIN}\`, the name of the page's Bob: the two of you would look like one person. Choose another login (\`const me = 'ada'\`).`, asBob.connected)
  const refused = mine.map((s) => s.errors[0]).find((e) => e !== undefined)
  if (refused) return stepWrong(`The broker refused the connection: "${errorText(refused.event)}"`, refused)
  return stepTodo(mine.length > 0 ? 'Your code opened a connection; waiting for CONNECTED…' : 'Press Run: your code creates a `Client` with `brokerURL` and calls `activate()`.')
}

const subscribe: StepCheck = (events, from) => {
  const c = context(events)
  const subs = subscriptions(events, from).filter(({ event }) => event.action === 'add' && c.mine(event.conn))
  const good = subs.find(({ event }) => event.destination === c.topic)
  if (good) return stepDone(good, `Subscribed to ${c.topic}, your room.`)
  const last = subs.at(-1)
  if (last) {
    const d = last.event.destination
    if (/[*#]/.test(d)) return stepWrong(`\`${d}\` is a wildcard: it listens to every matching room on this broker, other learners' too. Subscribe to your room only: \`/topic/chat.\${room}\` (${c.topic}).`, last)
    if (d === '/topic/chat.room') return stepWrong(`You subscribed to the room literally named "room". Use the variable, in a template string with backticks: \`/topic/chat.\${room}\`.`, last)
    return stepWrong(`You subscribed to \`${d}\`, but your room is \`${c.room}\` (the global \`room\`): subscribe to \`/topic/chat.\${room}\`, which is ${c.topic}.`, last)
  }
  const tried = stompFrames(events, 'in', 'SUBSCRIBE', from).filter(({ event }) => c.mine(event.conn)).at(-1)
  if (tried) {
    const d = header(tried.event, 'destination') ?? ''
    if (d.startsWith('/app/')) return stepWrong(`\`${d}\` is where you SEND; nothing can subscribe to it (the broker answered ERROR). Messages come out on \`/topic/chat.\${room}\`: subscribe there.`, tried)
    const error = c.sessions.get(tried.event.conn)?.errors.find(({ index }) => index > tried.index)
    if (error) return stepWrong(`The broker refused that SUBSCRIBE: "${errorText(error.event)}"`, error)
  }
  return stepTodo(`In \`onConnect\`, call \`client.subscribe(\`/topic/chat.\${room}\`, (message) => …)\`.`)
}

function sendProblem(c: Context, frame: StompFrameEvent): string {
  const destination = header(frame, 'destination') ?? ''
  if (destination.startsWith('/topic/')) {
    return `That went straight to \`${destination}\`: the broker passed your body on untouched, with no sender and no time. Publish to \`${APP}\` instead; the application handler stamps the message, then publishes it to the room's topic.`
  }
  if (destination !== APP) return `That SEND went to \`${destination}\`. Chat messages go to \`${APP}\`.`
  const room = header(frame, 'room')
  const json = jsonBody(frame)
  if (room === undefined) {
    const inBody = json && typeof json.room === 'string' ? ' The JSON body has a "room" field, but the broker reads the room from a header.' : ''
    return `That SEND had no \`room\` header, so the broker used room "lobby".${inBody} Add it: \`client.publish({ destination: '${APP}', headers: { room }, body })\`.`
  }
  if (room !== c.room) return `That SEND's \`room\` header says "${room}"; your room is "${c.room}" (the global \`room\`): \`headers: { room }\`.`
  if (json === null) return `The body \`${frame.bodyPreview.slice(0, 40)}\` is not a JSON object. The broker wrapped it for you, but the contract is JSON: \`body: JSON.stringify({ text })\`.`
  return 'The JSON body has no "text" string: send `JSON.stringify({ text: \'hello\' })`.'
}

function isGoodSend(c: Context, frame: StompFrameEvent): boolean {
  if (header(frame, 'destination') !== APP || header(frame, 'room') !== c.room) return false
  const json = jsonBody(frame)
  return json === undefined || (json !== null && typeof json.text === 'string')
}

const send: StepCheck = (events, from) => {
  const c = context(events)
  const sends = stompFrames(events, 'in', 'SEND', from).filter(({ event }) => c.mine(event.conn))
  const good = sends.find(({ event }) => isGoodSend(c, event))
  if (good) return stepDone(good)
  const last = sends.at(-1)
  if (last) return stepWrong(sendProblem(c, last.event), last)
  const early = stompFrames(events, 'in', 'SEND').filter(({ event, index }) => index < from && c.mine(event.conn) && isGoodSend(c, event))
  if (early.length > 0) return stepTodo('Your SEND went out before your SUBSCRIBE, so your own message could not come back to you. Subscribe first, then publish (both in `onConnect`).')
  return stepTodo(`Publish a message: \`client.publish({ destination: '${APP}', headers: { room }, body: JSON.stringify({ text: 'Hi!' }) })\`.`)
}

/** MESSAGEs on the room's topic delivered to the learner's connections, from `from` on. */
function roomMessages(events: readonly InspectEvent[], c: Context, from: number): Indexed<StompFrameEvent>[] {
  return stompFrames(events, 'out', 'MESSAGE', from).filter(({ event }) => c.mine(event.conn) && header(event, 'destination') === c.topic)
}

const echo: StepCheck = (events, from, earlier) => {
  const c = context(events)
  const sentBy = earlier[2]?.at?.event.conn
  const me = sentBy === undefined ? undefined : c.sessions.get(sentBy)?.user
  const back = roomMessages(events, c, from).find(({ event }) => header(event, 'sender') === me)
  if (back) return stepDone(back, `It came back stamped: sender:${header(back.event, 'sender')}, server-time:${header(back.event, 'server-time') ?? '?'}.`)
  return stepTodo('Waiting for your message to come back on your subscription…')
}

const reply: StepCheck = (events, from) => {
  const c = context(events)
  const chatSends = stompFrames(events, 'in', 'SEND', from).filter(({ event }) => c.mine(event.conn) && header(event, 'destination') === APP)
  // an endless loop: the client answers its own messages
  for (let i = LOOP_SENDS - 1; i < chatSends.length; i++) {
    if (chatSends[i].event.t - chatSends[i - LOOP_SENDS + 1].event.t <= LOOP_MS) {
      return stepWrong(`Your client sent ${LOOP_SENDS} messages within ${LOOP_MS / 1000} s: it is answering its own messages, which come back to it too, and every answer triggers another. Answer only when \`chat.sender !== me\`.`, chatSends[i])
    }
  }
  const fromBob = roomMessages(events, c, from).filter(({ event }) => header(event, 'sender') === BOB_LOGIN)
  if (fromBob.length === 0) {
    const bobSpoke = stompFrames(events, 'in', 'SEND', from).some(({ event }) => !c.mine(event.conn) && c.sessions.has(event.conn))
    return stepTodo(bobSpoke
      ? 'Bob spoke, but your client was not subscribed at that moment. Keep your code running, then press "Bob says hi" again.'
      : 'While your code runs, press "Bob says hi" in Bob\'s window (or type something as Bob).')
  }
  const first = fromBob[0]
  const answers = chatSends.filter(({ index }) => index > first.index)
  const text = (s: Indexed<StompFrameEvent>) => {
    const json = jsonBody(s.event)
    return json && typeof json.text === 'string' ? json.text : s.event.bodyPreview
  }
  const good = answers.find((s) => isGoodSend(c, s.event) && text(s).toLowerCase().includes(BOB_LOGIN))
  if (good) return stepDone(good, `You answered Bob: "${text(good).slice(0, 60)}".`)
  const last = answers.at(-1)
  if (!last) return stepTodo('Bob said something and your client received it. Now answer him: greet him by name when a message from someone else arrives.')
  const said = text(last)
  if (/undefined|\[object Object\]|NaN/.test(said)) {
    return stepWrong(`Your answer says "${said.slice(0, 60)}": \`message.body\` is a string of JSON, not an object. Parse it first: \`const chat = JSON.parse(message.body)\`, then use \`chat.sender\` and \`chat.text\`.`, last)
  }
  if (!isGoodSend(c, last.event)) return stepWrong(sendProblem(c, last.event), last)
  return stepWrong(`Your client answered "${said.slice(0, 60)}", without Bob's name. Greet him by name: the sender is \`chat.sender\` (and the \`sender\` header).`, last)
}

export const capstoneChat: ExerciseDef = {
  id: 'capstone-chat',
  title: 'Your own chat client, on the real broker',
  goal: 'Write a chat client with `@stomp/stompjs`: join your room, speak through the application handler, read what comes back stamped by the server, and answer Bob by name.',
  steps: [
    { id: 'connect', label: 'Connect to `brokerURL` with a login of your choice (not `bob`).' },
    { id: 'subscribe', label: 'Subscribe to your room\'s topic, `/topic/chat.${room}`.' },
    { id: 'send', label: 'Publish to `/app/chat.send` with a `room` header and a JSON body `{"text": …}`.' },
    { id: 'echo', label: 'Receive your own message back, stamped with `sender` and `server-time`.' },
    { id: 'reply', label: 'When Bob speaks, answer him by name.' },
  ],
  hints: [
    'Everything happens in `onConnect`: first `client.subscribe(destination, callback)`, then `client.publish({ destination, headers, body })`.',
    'The room goes in a header: `headers: { room }`. The body is text: `JSON.stringify({ text: \'Hi!\' })`. In the callback, `JSON.parse(message.body)` gives `{ text, room, sender, time }`.',
    'Answer only messages from others: `if (chat.sender !== me) say(`Hello, ${chat.sender}!`)`. Your own messages come back to you too, and answering them would never end.',
  ],
  solution: [{ target: 'code', value: CHAT_SOLUTION }],
  explanation:
    'The client subscribes to `/topic/chat.<room>` before it publishes, so its own message comes back. It publishes to `/app/chat.send`, not to the topic: the application handler reads the `room` header, stamps `sender` (your login) and `time` (the server\'s clock) into the JSON, and publishes it to the room, so nobody can fake a sender or a time. The callback parses the body and answers anyone who is not itself.',
  check: ordered([
    ['connect', connect],
    ['subscribe', subscribe],
    ['send', send],
    ['echo', echo],
    ['reply', reply],
  ]),
}
