/**
 * Test helpers for the lab: hand-written HTTP over a raw socket (so the test knows every byte it
 * wrote and read), a JSON GET, the counters of one client, and a wait-until.
 */
import { connect, type Socket } from 'node:net'
import type { CountersSnapshot, LabTransport, TransportCounters } from './counters'

export interface RawResponse {
  readonly head: string
  readonly status: number
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: string
  /** Every byte of this response as received (head + body). */
  readonly bytes: number
}

/** A socket that sends hand-written requests and reads Content-Length responses, one at a time. */
export class RawClient {
  private buffer = Buffer.alloc(0)
  private waiters: Array<() => void> = []
  written = 0
  received = 0
  closed = false
  readonly socket: Socket

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1')
    this.socket.on('data', (chunk: Buffer) => {
      this.received += chunk.byteLength
      this.buffer = Buffer.concat([this.buffer, chunk])
      this.wake()
    })
    this.socket.on('close', () => {
      this.closed = true
      this.wake()
    })
    this.socket.on('error', () => {})
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w()
  }

  private async more(): Promise<void> {
    if (this.closed) throw new Error(`socket closed; buffered: ${this.buffer.toString('latin1')}`)
    await new Promise<void>((resolve) => this.waiters.push(resolve))
  }

  send(text: string | Buffer): void {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'latin1') : text
    this.written += bytes.byteLength
    this.socket.write(bytes)
  }

  /**
   * The next response: its Content-Length body, its chunked body (raw, chunk framing kept), or
   * everything until close when it has neither.
   */
  async response(): Promise<RawResponse> {
    let end: number
    while ((end = this.buffer.indexOf('\r\n\r\n')) < 0) await this.more()
    const head = this.buffer.subarray(0, end + 4).toString('latin1')
    const lines = head.slice(0, -4).split('\r\n')
    const status = Number(lines[0].split(' ')[1])
    const headers = lines.slice(1).map((l) => {
      const i = l.indexOf(':')
      return [l.slice(0, i), l.slice(i + 1).trim()] as const
    })
    const lengthHeader = headers.find(([n]) => n.toLowerCase() === 'content-length')
    const chunked = headers.some(([n, v]) => n.toLowerCase() === 'transfer-encoding' && /chunked/i.test(v))
    if (chunked) {
      let last: number
      while ((last = this.buffer.indexOf('\r\n0\r\n\r\n', end)) < 0) await this.more()
      const total = last + 7
      const body = this.buffer.subarray(end + 4, total).toString('utf8')
      this.buffer = this.buffer.subarray(total)
      return { head, status, headers, body, bytes: total }
    }
    const length = lengthHeader ? Number(lengthHeader[1]) : null
    if (length === null) {
      while (!this.closed) await this.more().catch(() => {})
    } else {
      while (this.buffer.byteLength < end + 4 + length) await this.more()
    }
    const total = length === null ? this.buffer.byteLength : end + 4 + length
    const body = this.buffer.subarray(end + 4, total).toString('utf8')
    this.buffer = this.buffer.subarray(total)
    return { head, status, headers, body, bytes: total }
  }

  close(): void {
    this.socket.destroy()
  }
}

export async function getJson<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { ...init, headers: { connection: 'close', ...(init?.headers ?? {}) } })
  return { status: res.status, body: (await res.json()) as T }
}

export async function countersOf(httpUrl: string, cid: string): Promise<CountersSnapshot> {
  return (await getJson<CountersSnapshot>(`${httpUrl}/lab/counters?cid=${cid}`)).body
}

export async function counterOf(httpUrl: string, cid: string, transport: LabTransport): Promise<TransportCounters> {
  return (await countersOf(httpUrl, cid)).transports[transport]
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

let seq = 0
/** A fresh client id per test, so counters start at zero. */
export function freshCid(prefix = 't'): string {
  seq += 1
  return `${prefix}${process.pid}x${seq}x${Math.random().toString(36).slice(2, 8)}`
}
