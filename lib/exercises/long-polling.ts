/**
 * Lesson 03 (long polling): a request the server holds until there is news, the re-ask with the
 * new cursor, and a request that runs out its timeout empty. Checked over the learner's
 * `http.exchange` events for `/lab/feeds/<feed>/long-poll` (reported when the answer goes out, so
 * `durationMs` is how long the server held it) and `/messages`.
 */
import type { HttpExchangeEvent, InspectEvent } from '../inspect/events'
import { batchOf, cursorParam, feedExchanges, feedOf, idList, postedOf } from './feed-exchanges'
import { ordered, queryParam, stepDone, stepTodo, stepWrong, type Indexed, type StepCheck } from './query'
import type { ExerciseDef } from './types'

/** Held at least this long before the answer: the server really waited for the news. */
export const HELD_MS = 250
/** Below this, a timeout makes long polling a short poll in disguise. */
export const SHORT_TIMEOUT_MS = 2000
/** The lab's default long-poll timeout (server/lab/http-util.ts). */
const DEFAULT_TIMEOUT_MS = 25_000
/** Answered this fast with messages: the server never held it. */
const AT_ONCE_MS = 100

function timeoutOf(e: HttpExchangeEvent): number | null {
  const raw = queryParam(e.url, 'timeout')
  if (raw === undefined || raw === '') return DEFAULT_TIMEOUT_MS
  return /^\d{1,6}$/.test(raw) ? Number(raw) : null
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`
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

/** The ids of every message the learner posted in these events. */
function postedIds(events: readonly InspectEvent[]): Set<number> {
  const ids = new Set<number>()
  for (const p of feedExchanges(events, 'send')) {
    const m = postedOf(p.event)
    if (m) ids.add(m.id)
  }
  return ids
}

/** A long poll held until the learner's own message answered it. */
const heldUntilNews: StepCheck = (events, from) => {
  const polls = feedExchanges(events, 'long-poll', from)
  const mine = postedIds(events)
  const good = polls.find(({ event }) => event.status === 200 && event.durationMs >= HELD_MS && (batchOf(event)?.messages ?? []).some((m) => mine.has(m.id)))
  if (good) {
    const ids = (batchOf(good.event)?.messages ?? []).map((m) => m.id)
    return stepDone(good, `Held ${seconds(good.event.durationMs)}, then answered with ${idList(ids)} as soon as it was published.`)
  }
  const last = polls.at(-1)
  if (!last) return stepTodo()
  const e = last.event
  if (e.status !== 200) return stepWrong(`That long poll was answered \`${e.status} ${e.statusText}\`.${errorOf(e)}`, last)
  const batch = batchOf(e)
  const ids = (batch?.messages ?? []).map((m) => m.id)
  const since = cursorParam(e.url, 'since')
  if (ids.length > 0 && e.durationMs < AT_ONCE_MS) {
    if (since === 0) {
      return stepWrong(`Answered in ${seconds(e.durationMs)} with ${idList(ids)}: \`since=0\` asks for everything the feed holds, so the server has "news" at once and never holds the request, and your client re-asks at once, in a tight loop. Ask with the cursor of the previous answer.`, last)
    }
    const before = polls.slice(0, -1).flatMap((p) => (batchOf(p.event)?.messages ?? []).map((m) => m.id))
    const repeated = ids.filter((id) => before.includes(id))
    if (repeated.length > 0) {
      return stepWrong(`Answered at once with ${idList(repeated)} again: this request asked ${since === null ? 'without `since`' : `\`since=${since}\``}, before messages you already had. Ask with the cursor of the previous answer.`, last)
    }
  }
  if (timeoutOf(e) === 0) return stepWrong('`timeout=0` makes the server answer at once, news or not: that is a short poll. Give the server a few seconds to hold the request.', last)
  if (ids.some((id) => mine.has(id))) {
    return stepTodo(`Your message came back, but that request had been held only ${seconds(e.durationMs)}: it reached the server just after the news. Post while a long poll is waiting (its timer is running).`)
  }
  if (ids.length === 0) return stepTodo(`Your last long poll was held ${seconds(e.durationMs)} and came back empty at its timeout. Now post a message while one is held.`)
  return stepTodo(`Someone else's message (${idList(ids)}) answered your long poll. Post one of your own while a request is held.`)
}

/** The next long poll, right after the answer, asks with that answer's cursor. */
const reAsk: StepCheck = (events, from, earlier) => {
  const answered = earlier[0]?.at
  if (!answered || answered.event.type !== 'http.exchange') return stepTodo()
  const feed = feedOf(answered.event.url)
  const cursor = batchOf(answered.event)?.cursor ?? null
  const next = feedExchanges(events, 'long-poll', from).find((p) => p.feed === feed)
  if (!next) return stepTodo('The next long poll is being held: the server reports it when it answers (news or timeout).')
  const since = cursorParam(next.event.url, 'since')
  if (cursor === null || since === cursor) {
    const gap = Math.max(0, Math.round(next.event.t - next.event.durationMs - answered.event.t))
    return stepDone(next, `It asked \`since=${since}\` ${gap.toLocaleString('en-US')} ms after the answer: nothing published in between can be missed.`)
  }
  if (since === null) {
    return stepWrong(`This long poll asked without \`since\`, i.e. "from now": a message published after the previous answer and before this request arrived would never reach you. Ask \`since=${cursor}\`.`, next)
  }
  if (since !== 'bad' && since < cursor) {
    return stepWrong(`This long poll asked \`since=${since}\`, but the answer before said \`cursor: ${cursor}\`: the server answers at once with what you already have. Ask \`since=${cursor}\`.`, next)
  }
  return stepWrong(`This long poll asked ${since === 'bad' ? 'with a `since` that is not a number' : `\`since=${since}\``}; the answer before said \`cursor: ${cursor}\`. Send exactly that cursor.`, next)
}

/** A long poll that ran out its timeout (a few seconds) with no news. */
const timeoutEmpty: StepCheck = (events, from, earlier) => {
  // The re-ask of step 2 may itself be the one that timed out.
  const start = earlier[1]?.at?.index ?? from
  const polls = feedExchanges(events, 'long-poll', start)
  const expired = polls.filter(({ event }) => {
    const timeout = timeoutOf(event)
    return event.status === 200 && timeout !== null && timeout > 0 && (batchOf(event)?.messages.length ?? 1) === 0 && event.durationMs >= timeout - 50
  })
  const good = expired.find(({ event }) => (timeoutOf(event) ?? 0) >= SHORT_TIMEOUT_MS)
  if (good) {
    const cursor = batchOf(good.event)?.cursor
    return stepDone(good, `Held ${seconds(good.event.durationMs)} (\`timeout=${timeoutOf(good.event)}\`), then \`200\` with no messages and \`cursor: ${cursor}\`: one request per timeout while nothing happens.`)
  }
  const short = expired.at(-1) as Indexed<HttpExchangeEvent> | undefined
  if (short) {
    const t = timeoutOf(short.event) ?? 0
    return stepWrong(
      `This long poll timed out after ${seconds(t)}: that short, long polling turns back into short polling, about ${Math.round(60_000 / Math.max(t, 1))} requests a minute that bring nothing. Give it several seconds (5000 ms here; real servers use 20-30 s, under the idle limits of proxies).`,
      short,
    )
  }
  return stepTodo()
}

export const longPollHeld: ExerciseDef = {
  id: 'long-poll-held',
  title: 'Hold a request until there is news',
  goal: 'Make the server hold your request until a message arrives, ask again at once with the new cursor, and let a quiet request run out its timeout.',
  steps: [
    { id: 'held-until-news', label: 'Start long polling with the cursor, and post a message while a request is held: it is answered at once, with your message.' },
    { id: 're-ask', label: 'The next long poll goes out right after the answer, asking with that answer\'s `cursor`.' },
    { id: 'timeout-empty', label: 'Post nothing and let a long poll run out its timeout (a few seconds): it comes back `200` with no messages.' },
  ],
  hints: [
    'A long poll is an ordinary GET that the server does not answer until it has news or its `timeout` (ms) runs out.',
    'Choose the cursor of the last answer for `since` and a timeout of 5000 ms, then Start. The top row of the table shows the request being held, with its timer.',
    'While the timer runs, type a message and press Post: the held request comes back at once with it, and the widget asks again. Then wait 5 s without posting.',
  ],
  solution: [{ target: 'http', client: 'poller', value: 'since=cursor&timeout=5000' }],
  explanation:
    'The server answers a long poll only when it has something to say, so the news arrives as soon as it is published, and a quiet feed costs one request per timeout instead of one per polling interval. The cursor still matters: the next request must ask for what came after the last answer, or a message published in the short gap between two requests would be lost.',
  check: ordered([
    ['held-until-news', heldUntilNews],
    ['re-ask', reAsk],
    ['timeout-empty', timeoutEmpty],
  ]),
}
