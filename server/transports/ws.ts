/**
 * STOMP over WebSocket at /ws/stomp: a `ws` server in noServer mode, handed upgrades by the
 * upgrade router. Each WebSocket becomes a Connection for the broker.
 *
 * - Subprotocols: v12.stomp, v11.stomp, v10.stomp, or none (checklist 74).
 * - Text and binary messages in; WS message boundaries carry no meaning (checklist 75).
 * - Each send() is one WS message, text or binary as the broker says (checklist 76).
 * - close() queues the close frame behind every queued message (checklist 67).
 * - One message holds at most `maxPayload` octets; a bigger one is not read (ws-message-limit.ts)
 *   and the session answers ERROR then close, where `ws` alone would close 1009 (checklist 19, 72).
 * - Inspector: the connection's id and the tab's `?cid=` are known before the handshake, so the
 *   tap (server/inspect/ws-tap.ts) reports the handshake and every frame under the broker's id.
 *   No permessage-deflate: frames cross the wire as written, previews stay readable.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import type { Connection, InboundRefusal } from '../broker/connection'
import type { TapBus } from '../inspect/bus'
import { clientIdFromUrl } from '../inspect/client-id'
import { tapWebSocket } from '../inspect/ws-tap'
import type { Logger } from '../log'
import { ConnectionEvents, nextConnectionId, remoteOf } from './connection-base'
import { WsMessageLimit } from './ws-message-limit'

/** Highest version first: the order stompjs offers them in (checklist 74). */
export const STOMP_WS_PROTOCOLS = ['v12.stomp', 'v11.stomp', 'v10.stomp'] as const

/**
 * The subprotocol to echo, or `false` to echo none. A client offering only unknown protocols is
 * still accepted (RabbitMQ Web-STOMP does the same); such a client may then refuse the handshake
 * itself — browsers do — which is its choice, not ours.
 */
export function selectStompProtocol(offered: ReadonlySet<string>): string | false {
  return STOMP_WS_PROTOCOLS.find((p) => offered.has(p)) ?? false
}

/** RFC 6455 §7.4: codes an endpoint may put in a close frame (1005/1006 are reserved). */
function isSendableCloseCode(code: number): boolean {
  return (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999)
}

/** A close reason is at most 123 bytes of UTF-8 (RFC 6455 §5.5); cut on a character boundary. */
export function closeReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason
  let cut = reason
  while (Buffer.byteLength(cut) > 120) cut = cut.slice(0, -1)
  return `${cut}…`
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return data
}

const TEXT = { binary: false } as const
const BINARY = { binary: true } as const

class WsConnection implements Connection {
  readonly transport = 'ws' as const
  readonly remote: string
  private readonly events = new ConnectionEvents()

  constructor(
    readonly id: string,
    readonly client: string | undefined,
    private readonly ws: WebSocket,
    /** The upgraded socket under `ws`: back-pressure and drain are read from it (as tcp.ts does). */
    private readonly socket: Duplex,
    req: IncomingMessage,
    private readonly log: Logger,
  ) {
    this.remote = remoteOf(req.socket.remoteAddress, req.socket.remotePort)
    socket.on('drain', () => {
      if (this.bufferedAmount === 0) this.events.drain()
    })
    ws.on('message', (data) => this.events.data(toBytes(data)))
    ws.on('close', (code, reason) => {
      const text = reason.toString('utf8')
      this.events.close(`websocket closed ${code}${text ? ` ${text}` : ''}`)
    })
    ws.on('error', (error) => this.log.debug('ws.error', { conn: this.id, error }))
  }

  get protocol(): string {
    return this.ws.protocol
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount
  }

  /**
   * No write callback: one per message would make Node track it and run it on a later tick, for
   * every delivery of a fan-out. Errors surface as the socket's 'error'/'close'; drain comes from
   * the socket itself.
   */
  send(data: Uint8Array, kind: 'text' | 'binary'): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    this.ws.send(data, kind === 'binary' ? BINARY : TEXT)
  }

  close(code = 1000, reason = ''): void {
    const state = this.ws.readyState
    if (state === WebSocket.CLOSING || state === WebSocket.CLOSED) return
    this.ws.close(isSendableCloseCode(code) ? code : 1000, closeReason(reason))
  }

  destroy(): void {
    this.ws.terminate()
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.events.onData(listener)
  }

  onClose(listener: (reason: string) => void): void {
    this.events.onClose(listener)
  }

  onDrain(listener: () => void): void {
    this.events.onDrain(listener)
  }

  onRefused(listener: (refusal: InboundRefusal) => void): void {
    this.events.onRefused(listener)
  }

  /**
   * From the message limit in front of `ws` (ws-message-limit.ts). The broker answers with ERROR
   * then close; a listener-less user of the transport gets what `ws` would do: close 1009.
   */
  refused(refusal: InboundRefusal): void {
    if (!this.events.refused(refusal)) this.close(1009, 'message too big')
  }
}

/**
 * Puts the message limit between the socket's inbound octets and `ws` (its 'data' listener): `ws`
 * gets what the limit passes on; a message over the limit is reported once, after the octets in
 * front of it have been served. Installed before the tap, so the tap still sees every octet.
 */
function limitInbound(socket: Duplex, limit: WsMessageLimit, report: (refusal: InboundRefusal) => void): void {
  const target = socket as unknown as { emit: (...args: unknown[]) => boolean }
  const emit = target.emit
  target.emit = function (this: unknown, event: unknown, chunk: unknown) {
    if (event !== 'data' || !(chunk instanceof Uint8Array)) return Reflect.apply(emit, this, arguments) as boolean
    let handled = false
    for (const part of limit.push(chunk)) handled = emit.call(this, 'data', part) || handled
    const over = limit.takeOver()
    if (over !== null) report({ reason: 'message-too-large', limit: limit.maxMessageBytes, actual: over })
    return handled
  }
}

export interface WsTransportOptions {
  /** Hands each new connection to the broker. */
  readonly accept: (conn: Connection) => void
  /**
   * Largest WS message accepted (bytes); a bigger one is not read: the session gets it as a
   * refusal (ERROR STOMP_ERR_WS_MESSAGE_TOO_LARGE, then close — checklist 19, 72).
   */
  readonly maxPayload: number
  readonly log: Logger
  /** Tap the handshake and frames (ws.handshake, ws.frame) onto this bus. */
  readonly bus?: TapBus
}

export interface WsTransport {
  /** Give to the upgrade router for /ws/stomp. */
  readonly handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void
  readonly connectionCount: number
  /** Terminates what is still open (the broker has closed its sessions gracefully before). */
  close(): Promise<void>
}

export function createWsTransport(options: WsTransportOptions): WsTransport {
  const { accept, log } = options
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload,
    handleProtocols: (offered) => selectStompProtocol(offered),
    perMessageDeflate: false,
  })

  return {
    handleUpgrade(req, socket, head) {
      const id = nextConnectionId('ws')
      const client = clientIdFromUrl(req.url)
      const bus = options.bus
      let conn: WsConnection | null = null
      let early: InboundRefusal | null = null
      if (options.maxPayload > 0) {
        limitInbound(socket, new WsMessageLimit(options.maxPayload), (refusal) => {
          if (conn) conn.refused(refusal)
          else early = refusal
        })
      }
      const rest = bus ? tapWebSocket(req, socket, head, { bus, conn: id, ...(client === undefined ? {} : { client }) }) : head
      wss.handleUpgrade(req, socket, rest, (ws) => {
        conn = new WsConnection(id, client, ws, socket, req, log)
        log.debug('ws.open', { conn: id, remote: conn.remote, protocol: conn.protocol || null })
        accept(conn)
        if (early) conn.refused(early)
      })
    },
    get connectionCount() {
      return wss.clients.size
    },
    close() {
      for (const ws of wss.clients) ws.terminate()
      return new Promise((resolve) => wss.close(() => resolve()))
    },
  }
}
