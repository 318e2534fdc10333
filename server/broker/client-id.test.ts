import { describe, expect, it } from 'vitest'
import type { InspectEvent } from '../../lib/inspect/events'
import { MemoryConnection } from './testing/memory-connection'
import { TestClient, testBroker } from './testing/test-client'

function open(broker: ReturnType<typeof testBroker>['broker'], client?: string): TestClient {
  const c = new TestClient(new MemoryConnection('ws', '127.0.0.1:40000', client))
  broker.accept(c.conn)
  return c
}

describe('the browser tab id (cid) of a connection', () => {
  it('is copied into every event of its session and into the snapshot', async () => {
    const { broker, events } = testBroker()
    const tab = open(broker, 'tab-A')
    await tab.connect()
    tab.frame('SUBSCRIBE', { id: 's', destination: '/topic/news' })
    tab.frame('SEND', { destination: '/topic/news', receipt: 'r1' }, 'hello')
    await tab.expect('MESSAGE')
    await tab.expect('RECEIPT')
    expect(broker.snapshot().sessions.map((s) => s.client)).toEqual(['tab-A'])
    tab.frame('UNSUBSCRIBE', { id: 's' })
    tab.frame('BEGIN', {})
    await tab.expectErrorThenClose()
    await new Promise((r) => setImmediate(r))

    const types = new Set(events.map((e) => e.type))
    expect([...types].sort()).toEqual(['broker.route', 'broker.session', 'broker.subscription', 'stomp.error', 'stomp.frame'])
    expect(events.filter((e) => e.client !== 'tab-A')).toEqual([])
  })

  it('a connection without one has no client key at all (not even undefined)', async () => {
    const { broker, events } = testBroker()
    const c = open(broker)
    await c.connect()
    expect(events.length).toBeGreaterThan(0)
    expect(events.filter((e: InspectEvent) => 'client' in e)).toEqual([])
    expect('client' in broker.snapshot().sessions[0]).toBe(false)
  })

  it("a route event carries the sender's tab; deliveries name the receivers' connections", async () => {
    const { broker, events } = testBroker()
    const reader = open(broker, 'tab-R')
    const writer = open(broker, 'tab-W')
    await reader.connect()
    await writer.connect()
    reader.frame('SUBSCRIBE', { id: 's', destination: '/queue/q', receipt: 'sub' })
    await reader.expect('RECEIPT')
    writer.frame('SEND', { destination: '/queue/q' }, 'x')
    await reader.expect('MESSAGE')
    const route = events.find((e) => e.type === 'broker.route')
    expect(route).toMatchObject({ conn: writer.id, client: 'tab-W', deliveredTo: [{ conn: reader.id, subscription: 's' }] })
  })

  it('CONNECTED names the session by its connection id (checklist 23: session header)', async () => {
    const { broker } = testBroker()
    const c = open(broker, 'tab-A')
    const connected = await c.connect()
    expect(connected.headers).toContainEqual(['session', c.id])
  })

  it('stomp.frame carries the exact octets: out frames always, in frames when watched from the start', async () => {
    const { broker, events } = testBroker()
    const c = open(broker)
    c.send('CONNECT\r\naccept-version:1.2\r\nhost:x\r\n\r\n\0')
    await c.expect('CONNECTED')
    const frames = events.filter((e) => e.type === 'stomp.frame')
    expect(frames.map((e) => e.type === 'stomp.frame' && [e.dir, e.raw?.split('\n')[0]])).toEqual([
      ['in', 'CONNECT\r'],
      ['out', 'CONNECTED'],
    ])
    expect(frames[0].type === 'stomp.frame' && frames[0].raw).toBe('CONNECT\r\naccept-version:1.2\r\nhost:x\r\n\r\n\0')
  })
})
