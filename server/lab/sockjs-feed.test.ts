/**
 * /sockjs/feed with the real sockjs-client, one transport forced at a time (the transports
 * sockjs-client can run in Node; the others need a browser).
 */
import SockJS from 'sockjs-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/harness'
import type { FeedMessage } from './feed'
import { counterOf, freshCid, getJson, waitUntil } from './test-kit'

const NODE_TRANSPORTS = ['websocket', 'xhr-polling', 'xhr-streaming', 'eventsource'] as const

let srv: TestServer
beforeAll(async () => {
  srv = await startTestServer({ tcp: false, sockjsDisconnectDelayMs: 300 })
})
afterAll(async () => {
  await srv.close()
})
const open: WebSocket[] = []
afterEach(() => {
  for (const s of open.splice(0)) s.close()
})

let n = 0
function quietTicker(): string {
  const name = `ticker-sockjs${(n += 1)}`
  srv.lab.feeds.get(name, 10_000)
  return name
}

interface Client {
  sock: WebSocket
  messages: FeedMessage[]
  closed: Promise<{ code: number; reason: string }>
}

function connect(query: string, transport: string): Promise<Client> {
  const sock = new SockJS(`${srv.httpUrl}/sockjs/feed?${query}`, null, { transports: [transport] }) as unknown as WebSocket
  open.push(sock)
  const messages: FeedMessage[] = []
  sock.onmessage = (e: MessageEvent) => messages.push(JSON.parse(String(e.data)) as FeedMessage)
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    sock.onclose = (e: CloseEvent) => resolve({ code: e.code, reason: e.reason })
  })
  return new Promise((resolve, reject) => {
    sock.onopen = () => resolve({ sock, messages, closed })
    closed.then((e) => reject(new Error(`closed before open: ${e.code} ${e.reason}`)), () => {})
  })
}

describe.each(NODE_TRANSPORTS)('/sockjs/feed over %s', (transport) => {
  it('delivers feed messages, publishes what the client sends, and counts every request of the session for its cid', async () => {
    const name = quietTicker()
    const cid = freshCid()
    const c = await connect(`feed=${name}&cid=${cid}`, transport)
    expect((c.sock as unknown as { transport: string }).transport).toBe(transport)
    const feed = srv.lab.feeds.get(name)
    const m = feed.publish('over sockjs')
    await waitUntil(() => c.messages.length === 1)
    expect(c.messages[0]).toEqual(m)
    c.sock.send('from the client')
    await waitUntil(() => c.messages.length === 2)
    expect(c.messages[1]).toMatchObject({ text: 'from the client', from: cid })
    feed.publish('third')
    await waitUntil(() => c.messages.length === 3)

    const k = await counterOf(srv.httpUrl, cid, 'sockjs')
    // /info, then the transport's requests (one upgrade, or polls and sends)
    expect(k.requests).toBeGreaterThanOrEqual(2)
    expect(k.delivered).toBe(3)
    expect(k.latencyMs.count).toBe(3)
    expect(k.bytesUp).toBeGreaterThan(0)
    expect(k.bytesDown).toBeGreaterThan(JSON.stringify(c.messages).length)
  })
})

describe('/sockjs/feed', () => {
  it('?since= replays first', async () => {
    const name = quietTicker()
    const feed = srv.lab.feeds.get(name)
    feed.publish('a')
    feed.publish('b')
    const c = await connect(`feed=${name}&since=1`, 'xhr-polling')
    await waitUntil(() => c.messages.length === 1)
    expect(c.messages[0]).toMatchObject({ id: 2, text: 'b' })
  })

  it('xhr-polling: latency is taken when the poll carries the message out, not when it was queued', async () => {
    const name = quietTicker()
    const cid = freshCid()
    const c = await connect(`feed=${name}&cid=${cid}`, 'xhr-polling')
    srv.lab.feeds.get(name).publish('counted once')
    await waitUntil(() => c.messages.length === 1)
    await waitUntil(async () => (await counterOf(srv.httpUrl, cid, 'sockjs')).delivered === 1)
    expect((await counterOf(srv.httpUrl, cid, 'sockjs')).latencyMs.count).toBe(1)
  })

  it('a bad feed is refused on the first request with a JSON explanation (the client reports the failure)', async () => {
    const res = await getJson<{ error: string }>(`${srv.httpUrl}/sockjs/feed/info?feed=news`)
    expect(res.status).toBe(404)
    expect(res.body.error).toMatch(/"lobby"/)
    await expect(connect('feed=news', 'xhr-polling')).rejects.toThrow(/closed before open/)
  })
})

describe('/sockjs/feed and /sockjs/stomp share sockjs\'s session table', () => {
  it('a feed request cannot reach a session opened under /sockjs/stomp (409 with an explanation)', async () => {
    const id = `shared${Date.now().toString(36)}`
    const opened = await fetch(`${srv.httpUrl}/sockjs/stomp/000/${id}/xhr`, { method: 'POST' })
    expect(await opened.text()).toBe('o\n')
    const res = await fetch(`${srv.httpUrl}/sockjs/feed/000/${id}/xhr_send`, { method: 'POST', body: '["SEND\\ndestination:/topic/x\\n\\nhi\\u0000"]' })
    expect(res.status).toBe(409)
    expect(((await res.json()) as { error: string }).error).toMatch(/belongs to another endpoint \(\/sockjs\/stomp\)/)
  })
})
