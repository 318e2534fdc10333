/**
 * socketio.packet: the lab's Socket.IO endpoint reports every engine.io packet, both ways, over
 * polling and after the upgrade to WebSocket, with the tab's cid — and builds nothing for
 * sessions nobody wants. The WebSocket and HTTP taps of /socket.io/ keep working beside it.
 */
import { io, type Socket } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { InspectEvent, SocketioPacketEvent } from '../../lib/inspect/events'
import { startTestServer, type TestServer } from '../testing/harness'
import { TestViewer, until } from './testing/viewer-client'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function setup(cid: string): Promise<{ srv: TestServer; viewer: TestViewer }> {
  const srv = await startTestServer({ tcp: false })
  cleanups.push(() => srv.close())
  const viewer = await TestViewer.open(srv.inspectUrl)
  cleanups.push(() => viewer.close())
  await viewer.watch({ clients: [cid] })
  return { srv, viewer }
}

const packets = (events: readonly InspectEvent[]): SocketioPacketEvent[] => events.filter((e): e is SocketioPacketEvent => e.type === 'socketio.packet')
/** `out polling open`, `in websocket message CONNECT`, `out websocket message EVENT feed` … */
const line = (p: SocketioPacketEvent): string => [p.dir, p.transport, p.engineType, p.socketType, p.event, p.engineType === 'ping' || p.engineType === 'pong' ? p.preview : undefined].filter((x) => x !== undefined && x !== '').join(' ')

/** `whole` contains `part` in order (other lines may come between). */
function inOrder(whole: readonly string[], part: readonly string[]): boolean {
  let i = 0
  for (const l of whole) if (l === part[i]) i += 1
  return i === part.length
}

function client(srv: TestServer, query: Record<string, string>, transports: ('polling' | 'websocket')[] = ['polling', 'websocket']): Socket {
  const socket = io(srv.httpUrl, { transports, query, reconnection: false, forceNew: true })
  cleanups.push(() => socket.disconnect())
  return socket
}

describe('socketio.packet', () => {
  it('polling, then the upgrade to WebSocket: open, CONNECT, probe, upgrade, events and acks, under one session id and the tab\'s cid', async () => {
    const { srv, viewer } = await setup('tab-S')
    const feed = `ticker-sio${Date.now() % 100000}`
    srv.lab.feeds.get(feed, 10_000)
    const socket = client(srv, { cid: 'tab-S' })
    await new Promise<void>((resolve, reject) => {
      socket.io.engine.once('upgrade', () => resolve())
      socket.once('connect_error', reject)
    })
    expect(await socket.emitWithAck('join', { feed })).toEqual({ feed, cursor: 0 })
    const got = new Promise((r) => socket.once('feed', r))
    srv.lab.feeds.get(feed).publish('hello packets')
    await got
    await until(() => packets(viewer.events()).some((p) => p.event === 'feed'), 'the feed EVENT packet')

    const all = packets(viewer.events())
    const lines = all.map(line)
    expect(inOrder(lines, [
      'out polling open',
      'in polling message CONNECT',
      'out polling message CONNECT',
      'in websocket ping 2probe',
      'out websocket pong 3probe',
      'in websocket upgrade',
      'in websocket message EVENT join',
      'out websocket message ACK',
      'out websocket message EVENT feed',
    ]), lines.join('\n')).toBe(true)

    const open = all[0]
    expect(open).toMatchObject({ dir: 'out', transport: 'polling', engineType: 'open', client: 'tab-S', preview: expect.stringMatching(/^0\{"sid":"[^"]+","upgrades":\["websocket"\],"pingInterval":25000,"pingTimeout":20000/) })
    const sid = JSON.parse(open.preview.slice(1)).sid as string
    expect(open.sid).toBe(sid)
    expect(open.bytes).toBe(Buffer.byteLength(open.preview))
    // one session: the same conn and sid over polling and WebSocket
    expect(new Set(all.map((p) => p.conn))).toEqual(new Set([open.conn]))
    expect(open.conn).toMatch(/^socketio-\d+$/)
    expect(all.every((p) => p.sid === sid && p.client === 'tab-S')).toBe(true)
    const join = all.find((p) => p.event === 'join')
    const ack = all.find((p) => p.socketType === 'ACK')
    expect(join).toMatchObject({ namespace: '/', ackId: expect.any(Number), preview: expect.stringMatching(/^42\d+\["join",/) })
    expect(ack?.ackId).toBe(join?.ackId)
    expect(all.find((p) => p.event === 'feed')?.preview).toMatch(/^42\["feed",\{"id":1,"text":"hello packets"/)

    // the WebSocket and HTTP taps of /socket.io/ still report the same traffic
    const events = viewer.events()
    expect(events.find((e) => e.type === 'ws.handshake')).toMatchObject({ path: '/socket.io/', client: 'tab-S' })
    expect(events.some((e) => e.type === 'ws.frame' && e.dir === 'in' && e.preview === '2probe')).toBe(true)
    expect(events.some((e) => e.type === 'http.exchange' && e.lab === 'socketio' && e.url.includes(`sid=${sid}`))).toBe(true)
  })

  it('a raw WebSocket: the open packet, CONNECT by hand, then a plain text is an invalid packet and the server hangs up', async () => {
    const { srv, viewer } = await setup('tab-R')
    const ws = new WebSocket(`ws://127.0.0.1:${srv.httpPort}/socket.io/?EIO=4&transport=websocket&cid=tab-R`)
    cleanups.push(() => ws.terminate())
    const received: string[] = []
    ws.on('message', (d) => received.push(String(d)))
    await until(() => received.length === 1, 'the open packet')
    expect(received[0]).toMatch(/^0\{"sid":/)
    ws.send('40')
    await until(() => received.some((m) => m.startsWith('40{"sid":')), 'the CONNECT answer')
    const closed = new Promise((r) => ws.once('close', r))
    ws.send('hello')
    await closed
    await until(() => packets(viewer.events()).some((p) => p.engineType === 'invalid'), 'the invalid packet')
    expect(packets(viewer.events()).map(line)).toEqual(['out websocket open', 'in websocket message CONNECT', 'out websocket message CONNECT', 'in websocket invalid'])
    expect(packets(viewer.events()).at(-1)).toMatchObject({ preview: 'hello', bytes: 5 })
  })

  it('costs nothing unwatched: a listener interested in another tab gets no packet of this one', async () => {
    const srv = await startTestServer({ tcp: false })
    cleanups.push(() => srv.close())
    const seen: InspectEvent[] = []
    const off = srv.bus.subscribe((e) => seen.push(e), { conns: new Set(), clients: new Set(['someone-else']) })
    cleanups.push(off)
    const socket = client(srv, { cid: 'tab-U' })
    await new Promise<void>((resolve) => socket.io.engine.once('upgrade', () => resolve()))
    await socket.emitWithAck('join', { feed: 'lobby' })
    expect(seen.filter((e) => e.type === 'socketio.packet')).toEqual([])
  })

  it('websocket only: the session opens over WebSocket, no polling packet', async () => {
    const { srv, viewer } = await setup('tab-W')
    const socket = client(srv, { cid: 'tab-W' }, ['websocket'])
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    await until(() => packets(viewer.events()).length >= 3, 'open and CONNECT')
    const lines = packets(viewer.events()).map(line)
    expect(lines.slice(0, 3)).toEqual(['out websocket open', 'in websocket message CONNECT', 'out websocket message CONNECT'])
    expect(lines.some((l) => l.includes('polling'))).toBe(false)
  })
})
