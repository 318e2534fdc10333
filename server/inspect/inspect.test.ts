/**
 * The inspector end to end: a real server, real STOMP clients over /ws/stomp, a real viewer on
 * /ws/inspect. What a learner's tab would see of its own session, of a destination, and what
 * happens when a viewer stops reading.
 */
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { InspectEvent } from '../../lib/inspect/events'
import { EMPTY_VIEW, parseServerMessage, reduceServerMessage } from '../../lib/inspect/reduce'
import { startTestServer, type TestServer, type TestServerOptions } from '../testing/harness'
import { StompWs, TestViewer, until } from './testing/viewer-client'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function server(options: TestServerOptions = {}): Promise<TestServer> {
  const srv = await startTestServer({ tcp: false, heartBeat: [0, 0], ...options })
  cleanups.push(() => srv.close())
  return srv
}
async function viewer(srv: TestServer): Promise<TestViewer> {
  const v = await TestViewer.open(srv.inspectUrl)
  cleanups.push(() => v.close())
  return v
}
async function stomp(url: string): Promise<StompWs> {
  const c = await StompWs.open(url)
  cleanups.push(() => c.close())
  return c
}

/** A short label per event, to compare sequences. */
function label(e: InspectEvent): string {
  switch (e.type) {
    case 'ws.frame':
      return `ws.frame ${e.dir} ${e.preview.split('\n')[0]}`
    case 'stomp.frame':
      return `stomp.frame ${e.dir} ${e.command}`
    case 'broker.route':
      return `broker.route ${e.destination}`
    default:
      return e.type
  }
}

/** `wanted` appears in `labels` in this order (other labels may sit between). */
function inOrder(labels: readonly string[], wanted: readonly string[]): boolean {
  let i = 0
  for (const l of labels) if (l === wanted[i]) i += 1
  return i === wanted.length
}

describe('/ws/inspect: a tab watching its own session (clients: [cid])', () => {
  it('sees its ws.handshake, ws.frame both ways, stomp.frame and broker.route, in wire order, and nothing of other tabs', async () => {
    const srv = await server()
    const v = await viewer(srv)
    const hello = v.messages[0]
    expect(hello).toMatchObject({ type: 'hello', allowAll: true, maxBuffered: 2000 })
    const snapshot = await v.watch({ clients: ['tab-X'] })
    expect(snapshot.broker).toEqual({ sessions: [], subscriptions: [], destinations: [] })

    const other = await stomp(`${srv.wsUrl}?cid=tab-Y`)
    await other.connect()
    const me = await stomp(`${srv.wsUrl}?cid=tab-X`)
    const session = await me.connect()
    expect(session).toMatch(/^ws-\d+$/)
    me.frame('SUBSCRIBE', { id: 's1', destination: '/topic/news', receipt: 'r1' })
    await me.expect('RECEIPT')
    other.frame('SEND', { destination: '/topic/elsewhere' }, 'not for X')
    me.frame('SEND', { destination: '/topic/news' }, 'hello')
    await me.expect('MESSAGE')
    await until(() => v.events().some((e) => e.type === 'broker.route'), 'the route event')

    const events = v.events()
    expect(events.filter((e) => e.client !== 'tab-X')).toEqual([])
    expect(new Set(events.map((e) => e.conn))).toEqual(new Set([session]))
    expect(
      inOrder(events.map(label), [
        'ws.handshake',
        'ws.frame in CONNECT', 'stomp.frame in CONNECT', 'stomp.frame out CONNECTED', 'ws.frame out CONNECTED',
        'ws.frame in SUBSCRIBE', 'stomp.frame in SUBSCRIBE', 'stomp.frame out RECEIPT', 'ws.frame out RECEIPT',
        'ws.frame in SEND', 'stomp.frame in SEND', 'stomp.frame out MESSAGE', 'ws.frame out MESSAGE', 'broker.route /topic/news',
      ]),
      events.map(label).join('\n'),
    ).toBe(true)

    const handshake = events.find((e) => e.type === 'ws.handshake')
    if (handshake?.type !== 'ws.handshake') throw new Error('no handshake')
    expect(handshake).toMatchObject({
      path: '/ws/stomp', requestLine: `GET /ws/stomp?cid=tab-X HTTP/1.1`, protocol: 'v12.stomp', extensions: null,
      statusLine: 'HTTP/1.1 101 Switching Protocols',
    })
    expect(handshake.accept).toBe(createHash('sha1').update(`${handshake.key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64'))
    expect(handshake.requestHeaders).toContainEqual(['Sec-WebSocket-Key', handshake.key])
    expect(handshake.responseHeaders).toContainEqual(['Sec-WebSocket-Accept', handshake.accept])

    // RFC 6455 §5.3: client frames are masked, server frames are not
    const frames = events.filter((e) => e.type === 'ws.frame')
    for (const f of frames) {
      if (f.type !== 'ws.frame') continue
      expect(f.masked).toBe(f.dir === 'in')
      expect(f.maskKey === null ? null : f.maskKey.length).toBe(f.dir === 'in' ? 8 : null)
      expect(f).toMatchObject({ fin: true, rsv1: false, opcode: 1, previewEncoding: 'text', truncated: false })
    }
    const send = frames.find((f) => f.type === 'ws.frame' && f.preview.startsWith('SEND'))
    expect(send).toMatchObject({ preview: 'SEND\ndestination:/topic/news\n\nhello\0', payloadLength: 36, headerBytes: 6 })
    const route = events.find((e) => e.type === 'broker.route')
    expect(route).toMatchObject({ destination: '/topic/news', deliveredTo: [{ conn: session, subscription: 's1' }], queued: false })

    // the browser's reducer (lib/inspect/reduce.ts, used by components/lab/useInspect.ts) takes every message
    const parsed = v.messages.map((m) => parseServerMessage(JSON.stringify(m)))
    expect(parsed).not.toContain(null)
    const view = parsed.reduce((state, m) => (m ? reduceServerMessage(state, m) : state), EMPTY_VIEW)
    expect(view).toMatchObject({ allowAll: true, maxBuffered: 2000, snapshots: 1, dropped: 0, received: events.length, error: null })
  })

  it('the snapshot holds the tab\'s own sessions and subscriptions (with their cid), not the others\'', async () => {
    const srv = await server()
    const mine = await stomp(`${srv.wsUrl}?cid=tab-A`)
    const id = await mine.connect()
    mine.frame('SUBSCRIBE', { id: 'q', destination: '/queue/jobs', receipt: 'r' })
    await mine.expect('RECEIPT')
    const theirs = await stomp(`${srv.wsUrl}?cid=tab-B`)
    await theirs.connect()
    theirs.frame('SUBSCRIBE', { id: 't', destination: '/topic/b', receipt: 'r' })
    await theirs.expect('RECEIPT')

    const v = await viewer(srv)
    const { broker } = (await v.watch({ clients: ['tab-A'] }))
    expect(broker.sessions).toMatchObject([{ id, client: 'tab-A', transport: 'ws', state: 'connected', version: '1.2' }])
    expect(broker.subscriptions).toEqual([{ session: id, id: 'q', destination: '/queue/jobs', ack: 'auto', unacked: 0 }])
    expect(broker.destinations.map((d) => d.name)).toEqual(['/queue/jobs'])
    const all = (await v.watch({ all: true })).broker
    expect(all.sessions.map((s) => s.client).sort()).toEqual(['tab-A', 'tab-B'])
  })

  it('a frame that arrives in the same TCP segment as the upgrade request is seen (and served) too', async () => {
    const srv = await server()
    const v = await viewer(srv)
    await v.watch({ clients: ['raw'] })
    const { connect } = await import('node:net')
    const socket = connect(srv.httpPort, '127.0.0.1')
    cleanups.push(() => socket.destroy())
    const payload = Buffer.from('CONNECT\naccept-version:1.2\nhost:x\n\n\0')
    const mask = Buffer.from([1, 2, 3, 4])
    const frame = Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, Buffer.from(payload.map((b, i) => b ^ mask[i & 3]))])
    const request = 'GET /ws/stomp?cid=raw HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n'
    let got = ''
    socket.on('data', (d) => (got += d.toString('latin1')))
    socket.write(Buffer.concat([Buffer.from(request), frame]))
    await until(() => got.includes('CONNECTED'), 'CONNECTED')
    await until(() => v.events().some((e) => e.type === 'stomp.frame' && e.command === 'CONNECTED'), 'events')
    const events = v.events().filter((e) => e.type !== 'broker.session')
    expect(events.map(label).slice(0, 3)).toEqual(['ws.handshake', 'ws.frame in CONNECT', 'stomp.frame in CONNECT'])
    expect(events[0]).toMatchObject({ type: 'ws.handshake', accept: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=' })
    expect(events[1]).toMatchObject({ type: 'ws.frame', maskKey: '01020304', masked: true })
  })
})

describe('/ws/inspect filters', () => {
  it('a viewer watching a destination sees only that destination\'s traffic', async () => {
    const srv = await server()
    const v = await viewer(srv)
    await v.watch({ destinations: ['/topic/a'] })
    const a = await stomp(srv.wsUrl)
    const b = await stomp(srv.wsUrl)
    await a.connect()
    await b.connect()
    a.frame('SUBSCRIBE', { id: 'sa', destination: '/topic/a' })
    b.frame('SUBSCRIBE', { id: 'sb', destination: '/topic/b', receipt: 'rb' })
    await b.expect('RECEIPT')
    b.frame('SEND', { destination: '/topic/b' }, 'to b')
    b.frame('SEND', { destination: '/topic/a' }, 'to a')
    await a.expect('MESSAGE')
    await b.expect('MESSAGE')
    await until(() => v.events().some((e) => e.type === 'broker.route'), 'a route')
    const labels = v.events().map((e) => `${label(e)} ${e.type === 'stomp.frame' ? e.headers.find(([n]) => n === 'destination')?.[1] : ''}`.trim())
    expect(labels).toEqual([
      'stomp.frame in SUBSCRIBE /topic/a',
      'broker.subscription',
      'stomp.frame in SEND /topic/a',
      'stomp.frame out MESSAGE /topic/a',
      'broker.route /topic/a',
    ])
  })

  it('types restrict what is sent; an empty filter sends nothing and keeps the bus idle', async () => {
    const srv = await server()
    const v = await viewer(srv)
    await v.watch({})
    expect(srv.bus.active).toBe(false)
    await v.watch({ clients: ['t'], types: ['ws.handshake'] })
    expect(srv.bus.active).toBe(true)
    const c = await stomp(`${srv.wsUrl}?cid=t`)
    await c.connect()
    await until(() => v.events().length > 0, 'the handshake')
    await new Promise((r) => setTimeout(r, 120))
    expect(v.events().map((e) => e.type)).toEqual(['ws.handshake'])
  })

  it('tabs watching their own cid make the taps build frames for their connections only', async () => {
    const srv = await server()
    const v = await viewer(srv)
    await v.watch({ clients: ['tab-A'] })
    const built: InspectEvent[] = []
    const publish = srv.bus.publish.bind(srv.bus)
    srv.bus.publish = (e) => {
      built.push(e)
      publish(e)
    }
    const a = await stomp(`${srv.wsUrl}?cid=tab-A`)
    const b = await stomp(`${srv.wsUrl}?cid=tab-B`)
    const idA = await a.connect()
    const idB = await b.connect()
    const perFrame = (conn: string) => built.filter((e) => e.conn === conn && (e.type === 'ws.frame' || e.type === 'stomp.frame' || e.type === 'ws.handshake'))
    expect(perFrame(idA).length).toBeGreaterThanOrEqual(5)
    expect(perFrame(idB)).toEqual([])
    expect([srv.bus.wants(idB, 'tab-B'), srv.bus.wants(idA, 'tab-A')]).toEqual([false, true])
    // a viewer of a destination needs every connection's frames (anyone may SEND there)
    const d = await viewer(srv)
    await d.watch({ destinations: ['/topic/x'] })
    expect(srv.bus.wants(idB, 'tab-B')).toBe(true)
    d.close()
    await until(() => !srv.bus.wants(idB, 'tab-B'), 'the destination viewer gone')
  })

  it('refuses bad filters with an error message and keeps the connection', async () => {
    const srv = await server()
    const v = await viewer(srv)
    v.send({ type: 'watch', filter: { clients: 'x' } })
    v.send({ type: 'watch', filter: { types: ['nope'] } })
    v.ws.send('not json')
    await until(() => v.count('error') === 3, 'three errors')
    expect(v.messages.filter((m) => m.type === 'error').map((m) => m.type === 'error' && m.message)).toEqual([
      'clients must be an array of strings',
      expect.stringContaining('unknown event type "nope"'),
      expect.stringContaining('not JSON'),
    ])
    await v.watch({ clients: ['ok'] })
  })

  it('`all` is refused when INSPECT_ALLOW_ALL=off (hello says so); naming one\'s own clients still works', async () => {
    const srv = await server({ inspect: { allowAll: false } })
    const v = await viewer(srv)
    expect(v.messages[0]).toMatchObject({ type: 'hello', allowAll: false })
    v.send({ type: 'watch', filter: { all: true, clients: ['me'] } })
    await until(() => v.count('error') === 1, 'the refusal')
    expect(v.messages.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('INSPECT_ALLOW_ALL=off') })
    expect(v.count('snapshot')).toBe(0)
    expect(srv.bus.active).toBe(false)
    const c = await stomp(`${srv.wsUrl}?cid=someone-else`)
    await c.connect()
    await v.watch({ clients: ['me'] })
    expect((await v.watch({ clients: ['me'] })).broker.sessions).toEqual([])
  })

  it('never sends a passcode to a viewer (header, raw octets, WebSocket preview)', async () => {
    const srv = await server()
    const v = await viewer(srv)
    await v.watch({ all: true })
    const c = await stomp(`${srv.wsUrl}?cid=tab-P`)
    c.frame('CONNECT', { 'accept-version': '1.2', host: 'x', login: 'ada', passcode: 'open-sesame', 'heart-beat': '0,0' })
    await c.expect('CONNECTED')
    await until(() => v.events().some((e) => e.type === 'stomp.frame' && e.command === 'CONNECTED'), 'CONNECTED event')
    const text = JSON.stringify(v.messages)
    expect(text).not.toContain('open-sesame')
    expect(text).toContain('passcode:[redacted]')
  })

  it('never reports /ws/inspect\'s own traffic', async () => {
    const srv = await server()
    const v = await viewer(srv)
    await v.watch({ all: true })
    const second = await viewer(srv)
    await second.watch({ all: true })
    const c = await stomp(srv.wsUrl)
    await c.connect()
    await until(() => v.events().some((e) => e.type === 'stomp.frame'), 'STOMP events')
    await new Promise((r) => setTimeout(r, 120))
    const handshakes = v.events().filter((e) => e.type === 'ws.handshake')
    expect(handshakes.map((e) => e.type === 'ws.handshake' && e.path)).toEqual(['/ws/stomp'])
  })
})
