import { StompParser, type ParseEvent } from '@/lib/stomp/parser'
import { serializeFrame, serializeHeartbeat } from '@/lib/stomp/serializer'
import { getHeader, type Frame, type StompVersion } from '@/lib/stomp/frame'
import { isValidUtf8 } from '@/lib/stomp/utf8'
import { negotiateHeartBeat } from '@/lib/stomp/negotiate'
import { parseHeartBeat } from '@/lib/stomp/commands'
import { ByteTape } from '@/lib/playground/byte-tape'
import { connectFrame, subprotocolMismatch } from '@/lib/playground/connect-frame'
import { browserMayClose, describeClose } from '@/lib/playground/close-codes'
import { EMPTY_TRACK, completionFrom, trackClosed, trackReceived, trackSent, type SessionTrack } from '@/lib/playground/session-tracker'
import type { ClientSettings, ClientStatus, CompletionContext, PlaygroundClient, WireEntry } from '../types'
import { browserSocketFactory, type SocketFactory, type WireSocket } from './socket'
import { HeartbeatClock } from './heartbeat-clock'
import { CLIENT_LIMITS, nextSeq, sentEntries } from './wire-entries'

/**
 * A raw STOMP client for the playground: it sends exactly the octets it is given (a broken frame
 * on purpose too), keeps every octet that crosses its wire as a WireEntry (frames parsed with the
 * shared codec for the negotiated version, heart-beats, unparsable bytes), tracks the connection
 * status, beats its heart per the negotiated interval, and knows what the editor can complete.
 */
export const MAX_ENTRIES = 5000
const IDLE_STATUS: ClientStatus = {
  state: 'idle', negotiatedVersion: null, heartBeat: null, subprotocol: null, session: null, server: null,
  closeCode: null, closeReason: null, sockjsTransport: null, url: null,
}

export interface RawClientOptions {
  readonly socketFactory?: SocketFactory
  /** Rewrites the URL before dialing (adds Wirelab's cid). */
  readonly resolveUrl?: (url: string, settings: ClientSettings) => string
  readonly maxEntries?: number
}

export class RawStompClient implements PlaygroundClient {
  settings: ClientSettings
  status: ClientStatus = IDLE_STATUS
  /** Entries dropped from the front of the log (the cap). */
  dropped = 0
  private buffer: WireEntry[] = []
  private snapshot: readonly WireEntry[] = []
  private dirty = false
  private listeners = new Set<() => void>()
  private notifyQueued = false
  private socket: WireSocket | null = null
  private generation = 0
  private parser: StompParser | null = null
  private tape = new ByteTape()
  private track: SessionTrack = EMPTY_TRACK
  private sentHeartBeat: readonly [number, number] = [0, 0]
  private readonly clock = new HeartbeatClock(() => this.beat(), (ms) => this.silence(ms))
  private readonly opts: RawClientOptions
  private readonly receiptWaiters = new Map<string, () => void>()
  private beatsPaused = false
  /** Bumped on every change: a cheap snapshot key for React. */
  revision = 0

  constructor(settings: ClientSettings, opts: RawClientOptions = {}) {
    this.settings = settings
    this.opts = opts
  }

  get entries(): readonly WireEntry[] {
    if (this.dirty) {
      this.snapshot = this.buffer.slice()
      this.dirty = false
    }
    return this.snapshot
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  setSettings(settings: ClientSettings): void {
    this.settings = settings
    this.changed()
  }

  /** What this client's editor and console complete from; `known`: destinations seen elsewhere on its broker (oldest first). */
  completionContext(known: readonly string[] = []): CompletionContext {
    return completionFrom(this.track, this.settings.versions, known)
  }

  clear(): void {
    this.buffer = []
    this.dropped = 0
    this.dirty = true
    this.changed()
  }

  connect(): void {
    if (this.socket !== null && (this.status.state === 'connecting' || this.status.state === 'open' || this.status.state === 'connected')) {
      this.event('Already connected: disconnect first.', 'error')
      return
    }
    const gen = ++this.generation
    this.beatsPaused = false
    const url = this.opts.resolveUrl ? this.opts.resolveUrl(this.settings.url, this.settings) : this.settings.url
    this.parser = new StompParser({ ...CLIENT_LIMITS, negotiate: this.settings.versions, version: null })
    this.tape = new ByteTape()
    this.track = trackClosed(this.track)
    this.status = { ...IDLE_STATUS, state: 'connecting', url }
    const via = this.settings.transport === 'sockjs'
      ? `SockJS${this.settings.sockjsTransports.length > 0 ? ` (${this.settings.sockjsTransports.join(', ')})` : ''}`
      : `WebSocket${this.settings.subprotocols.length > 0 ? `, offering ${this.settings.subprotocols.join(', ')}` : ', no subprotocol'}`
    this.event(`Connecting to ${url} over ${via}`)
    const mismatch = this.settings.transport === 'ws' ? subprotocolMismatch(this.settings.versions, this.settings.subprotocols) : null
    if (mismatch !== null) this.event(mismatch, 'error')
    const factory = this.opts.socketFactory ?? browserSocketFactory
    factory(url, this.settings, {
      onOpen: () => gen === this.generation && this.onOpen(),
      onData: (d) => gen === this.generation && this.onData(d),
      onClose: (code, reason, clean) => gen === this.generation && this.onClose(code, reason, clean),
      onError: () => gen === this.generation && this.event('The socket reported an error (browsers hide the cause on purpose; the close code below tells more).', 'error'),
    }).then(
      (socket) => {
        if (gen !== this.generation) socket.close(1000, 'superseded')
        else this.socket = socket
      },
      (e: unknown) => {
        if (gen !== this.generation) return
        this.event(`Could not open the socket: ${e instanceof Error ? e.message : String(e)}`, 'error')
        this.status = { ...this.status, state: 'closed' }
        this.changed()
      },
    )
  }

  sendRaw(bytes: Uint8Array): void {
    const socket = this.socket
    if (socket === null || !socket.open) {
      this.event('Not connected: nothing was sent. Press Connect first.', 'error')
      return
    }
    if (socket.kind === 'sockjs' && !isValidUtf8(bytes)) this.event('SockJS carries text only: bytes that are not UTF-8 were sent as U+FFFD.', 'error')
    // Text when it is UTF-8 (what STOMP clients send), a binary message otherwise (checklist 75, 76).
    socket.send(isValidUtf8(bytes) ? new TextDecoder().decode(bytes) : bytes)
    this.clock.sent()
    this.recordSent(bytes)
  }

  sendFrame(frame: Frame): void {
    const version = frame.command === 'CONNECT' || frame.command === 'STOMP' ? null : this.status.negotiatedVersion
    try {
      this.sendRaw(serializeFrame(frame, version))
    } catch (e) {
      this.event(`Not sent: ${e instanceof Error ? e.message : String(e)}`, 'error')
    }
  }

  close(code?: number, reason?: string): void {
    const socket = this.socket
    if (socket === null || this.status.state === 'closed' || this.status.state === 'idle') return
    if (code !== undefined && !browserMayClose(code)) {
      this.event(`A browser may only close with 1000 or 3000-4999; ${code} is refused (${describeClose(code, '')}).`, 'error')
      return
    }
    this.status = { ...this.status, state: 'closing' }
    this.event(`Closing${code === undefined ? '' : ` with ${code}`}${reason ? ` “${reason}”` : ''}`)
    try {
      socket.close(code, reason)
    } catch (e) {
      this.event(`close() refused: ${e instanceof Error ? e.message : String(e)}`, 'error')
    }
  }

  /** DISCONNECT with a receipt, then close once the RECEIPT arrives (or after 3 s). */
  disconnect(): void {
    if (this.status.state !== 'connected') return this.close(1000, 'bye')
    const receipt = `bye-${nextSeq()}`
    const gen = this.generation
    const done = () => {
      clearTimeout(timer)
      this.receiptWaiters.delete(receipt)
      if (gen === this.generation && this.status.state !== 'closed') this.close(1000, 'bye')
    }
    const timer = setTimeout(done, 3000)
    this.receiptWaiters.set(receipt, done)
    this.sendFrame({ command: 'DISCONNECT', headers: [['receipt', receipt]], body: new Uint8Array(0) })
  }

  get heartbeatsPaused(): boolean {
    return this.beatsPaused
  }

  /** Stop/resume sending heart-beat EOLs, socket kept open (lesson 12: the server detects silence). Frames still go out; connect() unpauses. */
  pauseHeartbeats(paused: boolean): void {
    if (paused === this.beatsPaused) return
    this.beatsPaused = paused
    this.event(paused ? 'Heart-beats paused: this client sends nothing until you resume or send a frame.' : 'Heart-beats resumed.')
  }

  /** Forget the socket for good (page unmount). */
  dispose(): void {
    this.generation++
    this.clock.stop()
    try {
      this.socket?.close(1000, 'page closed')
    } catch {
      // already closed
    }
    this.socket = null
    this.listeners.clear()
  }

  private onOpen(): void {
    const s = this.socket
    this.status = { ...this.status, state: 'open', subprotocol: s?.protocol || null, sockjsTransport: s?.transport ?? null }
    this.event(s?.kind === 'sockjs' ? `SockJS open (transport ${s.transport ?? '?'})` : `WebSocket open (subprotocol: ${s?.protocol || 'none'})`)
    if (this.settings.autoConnect !== false) this.sendFrame(connectFrame(this.settings))
  }

  private onData(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
    this.clock.received()
    const parser = this.parser
    if (parser === null || parser.failed) {
      this.push({ kind: 'raw', seq: nextSeq(), t: Date.now(), dir: 'received', raw: bytes, note: 'after a parse error this client stopped parsing' })
      return
    }
    this.tape.push(bytes)
    for (const e of parser.push(bytes)) this.onParsed(e)
  }

  private onParsed(e: ParseEvent): void {
    const t = Date.now()
    if (e.type === 'heartbeat') {
      this.push({ kind: 'heartbeat', seq: nextSeq(), t, dir: 'received', raw: this.tape.take(e.bytes) })
    } else if (e.type === 'error') {
      this.push({ kind: 'raw', seq: nextSeq(), t, dir: 'received', raw: this.tape.takeAll(), note: `not a valid frame: ${e.problem.message}` })
    } else {
      this.push({ kind: 'frame', seq: nextSeq(), t, dir: 'received', raw: this.tape.take(e.wireBytes), frame: e.frame })
      this.track = trackReceived(this.track, e.frame)
      if (e.frame.command === 'CONNECTED') this.onConnected(e.frame)
      if (e.frame.command === 'RECEIPT') this.receiptWaiters.get(getHeader(e.frame, 'receipt-id') ?? '')?.()
    }
  }

  private onConnected(frame: Frame): void {
    const v = getHeader(frame, 'version') ?? '1.0'
    const version: StompVersion = v === '1.1' || v === '1.2' ? v : '1.0'
    this.parser?.setVersion(version)
    const server = parseHeartBeat(getHeader(frame, 'heart-beat') ?? '0,0') ?? [0, 0]
    const hb = version === '1.0' ? { clientToServer: 0, serverToClient: 0 } : negotiateHeartBeat(this.sentHeartBeat, server)
    this.status = {
      ...this.status,
      state: 'connected',
      negotiatedVersion: version,
      heartBeat: [hb.clientToServer, hb.serverToClient],
      session: getHeader(frame, 'session') ?? null,
      server: getHeader(frame, 'server') ?? null,
    }
    this.clock.start(hb.clientToServer, hb.serverToClient)
  }

  private recordSent(bytes: Uint8Array): void {
    for (const entry of sentEntries(bytes, this.status.negotiatedVersion, this.settings.versions, Date.now())) {
      this.push(entry)
      if (entry.kind !== 'frame') continue
      this.track = trackSent(this.track, entry.frame)
      if (entry.frame.command === 'CONNECT' || entry.frame.command === 'STOMP') {
        this.sentHeartBeat = parseHeartBeat(getHeader(entry.frame, 'heart-beat') ?? '0,0') ?? [0, 0]
      }
    }
  }

  private beat(): void {
    if (this.socket?.open !== true || this.beatsPaused) return
    const lf = serializeHeartbeat()
    this.socket.send(new TextDecoder().decode(lf))
    this.push({ kind: 'heartbeat', seq: nextSeq(), t: Date.now(), dir: 'sent', raw: lf })
  }

  private silence(ms: number): void {
    const hb = this.status.heartBeat?.[1] ?? 0
    this.event(`No data from the server for ${(ms / 1000).toFixed(1)} s although it promised a heart-beat every ${hb} ms: the connection may be dead.`, 'error')
  }

  private onClose(code: number, reason: string, wasClean: boolean): void {
    this.clock.stop()
    this.socket = null
    this.track = trackClosed(this.track)
    const pending = this.tape.takeAll()
    if (pending.length > 0) this.push({ kind: 'raw', seq: nextSeq(), t: Date.now(), dir: 'received', raw: pending, note: 'an unfinished frame when the connection closed' })
    this.status = { ...this.status, state: 'closed', closeCode: code, closeReason: reason }
    this.event(`Closed${wasClean ? '' : ' (not cleanly)'}: ${describeClose(code, reason)}`, code === 1000 || code === 1001 || code === 1005 ? 'info' : 'error')
  }

  private event(text: string, level: 'info' | 'error' = 'info'): void {
    this.push({ kind: 'event', seq: nextSeq(), t: Date.now(), text, level })
  }

  private push(entry: WireEntry): void {
    this.buffer.push(entry)
    const max = this.opts.maxEntries ?? MAX_ENTRIES
    if (this.buffer.length > max + Math.ceil(max / 10)) {
      const cut = this.buffer.length - max
      this.buffer.splice(0, cut)
      this.dropped += cut
    }
    this.dirty = true
    this.changed()
  }

  private changed(): void {
    this.revision++
    if (this.notifyQueued) return
    this.notifyQueued = true
    queueMicrotask(() => {
      this.notifyQueued = false
      for (const l of [...this.listeners]) l()
    })
  }
}
