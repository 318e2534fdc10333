/**
 * Taps for endpoints that do not tap themselves (the transport lab's /ws/echo, /ws/feed,
 * /sockjs/feed and /socket.io/): server/stack.ts wraps their upgrade handlers and puts every
 * HTTP request under a tapped SockJS prefix through tapSockjsRequest, so each of their WebSocket
 * and SockJS connections reports `ws.handshake`, `ws.frame` and `sockjs.frame` like /ws/stomp's.
 * Connection ids come from the caller (`ws-12`, `sockjs-5`: the same counters as the broker's).
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { TapBus } from './bus'
import { clientIdFromUrl } from './client-id'
import { tapSockjsRequest, tapSockjsUpgrade, type SockjsTapOptions } from './sockjs-tap'
import { tapWebSocket } from './ws-tap'

type Upgrade<R> = (req: IncomingMessage, socket: Duplex, head: Buffer) => R

/** The same handler, with the socket tapped first (the handler gets the head to use). */
export function tappedUpgrade<R>(handler: Upgrade<R>, bus: TapBus, connId: () => string): Upgrade<R> {
  return (req, socket, head) => {
    const client = clientIdFromUrl(req.url)
    return handler(req, socket, tapWebSocket(req, socket, head, { bus, conn: connId(), ...(client === undefined ? {} : { client }) }))
  }
}

/** Every handler of a `{ path: handler }` map tapped. */
export function tappedUpgrades<R>(routes: Readonly<Record<string, Upgrade<R>>>, bus: TapBus, connId: () => string): Record<string, Upgrade<R>> {
  return Object.fromEntries(Object.entries(routes).map(([path, handler]) => [path, tappedUpgrade(handler, bus, connId)]))
}

/** A sockjs middleware's upgrade handler with SockJS sessions and the websocket transport tapped. */
export function tappedSockjsUpgrade<R>(handler: Upgrade<R>, options: SockjsTapOptions): Upgrade<R> {
  return (req, socket, head) => handler(req, socket, tapSockjsUpgrade(req, socket, head, options))
}

/** For the request handler: taps requests under one of `prefixes` (SockJS servers not tapped by their owner). */
export function sockjsRequestTap(prefixes: readonly string[], options: SockjsTapOptions): (req: IncomingMessage) => void {
  return (req) => {
    const url = req.url ?? ''
    if (prefixes.some((p) => url.startsWith(`${p}/`))) tapSockjsRequest(req, options)
  }
}
