/**
 * Lesson 14, Security: the demo realm (server/broker/demo-realm.ts), a virtual host chosen with
 * CONNECT `host:secure`. The learner is refused with a wrong passcode and reads the ERROR, logs
 * in, subscribes to their own private queue, then tries to SEND to the admins-only
 * `/topic/announcements` and reads the ERROR that names the rule. Checked over the stomp.frame
 * events (CONNECT, CONNECTED, ERROR) and broker.subscription.
 *
 * The realm's names are Wirelab's defaults (STOMP_DEMO_HOST=secure, STOMP_DEMO_ADMINS=admin);
 * a server configured otherwise would need this file changed too.
 */
import type { InspectEvent } from '../inspect/events'
import { header, ordered, stepDone, stepTodo, stepWrong, stompFrames, subscriptions, type StepCheck } from './query'
import { errorText, stompSessions, type StompSessionInfo } from './stomp-sessions'
import type { ExerciseDef } from './types'

export const REALM_HOST = 'secure'
const ADMINS: ReadonlySet<string> = new Set(['admin'])
const ANNOUNCEMENTS = '/topic/announcements'
const PRIVATE = '/queue/private.'
const DEMO_LOGINS = '`alice` / `wonderland`, `bob` / `builder`'

const refusedCode = (frame: { headers: readonly (readonly [string, string])[] }) => header(frame, 'code') === 'STOMP_ERR_ACCESS_REFUSED'

/** The first ERROR after the CONNECT, if it came before any CONNECTED. */
function refusal(info: StompSessionInfo) {
  if (!info.connect || info.connected) return undefined
  return info.errors.find(({ index, event }) => index > (info.connect?.index ?? 0) && refusedCode(event))
}

function realmSessions(events: readonly InspectEvent[]): StompSessionInfo[] {
  return [...stompSessions(events).values()].filter((s) => s.host === REALM_HOST)
}

const refusedLogin: StepCheck = (events) => {
  const sessions = [...stompSessions(events).values()]
  const refused = sessions.filter((s) => s.host === REALM_HOST).map(refusal).find((r) => r !== undefined)
  if (refused) {
    return stepDone(refused, `The broker answered ERROR "${errorText(refused.event)}", then closed the connection. It does not say whether the login or the passcode was wrong.`)
  }
  const inRealm = sessions.find((s) => s.host === REALM_HOST && s.connected)
  if (inRealm?.connected) return stepTodo(`${inRealm.conn} logged in at once. Try a wrong passcode first (reconnect, then send CONNECT with \`passcode:guess\`) to see what the broker tells a stranger.`)
  const open = sessions.filter((s) => s.connect && s.host !== REALM_HOST).at(-1)
  if (open?.connect) {
    const host = open.host === undefined ? 'no `host` header' : `\`host:${open.host}\``
    return stepWrong(`${open.conn} sent CONNECT with ${host}, so it reached the default virtual host, where any login is accepted${open.connected ? ' (it was)' : ''}. Put the line \`host:${REALM_HOST}\` in CONNECT to ask for the demo realm.`, open.connect)
  }
  return stepTodo()
}

const login: StepCheck = (events, from) => {
  const sessions = [...stompSessions(events).values()].filter((s) => s.connect && s.connect.index >= from)
  const ok = sessions.find((s) => s.host === REALM_HOST && s.connected)
  if (ok?.connected) return stepDone(ok.connected, `${ok.conn} is logged in to virtual host "${REALM_HOST}" as ${ok.user}.`)
  const last = sessions.at(-1)
  if (!last?.connect) return stepTodo(`Reconnect (the ERROR closed the connection) and send CONNECT with \`host:${REALM_HOST}\` and a demo login: ${DEMO_LOGINS}.`)
  if (last.host !== REALM_HOST) return stepWrong(`That CONNECT went to the default virtual host (no \`host:${REALM_HOST}\`): the login was not checked at all. Keep \`host:${REALM_HOST}\` in CONNECT.`, last.connect)
  const refused = refusal(last)
  if (refused) return stepWrong(`Refused again: "${errorText(refused.event)}". The demo logins are ${DEMO_LOGINS}; passcodes are compared exactly, case included.`, refused)
  return stepTodo()
}

const ownQueue: StepCheck = (events, from) => {
  const all = stompSessions(events)
  const realm = new Map(realmSessions(events).filter((s) => s.connected).map((s) => [s.conn, s]))
  const subs = subscriptions(events, from).filter(({ event }) => event.action === 'add' && event.destination.startsWith(PRIVATE))
  const good = subs.find(({ event }) => realm.has(event.conn) && event.destination === `${PRIVATE}${realm.get(event.conn)?.user}`)
  if (good) return stepDone(good, `Accepted: ${good.event.destination} is yours, so the rule lets you read it.`)
  // a refused SUBSCRIBE to someone else's private queue: the ERROR that answered it
  const refusedSubscribe = stompFrames(events, 'in', 'SUBSCRIBE', from)
    .map((tried) => ({ tried, error: realm.get(tried.event.conn)?.errors.find(({ index }) => index > tried.index) }))
    .filter(({ tried, error }) => error !== undefined && refusedCode(error.event) && (header(tried.event, 'destination') ?? '').startsWith(PRIVATE))
    .at(-1)
  if (refusedSubscribe?.error) {
    const user = realm.get(refusedSubscribe.tried.event.conn)?.user
    return stepWrong(`Refused: "${errorText(refusedSubscribe.error.event)}" Reconnect, log in again, and subscribe to your own queue, \`${PRIVATE}${user}\`.`, refusedSubscribe.error)
  }
  const outside = subs.find(({ event }) => !realm.has(event.conn))
  if (outside) {
    const conn = outside.event.conn
    return stepWrong(`${conn} is ${all.get(conn)?.host === REALM_HOST ? 'not logged in' : 'in the default virtual host'}: there \`${outside.event.destination}\` is an ordinary queue that anyone may read, not the realm's. Subscribe on the connection logged in with \`host:${REALM_HOST}\`.`, outside)
  }
  const wrongName = stompFrames(events, 'in', 'SUBSCRIBE', from).filter(({ event }) => realm.has(event.conn)).at(-1)
  if (wrongName) {
    const user = realm.get(wrongName.event.conn)?.user
    return stepWrong(`That SUBSCRIBE was to \`${header(wrongName.event, 'destination')}\`; your private queue is \`${PRIVATE}${user}\`.`, wrongName)
  }
  return stepTodo()
}

const refusedSend: StepCheck = (events, from) => {
  const all = stompSessions(events)
  const sends = stompFrames(events, 'in', 'SEND', from).filter(({ event }) => header(event, 'destination') === ANNOUNCEMENTS)
  for (const send of sends) {
    const info = all.get(send.event.conn)
    if (info?.host !== REALM_HOST || !info.connected) continue
    const error = info.errors.find(({ index }) => index > send.index)
    if (error && refusedCode(error.event)) {
      return stepDone(error, `The broker refused it: "${errorText(error.event)}" The refusal names the rule and the user, and the connection is closed.`)
    }
  }
  const last = sends.at(-1)
  if (!last) return stepTodo(`On the logged-in connection, SEND a message to \`${ANNOUNCEMENTS}\`.`)
  const info = all.get(last.event.conn)
  if (info?.host !== REALM_HOST) return stepWrong(`${last.event.conn} is in the default virtual host, where nothing is checked: the SEND went through. Send it on the connection logged in with \`host:${REALM_HOST}\`.`, last)
  if (info.user !== undefined && ADMINS.has(info.user)) return stepWrong(`You are logged in as \`${info.user}\`, an administrator: the rule lets you send announcements. Log in as \`alice\` or \`bob\` to see the refusal.`, last)
  return stepTodo('Waiting for the broker\'s answer…')
}

export const securityRealm: ExerciseDef = {
  id: 'security-realm',
  title: 'Log in to a protected realm, and meet its rules',
  goal: 'Connect to the virtual host `secure`, where logins are checked and destinations are authorized per user: be refused, log in, read your private queue, then be refused an admins-only SEND, reading what each ERROR says.',
  steps: [
    { id: 'refused-login', label: 'Send CONNECT with `host:secure`, `login:alice` and a wrong passcode, and read the ERROR.' },
    { id: 'login', label: 'Reconnect and log in with `alice` / `wonderland` (or `bob` / `builder`).' },
    { id: 'own-queue', label: 'Subscribe to your own private queue, `/queue/private.alice`.' },
    { id: 'refused-send', label: 'SEND a message to `/topic/announcements` and read why the broker refuses it.' },
  ],
  hints: [
    'The editor already holds a CONNECT with a wrong passcode: press "Send all". The ERROR is in the log; click it to read its body.',
    'An ERROR always closes the connection: press Connect again before the next CONNECT. Change `passcode:guess` to `passcode:wonderland`.',
    'After CONNECTED, send `SUBSCRIBE` with `id:mine` and `destination:/queue/private.alice`, then a `SEND` with `destination:/topic/announcements` and any body.',
  ],
  solution: [
    {
      target: 'stomp',
      client: 'You',
      value: 'CONNECT\naccept-version:1.2\nhost:secure\nlogin:alice\npasscode:wonderland\n\n^@\nSUBSCRIBE\nid:mine\ndestination:/queue/private.alice\nreceipt:sub-ok\n\n^@\nSEND\ndestination:/topic/announcements\ncontent-type:text/plain\n\nHello, everyone!\n^@\n',
    },
  ],
  explanation:
    'First send the CONNECT with a wrong passcode (`guess`): the broker answers ERROR "Access refused" and closes, without telling whether the login exists. Then connect again and send the filled-in frames: the right passcode gets CONNECTED, the subscription to your own private queue is accepted (RECEIPT `sub-ok`), and the SEND to `/topic/announcements` is refused with an ERROR naming the rule, because only `admin` may announce.',
  check: ordered([
    ['refused-login', refusedLogin],
    ['login', login],
    ['own-queue', ownQueue],
    ['refused-send', refusedSend],
  ]),
}
