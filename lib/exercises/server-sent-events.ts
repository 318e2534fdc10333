/**
 * Lesson 04 (Server-Sent Events): a stream the server cuts (`?drop=N`), the browser's own
 * reconnect carrying `Last-Event-ID` (HTML Standard §9.2), and a resume by hand with
 * `?lastEventId=` that misses nothing. Checked over the learner's `http.exchange` events for
 * `/lab/feeds/<feed>/sse`, each reported when its response ended, with the request's headers and
 * the event stream's first 2,048 characters (the tap's body preview).
 */
import type { HttpExchangeEvent } from '../inspect/events'
import { cursorParam, eventIds, feedExchanges, feedOf, idList, lastEventIdHeader, streamOf } from './feed-exchanges'
import { ordered, stepDone, stepTodo, stepWrong, type StepCheck } from './query'
import type { ExerciseDef } from './types'

function lastIdOf(e: HttpExchangeEvent): string {
  return streamOf(e)?.lastEventId ?? ''
}

function errorOf(e: HttpExchangeEvent): string {
  try {
    const value = JSON.parse(e.responseBodyPreview ?? '') as { error?: unknown }
    if (typeof value.error === 'string') return ` The server said: ${value.error}`
  } catch {
    // not JSON
  }
  return ''
}

/** A stream opened with `?drop=`, cut by the server after delivering events. */
const cutStream: StepCheck = (events, from) => {
  const streams = feedExchanges(events, 'sse', from)
  const good = streams.find(({ event }) => event.status === 200 && cursorParam(event.url, 'drop') !== null && eventIds(event).length > 0)
  if (good) {
    return stepDone(good, `${good.event.conn} delivered ${idList(eventIds(good.event))}, then the server ended the response (\`drop=${cursorParam(good.event.url, 'drop')}\`).`)
  }
  const last = streams.at(-1)
  if (!last) return stepTodo()
  if (last.event.status !== 200) return stepWrong(`That stream was refused: \`${last.event.status} ${last.event.statusText}\`.${errorOf(last.event)}`, last)
  if (cursorParam(last.event.url, 'drop') === null) {
    return stepTodo('That stream ended because it was closed on your side. Choose "cut after 3 events" so the server ends it, as a dropped connection would, then open it.')
  }
  return stepTodo('That stream ended before any event came. Open it again and wait for the events.')
}

/** The browser's own reconnect: the next request carries Last-Event-ID = the last id it got. */
const autoReconnect: StepCheck = (events, from, earlier) => {
  const cut = earlier[0]?.at
  if (!cut || cut.event.type !== 'http.exchange') return stepTodo()
  const feed = feedOf(cut.event.url)
  const expected = lastIdOf(cut.event)
  const next = feedExchanges(events, 'sse', from).find((s) => s.feed === feed)
  if (!next) return stepTodo('The browser reconnects by itself after the `retry` delay; the server reports that request when its response ends (the next cut, or when you close).')
  const header = lastEventIdHeader(next.event)
  if (header === expected) {
    const gap = Math.max(0, Math.round(next.event.t - next.event.durationMs - cut.event.t))
    return stepDone(next, `The browser came back on its own ${gap.toLocaleString('en-US')} ms after the cut, with \`Last-Event-ID: ${header}\`, the id of the last event it had received.`)
  }
  if (header === undefined) {
    if (cursorParam(next.event.url, 'lastEventId') !== null) {
      return stepWrong('This request resumed by hand with `?lastEventId=`. Here, let the browser do it: keep the EventSource open after the cut and it reconnects by itself, sending the `Last-Event-ID` header.', next)
    }
    return stepWrong('This request carries no `Last-Event-ID`: it came from a new EventSource (opened again by hand), which starts afresh. Let the same EventSource reconnect by itself: after the cut, leave it alone for the `retry` delay.', next)
  }
  return stepWrong(`This request carried \`Last-Event-ID: ${header}\`, but the last event of the cut stream had id \`${expected}\`.`, next)
}

/** A new stream resumed by hand with ?lastEventId=: it starts right after the last id received. */
const resumeByHand: StepCheck = (events, from, earlier) => {
  const reconnect = earlier[1]?.at
  if (!reconnect || reconnect.event.type !== 'http.exchange') return stepTodo()
  const feed = feedOf(reconnect.event.url)
  const all = feedExchanges(events, 'sse', 0).filter((s) => s.feed === feed)
  const later = all.filter((s) => s.index >= from)
  const target = later.find((s) => cursorParam(s.event.url, 'lastEventId') !== null && lastEventIdHeader(s.event) === undefined)
  if (!target) {
    const fresh = later.find((s) => lastEventIdHeader(s.event) === undefined && eventIds(s.event).length > 0)
    if (fresh) {
      const seen = all.filter((s) => s.index < fresh.index).flatMap((s) => eventIds(s.event))
      const lastSeen = seen.length ? Math.max(...seen) : 0
      const first = eventIds(fresh.event)[0]
      if (first > lastSeen + 1) {
        return stepWrong(`This new stream started from now, at #${first}, but the last event you had was #${lastSeen}: ${idList(range(lastSeen + 1, first - 1))}, published while it was closed, never reached you. A new EventSource sends no \`Last-Event-ID\`: give the id in the URL, \`?lastEventId=${lastSeen}\`.`, fresh)
      }
    }
    return stepTodo()
  }
  const asked = cursorParam(target.event.url, 'lastEventId')
  const ids = eventIds(target.event)
  if (target.event.status !== 200) return stepWrong(`That stream was refused: \`${target.event.status} ${target.event.statusText}\`.${errorOf(target.event)}`, target)
  if (typeof asked !== 'number') return stepWrong('`lastEventId` must be the id of the last event you received (a number).', target)
  const before = all.filter((s) => s.index < target.index)
  const seen = before.flatMap((s) => eventIds(s.event))
  const lastSeen = seen.length ? Math.max(...seen) : 0
  if (ids.length === 0) return stepTodo(`Resumed after #${asked}, but no event came before the stream ended: keep it open until events arrive.`)
  // An event the server wrote to a stream in the very moment the page closed it may never have
  // reached the page: resuming one id earlier is then exactly right.
  const closedByPage = before.at(-1) !== undefined && !(streamOf(before.at(-1)!.event)?.comments.some((c) => c.startsWith('cut after')) ?? false)
  if (asked === lastSeen - 1 && closedByPage && ids[0] === asked + 1) {
    return stepDone(target, `Resumed after #${asked}: the new stream began with #${ids[0]}. (The server had also written #${lastSeen} to the stream you closed as it closed; your page did not keep it.) Nothing missed.`)
  }
  if (asked < lastSeen) {
    return stepWrong(`You resumed after #${asked}, but you had already received up to #${lastSeen}: ${idList(ids.filter((id) => id <= lastSeen))} came again. Resume after the last id you received.`, target)
  }
  if (asked > lastSeen) {
    return stepWrong(`You resumed after #${asked}, but the last event you received was #${lastSeen}: ${idList(range(lastSeen + 1, asked))} will never reach you. Resume after the last id you received.`, target)
  }
  return stepDone(target, `Resumed after #${asked}: the new stream began with #${ids[0]}${ids[0] === asked + 1 ? ', the very next one' : ''}. Nothing missed, nothing twice.`)
}

function range(a: number, b: number): number[] {
  const out: number[] = []
  for (let i = a; i <= b && out.length < 50; i++) out.push(i)
  return out
}

export const sseResume: ExerciseDef = {
  id: 'sse-resume',
  title: 'Get cut off, come back, miss nothing',
  goal: 'Watch an EventSource lose its stream and reconnect by itself with `Last-Event-ID`, then resume a brand-new stream by hand, without losing or repeating an event.',
  steps: [
    { id: 'cut-stream', label: 'Open an EventSource that the server cuts after 3 events (`drop=3`), and receive them.' },
    { id: 'auto-reconnect', label: 'Leave it alone: the browser reconnects by itself, and its request carries `Last-Event-ID` with the id of the last event it got.' },
    { id: 'resume-by-hand', label: 'Close it, wait a few seconds, then open a new stream that resumes by hand with `?lastEventId=<the last id you received>`.' },
  ],
  hints: [
    'The server ends the response after `drop` events, as a flaky network would. EventSource treats that as a lost connection, not as the end.',
    'Choose "cut after 3 events" and Open. The connections table shows each request as the server saw it, with its `Last-Event-ID` header.',
    'For the last step, press Close, wait while the ticker goes on, tick "Resume after the last id I received" and Open: a new EventSource cannot set headers, so the id goes in the URL.',
  ],
  solution: [{ target: 'sse', value: 'drop=3' }],
  explanation:
    'Each event carries an `id:`. The browser remembers the last one, and when the stream breaks it waits the `retry:` delay and reconnects with `Last-Event-ID: <id>`, so the server can send exactly what came after. A new EventSource starts with no last id, so a page that reloads must keep the id itself and pass it another way (here `?lastEventId=`).',
  check: ordered([
    ['cut-stream', cutStream],
    ['auto-reconnect', autoReconnect],
    ['resume-by-hand', resumeByHand],
  ]),
}
