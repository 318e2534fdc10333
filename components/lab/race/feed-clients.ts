/**
 * The five ways the transport race reads one feed (issue 4 lab endpoints): short polling, long
 * polling, Server-Sent Events, WebSocket and SockJS. Plain browser code, no React: each starter
 * opens its transport, reports every message with the moment it arrived, and stops on demand.
 */
import { withClientId } from '../useClientId'

export interface FeedMessage {
  readonly id: number
  readonly text: string
  /** Server Date.now() at publish. */
  readonly at: number
  readonly from?: string
}

export interface FeedTarget {
  readonly feed: string
  readonly cid: string
  /** Ticker period in ms (read at each request, so it can change while running). */
  readonly rate: () => number
}

export interface LaneCallbacks {
  /** `receivedAt` = performance.now() when the bytes were handed to the page. */
  onMessages(messages: readonly FeedMessage[], receivedAt: number): void
  onState(state: string): void
}

export interface LaneHandle {
  stop(): void
}

export const SOCKJS_TRANSPORTS = ['websocket', 'xhr-streaming', 'xhr-polling', 'eventsource'] as const
export type SockjsTransport = (typeof SOCKJS_TRANSPORTS)[number]

const LONG_POLL_TIMEOUT_MS = 25_000
const RETRY_MS = 1000

function feedUrl(t: FeedTarget, path: string, query: Record<string, string | number> = {}): string {
  const q = new URLSearchParams({ ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])), rate: String(t.rate()) })
  return withClientId(`/lab/feeds/${encodeURIComponent(t.feed)}/${path}?${q}`, t.cid)
}

function wsBase(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}`
}

export function parseMessage(data: unknown): FeedMessage | null {
  if (typeof data !== 'string') return null
  try {
    const v = JSON.parse(data) as Partial<FeedMessage>
    return typeof v.id === 'number' && typeof v.at === 'number' ? { id: v.id, text: String(v.text ?? ''), at: v.at, from: v.from } : null
  } catch {
    return null
  }
}

async function getBatch(url: string, signal: AbortSignal): Promise<{ messages: FeedMessage[]; cursor: number | null }> {
  const res = await fetch(url, { signal, cache: 'no-store' })
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`)
  const body = (await res.json()) as { messages?: FeedMessage[]; cursor?: number }
  return { messages: body.messages ?? [], cursor: typeof body.cursor === 'number' ? body.cursor : null }
}

/** Short polling: a GET every `interval()` ms (measured from the previous request's start), never two at once. */
export function startShortPoll(t: FeedTarget, interval: () => number, cb: LaneCallbacks): LaneHandle {
  const abort = new AbortController()
  let cursor: number | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const tick = async () => {
    const started = performance.now()
    try {
      cb.onState('polling')
      const batch = await getBatch(feedUrl(t, 'poll', cursor === null ? {} : { since: cursor }), abort.signal)
      if (batch.messages.length) cb.onMessages(batch.messages, performance.now())
      cursor = batch.cursor ?? cursor
      cb.onState('waiting for the next poll')
    } catch (e) {
      if (abort.signal.aborted) return
      cb.onState(`error: ${e instanceof Error ? e.message : String(e)}`)
    }
    if (!abort.signal.aborted) timer = setTimeout(tick, Math.max(0, started + interval() - performance.now()))
  }
  void tick()
  return {
    stop() {
      abort.abort()
      clearTimeout(timer)
    },
  }
}

/** Long polling: the server holds each GET until a message (or the timeout); the next goes out at once. */
export function startLongPoll(t: FeedTarget, cb: LaneCallbacks): LaneHandle {
  const abort = new AbortController()
  let cursor: number | null = null
  const loop = async () => {
    while (!abort.signal.aborted) {
      try {
        cb.onState('request held by the server')
        const q: Record<string, number> = { timeout: LONG_POLL_TIMEOUT_MS }
        if (cursor !== null) q.since = cursor
        const batch = await getBatch(feedUrl(t, 'long-poll', q), abort.signal)
        if (batch.messages.length) cb.onMessages(batch.messages, performance.now())
        cursor = batch.cursor ?? cursor
      } catch (e) {
        if (abort.signal.aborted) return
        cb.onState(`error: ${e instanceof Error ? e.message : String(e)}`)
        await new Promise((r) => setTimeout(r, RETRY_MS))
      }
    }
  }
  void loop()
  return { stop: () => abort.abort() }
}

/** Server-Sent Events: one long response; EventSource reconnects by itself with Last-Event-ID. */
export function startSse(t: FeedTarget, cb: LaneCallbacks): LaneHandle {
  const source = new EventSource(feedUrl(t, 'sse'))
  cb.onState('connecting')
  source.onopen = () => cb.onState('stream open')
  source.onmessage = (e: MessageEvent) => {
    const m = parseMessage(e.data)
    if (m) cb.onMessages([m], performance.now())
  }
  source.onerror = () => cb.onState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting')
  return { stop: () => source.close() }
}

function watchSocket(socket: WebSocket, cb: LaneCallbacks): LaneHandle {
  let stopped = false
  cb.onState('connecting')
  socket.onopen = () => {
    if (stopped) return socket.close(1000, 'race stopped')
    cb.onState('open')
  }
  socket.onmessage = (e: MessageEvent) => {
    const m = parseMessage(e.data)
    if (m) cb.onMessages([m], performance.now())
  }
  socket.onclose = (e: CloseEvent) => {
    if (!stopped) cb.onState(`closed ${e.code}`)
  }
  return {
    stop() {
      stopped = true
      // Closing while CONNECTING makes Chromium log an error: onopen closes it instead.
      if (socket.readyState === WebSocket.OPEN) socket.close(1000, 'race stopped')
    },
  }
}

/** WebSocket: one upgrade, then each message is a frame. */
export function startWebSocket(t: FeedTarget, cb: LaneCallbacks): LaneHandle {
  const q = new URLSearchParams({ feed: t.feed, rate: String(t.rate()) })
  return watchSocket(new WebSocket(withClientId(`${wsBase()}/ws/feed?${q}`, t.cid)), cb)
}

type SockjsCtor = new (url: string, reserved: null, options: { transports: string[] }) => WebSocket
let sockjsScript: Promise<SockjsCtor> | null = null

/** sockjs-client as Wirelab serves it (/sockjs-client.min.js), loaded once on first use. */
export function loadSockjs(): Promise<SockjsCtor> {
  const w = window as unknown as { SockJS?: SockjsCtor }
  if (w.SockJS) return Promise.resolve(w.SockJS)
  sockjsScript ??= new Promise<SockjsCtor>((resolve, reject) => {
    const el = document.createElement('script')
    el.src = '/sockjs-client.min.js'
    el.async = true
    el.onload = () => (w.SockJS ? resolve(w.SockJS) : reject(new Error('sockjs-client did not load')))
    el.onerror = () => {
      sockjsScript = null
      reject(new Error('could not load /sockjs-client.min.js'))
    }
    document.head.appendChild(el)
  })
  return sockjsScript
}

/** SockJS: a WebSocket-like API over the forced transport (its own /info request first). */
export function startSockjs(t: FeedTarget, transport: SockjsTransport, cb: LaneCallbacks): LaneHandle {
  let inner: LaneHandle | null = null
  let stopped = false
  cb.onState('loading sockjs-client')
  loadSockjs().then(
    (SockJS) => {
      if (stopped) return
      const q = new URLSearchParams({ feed: t.feed, rate: String(t.rate()) })
      inner = watchSocket(new SockJS(withClientId(`/sockjs/feed?${q}`, t.cid), null, { transports: [transport] }), cb)
    },
    (e: unknown) => cb.onState(`error: ${e instanceof Error ? e.message : String(e)}`),
  )
  return {
    stop() {
      stopped = true
      inner?.stop()
    },
  }
}
