/**
 * A viewer that stops reading (a frozen tab, a dead network) must never slow the broker nor make
 * the server hold its events without bound. No timing thresholds: the test compares what STOMP
 * subscribers receive with and without such a viewer, and checks the bounds the server keeps.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ServerMessage } from '../../lib/inspect/protocol'
import { startTestServer, type TestServer } from '../testing/harness'
import { StompWs, TestViewer, until } from './testing/viewer-client'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** Large enough that one burst (BATCH messages ≈ 5 events each) never fills it: drops come from the stall. */
const MAX_BUFFERED = 5000
const BATCH = 300
const HIGH_WATER = 1024 * 1024
const BODY = 'x'.repeat(200)

interface Pair {
  readonly publisher: StompWs
  readonly subscriber: StompWs
}

async function pair(srv: TestServer): Promise<Pair> {
  const publisher = await StompWs.open(`${srv.wsUrl}?cid=pub`)
  const subscriber = await StompWs.open(`${srv.wsUrl}?cid=sub`)
  cleanups.push(() => publisher.close(), () => subscriber.close())
  await publisher.connect()
  await subscriber.connect()
  subscriber.frame('SUBSCRIBE', { id: 's', destination: '/topic/load', receipt: 'ready' })
  await subscriber.expect('RECEIPT')
  return { publisher, subscriber }
}

/** Publishes `n` messages and waits until the subscriber has every one of them. */
async function publish({ publisher, subscriber }: Pair, n: number): Promise<void> {
  const before = subscriber.all('MESSAGE').length
  for (let i = 0; i < n; i++) publisher.frame('SEND', { destination: '/topic/load' }, `${before + i} ${BODY}`)
  await until(() => subscriber.all('MESSAGE').length === before + n, `${n} messages delivered`, 60_000)
}

describe('a stalled /ws/inspect viewer', () => {
  it('does not hold back STOMP delivery, and the server keeps it bounded: oldest events dropped, then a dropped marker', async () => {
    const srv = await startTestServer({ tcp: false, heartBeat: [0, 0], inspect: { maxBuffered: MAX_BUFFERED } })
    cleanups.push(() => srv.close())

    // Without a viewer: every message is delivered.
    const alone = await pair(srv)
    await publish(alone, BATCH)
    expect(alone.subscriber.all('MESSAGE')).toHaveLength(BATCH)

    // With a viewer watching everything that stops reading its socket.
    const viewer = await TestViewer.open(srv.inspectUrl)
    cleanups.push(() => viewer.close())
    await viewer.watch({ all: true })
    viewer.pause()
    const watched = await pair(srv)
    let sent = 0
    const stats = () => srv.inspect.stats()[0]
    while (stats().dropped === 0 && sent < 100_000) {
      await publish(watched, BATCH)
      sent += BATCH
    }
    // every message reached its subscriber while the viewer read nothing
    expect(watched.subscriber.all('MESSAGE')).toHaveLength(sent)
    expect(watched.subscriber.all('MESSAGE').at(-1)).toContain(`\n\n${sent - 1} `)
    const stalled = stats()
    expect(stalled.dropped).toBeGreaterThan(0)
    // bounded: writing stopped once the socket held more than the 1 MiB high-water mark (plus at
    // most one batch), and at most maxBuffered events wait
    expect(stalled.bufferedAmount).toBeGreaterThan(HIGH_WATER)
    expect(stalled.bufferedAmount).toBeLessThan(HIGH_WATER + 512 * 1024)
    expect(stalled.queued).toBeLessThanOrEqual(MAX_BUFFERED)

    // The viewer reads again: it gets what was kept, told first how many were dropped.
    viewer.resume()
    await until(() => viewer.count('dropped') > 0, 'a dropped marker', 30_000)
    const messages = viewer.messages
    const firstDrop = messages.findIndex((m) => m.type === 'dropped')
    expect(messages[firstDrop + 1]?.type).toBe('events')
    const dropped = messages.filter((m): m is Extract<ServerMessage, { type: 'dropped' }> => m.type === 'dropped')
    const total = dropped.reduce((n, m) => n + m.count, 0)
    expect(total).toBeGreaterThanOrEqual(stalled.dropped)
    // what arrived after the marker is the newest traffic, in order
    const after = messages.slice(firstDrop + 1).flatMap((m) => (m.type === 'events' ? m.events : []))
    expect(after.length).toBeGreaterThan(0)
    const times = after.map((e) => e.t)
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })
})
