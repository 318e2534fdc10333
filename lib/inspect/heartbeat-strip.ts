/**
 * The heart-beat strip of lesson 12 (components/lab/HeartbeatStrip.tsx): what crossed one STOMP
 * connection in the last seconds, as the broker's taps saw it — heart-beat EOLs and frames in
 * each direction, the ERROR and the close — placed on a time axis, and how long the client has
 * been silent towards the broker (any inbound octet counts: STOMP 1.2 §Heart-beating, checklist 32).
 * Pure: times are the server's monotonic `t` shifted by a clock offset the caller measures.
 */
import type { InspectEvent } from './events'

export type MarkKind = 'beat' | 'frame' | 'error' | 'closed'

export interface StripMark {
  /** Towards the broker (`in`) or from it (`out`). */
  readonly dir: 'in' | 'out'
  readonly kind: MarkKind
  /** 0 (left edge, `windowMs` ago) … 1 (now). */
  readonly x: number
  /** The frame's command for `frame`/`error`. */
  readonly label?: string
  /** Server time, for keys. */
  readonly t: number
}

export interface StripModel {
  readonly marks: readonly StripMark[]
  readonly counts: { readonly beatsIn: number; readonly beatsOut: number; readonly framesIn: number; readonly framesOut: number }
  /** ms since the last octet from the client reached the broker (null: nothing yet). */
  readonly silentMs: number | null
  /** The broker's `closed` event was seen. */
  readonly closed: boolean
  /** The broker gave up on the client: `STOMP_ERR_HEARTBEAT_TIMEOUT`. */
  readonly timedOut: boolean
}

/**
 * `events` of any connections (only `conn`'s are used); `now` is the caller's clock and `offset`
 * turns a server `t` into it (`local = t + offset`).
 */
export function heartbeatStrip(events: readonly InspectEvent[], conn: string, now: number, offset: number, windowMs: number): StripModel {
  const marks: StripMark[] = []
  const counts = { beatsIn: 0, beatsOut: 0, framesIn: 0, framesOut: 0 }
  let lastIn: number | null = null
  let closed = false
  let timedOut = false
  const place = (t: number) => 1 - (now - (t + offset)) / windowMs
  for (const e of events) {
    if (e.conn !== conn) continue
    let mark: Omit<StripMark, 'x' | 't'> | null = null
    if (e.type === 'stomp.heartbeat') {
      if (e.dir === 'in') counts.beatsIn++
      else counts.beatsOut++
      mark = { dir: e.dir, kind: 'beat' }
    } else if (e.type === 'stomp.frame') {
      if (e.dir === 'in') counts.framesIn++
      else counts.framesOut++
      mark = { dir: e.dir, kind: e.command === 'ERROR' ? 'error' : 'frame', label: e.command }
    } else if (e.type === 'stomp.error') {
      if (e.code === 'STOMP_ERR_HEARTBEAT_TIMEOUT') timedOut = true
    } else if (e.type === 'broker.session' && e.state === 'closed') {
      closed = true
      mark = { dir: 'out', kind: 'closed', label: 'closed' }
    }
    if (mark === null) continue
    if (mark.dir === 'in' && mark.kind !== 'closed') lastIn = e.t
    const x = place(e.t)
    if (x >= 0 && x <= 1.02) marks.push({ ...mark, x: Math.min(1, x), t: e.t })
  }
  return { marks, counts, silentMs: lastIn === null || closed ? null : Math.max(0, now - (lastIn + offset)), closed, timedOut }
}

/**
 * The clock offset from events seen at local times: the smallest `local - t` (the event that
 * travelled fastest is the best estimate; a slower one only arrived late).
 */
export function clockOffset(previous: number | null, serverT: number, localArrival: number): number {
  const candidate = localArrival - serverT
  return previous === null ? candidate : Math.min(previous, candidate)
}
