/**
 * Hand-built feed exchanges for the unit tests of lessons 02-04, shaped as the HTTP tap publishes
 * them (docs/inspect.md, `http.exchange` with `responseBodyPreview`). Built on testing.ts's `http()`.
 */
import type { HttpExchangeEvent } from '../inspect/events'
import { CID, http } from './testing'

export { CID }

function message(id: number, feed: string): string {
  return JSON.stringify({ id, text: `message ${id}`, at: 1_800_000_000_000 + id, from: feed.startsWith('ticker-') ? 'ticker' : CID })
}

function batchBody(feed: string, cursor: number, ids: readonly number[]): string {
  return `{"feed":${JSON.stringify(feed)},"cursor":${cursor},"messages":[${ids.map((id) => message(id, feed)).join(',')}]}\n`
}

interface Options {
  readonly conn?: string
  readonly status?: number
  readonly durationMs?: number
  readonly body?: string
}

function withBody(e: HttpExchangeEvent, body: string, status: number): HttpExchangeEvent {
  return { ...e, status, statusText: status === 200 ? 'OK' : status === 201 ? 'Created' : 'Bad Request', responseBodyPreview: body, responseBodyBytes: body.length }
}

function query(params: Record<string, string | number | null | undefined>): string {
  const parts = Object.entries(params).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k}=${v}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** A short poll asked with `since` (null: none) answered with `cursor` and these message ids. */
export function poll(feed: string, since: number | null, cursor: number, ids: readonly number[] = [], o: Options = {}): HttpExchangeEvent {
  const e = http('GET', `/lab/feeds/${feed}/poll${query({ since })}`, { lab: 'short-poll', conn: o.conn, durationMs: o.durationMs ?? 1 })
  return withBody(e, o.body ?? batchBody(feed, cursor, ids), o.status ?? 200)
}

export function post(feed: string, id: number, o: Options = {}): HttpExchangeEvent {
  const e = http('POST', `/lab/feeds/${feed}/messages`, { lab: 'send', conn: o.conn, body: 9, headers: [['Content-Type', 'text/plain']] })
  return withBody(e, o.body ?? `${message(id, feed)}\n`, o.status ?? 201)
}

/** A long poll (timeout null: none given) held `durationMs`, answered with `cursor` and ids. */
export function longPoll(feed: string, since: number | null, timeout: number | null, cursor: number, ids: readonly number[], durationMs: number, o: Options = {}): HttpExchangeEvent {
  const e = http('GET', `/lab/feeds/${feed}/long-poll${query({ since, timeout })}`, { lab: 'long-poll', conn: o.conn, durationMs })
  // The event is published when the answer goes out: `t` is the end of the hold.
  return { ...withBody(e, o.body ?? batchBody(feed, cursor, ids), o.status ?? 200), t: e.t + durationMs }
}

/** An SSE response that ended, carrying these event ids (and the lab's intro / cut comments). */
export function sse(
  feed: string,
  params: Record<string, string | number | null | undefined>,
  ids: readonly number[],
  o: Options & { readonly lastEventId?: string; readonly cut?: boolean } = {},
): HttpExchangeEvent {
  const e = http('GET', `/lab/feeds/${feed}/sse${query(params)}`, {
    lab: 'sse',
    conn: o.conn,
    durationMs: o.durationMs ?? 3000,
    headers: o.lastEventId === undefined ? [['Accept', 'text/event-stream']] : [['Accept', 'text/event-stream'], ['Last-Event-ID', o.lastEventId]],
  })
  const resume = o.lastEventId !== undefined ? `: resuming after id ${o.lastEventId} (from the Last-Event-ID header)\n\n` : ''
  const events = ids.map((id) => `id: ${id}\nevent: message\ndata: ${message(id, feed)}\n\n`).join('')
  const cut = o.cut && ids.length ? `: cut after ${ids.length} events (drop=${ids.length}); EventSource reconnects in 2000 ms and sends Last-Event-ID: ${ids.at(-1)}\n\n` : ''
  const body = o.body ?? `retry: 2000\n\n${resume}${events}${cut}`
  return { ...withBody(e, body, o.status ?? 200), t: e.t + (o.durationMs ?? 3000) }
}
