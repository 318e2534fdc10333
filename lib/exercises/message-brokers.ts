/**
 * Lesson 13, Message brokers: a user destination reaches every connection of one user and no
 * one else. Two clients log in as the same user (a laptop and a phone), a third as someone else;
 * all three subscribe to `/user/queue/inbox`; a SEND to `/user/<login>/queue/inbox` must reach
 * both connections of that login and not the third. Checked over the broker's own events:
 * broker.subscription (who listens), stomp.frame (CONNECTED user-name, SEND) and broker.route
 * (where the message went).
 */
import type { BrokerRouteEvent, BrokerSubscriptionEvent, InspectEvent } from '../inspect/events'
import { header, ordered, routes, stepDone, stepTodo, stepWrong, stompFrames, subscriptions, type Indexed, type StepCheck, type StepOutcome } from './query'
import { stompSessions, who, type StompSessionInfo } from './stomp-sessions'
import type { ExerciseDef } from './types'

export const INBOX = '/user/queue/inbox'
const USER_FORM = /^\/user\/([^/]+)\/queue\/(.+)$/

type Sessions = ReadonlyMap<string, StompSessionInfo>

/** Replays subscribe/unsubscribe to INBOX: which connections listen, by user, after each event. */
function inboxListeners(events: readonly InspectEvent[], sessions: Sessions, until = events.length): Map<string, Set<string>> {
  const byUser = new Map<string, Set<string>>()
  const subsOf = new Map<string, number>()
  for (const { event } of subscriptions(events).filter(({ index }) => index < until)) {
    if (event.destination !== INBOX) continue
    const n = (subsOf.get(event.conn) ?? 0) + (event.action === 'add' ? 1 : -1)
    subsOf.set(event.conn, Math.max(0, n))
  }
  for (const [conn, n] of subsOf) {
    if (n === 0) continue
    const user = sessions.get(conn)?.user ?? conn
    const set = byUser.get(user) ?? new Set<string>()
    set.add(conn)
    byUser.set(user, set)
  }
  return byUser
}

/** The first moment one user has two connections subscribed to INBOX at once. */
function firstPair(events: readonly InspectEvent[], sessions: Sessions): { user: string; at: Indexed<BrokerSubscriptionEvent> } | null {
  for (const sub of subscriptions(events)) {
    if (sub.event.action !== 'add' || sub.event.destination !== INBOX) continue
    const listeners = inboxListeners(events, sessions, sub.index + 1)
    for (const [user, conns] of listeners) if (conns.size >= 2) return { user, at: sub }
  }
  return null
}

const twoDevices: StepCheck = (events) => {
  const sessions = stompSessions(events)
  const pair = firstPair(events, sessions)
  if (pair) return stepDone(pair.at, `${[...inboxListeners(events, sessions, pair.at.index + 1).get(pair.user) ?? []].join(' and ')} are both logged in as ${pair.user}.`)
  // a SUBSCRIBE to someone's /user/<login>/… form is refused by the broker
  const named = stompFrames(events, 'in', 'SUBSCRIBE').filter(({ event }) => USER_FORM.test(header(event, 'destination') ?? '')).at(-1)
  if (named) {
    return stepWrong(`You subscribed to \`${header(named.event, 'destination')}\`, and the broker refused it: \`/user/<login>/…\` is the address a sender uses. Subscribe to the generic \`${INBOX}\`; the broker fills in your own login.`, named)
  }
  const plain = subscriptions(events).filter(({ event }) => event.action === 'add' && /^\/(queue|topic)\/inbox$/.test(event.destination)).at(-1)
  if (plain) {
    return stepWrong(`\`${plain.event.destination}\` is an ordinary destination shared by everyone, not a per-user one. Subscribe both of Alice's clients to \`${INBOX}\`.`, plain)
  }
  const listeners = inboxListeners(events, sessions)
  const users = [...listeners.keys()]
  const anonymous = users.find((u) => sessions.has(u))
  const last = subscriptions(events).filter(({ event }) => event.destination === INBOX && event.action === 'add').at(-1)
  for (const a of users) {
    const twin = users.find((b) => b !== a && b.toLowerCase() === a.toLowerCase())
    if (twin) return stepWrong(`One client is logged in as \`${a}\`, the other as \`${twin}\`: user names are compared exactly, so these are two different users. Log both in as the same login.`, last)
  }
  if (anonymous) return stepWrong(`${anonymous} sent no \`login\`, so its user name is its connection id and nobody shares it. Give both of Alice's clients \`login:alice\` (their Settings, or the CONNECT frame).`, last)
  if (users.length > 0) {
    const list = [...listeners].map(([user, conns]) => `${[...conns].join(', ')} (${user})`).join('; ')
    return stepTodo(`Subscribed so far: ${list}. A second connection of the same user must subscribe too.`)
  }
  return stepTodo()
}

/** The user with two connections (step 1's answer). */
function pairUser(events: readonly InspectEvent[]): string | undefined {
  return firstPair(events, stompSessions(events))?.user
}

const otherUser: StepCheck = (events) => {
  const sessions = stompSessions(events)
  const user = pairUser(events)
  const other = subscriptions(events).find(({ event }) => event.action === 'add' && event.destination === INBOX && (sessions.get(event.conn)?.user ?? event.conn) !== user)
  if (other) return stepDone(other, `${who(sessions, other.event.conn)} listens on ${INBOX} too: its own inbox.`)
  return stepTodo(`Subscribe Bob (logged in as anyone but ${user ?? 'alice'}) to \`${INBOX}\` as well.`)
}

function sendProblem(destination: string, user: string, sender: string): string {
  const m = USER_FORM.exec(destination)
  if (destination === INBOX) {
    return `\`${INBOX}\` means the sender's own inbox: it went to ${sender}'s connections, not to ${user}'s. To reach ${user}, name them: \`/user/${user}/queue/inbox\`.`
  }
  if (m && m[1] !== user) {
    const hint = m[1].toLowerCase() === user.toLowerCase() ? ` Logins are case-sensitive: the clients are logged in as \`${user}\`.` : ''
    return `That SEND went to \`${m[1]}\`'s inbox; the user with two connections is \`${user}\`: send to \`/user/${user}/queue/inbox\`.${hint}`
  }
  if (m) return `${user}'s connections subscribed to \`${INBOX}\`, not \`/user/queue/${m[2]}\`: send to \`/user/${user}/queue/inbox\`.`
  if (destination === '/queue/inbox') {
    return `\`/queue/inbox\` is a plain queue: at most one consumer gets each message, and nobody subscribed to it, so the broker holds it. A user destination is \`/user/${user}/queue/inbox\`.`
  }
  return `That SEND went to \`${destination}\`. Address ${user} as a user: \`/user/${user}/queue/inbox\`.`
}

const send: StepCheck = (events, _from, earlier) => {
  const user = pairUser(events)
  if (user === undefined) return stepTodo()
  const start = Math.max(earlier[0]?.at?.index ?? 0, earlier[1]?.at?.index ?? 0) + 1
  const sessions = stompSessions(events)
  const sends = stompFrames(events, 'in', 'SEND', start)
  const good = sends.find(({ event }) => header(event, 'destination') === `/user/${user}/queue/inbox`)
  if (good) return stepDone(good)
  const last = sends.at(-1)
  // a frame the broker refused after the subscriptions: the connection is gone, and the SEND with it
  const refused = [...sessions.values()].flatMap((s) => s.errors).filter(({ index }) => index >= start && (last === undefined || index > last.index)).at(-1)
  if (refused) {
    const duplicate = header(refused.event, 'code') === 'STOMP_ERR_DUPLICATE_SUBSCRIPTION'
      ? ' "Send all" sent the SUBSCRIBE a second time, with an id this connection already uses. Reconnect, then send only the SEND: put the cursor in it and press Ctrl+Enter.'
      : ' Reconnect that client and try again.'
    return stepWrong(`The broker answered ${who(sessions, refused.event.conn)} with ERROR "${header(refused.event, 'message') ?? ''}" and closed the connection.${duplicate}`, refused)
  }
  if (!last) return stepTodo(`Now SEND a message to \`/user/${user}/queue/inbox\` (from Bob's client, for example).`)
  const sender = sessions.get(last.event.conn)?.user ?? last.event.conn
  return stepWrong(sendProblem(header(last.event, 'destination') ?? '', user, sender), last)
}

/** The broker.route the SEND produced: the first route event of that connection after it. */
function routeOf(events: readonly InspectEvent[], sendAt: number, conn: string): Indexed<BrokerRouteEvent> | undefined {
  return routes(events, sendAt + 1).find(({ event }) => event.conn === conn)
}

const fanOut: StepCheck = (events, _from, earlier: readonly StepOutcome[]) => {
  const sent = earlier[2]?.at
  const user = pairUser(events)
  if (!sent || user === undefined) return stepTodo()
  const sessions = stompSessions(events)
  const route = routeOf(events, sent.index, sent.event.conn)
  if (!route) return stepTodo('Waiting for the broker to route the message…')
  // other tabs' connections logged in as the same user get it too (in a classroom, everyone's
  // "alice" is one user): only this tab's connections are judged
  const reached = route.event.deliveredTo.map((d) => d.conn).filter((conn) => sessions.has(conn))
  const mine = reached.filter((c) => (sessions.get(c)?.user ?? c) === user)
  const strangers = reached.filter((c) => (sessions.get(c)?.user ?? c) !== user)
  if (strangers.length > 0) return stepWrong(`The message also reached ${strangers.map((c) => who(sessions, c)).join(', ')}: only ${user}'s connections should get it.`, route)
  const listening = [...(inboxListeners(events, sessions, route.index).get(user) ?? [])]
  if (mine.length < 2) {
    const missing = listening.filter((c) => !mine.includes(c))
    return stepWrong(
      `Only ${mine.length === 0 ? 'no connection' : mine.join(', ')} got it${missing.length ? `; ${missing.join(', ')} did not` : ''}: when the message was routed, ${user} had ${listening.length} connection(s) subscribed to \`${INBOX}\`. Keep both of ${user}'s clients connected and subscribed, then send again.`,
      route,
    )
  }
  const others = [...inboxListeners(events, sessions, route.index)].filter(([u]) => u !== user).flatMap(([, conns]) => [...conns])
  const rest = others.length ? ` ${others.map((c) => who(sessions, c)).join(', ')}, subscribed to the same \`${INBOX}\`, got nothing: that is another user's inbox.` : ''
  return stepDone(route, `Delivered to ${mine.join(' and ')}, both ${user}.${rest}`)
}

export const userDestinations: ExerciseDef = {
  id: 'user-destinations',
  title: 'One user, two devices: a user destination',
  goal: 'Log in as the same user on two connections and as someone else on a third, then send to `/user/<login>/queue/inbox`: the broker must deliver to both of that user\'s connections and to nobody else.',
  steps: [
    { id: 'two-devices', label: 'Subscribe both of Alice\'s clients (both logged in as `alice`) to `/user/queue/inbox`.' },
    { id: 'other-user', label: 'Subscribe Bob (logged in as `bob`) to `/user/queue/inbox` too.' },
    { id: 'send', label: 'From Bob, SEND a message to `/user/alice/queue/inbox`.' },
    { id: 'fan-out', label: 'See it arrive on both of Alice\'s connections, and not on Bob\'s.' },
  ],
  hints: [
    'Each client below has a SUBSCRIBE ready in its editor: press "Connect", then "Send all", on each. Connect sends CONNECT for you, with the login shown in its Settings.',
    'A subscriber always uses the generic form `/user/queue/inbox`; only a sender names the user: `/user/alice/queue/inbox`.',
    'In Bob\'s editor, under the SUBSCRIBE, write `SEND`, a line `destination:/user/alice/queue/inbox`, an empty line, a body and `^@`. With the cursor in it, Ctrl+Enter sends just that frame. Watch both Alice logs.',
  ],
  solution: [
    { target: 'stomp', client: 'Alice (laptop)', value: 'SUBSCRIBE\nid:inbox\ndestination:/user/queue/inbox\n\n^@\n' },
    { target: 'stomp', client: 'Alice (phone)', value: 'SUBSCRIBE\nid:inbox\ndestination:/user/queue/inbox\n\n^@\n' },
    { target: 'stomp', client: 'Bob', value: 'SUBSCRIBE\nid:bob-inbox\ndestination:/user/queue/inbox\n\n^@\nSEND\ndestination:/user/alice/queue/inbox\ncontent-type:text/plain\n\nLunch at noon?\n^@\n' },
  ],
  explanation:
    'Connect each client and press "Send all" (Bob\'s SUBSCRIBE uses a new id, so sending it again is fine). The broker keeps a registry of which connections belong to which user. A subscription to `/user/queue/inbox` is registered under the login of its connection; a SEND to `/user/alice/queue/inbox` looks up every connection of `alice` with that subscription and delivers a copy to each. Bob\'s subscription has the same name but is registered under `bob`, so it gets nothing. With several application servers, that registry must be shared (a broker, or Spring\'s user registry broadcast), or the phone connected to another server would miss the message.',
  check: ordered([
    ['two-devices', twoDevices],
    ['other-user', otherUser],
    ['send', send],
    ['fan-out', fanOut],
  ]),
}
