/**
 * A tiny STOMP test client for conversation tests: it writes frame text exactly as given (no
 * escaping, no helpful additions) and reads the broker's bytes with its own small reader (not the
 * codec's parser), so the tests check the wire, not the codec against itself.
 */
import { Broker } from '../broker'
import type { BrokerOptions } from '../options'
import { TapBus } from '../../inspect/bus'
import type { InspectEvent } from '../../../lib/inspect/events'
import { MemoryConnection, type CloseInfo } from './memory-connection'

export interface WireFrame {
  readonly command: string
  /** Headers as they stood on the wire (still escaped), repeats kept. */
  readonly headers: readonly (readonly [string, string])[]
  readonly body: Uint8Array
  readonly text: string
  /** The kind of message the frame arrived in (WebSocket text/binary — checklist 76). */
  readonly kind: 'text' | 'binary'
  /** First occurrence wins (raw, escaped form). */
  header(name: string): string | undefined
}

const decoder = new TextDecoder()
const encoder = new TextEncoder()

export function testOptions(over: Partial<BrokerOptions> = {}): BrokerOptions {
  return {
    limits: { maxFrameBytes: 1 << 20, maxPreConnectFrameBytes: 64 * 1024, maxHeaders: 100, maxHeaderLineBytes: 8192, maxBodyBytes: 1 << 20 },
    versions: ['1.0', '1.1', '1.2'],
    heartBeat: [0, 0],
    heartBeatGraceMultiplier: 2,
    maxSubscriptionsPerSession: 100,
    prefetch: 100,
    queueMaxMessages: 1000,
    maxOutboundBytes: 1 << 20,
    users: null,
    serverName: 'wirelab-test/0',
    closeLingerMs: 500,
    ...over,
  }
}

/** A broker with a bus that records every event. */
export function testBroker(over: Partial<BrokerOptions> = {}): { broker: Broker; bus: TapBus; events: InspectEvent[] } {
  const bus = new TapBus()
  const events: InspectEvent[] = []
  bus.subscribe((e) => events.push(e))
  return { broker: new Broker(testOptions(over), bus), bus, events }
}

function indexOfPair(buf: Uint8Array, from: number): number {
  for (let i = from; i + 1 < buf.length; i++) if (buf[i] === 10 && buf[i + 1] === 10) return i
  return -1
}

export class TestClient {
  readonly frames: WireFrame[] = []
  /** Date.now() of every heart-beat EOL received. */
  readonly heartbeats: number[] = []
  readonly closed: Promise<CloseInfo>
  closeInfo: CloseInfo | null = null
  private buf = new Uint8Array(0)
  private read = 0
  private waiters: (() => void)[] = []

  constructor(readonly conn: MemoryConnection) {
    conn.peer.onData((chunk) => this.onBytes(chunk.data, chunk.kind))
    this.closed = new Promise((resolve) => conn.peer.onEnd((info) => {
      this.closeInfo = info
      resolve(info)
      this.wake()
    }))
  }

  static open(broker: Broker, transport: 'ws' | 'tcp' | 'sockjs' = 'ws'): TestClient {
    const conn = new MemoryConnection(transport)
    const client = new TestClient(conn)
    broker.accept(conn)
    return client
  }

  get id(): string {
    return this.conn.id
  }

  /** Raw bytes or text, exactly as given. */
  send(data: string | Uint8Array): void {
    this.conn.peer.write(data)
  }

  /** `COMMAND\nname:value…\n\nbody\0`, header text written as given (escape it yourself). */
  frame(command: string, headers: Record<string, string> | readonly (readonly [string, string])[] = {}, body: string | Uint8Array = ''): void {
    const list = Array.isArray(headers) ? headers : Object.entries(headers)
    const head = encoder.encode(`${command}\n${list.map(([n, v]) => `${n}:${v}\n`).join('')}\n`)
    const b = typeof body === 'string' ? encoder.encode(body) : body
    const out = new Uint8Array(head.length + b.length + 1)
    out.set(head)
    out.set(b, head.length)
    this.send(out)
  }

  /** CONNECT (1.2 unless told) and wait for CONNECTED. */
  async connect(headers: Record<string, string> = {}): Promise<WireFrame> {
    this.frame('CONNECT', { 'accept-version': '1.2', host: 'localhost', ...headers })
    return this.expect('CONNECTED')
  }

  /** The next frame not read yet (heart-beats are not frames). Rejects on timeout or close. */
  async next(timeoutMs = 2000): Promise<WireFrame> {
    const deadline = Date.now() + timeoutMs
    while (this.read >= this.frames.length) {
      if (this.closeInfo) throw new Error(`connection closed (${this.closeInfo.how}) while waiting for a frame`)
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`no frame within ${timeoutMs} ms`)
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(t)
          resolve()
        })
      })
    }
    return this.frames[this.read++]
  }

  async expect(command: string, timeoutMs = 2000): Promise<WireFrame> {
    const f = await this.next(timeoutMs)
    if (f.command !== command) throw new Error(`expected ${command}, got ${f.command} ${JSON.stringify(f.headers)} ${f.text}`)
    return f
  }

  /** Frames (unread) that arrive within `ms`. */
  async quiet(ms: number): Promise<WireFrame[]> {
    await new Promise((r) => setTimeout(r, ms))
    const unread = this.frames.slice(this.read)
    this.read = this.frames.length
    return unread
  }

  /** ERROR, then the connection closes with a flush (checklist 70, 67). */
  async expectErrorThenClose(timeoutMs = 2000): Promise<WireFrame> {
    const f = await this.expect('ERROR', timeoutMs)
    const info = await this.closed
    if (info.how !== 'close') throw new Error(`expected a flushing close after ERROR, got ${info.how}`)
    return f
  }

  hangUp(): void {
    this.conn.peer.end()
  }

  private wake(): void {
    const w = this.waiters
    this.waiters = []
    for (const f of w) f()
  }

  private onBytes(data: Uint8Array, kind: 'text' | 'binary'): void {
    const merged = new Uint8Array(this.buf.length + data.length)
    merged.set(this.buf)
    merged.set(data, this.buf.length)
    this.buf = merged
    let pos = 0
    for (;;) {
      if (pos < this.buf.length && this.buf[pos] === 10) {
        this.heartbeats.push(Date.now())
        pos += 1
        continue
      }
      if (pos + 1 < this.buf.length && this.buf[pos] === 13 && this.buf[pos + 1] === 10) {
        this.heartbeats.push(Date.now())
        pos += 2
        continue
      }
      const end = indexOfPair(this.buf, pos)
      if (end < 0) break
      const lines = decoder.decode(this.buf.subarray(pos, end)).split('\n')
      const command = lines[0]
      const headers = lines.slice(1).map((l) => {
        const c = l.indexOf(':')
        return [l.slice(0, c), l.slice(c + 1)] as const
      })
      const cl = headers.find(([n]) => n === 'content-length')?.[1]
      const bodyStart = end + 2
      let bodyEnd: number
      if (cl !== undefined) {
        bodyEnd = bodyStart + Number(cl)
        if (bodyEnd >= this.buf.length) break
        if (this.buf[bodyEnd] !== 0) throw new Error('test client: no NUL after content-length octets')
      } else {
        bodyEnd = this.buf.indexOf(0, bodyStart)
        if (bodyEnd < 0) break
      }
      const body = this.buf.slice(bodyStart, bodyEnd)
      this.frames.push({
        command, headers, body, text: decoder.decode(body), kind,
        header: (name) => headers.find(([n]) => n === name)?.[1],
      })
      pos = bodyEnd + 1
    }
    this.buf = this.buf.slice(pos)
    this.wake()
  }
}
