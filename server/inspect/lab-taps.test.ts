/**
 * The transport lab's endpoints report to the inspector like /ws/stomp does (server/stack.ts
 * wraps them with route-taps.ts): /ws/echo's handshake and frames, /sockjs/feed's SockJS frames.
 */
import SockJS from 'sockjs-client'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { HttpExchangeEvent, SockjsFrameEvent, WsFrameEvent } from '../../lib/inspect/events'
import { startTestServer, type TestServer } from '../testing/harness'
import { BODY_PREVIEW_MAX } from './http-tap'
import { TestViewer, until } from './testing/viewer-client'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function setup(cid: string): Promise<{ srv: TestServer; viewer: TestViewer }> {
  const srv = await startTestServer({ tcp: false, sockjsDisconnectDelayMs: 200 })
  cleanups.push(() => srv.close())
  const viewer = await TestViewer.open(srv.inspectUrl)
  cleanups.push(() => viewer.close())
  await viewer.watch({ clients: [cid] })
  return { srv, viewer }
}

describe('lab endpoints on the inspector', () => {
  it('/ws/echo: the handshake (tag and cid in the request line) and every frame, both ways', async () => {
    const { srv, viewer } = await setup('tab-E')
    const ws = new WebSocket(`ws://127.0.0.1:${srv.httpPort}/ws/echo?tag=abc123&cid=tab-E`)
    cleanups.push(() => ws.terminate())
    await new Promise((r) => ws.once('open', r))
    const echoed = new Promise((r) => ws.once('message', r))
    ws.send('hello echo')
    await echoed
    await until(() => viewer.events().filter((e) => e.type === 'ws.frame').length >= 2, 'two frames')
    const [handshake, ...rest] = viewer.events()
    expect(handshake).toMatchObject({ type: 'ws.handshake', path: '/ws/echo', requestLine: 'GET /ws/echo?tag=abc123&cid=tab-E HTTP/1.1', client: 'tab-E' })
    expect(handshake.conn).toMatch(/^ws-\d+$/)
    const frames = rest.filter((e): e is WsFrameEvent => e.type === 'ws.frame')
    expect(frames.map((f) => [f.conn, f.dir, f.masked, f.preview])).toEqual([
      [handshake.conn, 'in', true, 'hello echo'],
      [handshake.conn, 'out', false, 'hello echo'],
    ])
  })

  it('/sockjs/feed: the session\'s frames under one id and the tab\'s cid', async () => {
    const { srv, viewer } = await setup('tab-F')
    const sock = new SockJS(`${srv.httpUrl}/sockjs/feed?feed=lobby&cid=tab-F`, null, { transports: ['xhr-streaming'] })
    cleanups.push(() => sock.close())
    await new Promise<void>((resolve) => (sock.onopen = () => resolve()))
    sock.send('hi from the feed test')
    await until(() => viewer.events().some((e) => e.type === 'sockjs.frame' && e.kind === 'a'), 'a message frame')
    const frames = viewer.events().filter((e): e is SockjsFrameEvent => e.type === 'sockjs.frame')
    expect(frames[0]).toMatchObject({ dir: 'out', kind: 'o', transport: 'xhr-streaming', client: 'tab-F' })
    expect(frames.find((f) => f.kind === 'm')).toMatchObject({ dir: 'in', transport: 'xhr_send', preview: '["hi from the feed test"]' })
    expect(frames.find((f) => f.kind === 'a')?.preview).toContain('hi from the feed test')
    expect(new Set(frames.map((f) => f.conn)).size).toBe(1)
    expect(frames[0].conn).toMatch(/^sockjs-\d+$/)
  })
})

describe('http.exchange', () => {
  it('one event per lab request: request line and headers as sent, the response head as written, bytes each way', async () => {
    const { srv, viewer } = await setup('tab-H')
    const poll = await fetch(`${srv.httpUrl}/lab/feeds/lobby/poll?since=0&cid=tab-H`)
    const pollBody = await poll.text()
    const posted = await fetch(`${srv.httpUrl}/lab/feeds/lobby/messages?cid=tab-H`, { method: 'POST', body: 'hello lab' })
    await posted.text()
    await fetch(`${srv.httpUrl}/lab/feeds/lobby/poll?since=0`) // no cid: not this tab's
    await until(() => viewer.events().filter((e) => e.type === 'http.exchange').length === 2, 'two exchanges')
    const [first, second] = viewer.events().filter((e) => e.type === 'http.exchange')
    expect(first).toMatchObject({
      conn: expect.stringMatching(/^http-\d+$/), client: 'tab-H', method: 'GET', url: '/lab/feeds/lobby/poll?since=0&cid=tab-H',
      httpVersion: '1.1', requestBodyBytes: 0, status: 200, statusText: 'OK', lab: 'short-poll',
      responseBodyBytes: Buffer.byteLength(pollBody),
    })
    if (first.type !== 'http.exchange' || second.type !== 'http.exchange') throw new Error('not exchanges')
    expect(first.requestHeaders.map(([n]) => n.toLowerCase())).toContain('host')
    expect(first.responseHeaders.find(([n]) => n.toLowerCase() === 'content-type')?.[1]).toMatch(/^application\/json/)
    // bytes on the socket: the head and the body each way
    expect(first.bytesOut).toBeGreaterThan(first.responseBodyBytes)
    expect(first.bytesIn).toBeGreaterThan(first.url.length)
    expect(second).toMatchObject({ method: 'POST', requestBodyBytes: 9, status: 201, lab: 'send' })
    expect(second.bytesIn).toBeGreaterThanOrEqual(9 + second.url.length)
  })

  it('feed endpoints carry a preview of the response body (the cursor first); the echo does not', async () => {
    const { srv, viewer } = await setup('tab-P')
    const exchanges = () => viewer.events().filter((e): e is HttpExchangeEvent => e.type === 'http.exchange')
    const feed = srv.lab.feeds.get('room-preview')
    feed.publish('hello preview')
    const body = await (await fetch(`${srv.httpUrl}/lab/feeds/room-preview/poll?since=0&cid=tab-P`)).text()
    await (await fetch(`${srv.httpUrl}/lab/echo?cid=tab-P`, { headers: { cookie: 'secret=1' } })).text()
    await until(() => exchanges().length === 2, 'two exchanges')
    const [poll, echo] = exchanges()
    expect(poll.responseBodyPreview).toBe(body)
    expect(poll.responseBodyPreview).toMatch(/^\{"feed":"room-preview","cursor":1,"messages":\[/)
    expect(poll.responseBodyTruncated).toBeUndefined()
    expect(echo.responseBodyPreview).toBeUndefined()
  })

  it('a long body is previewed up to BODY_PREVIEW_MAX characters and marked truncated; an SSE stream is previewed when it ends', async () => {
    const { srv, viewer } = await setup('tab-Q')
    const exchanges = () => viewer.events().filter((e): e is HttpExchangeEvent => e.type === 'http.exchange')
    const feed = srv.lab.feeds.get('room-long')
    for (let i = 0; i < 40; i++) feed.publish(`message number ${i} ${'x'.repeat(60)}`)
    const body = await (await fetch(`${srv.httpUrl}/lab/feeds/room-long/poll?since=0&cid=tab-Q`)).text()
    const sse = await fetch(`${srv.httpUrl}/lab/feeds/room-long/sse?drop=2&cid=tab-Q`, { headers: { 'Last-Event-ID': '38' } })
    const stream = await sse.text()
    await until(() => exchanges().length === 2, 'two exchanges')
    const [poll, events] = exchanges()
    expect(body.length).toBeGreaterThan(BODY_PREVIEW_MAX)
    expect(poll.responseBodyPreview).toBe(body.slice(0, BODY_PREVIEW_MAX))
    expect(poll.responseBodyTruncated).toBe(true)
    expect(events).toMatchObject({ lab: 'sse', status: 200, responseBodyPreview: stream })
    expect(events.requestHeaders.find(([n]) => n.toLowerCase() === 'last-event-id')?.[1]).toBe('38')
    expect(stream).toMatch(/^retry: 2000\n\n: resuming after id 38 \(from the Last-Event-ID header\)\n\nid: 39\n/)
    expect(stream).toMatch(/sends Last-Event-ID: 40\n\n$/)
  })
})
