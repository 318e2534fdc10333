/**
 * The SSE widget's pure part (components/lab/EventSourceLab.tsx): the URL it opens, the
 * connections as the server reported them (`http.exchange` for `/lab/feeds/<feed>/sse`, one per
 * response when it ended: the request's `Last-Event-ID`, the events and comments it carried), and
 * the events the page received with their gaps and repeats marked.
 */
import type { HttpExchangeEvent } from './events'
import { parseEventStream, streamIds, type EventStreamView } from './feed-body'
import { feedPath, withoutCid } from './poll-log'

export const DROPS = [3, 5] as const

/** `/lab/feeds/ticker-x/sse?drop=3&lastEventId=7` (no cid). */
export function ssePath(feed: string, drop: number | null, resumeAfter: number | null): string {
  const query = new URLSearchParams()
  if (drop !== null) query.set('drop', String(drop))
  if (resumeAfter !== null) query.set('lastEventId', String(resumeAfter))
  const q = query.toString()
  return `${feedPath(feed, 'sse')}${q ? `?${q}` : ''}`
}

/** `drop=3` → 3; `drop=none` → null; anything else → undefined (leave as is). */
export function parseDropSetting(text: string): number | null | undefined {
  const m = /(?:^|[&\s])drop=(\w+)/.exec(text)
  if (!m) return undefined
  if (m[1] === 'none') return null
  return /^\d{1,4}$/.test(m[1]) ? Number(m[1]) : undefined
}

export interface SseRow {
  readonly exchange: HttpExchangeEvent
  readonly target: string
  /** The request's Last-Event-ID header, as the browser sent it (undefined: none). */
  readonly lastEventId?: string
  readonly stream: EventStreamView | null
  readonly ids: readonly number[]
  /** The server cut it (`?drop=`), rather than the client closing it. */
  readonly cut: boolean
}

function feedOfUrl(url: string): string | null {
  const m = /^\/lab\/feeds\/([^/?#]+)\/sse(?:[?#]|$)/.exec(url)
  if (!m) return null
  try {
    return decodeURIComponent(m[1])
  } catch {
    return m[1]
  }
}

export function sseRows(exchanges: readonly HttpExchangeEvent[], feed: string): SseRow[] {
  const rows: SseRow[] = []
  for (const e of exchanges) {
    if (e.lab !== 'sse' || feedOfUrl(e.url) !== feed) continue
    const stream = e.status === 200 && e.responseBodyPreview !== undefined ? parseEventStream(e.responseBodyPreview) : null
    const header = e.requestHeaders.find(([n]) => n.toLowerCase() === 'last-event-id')?.[1]
    rows.push({
      exchange: e,
      target: withoutCid(e.url),
      ...(header === undefined ? {} : { lastEventId: header }),
      stream,
      ids: stream ? streamIds(stream) : [],
      cut: stream?.comments.some((c) => c.startsWith('cut after')) ?? false,
    })
  }
  return rows
}

export interface EventMark {
  /** Ids skipped right before this event (published but never received). */
  readonly missing: number
  /** This id was received before. */
  readonly again: boolean
}

/** For each numeric id in order: how many ids were skipped before it, and whether it came twice. */
export function markIds(ids: readonly string[]): EventMark[] {
  const seen = new Set<number>()
  let last: number | null = null
  return ids.map((raw) => {
    if (!/^\d+$/.test(raw)) return { missing: 0, again: false }
    const id = Number(raw)
    const mark = { missing: last !== null && id > last + 1 ? id - last - 1 : 0, again: seen.has(id) }
    seen.add(id)
    last = last === null ? id : Math.max(last, id)
    return mark
  })
}
