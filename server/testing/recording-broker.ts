/**
 * A stand-in for the broker in transport tests: records every Connection it is handed and the
 * bytes that arrive on it, and lets the test answer through the Connection like the broker would.
 * (Broker behaviour itself is tested against the real Broker; this only exercises transports.)
 */
import type { Connection } from '../broker/connection'
import type { ParserLimits } from '../broker/options'
import { DEFAULT_CONFIG } from '../config'
import { silentLogger, type Logger } from '../log'
import { startStack, type Stack, type StackBroker } from '../stack'

export interface Accepted {
  readonly conn: Connection
  readonly chunks: Uint8Array[]
  closedReason: string | null
  /** All bytes received so far, concatenated. */
  bytes(): Buffer
  text(): string
}

export class RecordingBroker implements StackBroker {
  readonly accepted: Accepted[] = []
  private waiters: Array<(a: Accepted) => void> = []
  /** Called for each chunk (e.g. to echo it back). */
  onChunk: ((a: Accepted, chunk: Uint8Array) => void) | null = null
  shutdownReason: string | null = null

  accept(conn: Connection): void {
    const record: Accepted = {
      conn,
      chunks: [],
      closedReason: null,
      bytes: () => Buffer.concat(record.chunks),
      text: () => Buffer.concat(record.chunks).toString('utf8'),
    }
    conn.onData((chunk) => {
      record.chunks.push(Uint8Array.from(chunk))
      this.onChunk?.(record, chunk)
    })
    conn.onClose((reason) => {
      record.closedReason = reason
    })
    this.accepted.push(record)
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w(record)
  }

  /** The n-th accepted connection (0-based), waiting for it if needed. */
  async connection(n = this.accepted.length): Promise<Accepted> {
    while (this.accepted.length <= n) await new Promise<Accepted>((resolve) => this.waiters.push(resolve))
    return this.accepted[n]
  }

  async shutdown(reason = 'shutdown'): Promise<void> {
    this.shutdownReason = reason
    for (const a of this.accepted) if (a.closedReason === null) a.conn.close(1001, reason)
  }
}

/** Echo: every chunk goes straight back as text. */
export function echoBroker(): RecordingBroker {
  const broker = new RecordingBroker()
  broker.onChunk = (a, chunk) => a.conn.send(chunk, 'text')
  return broker
}

export interface RecordingStackOptions {
  readonly limits?: Partial<ParserLimits>
  /** null = no TCP; default 0 (a free port). */
  readonly tcpPort?: number | null
  readonly log?: Logger
  readonly sockjsDisconnectDelayMs?: number
}

/** The real http server, router and transports on 127.0.0.1 with free ports, around `broker`. */
export function startRecordingStack<B extends StackBroker>(broker: B, options: RecordingStackOptions = {}): Promise<Stack<B>> {
  return startStack({
    config: {
      ...DEFAULT_CONFIG,
      host: '127.0.0.1',
      port: 0,
      tcpPort: options.tcpPort === undefined ? 0 : options.tcpPort,
      broker: { ...DEFAULT_CONFIG.broker, limits: { ...DEFAULT_CONFIG.broker.limits, ...options.limits } },
    },
    log: options.log ?? silentLogger,
    broker,
    fallback: (_req, res) => {
      res.writeHead(404)
      res.end('fallback')
    },
    sockjs: { disconnectDelayMs: options.sockjsDisconnectDelayMs },
  })
}
