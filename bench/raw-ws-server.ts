/**
 * The ceiling: a bare `ws` broadcast server with no parsing at all. A connection's first message
 * names its role (`sub`, `pub` or `idle`; answered with `ok`); every later message of a publisher
 * is sent verbatim, as the same text/binary kind, to every subscriber — the fan-out the Wirelab
 * broker does, minus STOMP. Same `ws` settings as Wirelab's transport (no compression, UTF-8 of
 * text messages validated), same loopback interface.
 *
 *   node_modules/.bin/tsx bench/raw-ws-server.ts   → prints {"wsUrl":"ws://127.0.0.1:<port>/","pid":<pid>}
 *
 * SIGTERM/SIGINT → close, exit 0.
 */
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { ROLE_OK } from './protocol'

const MAX_PAYLOAD = 1024 * 1024 + 64 * 1024

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, maxPayload: MAX_PAYLOAD })
const subscribers = new Set<WebSocket>()

wss.on('connection', (ws) => {
  ws.on('error', () => ws.terminate())
  ws.once('message', (first) => {
    const role = first.toString()
    if (role === 'sub') {
      subscribers.add(ws)
      ws.once('close', () => subscribers.delete(ws))
    } else if (role === 'pub') {
      ws.on('message', (data, isBinary) => {
        for (const sub of subscribers) sub.send(data, { binary: isBinary })
      })
    } else if (role !== 'idle') {
      ws.close(1008, 'first message must be sub, pub or idle')
      return
    }
    ws.send(ROLE_OK)
  })
})

wss.once('listening', () => {
  const { port } = wss.address() as AddressInfo
  process.stdout.write(`${JSON.stringify({ wsUrl: `ws://127.0.0.1:${port}/`, pid: process.pid })}\n`)
})

const stop = (): void => {
  for (const ws of wss.clients) ws.terminate()
  wss.close(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
