/**
 * An in-memory Connection pair for conversation tests (aedes style: the core takes any duplex).
 * Bytes travel asynchronously (setImmediate) in both directions, in order. The client side can
 * `pause()` reading to play a stalled reader: bytes then pile up in `bufferedAmount`, exactly what
 * a socket whose peer stopped reading looks like to the broker.
 */
import type { Connection } from '../connection'
import type { TransportKind } from '../../../lib/inspect/events'

export interface SentChunk {
  readonly data: Uint8Array
  readonly kind: 'text' | 'binary'
}

export interface CloseInfo {
  /** 'close' = flushed then closed (checklist 67), 'destroy' = torn down, 'peer' = client hung up. */
  readonly how: 'close' | 'destroy' | 'peer'
  readonly code?: number
  readonly reason?: string
}

let counter = 0
const encoder = new TextEncoder()

/** The client's end of the pipe. */
export class MemoryPeer {
  private readonly dataListeners: ((chunk: SentChunk) => void)[] = []
  private readonly endListeners: ((info: CloseInfo) => void)[] = []
  constructor(private readonly conn: MemoryConnection) {}

  /** Send raw bytes (or text, UTF-8 encoded) to the broker. */
  write(data: Uint8Array | string): void {
    this.conn.fromPeer(typeof data === 'string' ? encoder.encode(data) : data)
  }
  /** The client hangs up (TCP FIN / WebSocket close from the browser). */
  end(): void {
    this.conn.peerClosed()
  }
  /** Stop reading: broker output accumulates in bufferedAmount. */
  pause(): void {
    this.conn.setPaused(true)
  }
  resume(): void {
    this.conn.setPaused(false)
  }
  onData(listener: (chunk: SentChunk) => void): void {
    this.dataListeners.push(listener)
  }
  onEnd(listener: (info: CloseInfo) => void): void {
    this.endListeners.push(listener)
  }
  /** @internal */
  emitData(chunk: SentChunk): void {
    for (const l of this.dataListeners) l(chunk)
  }
  /** @internal */
  emitEnd(info: CloseInfo): void {
    for (const l of this.endListeners) l(info)
  }
}

export class MemoryConnection implements Connection {
  readonly id: string
  readonly peer: MemoryPeer
  /** Every chunk the broker handed to `send`, in order (kinds included: checklist 76). */
  readonly sent: SentChunk[] = []
  closeInfo: CloseInfo | null = null
  private readonly dataListeners: ((chunk: Uint8Array) => void)[] = []
  private readonly closeListeners: ((reason: string) => void)[] = []
  private readonly drainListeners: (() => void)[] = []
  private readonly pending: { readonly chunk: SentChunk; readonly counted: boolean }[] = []
  private buffered = 0
  private paused = false
  private flushing = false
  private ending: { code?: number; reason?: string } | null = null
  private gone = false

  constructor(
    readonly transport: TransportKind = 'ws',
    readonly remote = '127.0.0.1:40000',
    /** The browser tab's cid, as a transport reads it from `?cid=`. */
    readonly client?: string,
  ) {
    counter += 1
    this.id = `${transport}-mem${counter}`
    this.peer = new MemoryPeer(this)
  }

  get bufferedAmount(): number {
    return this.buffered
  }
  get isClosed(): boolean {
    return this.gone
  }

  send(data: Uint8Array, kind: 'text' | 'binary'): void {
    if (this.gone || this.ending) return
    const chunk = { data, kind }
    this.sent.push(chunk)
    // A reading peer takes bytes as fast as they come (a socket hands them to the kernel at
    // once); only while the peer is paused do they pile up in bufferedAmount.
    this.pending.push({ chunk, counted: this.paused })
    if (this.paused) this.buffered += data.length
    this.scheduleFlush()
  }

  close(code?: number, reason?: string): void {
    if (this.gone || this.ending) return
    this.ending = { code, reason }
    this.scheduleFlush()
  }

  destroy(): void {
    if (this.gone) return
    this.pending.length = 0
    this.buffered = 0
    this.finish({ how: 'destroy' })
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.dataListeners.push(listener)
  }
  onClose(listener: (reason: string) => void): void {
    this.closeListeners.push(listener)
  }
  onDrain(listener: () => void): void {
    this.drainListeners.push(listener)
  }

  /** @internal bytes from the client */
  fromPeer(data: Uint8Array): void {
    if (this.gone || this.ending) return
    setImmediate(() => {
      if (this.gone) return
      for (const l of this.dataListeners) l(data)
    })
  }
  /** @internal */
  peerClosed(): void {
    if (this.gone) return
    setImmediate(() => this.finish({ how: 'peer' }))
  }
  /** @internal */
  setPaused(paused: boolean): void {
    this.paused = paused
    if (!paused) this.scheduleFlush()
  }

  private scheduleFlush(): void {
    if (this.flushing || this.paused) return
    this.flushing = true
    setImmediate(() => {
      this.flushing = false
      this.flush()
    })
  }

  private flush(): void {
    if (this.gone) return
    while (!this.paused && this.pending.length > 0) {
      const { chunk, counted } = this.pending.shift() as { chunk: SentChunk; counted: boolean }
      if (counted) this.buffered -= chunk.data.length
      this.peer.emitData(chunk)
    }
    if (this.pending.length === 0 && this.buffered === 0 && !this.paused) {
      for (const l of this.drainListeners) l()
      if (this.ending) this.finish({ how: 'close', ...this.ending })
    }
  }

  private finish(info: CloseInfo): void {
    if (this.gone) return
    this.gone = true
    this.closeInfo = info
    this.peer.emitEnd(info)
    const reason = info.how === 'peer' ? 'peer closed' : (info.reason ?? info.how)
    for (const l of this.closeListeners) l(reason)
  }
}
