/**
 * A deliberately dumb STOMP client for the black-box conformance suite (server/conformance).
 * It writes exactly the bytes a test gives it (malformed frames, lower-case commands, CRLF, NULs,
 * split writes) and reads the server's bytes with its OWN tiny parser — an oracle independent of
 * lib/stomp/parser.ts, so a codec bug cannot hide a broker bug.
 */
import { connect as netConnect, type Socket } from 'node:net'
import WebSocket from 'ws'

const [LF, CR, NUL] = [0x0a, 0x0d, 0x00]
const enc = new TextEncoder()
const dec = new TextDecoder('utf-8')

export type WireVersion = '1.0' | '1.1' | '1.2'
export type HeaderList = ReadonlyArray<readonly [string, string]> | Readonly<Record<string, string>>

export interface WireFrame {
  readonly command: string
  readonly headers: ReadonlyArray<readonly [string, string]> // decoded per version (CONNECTED never), wire order
  readonly rawHeaderLines: readonly string[] // exactly as received, escaped form, no EOL
  readonly body: Uint8Array
  readonly text: string // body as UTF-8
  header(name: string): string | undefined // first occurrence wins (checklist 18)
  readonly at: number // ms since the client opened
}

export interface WsMessage { readonly type: 'text' | 'binary'; readonly data: Uint8Array }
export interface Closed { readonly afterMs: number; readonly sinceOpenMs: number; readonly code?: number; readonly reason?: string }

/** Builds a frame's text. Headers are written verbatim: escape them yourself when a test needs it. */
export function frame(command: string, headers: HeaderList = {}, body = '', eol = '\n'): string {
  const list = Array.isArray(headers) ? headers : Object.entries(headers)
  return `${command}${eol}${list.map(([n, v]) => `${n}:${v}${eol}`).join('')}${eol}${body}\0`
}

/** Same as `frame` for a binary body. */
export function frameBytes(command: string, headers: HeaderList, body: Uint8Array): Uint8Array {
  return concat([enc.encode(frame(command, headers, '').slice(0, -1)), body, new Uint8Array([NUL])])
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) { out.set(p, o); o += p.length }
  return out
}

function unescape(s: string, version: WireVersion, problems: string[]): string {
  if (version === '1.0' || !s.includes('\\')) return s
  return s.replace(/\\(.?)/gs, (all, c: string) => {
    if (c === 'n') return '\n'
    if (c === 'c') return ':'
    if (c === '\\') return '\\'
    if (c === 'r' && version === '1.2') return '\r'
    problems.push(`undefined escape ${JSON.stringify(all)} in ${JSON.stringify(s)}`)
    return all
  })
}

export class WireClient {
  readonly frames: WireFrame[] = []
  readonly wsMessages: WsMessage[] = []
  readonly parseProblems: string[] = [] // what the oracle found wrong in the server's bytes
  heartbeatsReceived = 0
  readonly heartbeatTimes: number[] = []
  /** Version used to decode headers; set from CONNECTED (absent `version` ⇒ 1.0). */
  version: WireVersion = '1.2'
  readonly closed: Promise<Closed>
  isClosed = false
  closeNote = ''
  private chunks: Uint8Array[] = []
  private pending: Uint8Array = new Uint8Array(0)
  private readonly taken = new Set<WireFrame>()
  private readonly t0 = performance.now()
  private lastSent = performance.now()
  private waiters = new Set<() => void>()
  private resolveClosed!: (c: Closed) => void

  constructor(
    readonly kind: 'tcp' | 'ws',
    private readonly writer: (data: string | Uint8Array, binary?: boolean) => void,
    private readonly ender: () => void,
    private readonly pauser: (paused: boolean) => void,
    readonly protocol = '',
  ) {
    this.closed = new Promise((r) => (this.resolveClosed = r))
  }

  /** All bytes received so far (exact-byte assertions). */
  get rawReceived(): Uint8Array { return concat(this.chunks) }
  /** Frames received (arrival order) but not yet taken by nextFrame/waitFor/expect. */
  get unread(): WireFrame[] { return this.frames.filter((f) => !this.taken.has(f)) }

  /** Exact bytes. Over WebSocket a string is one text message, bytes one binary message. */
  sendRaw(data: string | Uint8Array, opts: { binary?: boolean } = {}): void {
    this.lastSent = performance.now()
    this.writer(data, opts.binary)
  }

  send(command: string, headers: HeaderList = {}, body = ''): void { this.sendRaw(frame(command, headers, body)) }

  /** Stop (true) / resume (false) reading the socket: a paused reader is a slow consumer. */
  pauseReading(paused = true): void { this.pauser(paused) }
  /** Half-close (TCP) / close 1000 (WS) our side. */
  close(): void { this.ender() }

  /** Next frame in arrival order; rejects on timeout or when the connection closes first. */
  nextFrame(opts: { timeoutMs?: number } = {}): Promise<WireFrame> { return this.waitFor(() => true, opts) }

  /** First unread frame matching `pred` (others stay unread, in order). */
  async waitFor(pred: (f: WireFrame) => boolean, opts: { timeoutMs?: number } = {}): Promise<WireFrame> {
    const timeoutMs = opts.timeoutMs ?? 5000
    const deadline = performance.now() + timeoutMs
    for (;;) {
      const f = this.frames.find((x) => !this.taken.has(x) && pred(x))
      if (f) { this.taken.add(f); return f }
      const left = deadline - performance.now()
      if (this.isClosed) throw new Error(`${this.kind}: connection closed (${this.closeNote}) while waiting for a frame; unread: ${this.describeUnread()}`)
      if (left <= 0) throw new Error(`${this.kind}: no matching frame within ${timeoutMs} ms; unread: ${this.describeUnread()}`)
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left)
        this.waiters.add(() => { clearTimeout(t); resolve() })
      })
    }
  }

  /** Waits for a frame with this command (and optional header values). */
  expect(command: string, headers: Readonly<Record<string, string>> = {}, timeoutMs?: number): Promise<WireFrame> {
    return this.waitFor((f) => f.command === command && Object.entries(headers).every(([n, v]) => f.header(n) === v), { timeoutMs })
  }

  /** CONNECT (1.2 by default, host included) and await CONNECTED. */
  async connect(headers: Readonly<Record<string, string>> = {}, command = 'CONNECT'): Promise<WireFrame> {
    this.send(command, { 'accept-version': '1.2', host: 'wirelab', ...headers })
    const f = await this.nextFrame()
    if (f.command !== 'CONNECTED') throw new Error(`expected CONNECTED, got ${f.command} ${JSON.stringify(f.headers)} ${f.text}`)
    return f
  }

  /** SUBSCRIBE and wait for its RECEIPT, so a following SEND is routed to it. */
  async subscribe(destination: string, id: string, extra: Readonly<Record<string, string>> = {}): Promise<void> {
    const receipt = `sub-${id}-${Math.random().toString(36).slice(2)}`
    this.send('SUBSCRIBE', { destination, id, ...extra, receipt })
    await this.expect('RECEIPT', { 'receipt-id': receipt })
  }

  /** Sends a frame with a fresh `receipt` and waits for the RECEIPT. */
  async sendAndReceipt(command: string, headers: Readonly<Record<string, string>> = {}, body = ''): Promise<WireFrame> {
    const receipt = `r-${Math.random().toString(36).slice(2)}`
    this.send(command, { ...headers, receipt }, body)
    return this.expect('RECEIPT', { 'receipt-id': receipt })
  }

  /** The next frame must be ERROR and the server must then close the connection (checklist 70). */
  async expectErrorThenClose(timeoutMs = 5000): Promise<WireFrame & Closed> {
    const f = await this.nextFrame({ timeoutMs })
    if (f.command !== 'ERROR') throw new Error(`expected ERROR, got ${f.command} ${JSON.stringify(f.headers)}`)
    const c = await Promise.race([
      this.closed,
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`${this.kind}: ERROR received but connection still open after ${timeoutMs} ms`)), timeoutMs)),
    ])
    return Object.assign(f, c)
  }

  private describeUnread(): string {
    return JSON.stringify(this.unread.map((f) => `${f.command} ${JSON.stringify(f.headers)} ${f.text.slice(0, 200)}`))
  }

  /** Fed by the transport. */
  onBytes(chunk: Uint8Array): void {
    this.chunks.push(chunk)
    this.pending = this.pending.length ? concat([this.pending, chunk]) : chunk
    this.parse()
    this.wake()
  }

  onClosed(code?: number, reason?: string): void {
    if (this.isClosed) return
    this.isClosed = true
    this.closeNote = code === undefined ? 'EOF' : `WebSocket close ${code} ${JSON.stringify(reason ?? '')}`
    const now = performance.now()
    this.resolveClosed({ afterMs: now - this.lastSent, sinceOpenMs: now - this.t0, code, reason })
    this.wake()
  }

  private wake(): void {
    for (const w of [...this.waiters]) { this.waiters.delete(w); w() }
  }

  private parse(): void {
    for (;;) {
      const b = this.pending
      let i = 0
      for (;;) {
        if (b[i] === LF) i += 1
        else if (b[i] === CR && b[i + 1] === LF) i += 2
        else break
        this.heartbeatsReceived++
        this.heartbeatTimes.push(performance.now() - this.t0)
      }
      if (i >= b.length) { this.pending = new Uint8Array(0); return }
      const lines: string[] = []
      let pos = i
      let bodyStart = -1
      while (bodyStart < 0) {
        const lf = b.indexOf(LF, pos)
        if (lf < 0) { this.pending = b.subarray(i); return }
        const end = lf > pos && b[lf - 1] === CR ? lf - 1 : lf
        const line = dec.decode(b.subarray(pos, end))
        pos = lf + 1
        if (line === '' && lines.length > 0) bodyStart = pos
        else lines.push(line)
      }
      const [command, ...rawHeaderLines] = lines
      const version: WireVersion = command === 'CONNECTED' ? '1.0' : this.version
      const headers = rawHeaderLines.map((l) => {
        const c = l.indexOf(':')
        if (c < 0) this.parseProblems.push(`header line without colon: ${JSON.stringify(l)}`)
        return c < 0 ? [l, ''] as const : [unescape(l.slice(0, c), version, this.parseProblems), unescape(l.slice(c + 1), version, this.parseProblems)] as const
      })
      const header = (n: string): string | undefined => headers.find(([k]) => k === n)?.[1]
      const cl = header('content-length')
      let bodyEnd: number
      if (cl !== undefined && /^\d+$/.test(cl)) {
        bodyEnd = bodyStart + Number(cl)
        if (b.length <= bodyEnd) { this.pending = b.subarray(i); return }
        if (b[bodyEnd] !== NUL) this.parseProblems.push(`${command}: octet after content-length ${cl} is not NUL`)
      } else {
        bodyEnd = b.indexOf(NUL, bodyStart)
        if (bodyEnd < 0) { this.pending = b.subarray(i); return }
      }
      const body = b.slice(bodyStart, bodyEnd)
      if (command === 'CONNECTED') this.version = (header('version') ?? '1.0') as WireVersion
      this.frames.push({ command, headers, rawHeaderLines, body, text: dec.decode(body), header, at: performance.now() - this.t0 })
      this.pending = b.subarray(bodyEnd + 1)
    }
  }
}

/** A raw TCP STOMP connection (resolves once connected). */
export function openTcp(port: number, host = '127.0.0.1'): Promise<WireClient> {
  return new Promise((resolve, reject) => {
    const socket: Socket = netConnect({ port, host })
    socket.setNoDelay(true)
    const client = new WireClient('tcp', (d) => { socket.write(d) }, () => socket.end(), (p) => (p ? socket.pause() : socket.resume()))
    socket.on('data', (d: Buffer) => client.onBytes(new Uint8Array(d.buffer, d.byteOffset, d.byteLength)))
    socket.on('end', () => client.onClosed())
    socket.on('close', () => client.onClosed())
    socket.on('error', (e) => (client.isClosed ? undefined : socket.connecting ? reject(e) : client.onClosed()))
    socket.once('connect', () => resolve(client))
  })
}

/** A WebSocket STOMP connection (resolves once the handshake completed). */
export function openWs(url: string, protocols?: string | string[]): Promise<WireClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols)
    ws.binaryType = 'nodebuffer'
    let client: WireClient | undefined
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice()
      client?.wsMessages.push({ type: isBinary ? 'binary' : 'text', data: bytes })
      client?.onBytes(bytes)
    })
    ws.on('close', (code: number, reason: Buffer) => client?.onClosed(code, reason.toString('utf8')))
    ws.on('error', (e) => (client ? client.onClosed() : reject(e)))
    ws.on('open', () => {
      client = new WireClient(
        'ws',
        (d, binary) => ws.send(d, { binary: binary ?? typeof d !== 'string' }),
        () => ws.close(1000),
        (p) => (p ? ws.pause() : ws.resume()),
        ws.protocol,
      )
      resolve(client)
    })
  })
}

export const TRANSPORTS = ['tcp', 'ws'] as const
export type Transport = (typeof TRANSPORTS)[number]
export const STOMP_WS_PROTOCOLS = ['v12.stomp', 'v11.stomp', 'v10.stomp']

/** Opens clients of either transport (WS offers the stompjs subprotocols) and closes them all at once. */
export function clientPool(endpoints: () => { readonly tcpPort: number; readonly wsUrl: string }) {
  const opened: WireClient[] = []
  return {
    async open(kind: Transport, protocols: string[] = STOMP_WS_PROTOCOLS): Promise<WireClient> {
      const c = kind === 'tcp' ? await openTcp(endpoints().tcpPort) : await openWs(endpoints().wsUrl, protocols)
      opened.push(c)
      return c
    },
    closeAll(): void { for (const c of opened.splice(0)) c.close() },
  }
}

let counter = 0
/** A destination/id no other test uses. */
export function uniq(prefix: string): string { return `${prefix}-${process.pid}-${++counter}` }
