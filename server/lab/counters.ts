/**
 * The lab's per-transport counters (GET /lab/counters): requests, bytes up and down with every
 * header and frame included, feed messages delivered, and the latency from a feed's publish to
 * the moment the server wrote that message to the transport's socket.
 *
 * Bytes are socket byte counts, never estimates: an HTTP exchange or a WebSocket is measured by a
 * SocketMeter (server/lab/meter.ts) whose bytes are added when it finishes; while it is open its
 * bytes so far are included in every snapshot, so a long stream or a WebSocket grows live.
 *
 * Everything is kept globally and per client id (the tab's `?cid=`); at most `maxClients` ids
 * are kept (the least recently active is forgotten first). Latency: `count` and `max` cover every
 * delivery, `p50`/`p99` the most recent `latencyWindow` deliveries.
 */
import type { Socket } from 'node:net'
import { summarize, type LatencySummary } from '../../lib/inspect/race'
import { SocketMeter } from './meter'

/** One key per way of reaching the lab; the race widget reads short-poll, long-poll, sse, ws, sockjs. */
export const LAB_TRANSPORTS = ['echo', 'send', 'short-poll', 'long-poll', 'stream', 'sse', 'ws', 'ws-echo', 'sockjs', 'socketio'] as const
export type LabTransport = (typeof LAB_TRANSPORTS)[number]

export interface TransportCounters {
  readonly requests: number
  readonly bytesUp: number
  readonly bytesDown: number
  readonly delivered: number
  readonly latencyMs: LatencySummary
}

export interface CountersSnapshot {
  /** The client id these counters belong to, or null for every client together. */
  readonly cid: string | null
  /** When counting began (server start), ISO 8601. */
  readonly since: string
  readonly transports: Readonly<Record<LabTransport, TransportCounters>>
}

class Tally {
  requests = 0
  bytesUp = 0
  bytesDown = 0
  delivered = 0
  private count = 0
  private max: number | null = null
  private readonly window: number[] = []
  private next = 0

  constructor(private readonly windowSize: number) {}

  latency(ms: number): void {
    this.delivered += 1
    this.count += 1
    this.max = this.max === null ? ms : Math.max(this.max, ms)
    if (this.window.length < this.windowSize) this.window.push(ms)
    else this.window[this.next] = ms
    this.next = (this.next + 1) % this.windowSize
  }

  read(openUp: number, openDown: number): TransportCounters {
    const recent = summarize(this.window)
    return {
      requests: this.requests,
      bytesUp: this.bytesUp + openUp,
      bytesDown: this.bytesDown + openDown,
      delivered: this.delivered,
      latencyMs: { p50: recent.p50, p99: recent.p99, max: this.max, count: this.count },
    }
  }
}

type Table = Map<LabTransport, Tally>

/** A measured exchange or connection: its bytes so far, added to the totals once by finish(). */
export interface OpenMeter {
  finish(): void
}

interface Open {
  readonly transport: LabTransport
  readonly cid: string | null
  readonly meter: SocketMeter
}

export interface LabCountersOptions {
  readonly maxClients?: number
  readonly latencyWindow?: number
}

export class LabCounters {
  private readonly startedAt = new Date()
  private readonly global: Table = new Map()
  private readonly clients = new Map<string, Table>()
  private readonly open = new Set<Open>()
  private readonly maxClients: number
  private readonly windowSize: number

  constructor(options: LabCountersOptions = {}) {
    this.maxClients = options.maxClients ?? 1000
    this.windowSize = options.latencyWindow ?? 1024
  }

  /** One HTTP request or WebSocket upgrade. */
  request(transport: LabTransport, cid: string | null): void {
    for (const tally of this.tallies(transport, cid)) tally.requests += 1
  }

  /** One feed message written to the transport's socket, `publishedAt` being its Date.now() at publish. */
  delivered(transport: LabTransport, cid: string | null, publishedAt: number): void {
    const ms = Math.max(0, Date.now() - publishedAt)
    for (const tally of this.tallies(transport, cid)) tally.latency(ms)
  }

  /**
   * Starts measuring `socket` for this transport (an HTTP exchange from its request to its
   * response's end, or a WebSocket from its upgrade to its close). finish() is idempotent.
   */
  meter(transport: LabTransport, cid: string | null, socket: Socket): OpenMeter {
    const entry: Open = { transport, cid, meter: new SocketMeter(socket) }
    this.open.add(entry)
    return {
      finish: () => {
        if (!this.open.delete(entry)) return
        const { up, down } = entry.meter.finish()
        for (const tally of this.tallies(transport, cid)) {
          tally.bytesUp += up
          tally.bytesDown += down
        }
      },
    }
  }

  snapshot(cid: string | null = null): CountersSnapshot {
    const table = cid === null ? this.global : this.clients.get(cid)
    const transports = {} as Record<LabTransport, TransportCounters>
    for (const t of LAB_TRANSPORTS) {
      let up = 0
      let down = 0
      for (const o of this.open) {
        if (o.transport !== t || (cid !== null && o.cid !== cid)) continue
        const now = o.meter.current()
        up += now.up
        down += now.down
      }
      transports[t] = (table?.get(t) ?? new Tally(1)).read(up, down)
    }
    return { cid, since: this.startedAt.toISOString(), transports }
  }

  /** Finishes every open meter (server shutdown). */
  finishAll(): void {
    for (const o of [...this.open]) {
      this.open.delete(o)
      const { up, down } = o.meter.finish()
      for (const tally of this.tallies(o.transport, o.cid)) {
        tally.bytesUp += up
        tally.bytesDown += down
      }
    }
  }

  private tallies(transport: LabTransport, cid: string | null): Tally[] {
    const out = [this.tallyIn(this.global, transport)]
    if (cid !== null) out.push(this.tallyIn(this.client(cid), transport))
    return out
  }

  private client(cid: string): Table {
    let table = this.clients.get(cid)
    if (table) {
      this.clients.delete(cid)
    } else {
      table = new Map()
      if (this.clients.size >= this.maxClients) {
        const oldest = this.clients.keys().next().value
        if (oldest !== undefined) this.clients.delete(oldest)
      }
    }
    this.clients.set(cid, table)
    return table
  }

  private tallyIn(table: Table, transport: LabTransport): Tally {
    let tally = table.get(transport)
    if (!tally) {
      tally = new Tally(this.windowSize)
      table.set(transport, tally)
    }
    return tally
  }
}
