/**
 * Lesson 10, publish and subscribe: two clients on one topic get a copy each of one SEND
 * (fan-out, the same message-id twice); on one queue, two SENDs are shared between them, one
 * each (round robin). Checked over broker.subscription, MESSAGE frames and broker.route events of
 * the learner's own connections.
 */
import type { BrokerSubscriptionEvent, InspectEvent } from '../inspect/events'
import { header, ordered, routes, stepDone, stepTodo, stepWrong, stompFrames, subscriptions, type Indexed, type StepCheck, type StepOutcome } from './query'
import { errorFirstSentence, errorFor, errorText, messagesOn, ownConns, type FrameAt } from './stomp-wire'
import type { ExerciseDef } from './types'

type Kind = 'topic' | 'queue'
type SubAt = Indexed<BrokerSubscriptionEvent>

const isKind = (destination: string, kind: Kind) => destination.startsWith(`/${kind}/`)

interface SubState {
  /** The first moment two connections were subscribed to one destination of the kind. */
  readonly together?: { readonly at: SubAt; readonly destination: string; readonly conns: readonly string[] }
  /** Subscriptions of the kind active at the end. */
  readonly live: readonly SubAt[]
}

/**
 * Replays the subscription events: when (if ever) two connections were subscribed to the same
 * destination at once — a fact that later unsubscribes do not undo — and what is active now.
 */
function replaySubs(events: readonly InspectEvent[], kind: Kind): SubState {
  const live = new Map<string, SubAt>()
  let together: SubState['together']
  for (const s of subscriptions(events, 0)) {
    if (!isKind(s.event.destination, kind)) continue
    const key = `${s.event.conn} ${s.event.id}`
    if (s.event.action === 'remove') {
      live.delete(key)
      continue
    }
    live.set(key, s)
    if (together) continue
    const conns = new Set([...live.values()].filter(({ event }) => event.destination === s.event.destination).map(({ event }) => event.conn))
    if (conns.size >= 2) together = { at: s, destination: s.event.destination, conns: [...conns] }
  }
  return { together, live: [...live.values()] }
}

/** SUBSCRIBE frames of this kind the broker refused: the ERROR explains (duplicate id, bad destination …). */
function refusedSubscribe(events: readonly InspectEvent[], from: number, kind: Kind): { frame: FrameAt; error: FrameAt } | undefined {
  let found: { frame: FrameAt; error: FrameAt } | undefined
  for (const frame of stompFrames(events, 'in', 'SUBSCRIBE', from)) {
    const error = errorFor(events, frame)
    const destination = header(frame.event, 'destination') ?? ''
    if (error && (destination === '' || !isKind(destination, kind === 'topic' ? 'queue' : 'topic'))) found = { frame, error }
  }
  return found
}

function bothSubscribed(kind: Kind, example: string): StepCheck {
  return (events, from) => {
    const { together, live: subs } = replaySubs(events, kind)
    if (together) return stepDone(together.at, `${together.conns.join(' and ')} are both subscribed to \`${together.destination}\`.`)
    const byDestination = new Map<string, SubAt[]>()
    for (const s of subs) byDestination.set(s.event.destination, [...(byDestination.get(s.event.destination) ?? []), s])
    const refused = refusedSubscribe(events, from, kind)
    if (refused && refused.error.index > (subs.at(-1)?.index ?? -1)) {
      const code = header(refused.error.event, 'code')
      const extra =
        code === 'STOMP_ERR_DUPLICATE_SUBSCRIPTION'
          ? ' Each subscription on one connection needs its own `id` (STOMP 1.2 §SUBSCRIBE): use another id, say `1`.'
          : code === 'STOMP_ERR_BAD_DESTINATION'
            ? ` Wirelab's ${kind}s are named \`/${kind}/<name>\`.`
            : ''
      return stepWrong(`That SUBSCRIBE got ${errorText(refused.error.event)}. ${errorFirstSentence(refused.error.event)}${extra} The broker closed that connection: press Connect, then subscribe again.`, refused.error)
    }
    if (byDestination.size >= 2) {
      const names = [...byDestination.keys()].map((d) => `\`${d}\``).join(' and ')
      return stepWrong(`Your clients are subscribed to different ${kind}s, ${names}. A destination is an exact name: one letter apart is another ${kind}. Subscribe both to the same one, e.g. \`${example}\`.`, subs.at(-1))
    }
    const only = subs.at(-1)
    if (only) {
      const same = subs.length >= 2
      return stepTodo(same ? `Both subscriptions are on ${only.event.conn}: subscribe from the other client's card too.` : `${only.event.conn} is subscribed to \`${only.event.destination}\`; now subscribe the other client to it.`)
    }
    return stepTodo()
  }
}

/** The destination the step before settled on. */
const settled = (earlier: readonly StepOutcome[], i: number): string | undefined => {
  const at = earlier[i]?.at?.event
  return at?.type === 'broker.subscription' ? at.destination : undefined
}

/** A SEND of this tab and the route the broker reported for it. */
function sendOutcomes(events: readonly InspectEvent[], from: number, kind: Kind) {
  const own = ownConns(events)
  return routes(events, from).filter(({ event }) => own.has(event.conn) && isKind(event.destination, kind) && event.refused === undefined)
}

const fanOut: StepCheck = (events, from, earlier) => {
  const topic = settled(earlier, 0)
  if (topic === undefined) return stepTodo()
  const byId = new Map<string, FrameAt[]>()
  for (const m of messagesOn(events, topic, from)) {
    const id = header(m.event, 'message-id') ?? ''
    byId.set(id, [...(byId.get(id) ?? []), m])
  }
  for (const [id, copies] of byId) {
    const conns = [...new Set(copies.map((c) => c.event.conn))]
    if (conns.length >= 2) return stepDone(copies[copies.length - 1], `One SEND, two MESSAGEs: \`message-id:${id}\` reached ${conns.join(' and ')}. A topic gives every subscriber its own copy.`)
  }
  const own = ownConns(events)
  const last = sendOutcomes(events, from, 'topic').at(-1)
  if (last) {
    const r = last.event
    if (r.destination !== topic && r.deliveredTo.length === 0) {
      return stepWrong(`Your SEND went to \`${r.destination}\`, which nobody subscribes to, so it reached no one: a topic keeps nothing for later. Your clients listen on \`${topic}\`: send there (same spelling).`, last)
    }
    const mine = r.deliveredTo.filter((d) => own.has(d.conn))
    if (r.destination === topic && mine.length < 2) {
      return stepWrong(`\`${r.messageId}\` reached ${mine.length === 0 ? 'none of your clients' : `only ${mine.map((d) => d.conn).join(', ')}`}: is one client no longer subscribed (or disconnected)? Check both status lines, subscribe again, then send once more.`, last)
    }
  }
  const error = stompFrames(events, 'in', 'SEND', from).map((f) => errorFor(events, f)).filter((e) => e !== undefined).at(-1)
  if (error) return stepWrong(`Your SEND got ${errorText(error.event)}. ${errorFirstSentence(error.event)}`, error)
  return stepTodo()
}

const roundRobin: StepCheck = (events, from, earlier) => {
  const queue = settled(earlier, 2)
  if (queue === undefined) return stepTodo()
  const own = ownConns(events)
  const delivered = messagesOn(events, queue, from)
  for (let i = 1; i < delivered.length; i++) {
    const [a, b] = [delivered[i - 1], delivered[i]]
    if (a.event.conn !== b.event.conn && header(a.event, 'message-id') !== header(b.event, 'message-id')) {
      return stepDone(b, `\`${header(a.event, 'message-id')}\` went to ${a.event.conn}, \`${header(b.event, 'message-id')}\` to ${b.event.conn}: each message to exactly one consumer, taking turns.`)
    }
  }
  const sent = sendOutcomes(events, from, 'queue').filter(({ event }) => event.destination === queue)
  const away = sent.find(({ event }) => event.deliveredTo.some((d) => !own.has(d.conn)))
  if (away) {
    return stepWrong(`\`${away.event.messageId}\` went to a consumer outside this page: someone else also consumes \`${queue}\`, and a queue shares its messages among all its consumers. Use a queue name of your own (e.g. \`${queue}-yourname\`) for both clients.`, away)
  }
  const queued = sent.find(({ event }) => event.queued)
  if (queued && delivered.length === 0) return stepTodo(`\`${queued.event.messageId}\` is waiting in \`${queue}\` (a queue holds messages until a consumer takes them): is anyone still subscribed?`)
  if (delivered.length >= 2) {
    return stepWrong(`Your last two messages both went to ${delivered[delivered.length - 1].event.conn}. Is the other client still subscribed to \`${queue}\`? Check its status line, subscribe it again, then send two more.`, delivered[delivered.length - 1])
  }
  if (delivered.length === 1) return stepTodo(`\`${header(delivered[0].event, 'message-id')}\` went to ${delivered[0].event.conn} only, as a queue does. Send one more.`)
  const other = sent.length === 0 ? sendOutcomes(events, from, 'queue').at(-1) : undefined
  if (other) return stepWrong(`Your SEND went to \`${other.event.destination}\`, but your clients consume \`${queue}\`: send to that exact name.`, other)
  return stepTodo()
}

export const pubsubTopicAndQueue: ExerciseDef = {
  id: 'pubsub-topic-and-queue',
  title: 'One topic, one queue, two clients',
  goal: 'Subscribe Alice and Bob to the same topic and see one SEND reach both of them; then subscribe both to the same queue and see two SENDs shared between them, one each.',
  steps: [
    { id: 'topic-subscribers', label: 'Subscribe Alice and Bob to the same topic, `/topic/greetings`.' },
    { id: 'fan-out', label: 'Send one message to that topic: both get a `MESSAGE` with the same `message-id`.' },
    { id: 'queue-subscribers', label: 'Subscribe both to the same queue, `/queue/jobs` (a new subscription `id` on each connection).' },
    { id: 'round-robin', label: 'Send two messages to that queue: each client gets exactly one of them.' },
  ],
  hints: [
    'A SUBSCRIBE needs a `destination` and an `id` of your choosing, unique on its connection. Send one from each card.',
    'Any client may SEND, subscribed or not; look at both frame logs (or the pub-sub map) after each SEND.',
    'Each card already uses `id:0` for its topic subscription, so the queue subscription needs another id, e.g. `id:1`. Put two SEND frames in one editor and press Send all.',
  ],
  solution: [
    { target: 'stomp', client: 'Alice', value: 'SUBSCRIBE\nid:0\ndestination:/topic/greetings\n\n^@\n\nSUBSCRIBE\nid:1\ndestination:/queue/jobs\n\n^@\n' },
    { target: 'stomp', client: 'Bob', value: 'SUBSCRIBE\nid:0\ndestination:/topic/greetings\n\n^@\n\nSEND\ndestination:/topic/greetings\n\nhello, everyone\n^@\n\nSUBSCRIBE\nid:1\ndestination:/queue/jobs\n\n^@\n\nSEND\ndestination:/queue/jobs\n\njob 1\n^@\n\nSEND\ndestination:/queue/jobs\n\njob 2\n^@\n' },
  ],
  explanation:
    'Send Alice\'s first SUBSCRIBE and Bob\'s, then Bob\'s SEND to the topic (Ctrl+Enter with the cursor in a frame): the broker copies it to every subscription, so both logs show a MESSAGE with the same message-id. Then the two queue SUBSCRIBEs and Bob\'s two SENDs to /queue/jobs: a queue hands each message to one consumer, taking turns, so Alice gets one and Bob the other.',
  check: ordered([
    ['topic-subscribers', bothSubscribed('topic', '/topic/greetings')],
    ['fan-out', fanOut],
    ['queue-subscribers', bothSubscribed('queue', '/queue/jobs')],
    ['round-robin', roundRobin],
  ]),
}
