import { describe, expect, it } from 'vitest'
import { TestClient, testBroker } from './testing/test-client'
import type { Broker } from './broker'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

async function subscribed(broker: Broker, destination: string, ack = 'auto'): Promise<TestClient> {
  const c = TestClient.open(broker)
  await c.connect()
  c.frame('SUBSCRIBE', { id: 's', destination, ack, receipt: 'sub' })
  await c.expect('RECEIPT')
  return c
}

describe('slow consumers', () => {
  it('a stalled reader past maxOutboundBytes gets ERROR STOMP_ERR_SLOW_CONSUMER; its buffer stops growing', async () => {
    const { broker } = testBroker({ maxOutboundBytes: 2000 })
    const slow = await subscribed(broker, '/topic/firehose')
    const healthy = await subscribed(broker, '/topic/firehose')
    const pub = TestClient.open(broker)
    await pub.connect()
    slow.conn.peer.pause()
    const body = 'x'.repeat(200)
    for (let i = 0; i < 100; i++) pub.frame('SEND', { destination: '/topic/firehose' }, body)
    pub.frame('SEND', { destination: '/topic/firehose', receipt: 'r' }, body)
    await pub.expect('RECEIPT')
    const stalledAt = slow.conn.bufferedAmount
    // bounded: the limit, plus one frame that fitted, plus the final ERROR
    expect(stalledAt).toBeLessThan(2000 + 2000)
    for (let i = 0; i < 50; i++) pub.frame('SEND', { destination: '/topic/firehose' }, body)
    pub.frame('SEND', { destination: '/topic/firehose', receipt: 'r2' }, body)
    await pub.expect('RECEIPT')
    expect(slow.conn.bufferedAmount).toBe(stalledAt)
    // the healthy subscriber got all 152 messages
    await sleep(20)
    expect(healthy.frames.filter((f) => f.command === 'MESSAGE')).toHaveLength(152)
    // when the reader wakes up it reads what was buffered, then the ERROR, then the close
    slow.conn.peer.resume()
    await slow.closed
    const last = slow.frames.at(-1)
    expect(last?.command).toBe('ERROR')
    expect(last?.header('message')).toBe('Slow consumer')
    expect(last?.text).toMatch(/octets were already waiting to be written to this connection/)
    expect(last?.text).toContain('past 2000 octets')
    expect(slow.closeInfo?.how).toBe('close')
  })

  it('a reader that never wakes up is destroyed after the linger time (the broker does not wait forever)', async () => {
    const { broker } = testBroker({ maxOutboundBytes: 1000, closeLingerMs: 150 })
    const slow = await subscribed(broker, '/topic/t')
    slow.conn.peer.pause()
    const pub = TestClient.open(broker)
    await pub.connect()
    for (let i = 0; i < 20; i++) pub.frame('SEND', { destination: '/topic/t' }, 'y'.repeat(200))
    const info = await slow.closed
    expect(info.how).toBe('destroy')
    expect(broker.sessionCount).toBe(1)
  })

  it('queue messages refused by a stalled consumer go to the other consumer — nothing lost', async () => {
    const { broker } = testBroker({ maxOutboundBytes: 1500 })
    const slow = await subscribed(broker, '/queue/jobs')
    const fast = await subscribed(broker, '/queue/jobs')
    slow.conn.peer.pause()
    const pub = TestClient.open(broker)
    await pub.connect()
    for (let i = 0; i < 60; i++) pub.frame('SEND', { destination: '/queue/jobs' }, `job-${i}-${'z'.repeat(100)}`)
    pub.frame('SEND', { destination: '/queue/jobs', receipt: 'r' }, 'job-last')
    await pub.expect('RECEIPT')
    slow.conn.peer.resume()
    await slow.closed
    await sleep(20)
    const got = [...slow.frames, ...fast.frames].filter((f) => f.command === 'MESSAGE').map((f) => f.text.split('-').slice(0, 2).join('-'))
    expect(new Set(got).size).toBe(61)
    expect(got).toHaveLength(61)
  })

  it('topic prefetch: a client subscription holds up to queueMaxMessages beyond its prefetch, then is a slow consumer', async () => {
    const { broker } = testBroker({ prefetch: 1, queueMaxMessages: 2 })
    const c = await subscribed(broker, '/topic/p', 'client')
    const pub = TestClient.open(broker)
    await pub.connect()
    for (const t of ['1', '2', '3']) pub.frame('SEND', { destination: '/topic/p' }, t)
    pub.frame('SEND', { destination: '/topic/p', receipt: 'r' }, '3')
    await pub.expect('RECEIPT')
    expect((await c.expect('MESSAGE')).text).toBe('1')
    pub.frame('SEND', { destination: '/topic/p' }, 'overflow')
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toBe('Slow consumer')
    expect(err.text).toContain('The subscription to "/topic/p" has 1 message unacknowledged (its prefetch limit) and 2 more')
    expect(err.text).toMatch(/ACK\n\s*id:/) // the example frame: ACK as messages arrive
  })
})
