/**
 * A /ws/inspect viewer for tests, and a tiny STOMP-over-WebSocket client: both speak to a real
 * test server (server/testing/harness.ts) over real sockets.
 */
import type { Socket } from 'node:net'
import { WebSocket } from 'ws'
import type { InspectEvent } from '../../../lib/inspect/events'
import type { ServerMessage, WatchFilter } from '../../../lib/inspect/protocol'

/** Polls `cond` every 5 ms; fails with `what` after `timeoutMs`. */
export async function until(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!cond()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

export class TestViewer {
  readonly messages: ServerMessage[] = []

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.messages.push(JSON.parse(String(data)) as ServerMessage))
  }

  static async open(url: string): Promise<TestViewer> {
    const ws = new WebSocket(url)
    const viewer = new TestViewer(ws)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    await until(() => viewer.messages.some((m) => m.type === 'hello'), 'hello')
    return viewer
  }

  /** Sends `watch` and waits for the snapshot that answers it. */
  async watch(filter: WatchFilter): Promise<Extract<ServerMessage, { type: 'snapshot' }>> {
    const before = this.count('snapshot')
    this.send({ type: 'watch', filter })
    await until(() => this.count('snapshot') > before, 'snapshot')
    return this.messages.filter((m) => m.type === 'snapshot').at(-1) as Extract<ServerMessage, { type: 'snapshot' }>
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message))
  }

  count(type: ServerMessage['type']): number {
    return this.messages.filter((m) => m.type === type).length
  }

  /** Every event received, in order. */
  events(): InspectEvent[] {
    return this.messages.flatMap((m) => (m.type === 'events' ? m.events : []))
  }

  /** The viewer stops reading its socket (a stalled browser tab). */
  pause(): void {
    ;(this.ws as unknown as { _socket: Socket })._socket.pause()
  }

  resume(): void {
    ;(this.ws as unknown as { _socket: Socket })._socket.resume()
  }

  close(): void {
    this.ws.terminate()
  }
}

/** STOMP over /ws/stomp, frames as text; collects what the broker sends. */
export class StompWs {
  readonly received: string[] = []
  private buffer = ''

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.buffer += String(data)
      let nul: number
      while ((nul = this.buffer.indexOf('\0')) >= 0) {
        const frame = this.buffer.slice(0, nul).replace(/^[\r\n]+/, '')
        this.buffer = this.buffer.slice(nul + 1)
        this.received.push(frame)
      }
    })
  }

  static async open(url: string): Promise<StompWs> {
    const ws = new WebSocket(url, ['v12.stomp'])
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    return new StompWs(ws)
  }

  frame(command: string, headers: Record<string, string>, body = ''): void {
    const lines = Object.entries(headers).map(([k, v]) => `${k}:${v}`)
    this.ws.send(`${command}\n${lines.join('\n')}\n\n${body}\0`)
  }

  /** Frames received with this command. */
  all(command: string): string[] {
    return this.received.filter((f) => f.startsWith(`${command}\n`))
  }

  async expect(command: string, n = 1): Promise<string> {
    await until(() => this.all(command).length >= n, `${n} × ${command}`)
    return this.all(command)[n - 1]
  }

  /** CONNECT (no heart-beats) and the session id from CONNECTED (checklist 23). */
  async connect(): Promise<string> {
    this.frame('CONNECT', { 'accept-version': '1.2', host: 'localhost', 'heart-beat': '0,0' })
    const connected = await this.expect('CONNECTED')
    return /\nsession:([^\n]*)/.exec(`\n${connected}`)?.[1] ?? ''
  }

  close(): void {
    this.ws.terminate()
  }
}
