/**
 * One response that never ends (issue 4 contract):
 *
 *   GET /lab/feeds/<feed>/stream[?since=<id>]   HTTP streaming: chunked NDJSON, one message per line
 *   GET /lab/feeds/<feed>/sse                    Server-Sent Events (text/event-stream):
 *         retry: 2000                              how long EventSource waits before reconnecting
 *         id: 7 / event: message / data: {…}       one event per message; `id` is the message id
 *         : heartbeat                              a comment every 15 s, so proxies keep it open
 *       resumes after the id in the `Last-Event-ID` header (EventSource sends it on reconnect) or
 *       in `?lastEventId=`. Without either it starts from now.
 *
 * A Last-Event-ID header ahead of the feed (the server restarted, ids began again) is not an
 * error — EventSource would give up on a 4xx — the stream starts from now and says why in a
 * comment. An explicit `?lastEventId=` or `?since=` that is ahead gets the usual 400.
 * On shutdown every stream is ended (an SSE client then reconnects after `retry`).
 */
import type { Exchange, LabContext } from './context'
import type { Feed, FeedMessage } from './feed'
import { LabError, parseCursor, readSince } from './http-util'

export const SSE_RETRY_MS = 2000

function onlyGet(ex: Exchange): void {
  if (ex.req.method !== 'GET') throw new LabError(405, `${ex.url.pathname} answers GET; ${ex.req.method} is not allowed`, { Allow: 'GET' })
}

/**
 * Writes what the feed holds after `cursor` (when given), then each new message, until the
 * client goes away or the server shuts down. `intro` goes first; `heartbeat` runs every
 * `heartbeatMs` when given.
 */
function follow(ctx: LabContext, ex: Exchange, feed: Feed, cursor: number | null, format: (m: FeedMessage) => string, extra: { intro?: string; heartbeat?: string; heartbeatMs?: number } = {}): void {
  const { res } = ex
  res.socket?.setNoDelay(true)
  // The head goes out now, not with the first message (a quiet feed would leave the client waiting).
  if (extra.intro) res.write(extra.intro)
  else res.flushHeaders()
  const write = (m: FeedMessage): void => {
    res.write(format(m))
    ex.delivered(m)
  }
  if (cursor !== null) for (const m of feed.since(cursor)) write(m)
  const unsubscribe = feed.subscribe(write)
  const beat = extra.heartbeat && extra.heartbeatMs ? setInterval(() => res.write(extra.heartbeat), extra.heartbeatMs) : null
  beat?.unref()
  let ended = false
  const end = (): void => {
    if (ended) return
    ended = true
    unsubscribe()
    if (beat) clearInterval(beat)
    forgetShutdown()
  }
  const forgetShutdown = ctx.onShutdown(() => {
    end()
    res.end()
  })
  res.once('close', end)
}

export function handleStream(ctx: LabContext, ex: Exchange, feed: Feed): void {
  onlyGet(ex)
  const since = readSince(ex.url.params, feed)
  ex.res.writeHead(200, {
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // Keeps nginx-like proxies from holding the chunks back.
    'X-Accel-Buffering': 'no',
  })
  follow(ctx, ex, feed, since, (m) => `${JSON.stringify(m)}\n`)
}

export function sseEvent(m: FeedMessage): string {
  return `id: ${m.id}\nevent: message\ndata: ${JSON.stringify(m)}\n\n`
}

export function handleSse(ctx: LabContext, ex: Exchange, feed: Feed): void {
  onlyGet(ex)
  const header = ex.req.headers['last-event-id']
  const param = ex.url.params.get('lastEventId')
  let cursor: number | null = null
  let note = ''
  if (param !== null && param !== '') {
    cursor = parseCursor(param, 'lastEventId', feed)
  } else if (typeof header === 'string' && header !== '') {
    try {
      cursor = parseCursor(header, 'Last-Event-ID', feed)
    } catch (error) {
      if (!(error instanceof LabError)) throw error
      note = `: ${error.message.replace(/\n/g, ' ')} — starting from now\n\n`
    }
  }
  ex.res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  })
  follow(ctx, ex, feed, cursor, sseEvent, {
    intro: `retry: ${SSE_RETRY_MS}\n\n${note}`,
    heartbeat: ': heartbeat\n\n',
    heartbeatMs: ctx.sseHeartbeatMs,
  })
}
