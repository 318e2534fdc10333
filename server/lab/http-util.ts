/**
 * What every lab HTTP endpoint shares: JSON answers, errors that teach (a 4xx with `{ error }`
 * saying what was wrong and what is accepted), the query parameters (cid, since, rate, timeout)
 * and a request body read with a cap.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { feedNameProblem, MAX_RATE_MS, MIN_RATE_MS, type Feed } from './feed'

/** Largest request body a lab endpoint reads (echo, send, SockJS sends). */
export const MAX_BODY_BYTES = 16 * 1024
export const MAX_LONG_POLL_MS = 30_000
export const DEFAULT_LONG_POLL_MS = 25_000
const CID = /^[A-Za-z0-9_-]{1,64}$/

export class LabError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers (e.g. Allow). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message)
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string | number>> = {}): void {
  const text = `${JSON.stringify(body)}\n`
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

export function sendError(res: ServerResponse, error: LabError): void {
  if (res.headersSent) {
    res.end()
    return
  }
  sendJson(res, error.status, { error: error.message }, error.headers)
}

/** Refuses a WebSocket upgrade with the error as an HTTP answer (JSON {error}), then closes. */
export function answerUpgradeWithError(socket: Duplex, error: LabError): void {
  const body = `${JSON.stringify({ error: error.message })}\n`
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    () => socket.destroy(),
  )
}

export interface LabUrl {
  readonly pathname: string
  readonly params: URLSearchParams
}

export function parseUrl(req: IncomingMessage): LabUrl {
  const url = new URL(req.url ?? '/', 'http://lab.invalid')
  return { pathname: url.pathname, params: url.searchParams }
}

/** The tab's client id (`?cid=`), or null when absent. */
export function readCid(params: URLSearchParams): string | null {
  const cid = params.get('cid')
  if (cid === null || cid === '') return null
  if (!CID.test(cid)) throw new LabError(400, `cid=${JSON.stringify(cid)} is not a client id: use 1-64 letters, digits, "-" or "_" (each tab makes one, e.g. cid=Xk3_p9QaZ1)`)
  return cid
}

export function checkFeedName(name: string): string {
  const problem = feedNameProblem(name)
  if (problem !== null) throw new LabError(404, problem)
  return name
}

/** `?rate=` in ms for ticker feeds, or undefined when absent. */
export function readRate(params: URLSearchParams): number | undefined {
  const raw = params.get('rate')
  if (raw === null || raw === '') return undefined
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(n >= MIN_RATE_MS && n <= MAX_RATE_MS)) {
    throw new LabError(400, `rate=${JSON.stringify(raw)} is not a ticker period: give whole milliseconds from ${MIN_RATE_MS} to ${MAX_RATE_MS} (rate=500 is two ticks a second)`)
  }
  return n
}

/**
 * A cursor (the last message id the client has seen) from `raw`, checked against the feed:
 * a whole number from 0 (0 = everything the feed still holds) up to the feed's newest id.
 */
export function parseCursor(raw: string, name: string, feed: Feed): number {
  if (!/^\d{1,15}$/.test(raw)) {
    throw new LabError(400, `${name}=${JSON.stringify(raw)} is not a cursor: give the id of the last message you saw (a whole number; 0 = from the start)`)
  }
  const n = Number(raw)
  if (n > feed.latestId) {
    throw new LabError(
      400,
      `${name}=${n} is ahead of feed "${feed.name}", whose newest message is ${feed.latestId}: a cursor is an id this feed gave you (the server may have restarted — start again without ${name})`,
    )
  }
  return n
}

/** `?since=` as a cursor, or null when absent (= "from now"). */
export function readSince(params: URLSearchParams, feed: Feed): number | null {
  const raw = params.get('since')
  return raw === null || raw === '' ? null : parseCursor(raw, 'since', feed)
}

export function readTimeout(params: URLSearchParams): number {
  const raw = params.get('timeout')
  if (raw === null || raw === '') return DEFAULT_LONG_POLL_MS
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(n >= 0 && n <= MAX_LONG_POLL_MS)) {
    throw new LabError(400, `timeout=${JSON.stringify(raw)} is not a long-poll timeout: give whole milliseconds from 0 to ${MAX_LONG_POLL_MS} (the server holds the request at most that long)`)
  }
  return n
}

/**
 * The request body, at most MAX_BODY_BYTES. Beyond it: 413, and the connection is closed after
 * the answer (the rest of the body is never read).
 */
export function readBody(req: IncomingMessage, res: ServerResponse, limit = MAX_BODY_BYTES): Promise<Buffer | null> {
  const tooLarge = (): null => {
    sendError(res, new LabError(413, `The body is larger than this endpoint reads (${limit} bytes): send less`, { Connection: 'close' }))
    res.once('finish', () => req.socket.destroySoon())
    return null
  }
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) return Promise.resolve(tooLarge())
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.byteLength
      if (size > limit) {
        done = true
        req.pause()
        resolve(tooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (done) return
      done = true
      resolve(Buffer.concat(chunks))
    })
    req.on('error', () => {
      if (done) return
      done = true
      resolve(null)
    })
  })
}

/** The text of a feed post: `{ "text": … }` when the body is JSON, the body itself otherwise. */
export function postedText(body: Buffer, contentType: string | undefined): { text: string; from?: string } {
  const raw = body.toString('utf8')
  let text = raw
  let from: string | undefined
  if (/^application\/(.+\+)?json\b/i.test(contentType ?? '')) {
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch {
      throw new LabError(400, 'The body says Content-Type: application/json but is not JSON: send {"text":"hello"} or plain text')
    }
    const v = value as { text?: unknown; from?: unknown } | null
    if (typeof v !== 'object' || v === null || typeof v.text !== 'string') {
      throw new LabError(400, 'A JSON post needs a "text" string: send {"text":"hello"} (or plain text with Content-Type: text/plain)')
    }
    text = v.text
    if (typeof v.from === 'string' && v.from !== '') from = v.from.slice(0, 64)
  }
  if (text.trim() === '') throw new LabError(400, 'The message is empty: send some text, e.g. {"text":"hello"}')
  return from === undefined ? { text } : { text, from }
}
