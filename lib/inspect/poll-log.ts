/**
 * The polling widget's pure part (components/lab/Poller.tsx): the URL of the next poll, the
 * settings "show solution" fills in, and the log of what crossed the wire, made from the
 * server's own `http.exchange` events for one feed (body previews: the cursor and messages each
 * answer carried; bytes each way, headers included).
 */
import type { HttpExchangeEvent } from './events'
import { parseBatch, parsePosted } from './feed-body'

export type PollMode = 'short' | 'long'
/** How each request asks: with the last answer's cursor, without `since` ("from now"), or `since=0`. */
export type SinceMode = 'cursor' | 'none' | 'zero'
export const SINCE_MODES: readonly SinceMode[] = ['cursor', 'none', 'zero']

export const INTERVALS_MS = [500, 1000, 2000, 5000, 10000] as const
export const TIMEOUTS_MS = [1000, 2000, 5000, 10000, 25000] as const

export interface PollerSettings {
  readonly since: SinceMode
  readonly interval: number
  readonly timeout: number
}

/** `since=cursor&interval=1000&timeout=5000` (any subset, any order) → the settings it names. */
export function parsePollerSettings(text: string): Partial<PollerSettings> {
  const out: { -readonly [K in keyof PollerSettings]?: PollerSettings[K] } = {}
  for (const part of text.trim().split(/[&\s]+/)) {
    const [key, value = ''] = part.split('=')
    if (key === 'since' && (SINCE_MODES as readonly string[]).includes(value)) out.since = value as SinceMode
    if ((key === 'interval' || key === 'timeout') && /^\d{1,5}$/.test(value)) out[key] = Number(value)
  }
  return out
}

export function feedPath(feed: string, action: string): string {
  return `/lab/feeds/${encodeURIComponent(feed)}/${action}`
}

/** The next request's path and query (no cid): `/lab/feeds/room-x/long-poll?since=4&timeout=5000`. */
export function pollPath(feed: string, mode: PollMode, since: SinceMode, cursor: number | null, timeout: number): string {
  const query = new URLSearchParams()
  if (since === 'zero') query.set('since', '0')
  else if (since === 'cursor' && cursor !== null) query.set('since', String(cursor))
  if (mode === 'long') query.set('timeout', String(timeout))
  const q = query.toString()
  return `${feedPath(feed, mode === 'short' ? 'poll' : 'long-poll')}${q ? `?${q}` : ''}`
}

export interface PollRow {
  readonly exchange: HttpExchangeEvent
  readonly kind: 'poll' | 'post'
  /** Path and query without the tab's cid. */
  readonly target: string
  /** Message ids the answer carried (a post: the id it created). */
  readonly ids: readonly number[]
  /** Ids this answer carried that an earlier answer in the log already had. */
  readonly repeated: readonly number[]
  readonly cursor: number | null
  /** A poll answered 200 with no message. */
  readonly empty: boolean
}

export function withoutCid(url: string): string {
  return url.replace(/([?&])cid=[^&#]*&?/, '$1').replace(/[?&]$/, '')
}

function feedOfUrl(url: string): string | null {
  const m = /^\/lab\/feeds\/([^/?#]+)\/([a-z-]+)(?:[?#]|$)/.exec(url)
  if (!m) return null
  try {
    return decodeURIComponent(m[1])
  } catch {
    return m[1]
  }
}

/** The log of one feed, oldest first: its polls (of `mode`) and posts, as the server reported them. */
export function pollRows(exchanges: readonly HttpExchangeEvent[], feed: string, mode: PollMode): PollRow[] {
  const lab = mode === 'short' ? 'short-poll' : 'long-poll'
  const seen = new Set<number>()
  const rows: PollRow[] = []
  for (const e of exchanges) {
    if ((e.lab !== lab && e.lab !== 'send') || feedOfUrl(e.url) !== feed) continue
    if (e.lab === 'send') {
      const posted = e.status === 201 ? parsePosted(e.responseBodyPreview) : null
      rows.push({ exchange: e, kind: 'post', target: withoutCid(e.url), ids: posted ? [posted.id] : [], repeated: [], cursor: null, empty: false })
      continue
    }
    const batch = e.status === 200 ? parseBatch(e.responseBodyPreview) : null
    const ids = (batch?.messages ?? []).map((m) => m.id)
    const repeated = ids.filter((id) => seen.has(id))
    for (const id of ids) seen.add(id)
    rows.push({ exchange: e, kind: 'poll', target: withoutCid(e.url), ids, repeated, cursor: batch?.cursor ?? null, empty: batch !== null && ids.length === 0 })
  }
  return rows
}

export interface PollSummary {
  readonly requests: number
  readonly empty: number
  /** Distinct messages delivered by the polls. */
  readonly delivered: number
  /** Deliveries of a message already delivered before. */
  readonly repeats: number
  /** Octets of the polls, each way (request and response heads included). */
  readonly up: number
  readonly down: number
  /** Octets up and down of the polls that brought nothing. */
  readonly wasted: number
  /** Each post and, once a poll brought it, how long after (server clock, ms). */
  readonly posts: readonly { readonly id: number; readonly latencyMs: number | null }[]
}

export function pollSummary(rows: readonly PollRow[]): PollSummary {
  const polls = rows.filter((r) => r.kind === 'poll')
  const delivered = new Set<number>()
  let repeats = 0
  for (const r of polls) {
    repeats += r.repeated.length
    for (const id of r.ids) delivered.add(id)
  }
  const posts = rows
    .filter((r) => r.kind === 'post' && r.ids.length > 0)
    .map((r) => {
      const id = r.ids[0]
      const hit = polls.find((p) => p.exchange.t >= r.exchange.t && p.ids.includes(id))
      return { id, latencyMs: hit ? Math.max(0, Math.round(hit.exchange.t - r.exchange.t)) : null }
    })
  return {
    requests: polls.length,
    empty: polls.filter((r) => r.empty).length,
    delivered: delivered.size,
    repeats,
    up: polls.reduce((n, r) => n + r.exchange.bytesIn, 0),
    down: polls.reduce((n, r) => n + r.exchange.bytesOut, 0),
    wasted: polls.filter((r) => r.empty).reduce((n, r) => n + r.exchange.bytesIn + r.exchange.bytesOut, 0),
    posts,
  }
}
