/**
 * Records real event sequences for the unit tests of lessons 07 and 08's exercises
 * (lib/exercises/recorded/*.json): a real test server, real clients, the events a viewer of the
 * tab's cid receives — what the exercise checker sees. Headers are left out (the checks do not
 * read them) to keep the files small.
 *
 *   npx tsx server/inspect/testing/record-lesson-events.ts sockjs   > lib/exercises/recorded/sockjs-fallbacks.json
 *   npx tsx server/inspect/testing/record-lesson-events.ts socketio > lib/exercises/recorded/socket-io.json
 */
import SockJS from 'sockjs-client'
import { io } from 'socket.io-client'
import { WebSocket } from 'ws'
import type { InspectEvent } from '../../../lib/inspect/events'
import { startTestServer, type TestServer } from '../../testing/harness'
import { TestViewer, until } from './viewer-client'

const CID = 'learnerTab1'
const mode = process.argv[2]

function slim(e: InspectEvent): InspectEvent {
  if (e.type === 'http.exchange') return { ...e, requestHeaders: [], responseHeaders: [] }
  if (e.type === 'ws.handshake') return { ...e, requestHeaders: [], responseHeaders: [] }
  return e
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

type Sock = WebSocket & { transport?: string }

async function sockjsSession(srv: TestServer, transport: string | null, feed: string, run: (sock: Sock, got: string[]) => Promise<void>): Promise<void> {
  const url = `${srv.httpUrl}/sockjs/feed?feed=${feed}&rate=300&cid=${CID}`
  const sock = new SockJS(url, null, transport ? { transports: [transport] } : {}) as unknown as Sock
  const got: string[] = []
  await new Promise<void>((resolve, reject) => {
    sock.onopen = () => resolve()
    sock.onclose = (e) => reject(new Error(`closed ${e.code} ${e.reason}`))
  })
  sock.onmessage = (m: { data: unknown }) => got.push(String(m.data))
  await run(sock, got)
  sock.onclose = () => {}
  sock.close()
  await pause(300)
}

async function recordSockjs(srv: TestServer): Promise<Record<string, InspectEvent[]>> {
  const out: Record<string, InspectEvent[]> = {}
  const viewer = await TestViewer.open(srv.inspectUrl)
  const take = async (name: string, action: () => Promise<void>) => {
    await viewer.watch({ clients: [CID] })
    const before = viewer.events().length
    await action()
    await pause(200)
    out[name] = viewer.events().slice(before).map(slim)
  }
  const feed = `ticker-${CID}`
  await take('websocket', () => sockjsSession(srv, null, feed, async (_s, got) => until(() => got.length >= 2, 'two ticks')))
  await take('xhrStreaming', () => sockjsSession(srv, 'xhr-streaming', feed, async (_s, got) => until(() => got.length >= 2, 'two ticks')))
  await take('xhrPolling', () =>
    sockjsSession(srv, 'xhr-polling', feed, async (sock, got) => {
      await until(() => got.length >= 2, 'two ticks')
      sock.send('hello over polling')
      await until(() => got.some((m) => m.includes('hello over polling')), 'the echo')
    }),
  )
  // a misspelt transport: sockjs-client asks /info, finds no transport, gives up (2000)
  await take('misspelt', async () => {
    const sock = new SockJS(`${srv.httpUrl}/sockjs/feed?feed=${feed}&cid=${CID}`, null, { transports: ['xhr_polling'] }) as unknown as Sock
    await new Promise<void>((resolve) => (sock.onclose = () => resolve()))
  })
  viewer.close()
  return out
}

async function recordSocketio(srv: TestServer): Promise<Record<string, InspectEvent[]>> {
  const out: Record<string, InspectEvent[]> = {}
  const viewer = await TestViewer.open(srv.inspectUrl)
  const take = async (name: string, action: () => Promise<void>) => {
    await viewer.watch({ clients: [CID] })
    const before = viewer.events().length
    await action()
    await pause(200)
    out[name] = viewer.events().slice(before).map(slim)
  }
  // the default client: polling, upgrade, join with an ack, send with an ack, a send without one
  await take('upgradeAndAck', async () => {
    const s = io(srv.httpUrl, { query: { cid: CID }, reconnection: false, forceNew: true })
    await new Promise<void>((r) => s.io.engine.once('upgrade', () => r()))
    await s.emitWithAck('join', { feed: 'lobby' })
    await s.emitWithAck('send', { text: 'hello with ack' })
    s.emit('send', { text: 'hello without ack' })
    s.emit('sned', { text: 'typo' })
    await pause(200)
    s.disconnect()
  })
  await take('websocketOnly', async () => {
    const s = io(srv.httpUrl, { query: { cid: CID }, transports: ['websocket'], reconnection: false, forceNew: true })
    await new Promise<void>((r) => s.once('connect', () => r()))
    await s.emitWithAck('send', { text: 'too early' })
    await s.emitWithAck('join', { feed: 'news' })
    s.disconnect()
  })
  const raw = async (messages: string[]) => {
    const ws = new WebSocket(`ws://127.0.0.1:${srv.httpPort}/socket.io/?EIO=4&transport=websocket&cid=${CID}`)
    const got: string[] = []
    ws.on('message', (d) => got.push(String(d)))
    let closed = false
    ws.on('close', () => (closed = true))
    await until(() => got.length === 1, 'open packet')
    for (const m of messages) {
      const n = got.length
      ws.send(m)
      await Promise.race([until(() => got.length > n || closed, 'an answer', 2000).catch(() => {}), pause(2000)])
      if (closed) break
    }
    ws.terminate()
    await pause(100)
  }
  await take('rawByHand', () => raw(['40', '421["join",{"feed":"lobby"}]']))
  await take('rawPlainText', () => raw(['hello']))
  await take('rawNoEnginePrefix', () => raw(['40', '2["join",{"feed":"lobby"}]']))
  await take('rawEventBeforeConnect', () => raw(['42["join",{"feed":"lobby"}]']))
  viewer.close()
  return out
}

const srv = await startTestServer({ tcp: false, sockjsDisconnectDelayMs: 200 })
const recorded = mode === 'sockjs' ? await recordSockjs(srv) : mode === 'socketio' ? await recordSocketio(srv) : null
if (!recorded) {
  process.stderr.write('usage: record-lesson-events.ts sockjs|socketio\n')
  process.exit(2)
}
process.stdout.write(`${JSON.stringify(recorded, null, 1)}\n`)
await srv.close()
process.exit(0)
