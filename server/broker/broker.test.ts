import { describe, expect, it, vi } from 'vitest'
import { TestClient, testBroker, testOptions } from './testing/test-client'
import { Broker } from './broker'
import { TapBus } from '../inspect/bus'
import type { InspectEvent } from '../../lib/inspect/events'

type Of<T extends InspectEvent['type']> = Extract<InspectEvent, { type: T }>
function only<T extends InspectEvent['type']>(events: InspectEvent[], type: T): Of<T>[] {
  return events.filter((e): e is Of<T> => e.type === type)
}

describe('Broker', () => {
  it('snapshot(): sessions, subscriptions and destinations as plain JSON', async () => {
    const { broker } = testBroker({ heartBeat: [5000, 5000] })
    const c = TestClient.open(broker, 'tcp')
    await c.connect({ login: 'ada', 'heart-beat': '0,1000' })
    c.frame('SUBSCRIBE', { id: 'a', destination: '/queue/jobs', ack: 'client' })
    c.frame('SUBSCRIBE', { id: 'b', destination: '/topic/chat.*', receipt: 'r' })
    c.frame('SEND', { destination: '/queue/jobs' }, 'x')
    await c.expect('RECEIPT')
    await c.expect('MESSAGE')
    const snap = broker.snapshot()
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap)
    expect(snap.sessions).toEqual([
      { id: c.id, transport: 'tcp', remote: '127.0.0.1:40000', state: 'connected', user: 'ada', version: '1.2', heartBeat: [5000, 0] },
    ])
    expect(snap.subscriptions).toEqual([
      { session: c.id, id: 'a', destination: '/queue/jobs', ack: 'client', unacked: 1 },
      { session: c.id, id: 'b', destination: '/topic/chat.*', ack: 'auto', unacked: 0 },
    ])
    expect(snap.destinations).toEqual([
      { name: '/topic/chat.*', kind: 'topic', depth: 0, subscribers: 1 },
      { name: '/queue/jobs', kind: 'queue', depth: 0, subscribers: 1 },
    ])
    expect(broker.sessionCount).toBe(1)
    c.hangUp()
    await c.closed
    await new Promise((r) => setImmediate(r))
    expect(broker.sessionCount).toBe(0)
    expect(broker.snapshot()).toEqual({ sessions: [], subscriptions: [], destinations: [{ name: '/queue/jobs', kind: 'queue', depth: 1, subscribers: 0 }] })
  })

  it('taps: frames in/out (with wireBytes and body preview), sessions, subscriptions, routes, errors', async () => {
    const { broker, events } = testBroker()
    const c = TestClient.open(broker)
    await c.connect()
    c.frame('SUBSCRIBE', { id: 's', destination: '/topic/t' })
    c.frame('SEND', { destination: '/topic/t' }, 'y'.repeat(300))
    await c.expect('MESSAGE')
    c.frame('BOGUS')
    await c.expectErrorThenClose()
    await new Promise((r) => setImmediate(r))

    expect(only(events, 'broker.session').map((e) => e.state)).toEqual(['open', 'connected', 'closed'])
    expect(only(events, 'broker.session')[1]).toMatchObject({ version: '1.2', user: c.id, heartBeat: [0, 0] })
    const frames = only(events, 'stomp.frame')
    expect(frames.map((f) => `${f.dir}:${f.command}`)).toEqual([
      'in:CONNECT', 'out:CONNECTED', 'in:SUBSCRIBE', 'in:SEND', 'out:MESSAGE', 'in:BOGUS', 'out:ERROR',
    ])
    const send = frames[3]
    expect(send.bodyLength).toBe(300)
    expect(send.bodyPreview).toHaveLength(256)
    expect(send.wireBytes).toBe('SEND\ndestination:/topic/t\n\n'.length + 300 + 1)
    const out = frames.filter((f) => f.dir === 'out')
    expect(out.reduce((n, f) => n + f.wireBytes, 0)).toBe(c.conn.sent.reduce((n, s) => n + s.data.length, 0))
    expect(only(events, 'broker.subscription')).toMatchObject([
      { action: 'add', id: 's', destination: '/topic/t', ack: 'auto' },
      { action: 'remove', id: 's', destination: '/topic/t' },
    ])
    const route = only(events, 'broker.route')[0]
    expect(route).toMatchObject({ destination: '/topic/t', conn: c.id, queued: false, redelivered: false })
    expect(route.deliveredTo).toEqual([{ conn: c.id, subscription: 's', messageId: route.messageId }])
    expect(only(events, 'stomp.error')).toMatchObject([{ code: 'STOMP_ERR_BAD_COMMAND' }])
  })

  it('taps: heart-beats in and out, queued and redelivered routes', async () => {
    const { broker, events } = testBroker({ heartBeat: [100, 0] })
    const c = TestClient.open(broker)
    await c.connect({ 'heart-beat': '0,100' })
    c.send('\n\r\n')
    c.frame('SEND', { destination: '/queue/q' }, 'x')
    c.frame('SUBSCRIBE', { id: 's', destination: '/queue/q', ack: 'client-individual' })
    const m = await c.expect('MESSAGE')
    c.frame('NACK', { id: m.header('ack') as string })
    await c.expect('MESSAGE')
    await new Promise((r) => setTimeout(r, 200))
    const beats = only(events, 'stomp.heartbeat')
    expect(beats.filter((b) => b.dir === 'in').reduce((n, b) => n + b.bytes, 0)).toBe(3)
    expect(beats.some((b) => b.dir === 'out' && b.bytes === 1)).toBe(true)
    const routes = only(events, 'broker.route')
    expect(routes.map((r) => [r.queued, r.redelivered, r.deliveredTo.length])).toEqual([
      [true, false, 0], [false, false, 1], [false, true, 1],
    ])
  })

  it('with no tap listener the broker builds no events at all', async () => {
    const bus = new TapBus()
    const publish = vi.spyOn(bus, 'publish')
    const broker = new Broker(testOptions(), bus)
    const c = TestClient.open(broker)
    await c.connect()
    c.frame('SUBSCRIBE', { id: 's', destination: '/topic/t' })
    c.frame('SEND', { destination: '/topic/t' }, 'x')
    await c.expect('MESSAGE')
    expect(publish).not.toHaveBeenCalled()
  })

  it('shutdown(): closes every session gracefully (flush, no ERROR) and refuses new connections', async () => {
    const { broker } = testBroker()
    const a = TestClient.open(broker)
    const b = TestClient.open(broker)
    await a.connect()
    await b.connect()
    a.frame('SUBSCRIBE', { id: 's', destination: '/topic/t' })
    b.frame('SEND', { destination: '/topic/t', receipt: 'r' }, 'last words')
    await b.expect('RECEIPT')
    await broker.shutdown()
    expect(broker.sessionCount).toBe(0)
    for (const c of [a, b]) {
      expect(c.closeInfo).toMatchObject({ how: 'close', code: 1001 })
      expect(c.frames.some((f) => f.command === 'ERROR')).toBe(false)
    }
    expect(a.frames.at(-1)?.text).toBe('last words')
    const late = TestClient.open(broker)
    expect((await late.closed).how).toBe('close')
  })

  it('shutdown(): resolves after its timeout even if a peer never reads', async () => {
    const { broker } = testBroker({ closeLingerMs: 60_000 })
    const c = TestClient.open(broker)
    await c.connect()
    c.conn.peer.pause()
    c.frame('SUBSCRIBE', { id: 's', destination: '/topic/t' })
    c.frame('SEND', { destination: '/topic/t' }, 'stuck')
    await new Promise((r) => setTimeout(r, 20))
    const start = Date.now()
    await broker.shutdown('bye', 200)
    expect(Date.now() - start).toBeGreaterThanOrEqual(150)
    expect(Date.now() - start).toBeLessThan(2000)
    expect((await c.closed).how).toBe('destroy')
  })
})
