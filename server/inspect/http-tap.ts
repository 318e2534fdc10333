/**
 * The HTTP tap: one `http.exchange` event per request/response of the transport lab (/lab/…),
 * SockJS (/sockjs/…) and Socket.IO polling (/socket.io/…), published when the response has been
 * written (for streams — SSE, xhr-streaming — when they end). Next's pages are not reported.
 *
 * What crossed the wire:
 * - the request line and raw headers as received (names as cased, wire order);
 * - the response head exactly as Node wrote it (status line and header lines);
 * - body sizes: the request's `content-length` (or what was read beyond the head), the octets
 *   handed to `res.write`/`res.end`;
 * - bytes each way from the socket's own counters, head and framing included, measured from
 *   where the previous exchange on the same keep-alive socket ended (a mark per socket);
 * - for the feed endpoints only (polls, long polls, posts, streams, SSE), the response body's
 *   first BODY_PREVIEW_MAX characters: what the learner's cursor, messages and event ids were.
 *
 * `conn` names the TCP connection (`http-7`): keep-alive requests on one socket share it.
 * Nothing is measured while nobody wants the request (`bus.wants` false when it arrives), except
 * the socket marks, which every request moves (two listeners).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Header } from '../../lib/stomp/frame'
import type { HttpExchangeEvent } from '../../lib/inspect/events'
import type { TapBus } from './bus'
import { clientIdFromUrl } from './client-id'
import { parseResponseHead } from './http-head'

interface SocketState {
  readonly conn: string
  read: number
  written: number
}

/**
 * Lab transports whose response body is previewed: the feeds' own JSON, NDJSON and event streams
 * (public messages). Not the echo: its body repeats the request's headers, cookies included.
 */
const PREVIEWED_LABS: ReadonlySet<string> = new Set(['short-poll', 'long-poll', 'send', 'stream', 'sse'])
/** Characters of a previewed body kept (enough for a poll answer of a dozen messages, or a few SSE events). */
export const BODY_PREVIEW_MAX = 2048

const sockets = new WeakMap<Socket, SocketState>()
let httpCounter = 0

/** The lab transport a URL belongs to (lib/inspect/events.ts `lab`), or null when not reported. */
export function labTransportOf(url: string): string | null {
  const path = url.split(/[?#]/, 1)[0]
  if (path.startsWith('/sockjs/')) return 'sockjs'
  if (path.startsWith('/socket.io/')) return 'socketio'
  if (path === '/lab/echo') return 'echo'
  if (path === '/lab/counters' || path === '/lab/feeds') return path.slice(5)
  const m = /^\/lab\/feeds\/[^/]+\/([a-z-]+)$/.exec(path)
  if (m) return m[1] === 'messages' ? 'send' : m[1] === 'poll' ? 'short-poll' : m[1]
  return path === '/lab' || path.startsWith('/lab/') ? 'lab' : null
}

function stateOf(socket: Socket): SocketState {
  let state = sockets.get(socket)
  if (!state) {
    httpCounter += 1
    state = { conn: `http-${httpCounter}`, read: 0, written: 0 }
    sockets.set(socket, state)
  }
  return state
}

function pairs(raw: readonly string[]): Header[] {
  const out: Header[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]])
  return out
}

function headBytes(req: IncomingMessage): number {
  let n = Buffer.byteLength(`${req.method} ${req.url} HTTP/${req.httpVersion}\r\n\r\n`)
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) n += Buffer.byteLength(req.rawHeaders[i]) + Buffer.byteLength(req.rawHeaders[i + 1]) + 4
  return n
}

function chunkText(chunk: unknown, encoding: unknown): string {
  if (typeof chunk === 'string') return typeof encoding === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding as BufferEncoding).toString('utf8') : chunk
  return chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8') : ''
}

function chunkBytes(chunk: unknown, encoding: unknown): number {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
  return chunk instanceof Uint8Array ? chunk.byteLength : 0
}

/** Call for every request the server receives, before anything answers it. */
export function tapHttpExchange(req: IncomingMessage, res: ServerResponse, bus: TapBus): void {
  const socket = req.socket
  const state = stateOf(socket)
  const client = bus.active ? clientIdFromUrl(req.url) : undefined
  const lab = bus.wants(state.conn, client) ? labTransportOf(req.url ?? '/') : null
  let done = false
  let bodyOut = 0
  const previewing = lab !== null && PREVIEWED_LABS.has(lab)
  let preview = ''
  let truncated = false
  const look = (chunk: unknown, encoding: unknown): void => {
    const bytes = chunkBytes(chunk, encoding)
    bodyOut += bytes
    if (!previewing || bytes === 0) return
    if (preview.length >= BODY_PREVIEW_MAX) {
      truncated = true
      return
    }
    const text = chunkText(chunk, encoding)
    const room = BODY_PREVIEW_MAX - preview.length
    if (text.length > room) truncated = true
    preview += text.slice(0, room)
  }
  const started = performance.now()
  const start = { read: state.read, written: state.written }
  if (lab !== null) {
    const target = res as unknown as Record<'write' | 'end', (...args: unknown[]) => unknown>
    const write = target.write
    const end = target.end
    target.write = function (this: unknown, ...args: unknown[]) {
      look(args[0], args[1])
      return write.apply(this, args)
    }
    target.end = function (this: unknown, ...args: unknown[]) {
      if (typeof args[0] !== 'function') look(args[0], args[1])
      return end.apply(this, args)
    }
  }
  const finish = (): void => {
    if (done) return
    done = true
    state.read = socket.bytesRead
    state.written = socket.bytesWritten
    if (lab === null || !bus.wants(state.conn, client)) return
    const written = (res as unknown as { _header?: unknown })._header
    const head = typeof written === 'string' ? parseResponseHead(written) : null
    const bytesIn = state.read - start.read
    const declared = Number(req.headers['content-length'])
    const event: HttpExchangeEvent = {
      type: 'http.exchange', t: performance.now(), conn: state.conn, ...(client === undefined ? {} : { client }),
      method: req.method ?? 'GET', url: req.url ?? '/', httpVersion: req.httpVersion,
      requestHeaders: pairs(req.rawHeaders),
      requestBodyBytes: Number.isFinite(declared) ? declared : Math.max(0, bytesIn - headBytes(req)),
      status: res.statusCode, statusText: res.statusMessage ?? '',
      responseHeaders: head?.headers ?? [],
      responseBodyBytes: bodyOut,
      bytesIn, bytesOut: state.written - start.written,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      lab,
      ...(previewing ? { responseBodyPreview: preview, ...(truncated ? { responseBodyTruncated: true } : {}) } : {}),
    }
    bus.publish(event)
  }
  res.once('finish', finish)
  res.once('close', finish)
}
