/**
 * Lesson 09, STOMP frames: open a session by writing CONNECT yourself, provoke an ERROR and watch
 * the broker close the connection (STOMP 1.2 §ERROR — checklist 70), then connect again and send
 * a well-formed frame. Checked over the learner's stomp.frame / broker.session events, i.e. what
 * the broker really parsed and answered.
 */
import { header, ordered, stepDone, stepTodo, stepWrong, stompFrames, type StepCheck, type StepOutcome } from './query'
import { closedAfter, connectedBefore, errorFirstSentence, errorFor, errorText, lastIn, type FrameAt } from './stomp-wire'
import type { ExerciseDef } from './types'

const HANDSHAKE = ['CONNECT', 'STOMP']

/** Why a CONNECTED is not the one asked for (1.2 with a host), or undefined when it is. */
function connectedProblem(connected: FrameAt, connect: FrameAt | undefined): string | undefined {
  const version = header(connected.event, 'version') ?? '1.0'
  const offered = connect ? header(connect.event, 'accept-version') : undefined
  if (version !== '1.2') {
    if (offered === undefined) {
      return `The broker answered \`CONNECTED\` with \`version:${version}\`: your CONNECT had no \`accept-version\` header, and a client that does not say which versions it speaks is taken for a STOMP 1.0 client. Disconnect, add \`accept-version:1.2\`, and send CONNECT again.`
    }
    return `You offered \`accept-version:${offered}\`, so the broker picked the highest version you both speak: ${version}. Offer 1.2 (\`accept-version:1.2\`, or \`1.0,1.1,1.2\`), then Disconnect and CONNECT again.`
  }
  if (connect && header(connect.event, 'host') === undefined) {
    return 'The broker accepted your CONNECT, but it had no `host` header. STOMP 1.2 says a client MUST send it (the virtual host to connect to); Wirelab tolerates its absence, RabbitMQ may refuse you. Disconnect, add `host:localhost`, and CONNECT again.'
  }
  return undefined
}

/** What an ERROR during the handshake means, in the learner's terms. */
function handshakeError(error: FrameAt, sent: FrameAt | undefined): string {
  const code = header(error.event, 'code') ?? ''
  const what = errorText(error.event)
  if (code === 'STOMP_ERR_BAD_COMMAND') {
    return `The broker answered ${what}. ${errorFirstSentence(error.event)} STOMP commands are case-sensitive upper-case words: write \`CONNECT\`, press Connect (the broker closed the socket after its ERROR) and send again.`
  }
  if (code === 'STOMP_ERR_NOT_CONNECTED') {
    return `You sent \`${sent?.event.command ?? 'a frame'}\` before CONNECT, and the broker answered ${what}. A session starts with CONNECT (or STOMP), nothing else. Press Connect and send CONNECT first.`
  }
  if (code === 'STOMP_ERR_VERSION_MISMATCH') {
    return `The broker answered ${what}: it speaks 1.0, 1.1 and 1.2, and your \`accept-version\` offered none of them. Write \`accept-version:1.2\`.`
  }
  if (code === 'STOMP_ERR_CONNECT_TIMEOUT') {
    return `The broker waited for a complete CONNECT and gave up (${what}): it gives a new connection 10 s to start its session. Write the CONNECT first, then press Connect and send it right away. (With "send exactly as typed", end the frame with \`^@\`, the NUL octet: without it the broker keeps waiting for the rest of the frame.)`
  }
  return `The broker answered ${what}. ${errorFirstSentence(error.event)} Read the whole body in the log, fix the frame, press Connect (after an ERROR the broker closes the connection) and send it again.`
}

/** CONNECT written by hand with accept-version 1.2 and host: CONNECTED version:1.2. */
const connect: StepCheck = (events, from) => {
  let last: StepOutcome | undefined
  for (const connected of stompFrames(events, 'out', 'CONNECTED', from)) {
    const sent = lastIn(events, connected.event.conn, HANDSHAKE, connected.index)
    const problem = connectedProblem(connected, sent)
    if (problem === undefined) {
      const hb = header(connected.event, 'heart-beat')
      return stepDone(connected, `Session ${header(connected.event, 'session') ?? connected.event.conn} is open: \`CONNECTED\` says \`version:1.2\`${hb ? ` and \`heart-beat:${hb}\`` : ''}.`)
    }
    last = { status: 'wrong', message: problem, at: connected }
  }
  // ERRORs before any CONNECTED on their connection: a handshake that failed
  for (const error of stompFrames(events, 'out', 'ERROR', from)) {
    if (connectedBefore(events, error.event.conn, error.index)) continue
    if (last?.at && last.at.index > error.index) continue
    last = stepWrong(handshakeError(error, lastIn(events, error.event.conn, ['CONNECT', 'STOMP', 'SEND', 'SUBSCRIBE', 'DISCONNECT', 'ACK', 'NACK', 'BEGIN', 'COMMIT', 'ABORT', 'UNSUBSCRIBE'], error.index)), error)
  }
  return last ?? stepTodo()
}

/** A frame with a mistake on an open session: the broker answers ERROR (and closes). */
const provokeError: StepCheck = (events, from) => {
  const error = stompFrames(events, 'out', 'ERROR', from).find(({ event, index }) => connectedBefore(events, event.conn, index))
  if (!error) return stepTodo()
  const cause = lastIn(events, error.event.conn, ['SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'NACK', 'BEGIN', 'COMMIT', 'ABORT', 'CONNECT', 'STOMP', 'DISCONNECT'], error.index)
  const about = cause && errorFor(events, cause)?.index === error.index ? ` to your \`${cause.event.command}\`` : ''
  return stepDone(error, `The broker answered ${errorText(error.event)}${about}, with a body that explains it.`)
}

/** The broker closed that connection; a new one, CONNECTED, and a SEND that gets no ERROR. */
const reconnect: StepCheck = (events, from, earlier) => {
  const failed = earlier[1]?.at
  const oldConn = failed?.event.conn
  if (failed && oldConn !== undefined && !closedAfter(events, oldConn, failed.index)) {
    return stepTodo(`Waiting for the broker to close ${oldConn}…`)
  }
  let last: StepOutcome | undefined
  for (const send of stompFrames(events, 'in', 'SEND', from)) {
    if (send.event.conn === oldConn || !connectedBefore(events, send.event.conn, send.index)) continue
    const error = errorFor(events, send)
    if (error) {
      last = stepWrong(`This SEND got ${errorText(error.event)} too. ${errorFirstSentence(error.event)} Press Connect, CONNECT again and send a SEND with a \`destination\` such as \`/topic/hello\`.`, error)
      continue
    }
    const closed = oldConn ? ` ${oldConn} is gone: the broker closed it right after its ERROR, so this went over a new connection, ${send.event.conn}.` : ''
    return stepDone(send, `The broker took your SEND to \`${header(send.event, 'destination') ?? '?'}\` (${send.event.bodyLength} body octets) without complaint.${closed}`)
  }
  if (last) return last
  const connected = stompFrames(events, 'out', 'CONNECTED', from).find(({ event }) => event.conn !== oldConn)
  if (oldConn && closedAfter(events, oldConn, failed?.index ?? 0) && !connected) {
    return stepTodo(`The broker closed ${oldConn} after its ERROR (STOMP 1.2 says it must). Press Connect for a new connection and send CONNECT again.`)
  }
  return stepTodo(connected ? 'Connected again: now send a SEND with a destination and a body.' : undefined)
}

export const stompConnectByHand: ExerciseDef = {
  id: 'stomp-connect-by-hand',
  title: 'Open a STOMP session by hand, then break it',
  goal: 'Write the CONNECT frame yourself, read what `CONNECTED` negotiated, then send a frame with a mistake and watch the broker answer `ERROR` and close the connection.',
  steps: [
    { id: 'connect', label: 'Write a `CONNECT` with `accept-version:1.2` and `host:localhost`, press Connect and send it: get `CONNECTED` with `version:1.2`.' },
    { id: 'error', label: 'On that session, send a frame with a mistake on purpose (a `SEND` without `destination`, say) and read the `ERROR`.' },
    { id: 'reconnect', label: 'Connect again and send a correct `SEND` to `/topic/hello` with a body.' },
  ],
  hints: [
    'A frame is its command on the first line, one `name:value` header per line, an empty line, the body, and `^@` (the NUL octet). CONNECT has no body.',
    'The two headers are `accept-version:1.2` (the versions you speak) and `host:localhost` (the virtual host). No spaces around the colon: STOMP keeps them as part of the name or value.',
    'After the ERROR the socket is closed: the status line says so. Press Connect again, send the same CONNECT, then `SEND` with `destination:/topic/hello`, an empty line and a body such as `hello`.',
  ],
  solution: [
    {
      target: 'stomp',
      client: 'You',
      value:
        'CONNECT\naccept-version:1.2\nhost:localhost\n\n^@\n\nSEND\ncontent-type:text/plain\n\nno destination: the broker answers ERROR\n^@\n\nSEND\ndestination:/topic/hello\ncontent-type:text/plain\n\nhello, STOMP\n^@\n',
    },
  ],
  explanation:
    'Put the cursor in the first frame and press Ctrl+Enter (⌘+Enter): the broker answers CONNECTED with version:1.2. Send the second frame the same way: a SEND without destination cannot be delivered, so the broker answers ERROR with a message header and a body that explains, then closes the connection, as STOMP 1.2 requires after every ERROR. Press Connect, send the CONNECT again, then the third frame: a SEND the broker accepts.',
  check: ordered([
    ['connect', connect],
    ['error', provokeError],
    ['reconnect', reconnect],
  ]),
}
