/**
 * Socket.IO at /socket.io/ with the real socket.io-client, over long polling and over
 * WebSocket, on the same http.Server as everything else (routed by the stack, not by socket.io).
 */
import { io, type Socket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/harness'
import type { FeedMessage } from './feed'
import { counterOf, freshCid, waitUntil } from './test-kit'

let srv: TestServer
beforeAll(async () => {
  srv = await startTestServer({ tcp: false })
})
afterAll(async () => {
  await srv.close()
})
const clients: Socket[] = []
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect()
})

let n = 0
function quietTicker(): string {
  const name = `ticker-io${(n += 1)}`
  srv.lab.feeds.get(name, 10_000)
  return name
}

function connect(transport: 'polling' | 'websocket', query: Record<string, string>): Promise<{ socket: Socket; messages: FeedMessage[] }> {
  const socket = io(srv.httpUrl, { transports: [transport], upgrade: false, query, reconnection: false, forceNew: true })
  clients.push(socket)
  const messages: FeedMessage[] = []
  socket.on('feed', (m: FeedMessage) => messages.push(m))
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve({ socket, messages }))
    socket.on('connect_error', reject)
  })
}

describe.each(['polling', 'websocket'] as const)('Socket.IO over %s', (transport) => {
  it('join {feed} → feed events; send {text} → published, acknowledged with the message', async () => {
    const name = quietTicker()
    const cid = freshCid()
    const { socket, messages } = await connect(transport, { cid })
    expect(socket.io.engine.transport.name).toBe(transport)
    const joined = await socket.emitWithAck('join', { feed: name })
    expect(joined).toEqual({ feed: name, cursor: 0 })
    const m = srv.lab.feeds.get(name).publish('tick from server')
    await waitUntil(() => messages.length === 1)
    expect(messages[0]).toEqual(m)
    const sent = (await socket.emitWithAck('send', { text: 'hello io' })) as FeedMessage
    expect(sent).toMatchObject({ id: 2, text: 'hello io', from: cid })
    await waitUntil(() => messages.length === 2)
    expect(messages[1]).toEqual(sent)

    await waitUntil(async () => (await counterOf(srv.httpUrl, cid, 'socketio')).delivered === 2)
    const k = await counterOf(srv.httpUrl, cid, 'socketio')
    expect(k.latencyMs.count).toBe(2)
    expect(k.requests).toBeGreaterThanOrEqual(transport === 'websocket' ? 1 : 3)
    expect(k.bytesDown).toBeGreaterThan(0)
    expect(k.bytesUp).toBeGreaterThan(0)
  })
})

describe('Socket.IO', () => {
  it('the handshake query ?feed= joins at once; join with since replays', async () => {
    const name = quietTicker()
    const feed = srv.lab.feeds.get(name)
    feed.publish('old')
    const a = await connect('websocket', { feed: name })
    const m = feed.publish('new')
    await waitUntil(() => a.messages.length === 1)
    expect(a.messages[0]).toEqual(m)
    const b = await connect('websocket', {})
    await b.socket.emitWithAck('join', { feed: name, since: 0 })
    await waitUntil(() => b.messages.length === 2)
    expect(b.messages.map((x) => x.text)).toEqual(['old', 'new'])
  })

  it('bad joins and sends are answered with an {error} that teaches', async () => {
    const { socket } = await connect('websocket', {})
    expect(await socket.emitWithAck('send', { text: 'too early' })).toEqual({ error: expect.stringMatching(/Join a feed first/) })
    expect(await socket.emitWithAck('join', { feed: 'news' })).toEqual({ error: expect.stringMatching(/"lobby"/) })
    expect(await socket.emitWithAck('join', {})).toEqual({ error: expect.stringMatching(/join needs \{feed/) })
    await socket.emitWithAck('join', { feed: 'lobby' })
    expect(await socket.emitWithAck('send', { nope: 1 })).toEqual({ error: expect.stringMatching(/send needs \{text/) })
  })

  it('serves the socket.io client bundle at /socket.io-client.min.js', async () => {
    const res = await fetch(`${srv.httpUrl}/socket.io-client.min.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    expect(await res.text()).toMatch(/sourceMappingURL=socket\.io\.min\.js\.map/)
    expect((await fetch(`${srv.httpUrl}/socket.io.min.js.map`)).status).toBe(200)
  })
})
