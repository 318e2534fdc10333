/**
 * Posting to a feed, short polling and long polling (issue 4 contract):
 *
 *   POST /lab/feeds/<feed>/messages      body text, or JSON {"text": …}  → 201 + the message
 *   GET  /lab/feeds/<feed>/poll?since=<id>                              → at once {messages, cursor}
 *   GET  /lab/feeds/<feed>/long-poll?since=<id>&timeout=<ms ≤ 30000>    → held until ≥1 message or
 *                                                                         the timeout (then 200 with [])
 *
 * Without `since` a poll starts "from now": an immediate poll answers no messages and the newest
 * id as its cursor, a long poll waits for the next message. `since=0` asks for everything the
 * feed still holds (its newest 1,000). When the history no longer holds every message after the
 * cursor, `missed` says how many are gone. A held long poll is answered 503 when the server
 * shuts down, and forgotten when the client gives up.
 */
import type { Feed, FeedMessage } from './feed'
import type { Exchange, LabContext } from './context'
import { LabError, postedText, readBody, readSince, readTimeout, sendJson } from './http-util'

export interface Batch {
  readonly feed: string
  readonly messages: readonly FeedMessage[]
  /** The id to send as `since` next time. */
  readonly cursor: number
  /** Messages after `since` that the bounded history no longer holds. */
  readonly missed?: number
}

function batch(feed: Feed, cursor: number): Batch {
  const messages = feed.since(cursor)
  const missed = Math.max(0, feed.oldestId - cursor - 1)
  const next = messages.length > 0 ? messages[messages.length - 1].id : Math.max(cursor, feed.latestId)
  // `cursor` before `messages`: a reader of the first bytes (the inspector's capped body preview,
  // a learner reading the raw answer) sees it even when the list is long.
  return missed > 0 ? { feed: feed.name, cursor: next, missed, messages } : { feed: feed.name, cursor: next, messages }
}

function answer(ex: Exchange, result: Batch): void {
  for (const m of result.messages) ex.delivered(m)
  sendJson(ex.res, 200, result)
}

function onlyGet(ex: Exchange): void {
  if (ex.req.method !== 'GET' && ex.req.method !== 'HEAD') throw new LabError(405, `${ex.url.pathname} answers GET; ${ex.req.method} is not allowed`, { Allow: 'GET' })
}

export async function handlePost(ex: Exchange, feed: Feed): Promise<void> {
  if (ex.req.method !== 'POST') throw new LabError(405, `${ex.url.pathname} takes POST (the message text as the body); ${ex.req.method} is not allowed`, { Allow: 'POST' })
  const body = await readBody(ex.req, ex.res)
  if (body === null) return
  const { text, from } = postedText(body, ex.req.headers['content-type'])
  const message = feed.publish(text, from ?? ex.cid ?? undefined)
  sendJson(ex.res, 201, message, { Location: `/lab/feeds/${feed.name}/poll?since=${message.id - 1}` })
}

export function handlePoll(ex: Exchange, feed: Feed): void {
  onlyGet(ex)
  const since = readSince(ex.url.params, feed)
  answer(ex, batch(feed, since ?? feed.latestId))
}

export function handleLongPoll(ctx: LabContext, ex: Exchange, feed: Feed): void {
  onlyGet(ex)
  const since = readSince(ex.url.params, feed) ?? feed.latestId
  const timeout = readTimeout(ex.url.params)
  const ready = batch(feed, since)
  if (ready.messages.length > 0 || ready.missed || timeout === 0) {
    answer(ex, ready)
    return
  }

  let settled = false
  const settle = (): boolean => {
    if (settled) return false
    settled = true
    clearTimeout(timer)
    unsubscribe()
    forgetShutdown()
    return true
  }
  // Answer on the next tick after a message, so a burst published together goes out together.
  const unsubscribe = feed.subscribe(() => {
    if (!settled) setImmediate(() => settle() && answer(ex, batch(feed, since)))
  })
  const timer = setTimeout(() => settle() && answer(ex, batch(feed, since)), timeout)
  const forgetShutdown = ctx.onShutdown(() => {
    if (settle()) sendJson(ex.res, 503, { error: 'The server is shutting down: this long poll ends without news. Poll again once it is back.' }, { Connection: 'close', 'Retry-After': 2 })
  })
  ex.res.once('close', () => {
    if (settle()) ctx.log.debug('lab.long_poll_abandoned', { feed: feed.name, cid: ex.cid })
  })
}
