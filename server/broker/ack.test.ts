import { describe, expect, it } from 'vitest'
import { TestClient, testBroker, type WireFrame } from './testing/test-client'
import type { Broker } from './broker'

async function connected(broker: Broker, version = '1.2'): Promise<TestClient> {
  const c = TestClient.open(broker)
  c.frame('CONNECT', version === '1.0' ? {} : { 'accept-version': version, host: 'x' })
  await c.expect('CONNECTED')
  return c
}

/** Subscribe with `ack`, send m1 m2 m3 to /queue/q, return the three MESSAGEs. */
async function threeMessages(c: TestClient, ack: string, version = '1.2'): Promise<WireFrame[]> {
  c.frame('SUBSCRIBE', version === '1.0' ? { destination: '/queue/q', ack } : { id: 's', destination: '/queue/q', ack })
  for (const t of ['m1', 'm2', 'm3']) c.frame('SEND', { destination: '/queue/q' }, t)
  return [await c.expect('MESSAGE'), await c.expect('MESSAGE'), await c.expect('MESSAGE')]
}

async function redeliveredAfterReconnect(broker: Broker): Promise<WireFrame[]> {
  const again = await connected(broker)
  again.frame('SUBSCRIBE', { id: 's', destination: '/queue/q' })
  await again.quiet(80)
  return again.frames.filter((f) => f.command === 'MESSAGE')
}

describe('ACK / NACK', () => {
  it('checklist 45: client is cumulative — ACK m2, disconnect, resubscribe → only m3, redelivered', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    const [, m2] = await threeMessages(c, 'client')
    c.frame('ACK', { id: m2.header('ack') as string })
    c.frame('DISCONNECT', { receipt: 'bye' })
    await c.closed
    const got = await redeliveredAfterReconnect(broker)
    expect(got.map((f) => f.text)).toEqual(['m3'])
    expect(got[0].header('redelivered')).toBe('true')
  })

  it('checklist 46: client-individual — ACK m2 only; m1 and m3 are redelivered', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    const [, m2] = await threeMessages(c, 'client-individual')
    c.frame('ACK', { id: m2.header('ack') as string, receipt: 'a' })
    await c.expect('RECEIPT')
    c.hangUp()
    await c.closed
    const got = await redeliveredAfterReconnect(broker)
    expect(got.map((f) => f.text)).toEqual(['m1', 'm3'])
    expect(got.every((f) => f.header('redelivered') === 'true')).toBe(true)
  })

  it('checklist 47: an unacked message goes to the second consumer when the first disconnects', async () => {
    const { broker } = testBroker()
    const a = await connected(broker)
    const b = await connected(broker)
    a.frame('SUBSCRIBE', { id: 's', destination: '/queue/w', ack: 'client', receipt: '1' })
    await a.expect('RECEIPT')
    a.frame('SEND', { destination: '/queue/w' }, 'job')
    await a.expect('MESSAGE')
    b.frame('SUBSCRIBE', { id: 's', destination: '/queue/w', receipt: '1' })
    await b.expect('RECEIPT')
    a.hangUp()
    const m = await b.expect('MESSAGE')
    expect(m.text).toBe('job')
    expect(m.header('redelivered')).toBe('true')
  })

  it('checklist 54, 56: 1.2 ACK without id → ERROR; ACK with an unknown id → ERROR then close', async () => {
    const { broker } = testBroker()
    const a = await connected(broker)
    a.frame('ACK', { 'message-id': 'x' })
    expect((await a.expectErrorThenClose()).header('message')).toContain('id')
    const b = await connected(broker)
    await threeMessages(b, 'client')
    b.frame('ACK', { id: 'nope', receipt: 'r' })
    const err = await b.expectErrorThenClose()
    expect(err.header('message')).toContain('nope')
    expect(err.header('receipt-id')).toBe('r')
  })

  it('checklist 56: ACK of an already acked message → ERROR', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    const [m1] = await threeMessages(c, 'client-individual')
    c.frame('ACK', { id: m1.header('ack') as string })
    c.frame('ACK', { id: m1.header('ack') as string })
    await c.expectErrorThenClose()
  })

  it('checklist 55: 1.1 ACK by message-id + subscription; missing subscription → ERROR', async () => {
    const { broker } = testBroker()
    const c = await connected(broker, '1.1')
    const [m1] = await threeMessages(c, 'client-individual', '1.1')
    c.frame('ACK', { 'message-id': m1.header('message-id') as string, subscription: 's', receipt: 'ok' })
    await c.expect('RECEIPT')
    expect(broker.snapshot().subscriptions[0].unacked).toBe(2)
    c.frame('ACK', { 'message-id': m1.header('message-id') as string })
    expect((await c.expectErrorThenClose()).header('message')).toContain('subscription')
  })

  it('checklist 55: 1.0 ACK by message-id only; NACK in 1.0 → ERROR', async () => {
    const { broker } = testBroker()
    const c = await connected(broker, '1.0')
    const [m1, m2] = await threeMessages(c, 'client', '1.0')
    c.frame('ACK', { 'message-id': m1.header('message-id') as string, receipt: 'ok' })
    await c.expect('RECEIPT')
    expect(broker.snapshot().subscriptions[0].unacked).toBe(2)
    c.frame('NACK', { 'message-id': m2.header('message-id') as string })
    expect((await c.expectErrorThenClose()).header('message')).toMatch(/1\.0/)
  })

  it('checklist 57: NACK (client-individual) redelivers to another subscriber of the queue with redelivered:true', async () => {
    const { broker } = testBroker()
    const a = await connected(broker)
    const b = await connected(broker)
    a.frame('SUBSCRIBE', { id: 's', destination: '/queue/n', ack: 'client-individual', receipt: '1' })
    await a.expect('RECEIPT')
    b.frame('SUBSCRIBE', { id: 's', destination: '/queue/n', ack: 'client-individual', receipt: '1' })
    await b.expect('RECEIPT')
    a.frame('SEND', { destination: '/queue/n' }, 'first') // round robin: to a
    const m = await a.expect('MESSAGE')
    a.frame('NACK', { id: m.header('ack') as string })
    const again = await b.expect('MESSAGE')
    expect(again.text).toBe('first')
    expect(again.header('redelivered')).toBe('true')
    expect(again.header('message-id')).toBe(m.header('message-id'))
  })

  it('checklist 57: NACK on client mode covers every unacked message up to the named one; a lone subscriber gets them again', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    const [, m2] = await threeMessages(c, 'client')
    c.frame('NACK', { id: m2.header('ack') as string })
    const r1 = await c.expect('MESSAGE')
    const r2 = await c.expect('MESSAGE')
    expect([r1.text, r2.text]).toEqual(['m1', 'm2'])
    expect(r1.header('redelivered')).toBe('true')
    expect(await c.quiet(50)).toEqual([])
  })

  it('checklist 57: NACK of a topic message redelivers it to the same subscription', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/topic/t', ack: 'client-individual' })
    c.frame('SEND', { destination: '/topic/t' }, 'again')
    const m = await c.expect('MESSAGE')
    c.frame('NACK', { id: m.header('ack') as string })
    const r = await c.expect('MESSAGE')
    expect(r.text).toBe('again')
    expect(r.header('redelivered')).toBe('true')
  })

  it('checklist 58: ACK on an auto subscription → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    const [m1] = await threeMessages(c, 'auto')
    c.frame('ACK', { id: m1.header('message-id') as string })
    expect((await c.expectErrorThenClose()).header('message')).toMatch(/auto/)
  })

  it('checklist 58: 1.1 NACK naming an auto subscription → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker, '1.1')
    const [m1] = await threeMessages(c, 'auto', '1.1')
    c.frame('NACK', { 'message-id': m1.header('message-id') as string, subscription: 's' })
    expect((await c.expectErrorThenClose()).header('message')).toMatch(/auto/)
  })

  it('prefetch: a client subscription gets at most `prefetch` unacked queue messages; ACK lets the rest flow', async () => {
    const { broker } = testBroker({ prefetch: 2 })
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/queue/p', ack: 'client-individual' })
    for (const t of ['1', '2', '3', '4']) c.frame('SEND', { destination: '/queue/p' }, t)
    const first = await c.quiet(80)
    expect(first.map((f) => f.text)).toEqual(['1', '2'])
    expect(broker.snapshot().destinations).toContainEqual({ name: '/queue/p', kind: 'queue', depth: 2, subscribers: 1 })
    c.frame('ACK', { id: first[0].header('ack') as string })
    expect((await c.expect('MESSAGE')).text).toBe('3')
    expect(await c.quiet(50)).toEqual([])
  })

  it('prefetch on a topic: messages are held per subscription until ACKed, in order', async () => {
    const { broker } = testBroker({ prefetch: 1 })
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/topic/p', ack: 'client' })
    for (const t of ['1', '2', '3']) c.frame('SEND', { destination: '/topic/p' }, t)
    const first = await c.quiet(60)
    expect(first.map((f) => f.text)).toEqual(['1'])
    expect(broker.snapshot().destinations).toContainEqual({ name: '/topic/p', kind: 'topic', depth: 2, subscribers: 1 })
    c.frame('ACK', { id: first[0].header('ack') as string })
    const second = await c.expect('MESSAGE')
    expect(second.text).toBe('2')
    c.frame('ACK', { id: second.header('ack') as string })
    expect((await c.expect('MESSAGE')).text).toBe('3')
  })
})
