import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startTestServer, type TestServer } from '../testing/harness'
import { counterOf, freshCid, waitUntil } from './test-kit'

let srv: TestServer
beforeAll(async () => {
  srv = await startTestServer({ tcp: false })
})
afterAll(async () => {
  await srv.close()
})
const sockets: WebSocket[] = []
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate()
})

interface Client {
  ws: WebSocket
  socket: Socket
  messages: Array<{ data: string; binary: boolean }>
  closed: Promise<{ code: number; reason: string }>
}

function connect(path: string): Promise<Client> {
  const ws = new WebSocket(`ws://127.0.0.1:${srv.httpPort}${path}`)
  sockets.push(ws)
  const messages: Client['messages'] = []
  ws.on('message', (data, binary) => messages.push({ data: String(data), binary }))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })))
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, socket: (ws as unknown as { _socket: Socket })._socket, messages, closed }))
    ws.on('error', reject)
  })
}

function refused(path: string): Promise<{ status: number; body: string }> {
  const ws = new WebSocket(`ws://127.0.0.1:${srv.httpPort}${path}`)
  return new Promise((resolve) => {
    ws.on('error', () => {})
    ws.on('unexpected-response', (_req, res: IncomingMessage) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += String(c)))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: (JSON.parse(body) as { error: string }).error }))
    })
  })
}

let n = 0
function quietTicker(): string {
  const name = `ticker-ws${(n += 1)}`
  srv.lab.feeds.get(name, 10_000)
  return name
}

describe('/ws/feed', () => {
  it('delivers each feed message as a JSON text message; a text from the client is published', async () => {
    const name = quietTicker()
    const cid = freshCid()
    const c = await connect(`/ws/feed?feed=${name}&cid=${cid}`)
    const feed = srv.lab.feeds.get(name)
    const m = feed.publish('from server')
    await waitUntil(() => c.messages.length === 1)
    expect(c.messages[0]).toEqual({ data: JSON.stringify(m), binary: false })
    c.ws.send('from client')
    await waitUntil(() => c.messages.length === 2)
    expect(JSON.parse(c.messages[1].data)).toMatchObject({ id: 2, text: 'from client', from: cid })
    expect(feed.since(1).map((x) => x.text)).toEqual(['from client'])
  })

  it('?since= replays first; without feed it is the lobby', async () => {
    const name = quietTicker()
    const feed = srv.lab.feeds.get(name)
    feed.publish('a')
    feed.publish('b')
    const c = await connect(`/ws/feed?feed=${name}&since=1`)
    await waitUntil(() => c.messages.length === 1)
    expect(JSON.parse(c.messages[0].data)).toMatchObject({ id: 2, text: 'b' })
    const lobby = await connect('/ws/feed')
    const m = srv.lab.feeds.get('lobby').publish('hi lobby')
    await waitUntil(() => lobby.messages.some((x) => JSON.parse(x.data).id === m.id))
  })

  it('a bad feed, rate or cursor is refused before the upgrade with a JSON explanation', async () => {
    const name = quietTicker()
    expect(await refused('/ws/feed?feed=news')).toMatchObject({ status: 404, body: expect.stringMatching(/"lobby"/) })
    expect(await refused(`/ws/feed?feed=${name}&rate=1`)).toMatchObject({ status: 400, body: expect.stringMatching(/100 to 10000/) })
    expect(await refused(`/ws/feed?feed=${name}&since=9`)).toMatchObject({ status: 400, body: expect.stringMatching(/ahead of feed/) })
  })

  it('counters: one request per upgrade, delivered + latency per message, bytes = the socket bytes both ways (upgrade included)', async () => {
    const name = quietTicker()
    const cid = freshCid()
    const c = await connect(`/ws/feed?feed=${name}&cid=${cid}`)
    const feed = srv.lab.feeds.get(name)
    for (const t of ['1', '2', '3']) feed.publish(t)
    c.ws.send('up')
    await waitUntil(() => c.messages.length === 4)
    const live = await counterOf(srv.httpUrl, cid, 'ws')
    expect(live).toMatchObject({ requests: 1, delivered: 4, bytesUp: c.socket.bytesWritten, bytesDown: c.socket.bytesRead })
    expect(live.latencyMs.count).toBe(4)
    c.ws.close(1000, 'done')
    await c.closed
    await waitUntil(async () => (await counterOf(srv.httpUrl, cid, 'ws')).bytesUp === c.socket.bytesWritten)
    const after = await counterOf(srv.httpUrl, cid, 'ws')
    expect(after).toMatchObject({ requests: 1, bytesUp: c.socket.bytesWritten, bytesDown: c.socket.bytesRead })
  })
})

describe('/ws/echo', () => {
  it('echoes text as text and binary as binary', async () => {
    const c = await connect('/ws/echo')
    c.ws.send('héllo')
    c.ws.send(Buffer.from([0, 1, 255]))
    await waitUntil(() => c.messages.length === 2)
    expect(c.messages[0]).toEqual({ data: 'héllo', binary: false })
    expect(c.messages[1].binary).toBe(true)
  })

  it('"ping" makes the server send a Ping; the client\'s automatic Pong reaches it; client pings get pongs', async () => {
    const c = await connect('/ws/echo')
    const pinged = new Promise<string>((resolve) => c.ws.once('ping', (data) => resolve(String(data))))
    c.ws.send('ping')
    expect(await pinged).toBe('wirelab')
    const ponged = new Promise<string>((resolve) => c.ws.once('pong', (data) => resolve(String(data))))
    c.ws.ping('are you there')
    expect(await ponged).toBe('are you there')
    expect(c.messages).toEqual([])
  })

  it('"close 4001 bye" closes with that code and reason', async () => {
    const c = await connect('/ws/echo')
    c.ws.send('close 4001 bye')
    expect(await c.closed).toEqual({ code: 4001, reason: 'bye' })
  })

  it('"close" alone sends an empty Close frame: the client sees 1005', async () => {
    const c = await connect('/ws/echo')
    c.ws.send('close')
    expect((await c.closed).code).toBe(1005)
  })

  it('a code RFC 6455 §7.4 forbids, or a reason over 123 bytes, is explained in a text message and the socket stays open', async () => {
    const c = await connect('/ws/echo')
    c.ws.send('close 1006 gone')
    c.ws.send('close 2500')
    c.ws.send(`close 4000 ${'x'.repeat(124)}`)
    c.ws.send('close abc')
    await waitUntil(() => c.messages.length === 4)
    expect(c.messages[0].data).toMatch(/^error: 1006 is reserved \(RFC 6455 §7\.4\.1\)/)
    expect(c.messages[1].data).toMatch(/^error: 2500 is reserved for future/)
    expect(c.messages[2].data).toMatch(/^error: That reason is 124 bytes/)
    expect(c.messages[3].data).toMatch(/^error: "abc" is not a close code/)
    expect(c.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('counts under ws-echo: one request, bytes = the socket bytes, no feed deliveries', async () => {
    const cid = freshCid()
    const c = await connect(`/ws/echo?cid=${cid}`)
    c.ws.send('abc')
    await waitUntil(() => c.messages.length === 1)
    const k = await counterOf(srv.httpUrl, cid, 'ws-echo')
    expect(k).toMatchObject({ requests: 1, delivered: 0, bytesUp: c.socket.bytesWritten, bytesDown: c.socket.bytesRead })
  })
})
