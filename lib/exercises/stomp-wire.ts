/**
 * Reading a learner's STOMP sessions out of their events, for the checks of lessons 09-12: which
 * connections are theirs, what the broker answered to a frame (ERROR, RECEIPT), what a connection
 * negotiated. Pure, like the rest of lib/exercises: it never throws on odd sequences.
 */
import type { BrokerSessionEvent, InspectEvent, StompFrameEvent } from '../inspect/events'
import { header, sessions, stompFrames, type Indexed } from './query'

export type FrameAt = Indexed<StompFrameEvent>

/**
 * The connections this tab opened: every connection named by a frame, session or subscription
 * event. Route events are left out: a route carries its sender's connection, which may be another
 * tab's (the exercise endpoint records routes that reached this tab too).
 */
export function ownConns(events: readonly InspectEvent[]): ReadonlySet<string> {
  const conns = new Set<string>()
  for (const e of events) if (e.type !== 'broker.route') conns.add(e.conn)
  return conns
}

/**
 * The ERROR the broker sent in answer to `frame`: the next ERROR on its connection, unless the
 * learner sent another frame on it first (then the ERROR is about that one). The broker handles
 * frames one at a time and stops reading after an ERROR, so this is exact.
 */
export function errorFor(events: readonly InspectEvent[], frame: FrameAt): FrameAt | undefined {
  const conn = frame.event.conn
  for (let i = frame.index + 1; i < events.length; i++) {
    const e = events[i]
    if (e.type !== 'stomp.frame' || e.conn !== conn) continue
    if (e.dir === 'in') return undefined
    if (e.command === 'ERROR') return { event: e, index: i }
  }
  return undefined
}

/** The first frame the broker sent on `conn` with `command` after `after` (an index). */
export function nextOut(events: readonly InspectEvent[], conn: string, command: string, after: number): FrameAt | undefined {
  return stompFrames(events, 'out', command, after + 1).find(({ event }) => event.conn === conn)
}

/** The last frame the learner sent on `conn` with one of `commands` before `before` (an index). */
export function lastIn(events: readonly InspectEvent[], conn: string, commands: readonly string[], before: number): FrameAt | undefined {
  for (let i = Math.min(before, events.length) - 1; i >= 0; i--) {
    const e = events[i]
    if (e.type === 'stomp.frame' && e.dir === 'in' && e.conn === conn && commands.includes(e.command)) return { event: e, index: i }
  }
  return undefined
}

/** The CONNECTED of `conn` before `before`, i.e. the session was established then. */
export function connectedBefore(events: readonly InspectEvent[], conn: string, before: number): FrameAt | undefined {
  for (let i = Math.min(before, events.length) - 1; i >= 0; i--) {
    const e = events[i]
    if (e.type === 'stomp.frame' && e.dir === 'out' && e.conn === conn && e.command === 'CONNECTED') return { event: e, index: i }
  }
  return undefined
}

/** The broker's `closed` event for `conn` after `after`. */
export function closedAfter(events: readonly InspectEvent[], conn: string, after: number): Indexed<BrokerSessionEvent> | undefined {
  return sessions(events, 'closed', after + 1).find(({ event }) => event.conn === conn)
}

/** `"Missing header: destination"` (`STOMP_ERR_MISSING_HEADER`): an ERROR's short text and code, for messages. */
export function errorText(frame: StompFrameEvent): string {
  const message = header(frame, 'message') ?? 'ERROR'
  const code = header(frame, 'code')
  return `\`ERROR\` “${message}”${code ? ` (\`${code}\`)` : ''}`
}

/** The first line of an ERROR body that says what to do (the broker's bodies teach; first sentence). */
export function errorFirstSentence(frame: StompFrameEvent): string {
  const line = frame.bodyPreview.split('\n').find((l) => l.trim() !== '') ?? ''
  const end = line.search(/[.!?](\s|$)/)
  return (end < 0 ? line : line.slice(0, end + 1)).trim()
}

/** A STOMP `heart-beat` value `cx,cy` as two numbers, or null when it is not one. */
export function heartBeatPair(value: string | undefined): readonly [number, number] | null {
  const m = /^(\d{1,9}),(\d{1,9})$/.exec(value ?? '')
  return m ? [Number(m[1]), Number(m[2])] : null
}

/** Frames the learner sent, by destination: `SEND`s to `destination` (exact) after `from`. */
export function sendsTo(events: readonly InspectEvent[], destination: string, from: number): FrameAt[] {
  return stompFrames(events, 'in', 'SEND', from).filter(({ event }) => header(event, 'destination') === destination)
}

/** MESSAGE frames the broker delivered to this tab's connections on `destination` after `from`. */
export function messagesOn(events: readonly InspectEvent[], destination: string, from: number): FrameAt[] {
  return stompFrames(events, 'out', 'MESSAGE', from).filter(({ event }) => header(event, 'destination') === destination)
}
