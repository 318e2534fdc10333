/**
 * Plain browser calls to the lab's feeds (server/lab/README.md), each carrying the tab's cid so
 * the inspector and the exercise checker see it.
 */
import { feedPath } from '@/lib/inspect/poll-log'
import { parsePosted, type FeedItem } from '@/lib/inspect/feed-body'
import { withClientId } from '../useClientId'

export type PostResult = { readonly ok: true; readonly message: FeedItem } | { readonly ok: false; readonly error: string }

/** The server's `{ error }` text, or the status line. */
export async function errorText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: unknown }
    if (typeof body.error === 'string') return `${res.status}: ${body.error}`
  } catch {
    // not JSON
  }
  return `${res.status} ${res.statusText}`
}

/** POST /lab/feeds/<feed>/messages with the text as a text/plain body. */
export async function postToFeed(feed: string, cid: string, text: string): Promise<PostResult> {
  try {
    const res = await fetch(withClientId(feedPath(feed, 'messages'), cid), {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: text,
      cache: 'no-store',
    })
    if (!res.ok) return { ok: false, error: await errorText(res) }
    const message = parsePosted(await res.text())
    return message ? { ok: true, message } : { ok: false, error: 'the server answered, but not with a message' }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/** The tab's own quiet feed and ticker: names every lab feed rule accepts (1-40 of A-Z a-z 0-9 - _). */
export function roomOf(cid: string): string {
  return `room-${cid}`
}

export function tickerOf(cid: string): string {
  return `ticker-${cid}`
}
