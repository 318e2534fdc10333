/**
 * Drives the real `@stomp/stompjs` Client in Node for the interop suite (server/interop): over
 * `ws` (Node 20 has no global WebSocket) or over `sockjs-client` with one transport forced.
 * Records what crossed the socket (WS message types, closes, CONNECTED and ERROR frames) so tests
 * assert on the wire, not only on the client's callbacks.
 *
 *   const s = stompjsOverWs(srv.wsUrl, { heartbeatIncoming: 0 })
 *   const connected = await s.connected()
 *   const inbox = s.inbox('/topic/a')          // SUBSCRIBE + collect
 *   s.client.publish({ destination: '/topic/a', body: 'hi' })
 *   const m = await inbox.next()
 *   await s.stop()
 */
import { Client, type IFrame, type IMessage, type IStompSocket, type StompConfig, type StompHeaders, type StompSubscription } from '@stomp/stompjs'
import SockJS from 'sockjs-client'
import { WebSocket } from 'ws'

export const STOMPJS_WS_PROTOCOLS = ['v12.stomp', 'v11.stomp', 'v10.stomp']

/** Polls `cond` every 5 ms; rejects with `what` after `timeoutMs`. */
export async function waitUntil(cond: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!cond()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

export interface WsMessageRecord {
  readonly type: 'text' | 'binary'
  readonly data: Uint8Array
}

export interface CloseRecord {
  readonly code: number
  readonly reason: string
}

/** Messages of one subscription, in arrival order. */
export class Inbox {
  readonly messages: IMessage[] = []
  private taken = 0
  subscription: StompSubscription | null = null

  constructor(readonly destination: string) {}

  push(m: IMessage): void {
    this.messages.push(m)
  }

  /** The next message not yet taken. */
  async next(timeoutMs = 5000): Promise<IMessage> {
    const i = this.taken
    await waitUntil(() => this.messages.length > i, `message #${i + 1} on ${this.destination} (have ${this.describe()})`, timeoutMs)
    this.taken = i + 1
    return this.messages[i]
  }

  /** Bodies (text) received so far. */
  bodies(): string[] {
    return this.messages.map((m) => m.body)
  }

  describe(): string {
    return JSON.stringify(this.messages.map((m) => `${m.headers['message-id']}:${m.isBinaryBody ? `<${m.binaryBody.length} bytes>` : m.body}`))
  }
}

export interface StompjsSession {
  readonly client: Client
  /** Every socket the client opened (a reconnect opens another), oldest first. */
  readonly sockets: IStompSocket[]
  /** WebSocket messages received on the current socket (ws transport only). */
  readonly wsMessages: WsMessageRecord[]
  readonly connectedFrames: IFrame[]
  readonly stompErrors: IFrame[]
  readonly closes: CloseRecord[]
  /** Resolves with the n-th CONNECTED frame (1-based; default the first). */
  connected(n?: number, timeoutMs?: number): Promise<IFrame>
  /** Resolves with the n-th socket close (1-based; default the first). */
  closed(n?: number, timeoutMs?: number): Promise<CloseRecord>
  /** SUBSCRIBE (with `headers`) and collect into an Inbox; `receipt` waits for the subscription to exist. */
  inbox(destination: string, headers?: StompHeaders): Promise<Inbox>
  /** Publishes with a receipt and waits for it (so the frame was processed by the broker). */
  publishWithReceipt(params: { destination: string; body?: string; binaryBody?: Uint8Array; headers?: StompHeaders }): Promise<IFrame>
  /** deactivate() and wait for the socket to close. */
  stop(): Promise<void>
}

let receiptCounter = 0
export function nextReceipt(prefix = 'r'): string {
  receiptCounter += 1
  return `${prefix}-${process.pid}-${receiptCounter}`
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice()
}

function startSession(factory: (record: (ws: IStompSocket) => void, wsMessages: WsMessageRecord[]) => () => IStompSocket, config: StompConfig): StompjsSession {
  const sockets: IStompSocket[] = []
  const wsMessages: WsMessageRecord[] = []
  const connectedFrames: IFrame[] = []
  const stompErrors: IFrame[] = []
  const closes: CloseRecord[] = []
  const client = new Client({
    reconnectDelay: 0,
    connectionTimeout: 10_000,
    debug: () => {},
    ...config,
    webSocketFactory: factory((ws) => sockets.push(ws), wsMessages),
  })
  client.onConnect = (frame) => {
    connectedFrames.push(frame)
    config.onConnect?.(frame)
  }
  client.onStompError = (frame) => stompErrors.push(frame)
  client.onWebSocketClose = (evt: { code?: number; reason?: string }) => {
    closes.push({ code: evt.code ?? 0, reason: evt.reason ?? '' })
  }
  client.activate()

  const session: StompjsSession = {
    client,
    sockets,
    wsMessages,
    connectedFrames,
    stompErrors,
    closes,
    async connected(n = 1, timeoutMs = 10_000) {
      await waitUntil(() => connectedFrames.length >= n || (n === 1 && closes.length > 0), `CONNECTED #${n}`, timeoutMs)
      if (connectedFrames.length < n) {
        throw new Error(`socket closed before CONNECTED: ${JSON.stringify(closes)}; STOMP errors: ${JSON.stringify(stompErrors.map((f) => f.headers))}`)
      }
      return connectedFrames[n - 1]
    },
    async closed(n = 1, timeoutMs = 5000) {
      await waitUntil(() => closes.length >= n, `socket close #${n}`, timeoutMs)
      return closes[n - 1]
    },
    async inbox(destination, headers = {}) {
      const box = new Inbox(destination)
      const receipt = nextReceipt('sub')
      let got = false
      client.watchForReceipt(receipt, () => (got = true))
      box.subscription = client.subscribe(destination, (m) => box.push(m), { ...headers, receipt })
      await waitUntil(() => got, `RECEIPT ${receipt} for SUBSCRIBE ${destination}`)
      return box
    },
    async publishWithReceipt(params) {
      const receipt = nextReceipt('pub')
      let frame: IFrame | null = null
      client.watchForReceipt(receipt, (f) => (frame = f))
      client.publish({ ...params, headers: { ...params.headers, receipt } })
      await waitUntil(() => frame !== null, `RECEIPT ${receipt} for SEND ${params.destination}`)
      return frame as unknown as IFrame
    },
    async stop() {
      const before = closes.length
      const open = sockets.length > 0 && sockets[sockets.length - 1].readyState <= 1
      await client.deactivate()
      if (open) await waitUntil(() => closes.length > before, 'socket close after deactivate').catch(() => {})
    },
  }
  return session
}

/** stompjs over `ws`, offering the stompjs subprotocols (checklist 74). */
export function stompjsOverWs(url: string, config: StompConfig = {}, protocols: string[] = STOMPJS_WS_PROTOCOLS): StompjsSession {
  return startSession((record, wsMessages) => () => {
    const ws = new WebSocket(url, protocols)
    wsMessages.length = 0
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      wsMessages.push({ type: isBinary ? 'binary' : 'text', data: toBytes(data) })
    })
    const socket = ws as unknown as IStompSocket
    record(socket)
    return socket
  }, config)
}

/** The transport sockjs-client actually picked (`sock.transport` is set on open). */
export function sockjsTransportOf(socket: IStompSocket): string | null {
  return (socket as unknown as { transport: string | null }).transport
}

/** stompjs over sockjs-client with exactly one transport allowed. */
export function stompjsOverSockjs(url: string, transport: string, config: StompConfig = {}): StompjsSession {
  return startSession((record) => () => {
    const sock = new SockJS(url, null, { transports: [transport] }) as unknown as IStompSocket
    record(sock)
    return sock
  }, config)
}
