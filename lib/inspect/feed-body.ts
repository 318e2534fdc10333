/**
 * Reading the bodies of the lab's feed endpoints (server/lab/README.md) as they crossed the wire:
 * a poll's JSON answer, a posted message, a `text/event-stream`. Used on `http.exchange` body
 * previews (capped, maybe cut in the middle: every reader here is tolerant) by the lesson checks,
 * and by the widgets on the bodies the browser itself received.
 */

export interface FeedItem {
  readonly id: number
  readonly text: string
  readonly at?: number
  readonly from?: string
}

/** A poll or long-poll answer: `{ feed, cursor, missed?, messages }`. */
export interface BatchView {
  /** The `cursor` of the answer, null when it could not be read (a truncated preview). */
  readonly cursor: number | null
  readonly messages: readonly FeedItem[]
  readonly missed?: number
  /** False when the body was cut (a preview): `messages` may lack the last ones. */
  readonly complete: boolean
}

function asItem(value: unknown): FeedItem | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  if (typeof v.id !== 'number' || !Number.isInteger(v.id)) return null
  return {
    id: v.id,
    text: typeof v.text === 'string' ? v.text : '',
    ...(typeof v.at === 'number' ? { at: v.at } : {}),
    ...(typeof v.from === 'string' ? { from: v.from } : {}),
  }
}

/** A poll answer from its body (or the first part of it); null when it is not one. */
export function parseBatch(body: string | undefined): BatchView | null {
  if (body === undefined || body === '') return null
  try {
    const value = JSON.parse(body) as Record<string, unknown>
    if (typeof value !== 'object' || value === null || !Array.isArray(value.messages)) return null
    const messages = value.messages.map(asItem).filter((m): m is FeedItem => m !== null)
    return {
      cursor: typeof value.cursor === 'number' ? value.cursor : null,
      messages,
      ...(typeof value.missed === 'number' ? { missed: value.missed } : {}),
      complete: true,
    }
  } catch {
    // A cut preview: read what is there. The lab writes `cursor` before `messages`.
    if (!/^\s*\{"feed":/.test(body)) return null
    const cursor = /"cursor":(\d+)/.exec(body)
    const missed = /"missed":(\d+)/.exec(body)
    const list = body.indexOf('"messages":[')
    const messages: FeedItem[] = []
    if (list >= 0) {
      // Whole message objects only: {"id":…} up to its closing brace.
      for (const m of body.slice(list).matchAll(/\{"id":\d+[^{}]*\}/g)) {
        try {
          const item = asItem(JSON.parse(m[0]))
          if (item) messages.push(item)
        } catch {
          // a message text with braces inside: skip it
        }
      }
    }
    return { cursor: cursor ? Number(cursor[1]) : null, messages, ...(missed ? { missed: Number(missed[1]) } : {}), complete: false }
  }
}

/** The message a `POST /lab/feeds/<feed>/messages` created (its 201 body), or null. */
export function parsePosted(body: string | undefined): FeedItem | null {
  if (body === undefined || body === '') return null
  try {
    return asItem(JSON.parse(body))
  } catch {
    return null
  }
}

/** One line of an event stream, as the HTML Standard's parser reads it (§9.2.6). */
export type StreamLine =
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'field'; readonly name: string; readonly value: string }
  /** An empty line: dispatches the event gathered so far. */
  | { readonly kind: 'blank' }

/** An event as EventSource would dispatch it. */
export interface StreamEvent {
  /** The `id` in force when it was dispatched (the last event ID), or '' when none. */
  readonly lastEventId: string
  /** `event:` field, default `message`. */
  readonly type: string
  readonly data: string
}

export interface EventStreamView {
  readonly lines: readonly StreamLine[]
  readonly events: readonly StreamEvent[]
  readonly comments: readonly string[]
  /** The last `retry:` value (ms) given, if any. */
  readonly retry?: number
  /** The last event ID after the dispatched events (what a reconnect would send). */
  readonly lastEventId: string
  /** Text after the last line break: an unfinished line (the stream was cut, or is still coming). */
  readonly rest: string
}

/**
 * Parses `text/event-stream` text following the HTML Standard §9.2.6 "Interpreting an event
 * stream": lines end with CRLF, LF or CR; a line starting with `:` is a comment; otherwise
 * `name:value` with one leading space of the value dropped (a line without a colon is a name with
 * an empty value); `data` lines join with LF; an empty line dispatches the event (none when there
 * was no data) and makes the `id` seen so far (without NUL) the last event ID; `retry` takes ASCII digits only; unknown
 * names are ignored. An unfinished last line is kept in `rest`, not parsed.
 */
export function parseEventStream(text: string): EventStreamView {
  const lines: StreamLine[] = []
  const events: StreamEvent[] = []
  const comments: string[] = []
  let retry: number | undefined
  // The id field sets the buffer; a dispatch (empty line) makes it the source's last event ID.
  let idBuffer = ''
  let lastEventId = ''
  let data: string[] = []
  let type = ''
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  const parts = body.split(/\r\n|\n|\r/)
  // A lone CR at the very end might be the first half of a CRLF: keep it unfinished either way.
  const rest = parts.pop() ?? ''
  for (const line of parts) {
    if (line === '') {
      lines.push({ kind: 'blank' })
      lastEventId = idBuffer
      if (data.length > 0) events.push({ lastEventId, type: type || 'message', data: data.join('\n') })
      data = []
      type = ''
      continue
    }
    if (line.startsWith(':')) {
      const comment = line.slice(1).replace(/^ /, '')
      lines.push({ kind: 'comment', text: comment })
      comments.push(comment)
      continue
    }
    const colon = line.indexOf(':')
    const name = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    lines.push({ kind: 'field', name, value })
    if (name === 'data') data.push(value)
    else if (name === 'event') type = value
    else if (name === 'id' && !value.includes('\0')) idBuffer = value
    else if (name === 'retry' && /^\d+$/.test(value)) retry = Number(value)
  }
  return { lines, events, comments, ...(retry === undefined ? {} : { retry }), lastEventId, rest }
}

/** The numeric ids of the events in a stream, in order (events whose last event ID is not a number are left out). */
export function streamIds(view: EventStreamView): number[] {
  return view.events.map((e) => (/^\d+$/.test(e.lastEventId) ? Number(e.lastEventId) : Number.NaN)).filter((n) => Number.isFinite(n))
}
