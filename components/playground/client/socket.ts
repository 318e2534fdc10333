import { loadSockjs } from '@/components/lab/race/feed-clients'
import type { ClientSettings } from '../types'

/**
 * The one socket shape the raw client drives: a browser WebSocket (binaryType arraybuffer) or a
 * sockjs-client SockJS object (Wirelab serves the script at /sockjs-client.min.js: no CDN).
 */
export interface WireSocket {
  readonly kind: 'ws' | 'sockjs'
  /** The subprotocol the server chose ('' = none). */
  readonly protocol: string
  /** The SockJS transport in use, once open. */
  readonly transport: string | null
  readonly open: boolean
  /** Text, or octets (a WebSocket sends them as a binary message). */
  send(data: string | Uint8Array): void
  close(code?: number, reason?: string): void
}

export interface SocketHandlers {
  onOpen(): void
  onData(data: string | Uint8Array): void
  onClose(code: number, reason: string, wasClean: boolean): void
  onError(): void
}

export type SocketFactory = (url: string, settings: ClientSettings, handlers: SocketHandlers) => Promise<WireSocket>

type SockjsInstance = WebSocket & { transport?: string | null }

function wrapWebSocket(ws: WebSocket, h: SocketHandlers): WireSocket {
  ws.binaryType = 'arraybuffer'
  ws.onopen = () => h.onOpen()
  ws.onmessage = (ev: MessageEvent<unknown>) => {
    const d = ev.data
    if (typeof d === 'string') h.onData(d)
    else if (d instanceof ArrayBuffer) h.onData(new Uint8Array(d))
  }
  ws.onerror = () => h.onError()
  ws.onclose = (ev) => h.onClose(ev.code, ev.reason, ev.wasClean)
  return {
    kind: 'ws',
    get protocol() {
      return ws.protocol
    },
    transport: null,
    get open() {
      return ws.readyState === WebSocket.OPEN
    },
    send(data) {
      // A Uint8Array view may be part of a larger buffer: send exactly its octets.
      ws.send(typeof data === 'string' ? data : data.slice().buffer)
    },
    close(code, reason) {
      ws.close(code, reason)
    },
  }
}

function wrapSockjs(sock: SockjsInstance, h: SocketHandlers): WireSocket {
  sock.onopen = () => h.onOpen()
  sock.onmessage = (ev: MessageEvent<unknown>) => h.onData(typeof ev.data === 'string' ? ev.data : String(ev.data))
  sock.onerror = () => h.onError()
  sock.onclose = (ev) => h.onClose(ev.code, ev.reason, ev.wasClean)
  return {
    kind: 'sockjs',
    protocol: '',
    get transport() {
      return sock.transport ?? null
    },
    get open() {
      return sock.readyState === 1
    },
    send(data) {
      sock.send(typeof data === 'string' ? data : new TextDecoder().decode(data))
    },
    close(code, reason) {
      sock.close(code, reason)
    },
  }
}

/** The browser's own sockets: `new WebSocket(url, subprotocols)` or `new SockJS(url, null, { transports })`. */
export const browserSocketFactory: SocketFactory = async (url, settings, handlers) => {
  if (settings.transport === 'sockjs') {
    const SockJS = await loadSockjs()
    const ctor = SockJS as unknown as new (u: string, r: null, o: { transports?: string[] }) => SockjsInstance
    const opts = settings.sockjsTransports.length > 0 ? { transports: [...settings.sockjsTransports] } : {}
    return wrapSockjs(new ctor(url, null, opts), handlers)
  }
  return wrapWebSocket(new WebSocket(url, [...settings.subprotocols]), handlers)
}
