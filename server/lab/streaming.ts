/**
 * One response that never ends (issue 4 contract):
 *
 *   GET /lab/feeds/<feed>/stream[?since=<id>]   HTTP streaming: chunked NDJSON, one message per line
 *   GET /lab/feeds/<feed>/sse                    Server-Sent Events (text/event-stream):
 *         retry: 2000                              how long EventSource waits before reconnecting
 *         id: 7 / event: message / data: {…}       one event per message; `id` is the message id
 *         : heartbeat                              a comment every 15 s, so proxies keep it open
 *       resumes after the id in the `Last-Event-ID` header (EventSource sends it on reconnect;
 *       it wins) or in `?lastEventId=` (a new EventSource cannot set headers), and says so in a
 *       comment first (`: resuming after id 7 …`). Without
 *       either it starts from now.
 *       `?drop=<1..1000>` ends the response after that many events, with a comment saying so,
 *       as a flaky network or proxy would: the way to watch EventSource reconnect by itself and
 *       send Last-Event-ID (the reconnect carries the same URL, so it is cut again after N more).
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
export const MAX_SSE_DROP = 1000

function onlyGet(ex: Exchange): void {
  if (ex.req.method !== 'GET') throw new LabError(405, `${ex.url.pathname} answers GET; ${ex.req.method} is not allowed`, { Allow: 'GET' })
}

/** `?drop=` for SSE: end the response after this many events, or null when absent. */
export function readDrop(params: URLSearchParams): number | null {
  const raw = params.get('drop')
  if (raw === null || raw === '') return null
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(n >= 1 && n <= MAX_SSE_DROP)) {
    throw new LabError(400, `drop=${JSON.stringify(raw)} is not a number of events: give a whole number from 1 to ${MAX_SSE_DROP} (drop=3 ends the stream after 3 events, and EventSource reconnects)`)
  }
  return n
}

interface FollowExtra {
  readonly intro?: string
  readonly heartbeat?: string
  readonly heartbeatMs?: number
  /** End the response after this many messages, writing `farewell(last message)` first. */
  readonly limit?: { readonly events: number; readonly farewell: (last: FeedMessage) => string }
}

/**
 * Writes what the feed holds after `cursor` (when given), then each new message, until the
 * client goes away, the server shuts down or `limit` is reached. `intro` goes first;
 * `heartbeat` runs every `heartbeatMs` when given.
 */
function follow(ctx: LabContext, ex: Exchange, feed: Feed, cursor: number | null, format: (m: FeedMessage) => string, extra: FollowExtra = {}): void {
  const { res } = ex
  res.socket?.setNoDelay(true)
  // The head goes out now, not with the first message (a quiet feed would leave the client waiting).
  if (extra.intro) res.write(extra.intro)
  else res.flushHeaders()
  let ended = false
  let written = 0
  const write = (m: FeedMessage): void => {
    if (ended) return
    res.write(format(m))
    ex.delivered(m)
    written += 1
    if (extra.limit && written >= extra.limit.events) {
      end()
      res.end(extra.limit.farewell(m))
    }
  }
  let unsubscribe = (): void => {}
  let beat: ReturnType<typeof setInterval> | null = null
  let forgetShutdown = (): void => {}
  const end = (): void => {
    if (ended) return
    ended = true
    unsubscribe()
    if (beat) clearInterval(beat)
    forgetShutdown()
  }
  if (cursor !== null) for (const m of feed.since(cursor)) write(m)
  if (ended) return
  unsubscribe = feed.subscribe(write)
  beat = extra.heartbeat && extra.heartbeatMs ? setInterval(() => res.write(extra.heartbeat), extra.heartbeatMs) : null
  beat?.unref()
  forgetShutdown = ctx.onShutdown(() => {
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
  const drop = readDrop(ex.url.params)
  let cursor: number | null = null
  let note = ''
  // The header wins over the query: on a reconnect the browser sends the id of the last event it
  // really got, while the URL still carries the id the page started from.
  let headerProblem: string | null = null
  if (typeof header === 'string' && header !== '') {
    try {
      cursor = parseCursor(header, 'Last-Event-ID', feed)
      note = `: resuming after id ${cursor} (from the Last-Event-ID header)\n\n`
    } catch (error) {
      if (!(error instanceof LabError)) throw error
      headerProblem = error.message.replace(/\n/g, ' ')
    }
  }
  if (cursor === null && param !== null && param !== '') {
    cursor = parseCursor(param, 'lastEventId', feed)
    note = `: resuming after id ${cursor} (from ?lastEventId=)\n\n`
  } else if (cursor === null && headerProblem !== null) {
    note = `: ${headerProblem} — starting from now\n\n`
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
    ...(drop === null
      ? {}
      : {
          limit: {
            events: drop,
            farewell: (last) => `: cut after ${drop} event${drop === 1 ? '' : 's'} (drop=${drop}); EventSource reconnects in ${SSE_RETRY_MS} ms and sends Last-Event-ID: ${last.id}\n\n`,
          },
        }),
  })
}
