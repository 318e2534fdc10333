/**
 * The WebSocket tap: `ws.handshake` and `ws.frame` events decoded from the socket's REAL octets,
 * both directions, whatever library speaks WebSocket on it (`ws` for /ws/stomp and the lab,
 * faye-websocket inside sockjs).
 *
 *   const head2 = tapWebSocket(req, socket, head, { bus, conn: 'ws-3', client })
 *   wss.handleUpgrade(req, socket, head2, …)       // hand over the returned head
 *
 * How it watches without disturbing the library:
 * - outgoing: `socket.write` / `socket.end` are wrapped on this one socket; the octets are copied
 *   to the decoder, then written unchanged. The first octets are the HTTP 101 response head
 *   (read here for the handshake event), then frames.
 * - incoming: `socket.emit` is wrapped to see each 'data' chunk before the library does. No
 *   listener is added, so the socket's flowing/paused state stays the library's business.
 *   Octets that arrived with the upgrade request (`head`) are put back on the socket with
 *   unshift(), so they too come through 'data' — for every library alike.
 *
 * Cheap when nobody watches: the decoders only follow frame boundaries (no copy, no event) while
 * nobody wants this connection (`bus.wants`), and start reporting at the next frame once someone
 * does. `ws` writes each message as header then payload, so an unwatched write costs a length
 * comparison and a subtraction (WsFrameStream.push's fast path). A failure inside the tap
 * switches it off for that socket; it never throws into the transport.
 * /ws/inspect itself is never tapped (a viewer would watch its own traffic in a loop).
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Header } from '../../lib/stomp/frame'
import type { Direction, WsFrameEvent, WsHandshakeEvent } from '../../lib/inspect/events'
import { toHex } from '../../lib/websocket/frame-header'
import { WsFrameStream, type DecodedFrame } from '../../lib/websocket/frame-stream'
import { closeInfo, payloadPreview, PREVIEW_CHARS } from '../../lib/websocket/preview'
import type { TapBus } from './bus'
import { headerValue, ResponseHeadReader, type ResponseHead } from './http-head'

export interface WsTapOptions {
  readonly bus: TapBus
  /** The connection id every event carries (the broker's id for /ws/stomp: `ws-3`). */
  readonly conn: string
  /** The tab's cid (`?cid=`), when valid. */
  readonly client?: string
}

/** Octets of payload kept per frame: enough for 256 characters of any UTF-8 text. */
const PREVIEW_OCTETS = PREVIEW_CHARS * 4

function rawHeaderPairs(raw: readonly string[]): Header[] {
  const out: Header[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]])
  return out
}

function pathOf(url: string): string {
  const end = url.search(/[?#]/)
  return end < 0 ? url : url.slice(0, end)
}

function toOctets(chunk: unknown, encoding: unknown): Uint8Array | null {
  if (chunk instanceof Uint8Array) return chunk
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
  return null
}

export function frameEvent(base: { conn: string; client?: string }, dir: Direction, f: DecodedFrame): WsFrameEvent {
  const shown = payloadPreview(f.payload, f.payloadLength)
  const close = f.opcode === 8 ? closeInfo(f.payload) : {}
  return {
    type: 'ws.frame', t: performance.now(), conn: base.conn, ...(base.client === undefined ? {} : { client: base.client }), dir,
    fin: f.fin, rsv1: f.rsv1, rsv2: f.rsv2, rsv3: f.rsv3, opcode: f.opcode, masked: f.masked,
    maskKey: f.maskKey === null ? null : toHex(f.maskKey), payloadLength: f.payloadLength, headerBytes: f.headerBytes,
    headerHex: toHex(f.headerOctets), preview: shown.preview, previewEncoding: shown.encoding, truncated: shown.truncated,
    ...(close.code === undefined ? {} : { closeCode: close.code, closeReason: close.reason ?? '' }),
  }
}

export function handshakeEvent(req: IncomingMessage, response: ResponseHead, options: WsTapOptions): WsHandshakeEvent {
  const url = req.url ?? '/'
  const key = req.headers['sec-websocket-key']
  return {
    type: 'ws.handshake', t: performance.now(), conn: options.conn, ...(options.client === undefined ? {} : { client: options.client }),
    path: pathOf(url),
    requestLine: `${req.method ?? 'GET'} ${url} HTTP/${req.httpVersion}`,
    requestHeaders: rawHeaderPairs(req.rawHeaders),
    key: typeof key === 'string' ? key : '',
    accept: headerValue(response.headers, 'sec-websocket-accept') ?? '',
    protocol: headerValue(response.headers, 'sec-websocket-protocol') ?? null,
    extensions: headerValue(response.headers, 'sec-websocket-extensions') ?? null,
    statusLine: response.statusLine,
    responseHeaders: response.headers,
  }
}

class WireTap {
  private readonly inbound = new WsFrameStream({ previewBytes: PREVIEW_OCTETS })
  private readonly outbound = new WsFrameStream({ previewBytes: PREVIEW_OCTETS })
  /** Non-null until the response head has been written. */
  private head: ResponseHeadReader | null = new ResponseHeadReader()
  off = false

  constructor(
    private readonly req: IncomingMessage,
    private readonly options: WsTapOptions,
  ) {}

  incoming(chunk: Uint8Array): void {
    if (this.head !== null) return // nothing a client may send before the 101 (RFC 6455 §4.1)
    this.frames('in', this.inbound, chunk)
  }

  outgoing(chunk: Uint8Array): void {
    let rest = chunk
    if (this.head !== null) {
      const result = this.head.push(chunk)
      if (result.kind === 'more') return
      this.head = null
      if (result.kind === 'error' || result.head.status !== 101) {
        this.off = true // refused upgrade: no WebSocket here
        return
      }
      const { bus, conn, client } = this.options
      if (bus.wants(conn, client)) bus.publish(handshakeEvent(this.req, result.head, this.options))
      rest = result.rest
    }
    if (rest.length > 0) this.frames('out', this.outbound, rest)
  }

  private frames(dir: Direction, stream: WsFrameStream, chunk: Uint8Array): void {
    const { bus, conn, client } = this.options
    const frames = stream.push(chunk, bus.wants(conn, client))
    if (stream.error !== null) this.off = true
    for (const f of frames) bus.publish(frameEvent(this.options, dir, f))
  }
}

type AnyFn = (...args: unknown[]) => unknown

/** Feeds the tap; a failure inside it switches it off for this socket, never reaching the transport. */
function feed(tap: WireTap, dir: Direction, chunk: unknown, encoding: unknown): void {
  try {
    const octets = toOctets(chunk, encoding)
    if (octets === null) return
    if (dir === 'in') tap.incoming(octets)
    else tap.outgoing(octets)
  } catch {
    tap.off = true
  }
}

export function tapWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer, options: WsTapOptions): Buffer {
  const tap = new WireTap(req, options)
  const target = socket as unknown as Record<'write' | 'end' | 'emit', AnyFn>
  const write = target.write
  const end = target.end
  const emit = target.emit
  // named parameters + `arguments`: no rest array per call (two writes per WebSocket message)
  target.write = function (this: unknown, chunk: unknown, encoding: unknown) {
    if (!tap.off) feed(tap, 'out', chunk, encoding)
    return Reflect.apply(write, this, arguments)
  }
  target.end = function (this: unknown, chunk: unknown, encoding: unknown) {
    if (!tap.off) feed(tap, 'out', chunk, encoding)
    return Reflect.apply(end, this, arguments)
  }
  target.emit = function (this: unknown, event: unknown, chunk: unknown) {
    if (event === 'data' && !tap.off) feed(tap, 'in', chunk, undefined)
    return Reflect.apply(emit, this, arguments)
  }
  if (head.length === 0) return head
  socket.unshift(head)
  return Buffer.alloc(0)
}
