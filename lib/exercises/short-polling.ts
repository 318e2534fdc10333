/**
 * Lesson 02 (short polling): poll a feed with a cursor so that no message is fetched twice and
 * none is missed, post a message while polling, and see it come back exactly once. Checked over
 * the learner's `http.exchange` events for `/lab/feeds/<feed>/poll` and `/messages`: the `since`
 * each poll asked with, and the cursor and message ids each answer carried (the tap's body preview).
 */
import type { HttpExchangeEvent, InspectEvent } from '../inspect/events'
import { batchOf, cursorParam, feedExchanges, feedOf, idList, plural, postedOf, type FeedExchange } from './feed-exchanges'
import { ordered, stepDone, stepTodo, stepWrong, type Indexed, type StepCheck } from './query'
import type { ExerciseDef } from './types'

const CHAIN = 3

function sinceText(e: HttpExchangeEvent): string {
  const since = cursorParam(e.url, 'since')
  return since === null ? 'no `since`' : since === 'bad' ? 'a `since` that is not a number' : `\`since=${since}\``
}

/** The server's own explanation of a refused request, when its body says it. */
function errorOf(e: HttpExchangeEvent): string {
  try {
    const value = JSON.parse(e.responseBodyPreview ?? '') as { error?: unknown }
    if (typeof value.error === 'string') return ` The server said: ${value.error}`
  } catch {
    // not JSON
  }
  return ''
}

/** The feed of the request an earlier step ended on. */
function feedAt(at: Indexed<InspectEvent> | undefined): string | null {
  return at && at.event.type === 'http.exchange' ? feedOf(at.event.url) : null
}

/** Why poll `b` (after `a` on the same feed) did not follow the cursor, or null when it did. */
function cursorProblem(a: FeedExchange, b: FeedExchange): string | null {
  const before = batchOf(a.event)
  const since = cursorParam(b.event.url, 'since')
  if (before?.cursor === null || before === null) return null
  if (since === before.cursor) return null
  if (since === null) {
    return 'Your polls carry no `since`: each one asks "from now", so the server answers with nothing, and a message posted between two polls is never returned to you. Ask with `since=<the cursor of the previous answer>`.'
  }
  if (since === 0 && before.cursor > 0) {
    const again = (batchOf(b.event)?.messages ?? []).map((m) => m.id)
    return `\`since=0\` asks for everything the feed holds, every time: this poll downloaded ${again.length > 0 ? idList(again) : 'every message'} again. Ask with the cursor of the previous answer (\`since=${before.cursor}\`).`
  }
  if (since === 'bad') return 'This poll\'s `since` is not a number. The cursor is the number in the previous answer\'s `cursor` field.'
  return since < before.cursor
    ? `This poll asked \`since=${since}\`, but the answer before it said \`cursor: ${before.cursor}\`: it fetched messages you already had. Send the newest cursor each time.`
    : `This poll asked \`since=${since}\`, ahead of the previous answer's \`cursor: ${before.cursor}\`. Send exactly the cursor the server gave you.`
}

/** Three polls of one feed in a row, each asking with the cursor of the answer before. */
const pollWithCursor: StepCheck = (events, from) => {
  const polls = feedExchanges(events, 'short-poll', from)
  const byFeed = new Map<string, FeedExchange[]>()
  for (const p of polls) byFeed.set(p.feed, [...(byFeed.get(p.feed) ?? []), p])
  for (const list of byFeed.values()) {
    let run = 1
    for (let i = 1; i < list.length; i++) {
      const ok = list[i - 1].event.status === 200 && list[i].event.status === 200 && cursorProblem(list[i - 1], list[i]) === null && batchOf(list[i].event)?.cursor != null
      run = ok ? run + 1 : 1
      if (run >= CHAIN) return stepDone(list[i], `${CHAIN} polls in a row of \`${list[i].feed}\`, each asking with the cursor the answer before gave.`)
    }
  }
  const last = polls.at(-1)
  if (!last) return stepTodo()
  if (last.event.status !== 200) return stepWrong(`That poll was answered \`${last.event.status} ${last.event.statusText}\`.${errorOf(last.event)}`, last)
  const same = byFeed.get(last.feed) ?? []
  const previous = same.at(-2)
  if (previous) {
    const problem = cursorProblem(previous, last)
    if (problem) return stepWrong(problem, last)
  }
  return stepTodo(`${plural(same.length, 'poll')} of \`${last.feed}\` so far, the last with ${sinceText(last.event)}; keep polling.`)
}

/** A post to the feed being polled. */
const postMessage: StepCheck = (events, from, earlier) => {
  const feed = feedAt(earlier[0]?.at)
  const posts = feedExchanges(events, 'send', from)
  const good = posts.find((p) => p.feed === feed && postedOf(p.event) !== null)
  if (good) return stepDone(good, `Posted message #${postedOf(good.event)?.id} to \`${good.feed}\`.`)
  const last = posts.at(-1)
  if (!last) return stepTodo()
  if (last.event.status !== 201) return stepWrong(`The post was answered \`${last.event.status} ${last.event.statusText}\`.${errorOf(last.event)}`, last)
  return stepWrong(`You posted to \`${last.feed}\`, but you are polling \`${feed}\`: post to the feed you poll, so your polls can bring the message back.`, last)
}

/** The posted message comes back in one poll, and the poll after it does not bring it again. */
const receivedOnce: StepCheck = (events, from, earlier) => {
  const post = earlier[1]?.at
  if (!post || post.event.type !== 'http.exchange') return stepTodo()
  const message = postedOf(post.event)
  const feed = feedAt(post)
  if (!message || feed === null) return stepTodo()
  const polls = feedExchanges(events, 'short-poll', from).filter((p) => p.feed === feed)
  const carried = (p: FeedExchange) => (batchOf(p.event)?.messages ?? []).some((m) => m.id === message.id)
  const first = polls.findIndex(carried)
  if (first < 0) {
    const blind = polls.filter((p) => cursorParam(p.event.url, 'since') === null)
    if (blind.length >= 2) {
      return stepWrong(`Your polls since the post asked without \`since\` ("from now") and came back empty: message #${message.id} was posted between two polls, and no poll will ever return it. Poll with the cursor.`, blind.at(-1))
    }
    return stepTodo(polls.length > 0 ? `${plural(polls.length, 'poll')} since your post; #${message.id} has not come back yet.` : `Keep polling: the next poll should bring #${message.id}.`)
  }
  const hit = polls[first]
  const again = polls.slice(first + 1).find(carried)
  if (again) {
    const since = cursorParam(again.event.url, 'since')
    return stepWrong(`Message #${message.id} came back twice: this poll asked ${since === null ? 'without `since`' : `\`since=${since}\``}, from before #${message.id}. After an answer, ask with its cursor (\`since=${batchOf(hit.event)?.cursor ?? message.id}\`).`, again)
  }
  const next = polls[first + 1]
  if (!next) return stepTodo(`#${message.id} came back; one more poll to see that it does not come again.`)
  const all = feedExchanges(events, 'short-poll', 0).filter((p) => p.feed === feed && p.index <= next.index)
  const empty = all.filter((p) => (batchOf(p.event)?.messages.length ?? 1) === 0)
  const octets = empty.reduce((n, p) => n + p.event.bytesIn + p.event.bytesOut, 0)
  const waited = Math.max(0, Math.round(hit.event.t - post.event.t))
  return stepDone(
    next,
    `#${message.id} came back once, ${waited.toLocaleString('en-US')} ms after you posted it, and not again. Of your ${plural(all.length, 'poll')} of \`${feed}\`, ${empty.length} came back empty: ${octets.toLocaleString('en-US')} octets up and down that carried no news.`,
  )
}

export const shortPollCursor: ExerciseDef = {
  id: 'short-poll-cursor',
  title: 'Poll without missing or repeating a message',
  goal: 'Poll your feed with a cursor, post a message while you poll, and see it come back exactly once, then count what the empty polls cost.',
  steps: [
    { id: 'poll-with-cursor', label: 'Start polling, so that each request\'s `since` is the `cursor` of the answer before it (three polls in a row).' },
    { id: 'post-message', label: 'While the polls go on, post a message to the same feed.' },
    { id: 'received-once', label: 'Keep polling: your message comes back in exactly one poll, and the next poll does not bring it again.' },
  ],
  hints: [
    'Every poll answer carries a `cursor`: the id of the newest message the server knows of.',
    'Set "Each poll asks with" to the cursor of the last answer, then Start. Without `since` the server answers "from now" (always empty); with `since=0` it sends everything again.',
    'With polling running every second, type a message and press Post. Watch the table: one row brings your message, the next is empty again.',
  ],
  solution: [{ target: 'http', client: 'poller', value: 'since=cursor&interval=1000' }],
  explanation:
    'The cursor is the client\'s memory: each answer says "you have seen up to here", and the next request asks only for what came after. Nothing is fetched twice and nothing is skipped, whatever happens between two polls. Every poll still costs a full request and response, headers included, even when it brings nothing: that is the price of short polling.',
  check: ordered([
    ['poll-with-cursor', pollWithCursor],
    ['post-message', postMessage],
    ['received-once', receivedOnce],
  ]),
}
