/**
 * The learner's requests to the lab's feeds (server/lab/README.md), read from their
 * `http.exchange` events: which feed, what cursor they asked with, what came back (from the
 * body preview the HTTP tap keeps for feed endpoints). Shared by the checks of lessons 02-04.
 */
import type { HttpExchangeEvent, InspectEvent } from '../inspect/events'
import { parseBatch, parseEventStream, parsePosted, streamIds, type BatchView, type EventStreamView, type FeedItem } from '../inspect/feed-body'
import { httpExchanges, httpHeader, pathOf, queryParam, type Indexed } from './query'

export type FeedAction = 'short-poll' | 'long-poll' | 'send' | 'sse' | 'stream'

/** `room-x` for `/lab/feeds/room-x/poll?…`, or null for another URL. */
export function feedOf(url: string): string | null {
  const m = /^\/lab\/feeds\/([^/]+)\/[a-z-]+$/.exec(pathOf(url))
  if (!m) return null
  try {
    return decodeURIComponent(m[1])
  } catch {
    return m[1]
  }
}

/** A cursor query parameter: absent (null), a whole number, or something else (`'bad'`). */
export function cursorParam(url: string, name: string): number | null | 'bad' {
  const raw = queryParam(url, name)
  if (raw === undefined || raw === '') return null
  return /^\d{1,15}$/.test(raw) ? Number(raw) : 'bad'
}

export interface FeedExchange extends Indexed<HttpExchangeEvent> {
  readonly feed: string
}

/** The learner's exchanges of one kind with the feeds, from index `from` on. */
export function feedExchanges(events: readonly InspectEvent[], action: FeedAction, from = 0): FeedExchange[] {
  const out: FeedExchange[] = []
  for (const x of httpExchanges(events, action, from)) {
    const feed = feedOf(x.event.url)
    if (feed !== null) out.push({ ...x, feed })
  }
  return out
}

/** A poll's answer, when it was a 200 whose body preview reads as one. */
export function batchOf(e: HttpExchangeEvent): BatchView | null {
  return e.status === 200 ? parseBatch(e.responseBodyPreview) : null
}

/** The message a post created (201). */
export function postedOf(e: HttpExchangeEvent): FeedItem | null {
  return e.status === 201 ? parsePosted(e.responseBodyPreview) : null
}

/** An SSE response's body as EventSource would read it. */
export function streamOf(e: HttpExchangeEvent): EventStreamView | null {
  return e.status === 200 && e.responseBodyPreview !== undefined ? parseEventStream(e.responseBodyPreview) : null
}

export function eventIds(e: HttpExchangeEvent): number[] {
  const view = streamOf(e)
  return view ? streamIds(view) : []
}

/** When the request arrived, on the server's clock (the event is published when the response ends). */
export function startedAt(e: HttpExchangeEvent): number {
  return e.t - e.durationMs
}

export function lastEventIdHeader(e: HttpExchangeEvent): string | undefined {
  return httpHeader(e.requestHeaders, 'last-event-id')
}

/** `#3`, `#3 and #4`, `#3, #4 and #5` … */
export function idList(ids: readonly number[]): string {
  const shown = ids.slice(0, 6).map((id) => `#${id}`)
  if (ids.length > 6) return `${shown.join(', ')} and ${ids.length - 6} more`
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}
