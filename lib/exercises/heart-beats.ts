/**
 * Lesson 12, heart-beats: negotiate an interval in CONNECT/CONNECTED (STOMP 1.2 §Heart-beating —
 * checklist 28, 29), see the client's heart-beats reach the broker (30, 32), then go silent and
 * watch the broker declare the connection dead: ERROR, then close (31). Checked over the
 * learner's CONNECT/CONNECTED frames, stomp.heartbeat events and the broker's ERROR.
 */
import type { InspectEvent } from '../inspect/events'
import { header, ordered, stepDone, stepTodo, stepWrong, stompErrors, stompFrames, type StepCheck, type StepOutcome } from './query'
import { closedAfter, errorFirstSentence, errorText, heartBeatPair, lastIn, nextOut } from './stomp-wire'
import type { ExerciseDef } from './types'

/** Longest client→server interval the exercise accepts: the broker then gives up within seconds. */
export const MAX_EXERCISE_INTERVAL = 5000

/** STOMP 1.2 §Heart-beating: 0 when either side says 0, else the larger of the two. */
const interval = (send: number, want: number) => (send === 0 || want === 0 ? 0 : Math.max(send, want))

const negotiate: StepCheck = (events, from) => {
  let last: StepOutcome | undefined
  for (const connect of stompFrames(events, 'in', undefined, from)) {
    if (connect.event.command !== 'CONNECT' && connect.event.command !== 'STOMP') continue
    const conn = connect.event.conn
    const connected = nextOut(events, conn, 'CONNECTED', connect.index)
    const error = nextOut(events, conn, 'ERROR', connect.index)
    if (error && (!connected || error.index < connected.index)) {
      last = stepWrong(`Your CONNECT got ${errorText(error.event)}. ${errorFirstSentence(error.event)} Press Connect and send it again.`, error)
      continue
    }
    if (!connected) continue
    const offered = header(connect.event, 'heart-beat')
    const [cx, cy] = heartBeatPair(offered) ?? [0, 0]
    const answer = header(connected.event, 'heart-beat')
    const version = header(connected.event, 'version') ?? '1.0'
    if (version === '1.0') {
      last = stepWrong('You were connected as STOMP 1.0 (no `accept-version` in your CONNECT), and 1.0 has no heart-beats. Add `accept-version:1.2`.', connected)
      continue
    }
    const [sx, sy] = heartBeatPair(answer) ?? [0, 0]
    const up = interval(cx, sy)
    const down = interval(sx, cy)
    const math = `You offered \`heart-beat:${offered ?? '0,0'}\`${offered === undefined ? ' (no header means 0,0)' : ''}, the broker answered \`heart-beat:${answer ?? '0,0'}\`.`
    if (up === 0) {
      last = stepWrong(`${math} Your first number is 0: "I cannot send heart-beats", so the broker will never expect any from you, and never notice you fall silent. Offer \`heart-beat:2000,2000\`.`, connected)
      continue
    }
    if (up > MAX_EXERCISE_INTERVAL) {
      last = stepWrong(`${math} You would beat every max(${cx}, ${sy}) = ${up} ms, so the broker waits well over ${Math.round(up / 1000)} s before giving up. That works, but for this exercise offer \`heart-beat:2000,2000\`.`, connected)
      continue
    }
    return stepDone(connected, `${math} So you must send something every max(${cx}, ${sy}) = ${up} ms, and the broker every ${down === 0 ? '— never (you asked for none)' : `max(${sx}, ${cy}) = ${down} ms`}.`)
  }
  // a socket opened and left without CONNECT: the broker gives up after its connect timeout
  const late = stompErrors(events, from).filter(({ event }) => event.code === 'STOMP_ERR_CONNECT_TIMEOUT').at(-1)
  if (late && late.index > (last?.at?.index ?? -1)) {
    return stepWrong('The broker closed the socket because no CONNECT came within 10 s of it opening. Edit the CONNECT first, then press Connect and send it right away.', late)
  }
  return last ?? stepTodo()
}

const beats = (events: readonly InspectEvent[], conn: string, from: number, dir: 'in' | 'out') =>
  events.slice(from).filter((e) => e.type === 'stomp.heartbeat' && e.conn === conn && e.dir === dir).length

const clientBeats: StepCheck = (events, from, earlier) => {
  const connected = earlier[0]?.at
  if (!connected) return stepTodo()
  const conn = connected.event.conn
  let seen = 0
  for (let i = from; i < events.length; i++) {
    const e = events[i]
    if (e.conn !== conn) continue
    if (e.type === 'stomp.heartbeat' && e.dir === 'in' && ++seen === 2) {
      return stepDone({ event: e, index: i }, `Two heart-beats (one EOL octet each) reached the broker from you, and ${beats(events.slice(0, i + 1), conn, from, 'out')} went the other way. Any octet would do: a frame counts as a sign of life too.`)
    }
  }
  const closed = closedAfter(events, conn, connected.index)
  if (closed) return stepWrong(`${conn} closed (${closed.event.reason ?? 'no reason given'}) before two of your heart-beats arrived. Press Connect, send your CONNECT again, and let the client beat a few times before pausing.`, closed)
  return stepTodo(seen === 1 ? 'One heart-beat so far; the next comes within the interval.' : undefined)
}

const silenceNoticed: StepCheck = (events, from, earlier) => {
  const connected = earlier[0]?.at
  if (!connected) return stepTodo()
  const conn = connected.event.conn
  const timeout = stompErrors(events, from).find(({ event }) => event.conn === conn && event.code === 'STOMP_ERR_HEARTBEAT_TIMEOUT')
  if (timeout) {
    const frame = nextOut(events, conn, 'ERROR', timeout.index) ?? timeout
    const detail = frame.event.type === 'stomp.frame' ? ` ${errorFirstSentence(frame.event)}` : ''
    return stepDone(frame, `The broker gave up on you: \`ERROR\` “Heart-beat timeout”, then it closed the connection.${detail}`)
  }
  const error = stompFrames(events, 'out', 'ERROR', from).find(({ event }) => event.conn === conn)
  if (error) return stepWrong(`The broker closed ${conn} for another reason: ${errorText(error.event)}. ${errorFirstSentence(error.event)} Connect again and let it fall silent without sending anything.`, error)
  const closed = closedAfter(events, conn, from - 1)
  if (closed) {
    const bye = lastIn(events, conn, ['DISCONNECT'], closed.index)
    return stepWrong(
      bye
        ? 'You sent DISCONNECT: a clean goodbye, so the broker had nothing to detect. Connect again, pause the heart-beats and send nothing; stay connected.'
        : `${conn} closed from your side (${closed.event.reason ?? 'no reason given'}), so the broker had nothing to detect. Connect again, pause the heart-beats and wait.`,
      closed,
    )
  }
  return stepTodo()
}

export const heartbeatSilence: ExerciseDef = {
  id: 'heartbeat-silence',
  title: 'Negotiate heart-beats, then fall silent',
  goal: 'Offer heart-beats in CONNECT and work out the intervals from CONNECTED; see your heart-beats reach the broker; then stop them and watch the broker declare you dead.',
  steps: [
    { id: 'negotiate', label: 'Send a CONNECT with `heart-beat:2000,2000` and read the broker\'s `heart-beat` in CONNECTED.' },
    { id: 'beats', label: 'Watch two of your client\'s heart-beats reach the broker.' },
    { id: 'silence', label: 'Press "Pause heart-beats", send nothing, and wait for the broker\'s `ERROR`.' },
  ],
  hints: [
    '`heart-beat:cx,cy`: cx is how often you can send (ms), cy how often you want to hear from the broker. 0 means never.',
    'The client sends an EOL by itself whenever it has sent nothing for most of the interval: just wait and watch the strip.',
    'Once paused, any frame you send still counts as a sign of life. Send nothing and the broker closes the connection after about twice the interval.',
  ],
  solution: [{ target: 'stomp', client: 'Alice', value: 'CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:2000,2000\n\n^@\n' }],
  explanation:
    'You offer 2000,2000 and Wirelab answers 1000,1000. Client to server: max(2000, 1000) = 2000 ms; server to client: max(1000, 2000) = 2000 ms. The client beats on its own; pause it and send nothing, and after the grace window (twice the interval here) the broker sends ERROR "Heart-beat timeout" and closes the connection.',
  check: ordered([
    ['negotiate', negotiate],
    ['beats', clientBeats],
    ['silence', silenceNoticed],
  ]),
}
