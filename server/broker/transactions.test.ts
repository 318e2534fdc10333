import { describe, expect, it } from 'vitest'
import { TestClient, testBroker } from './testing/test-client'
import type { Broker } from './broker'

async function connected(broker: Broker): Promise<TestClient> {
  const c = TestClient.open(broker)
  await c.connect()
  return c
}

async function subscriber(broker: Broker, destination: string): Promise<TestClient> {
  const s = await connected(broker)
  s.frame('SUBSCRIBE', { id: 's', destination, receipt: 'sub' })
  await s.expect('RECEIPT')
  return s
}

describe('transactions', () => {
  it('checklist 59: BEGIN without transaction → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('BEGIN', {})
    expect((await c.expectErrorThenClose()).header('message')).toContain('transaction')
  })

  it('checklist 59: a duplicate BEGIN id → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('BEGIN', { transaction: 't1' })
    c.frame('BEGIN', { transaction: 't1' })
    expect((await c.expectErrorThenClose()).header('message')).toContain('t1')
  })

  it('checklist 60: SEND in a transaction is not delivered until COMMIT', async () => {
    const { broker } = testBroker()
    const s = await subscriber(broker, '/topic/tx')
    const c = await connected(broker)
    c.frame('BEGIN', { transaction: 't' })
    c.frame('SEND', { destination: '/topic/tx', transaction: 't' }, 'a')
    c.frame('SEND', { destination: '/topic/tx', transaction: 't', receipt: 'sent' }, 'b')
    await c.expect('RECEIPT')
    expect(await s.quiet(50)).toEqual([])
    c.frame('COMMIT', { transaction: 't', receipt: 'done' })
    await c.expect('RECEIPT')
    expect((await s.quiet(30)).map((f) => f.text)).toEqual(['a', 'b'])
  })

  it('checklist 60: SEND then ABORT → never delivered', async () => {
    const { broker } = testBroker()
    const s = await subscriber(broker, '/queue/tx')
    const c = await connected(broker)
    c.frame('BEGIN', { transaction: 't' })
    c.frame('SEND', { destination: '/queue/tx', transaction: 't' }, 'a')
    c.frame('ABORT', { transaction: 't', receipt: 'aborted' })
    await c.expect('RECEIPT')
    expect(await s.quiet(60)).toEqual([])
    expect(broker.snapshot().destinations).toContainEqual({ name: '/queue/tx', kind: 'queue', depth: 0, subscribers: 1 })
  })

  it('checklist 61: COMMIT / ABORT of an unknown transaction → ERROR then close', async () => {
    const { broker } = testBroker()
    const a = await connected(broker)
    a.frame('COMMIT', { transaction: 'nope' })
    expect((await a.expectErrorThenClose()).header('message')).toContain('nope')
    const b = await connected(broker)
    b.frame('ABORT', { transaction: 'nope' })
    await b.expectErrorThenClose()
    const c = await connected(broker)
    c.frame('COMMIT', {})
    await c.expectErrorThenClose()
  })

  it('checklist 61: a transaction is closed by COMMIT (committing twice → ERROR)', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('BEGIN', { transaction: 't' })
    c.frame('COMMIT', { transaction: 't' })
    c.frame('COMMIT', { transaction: 't' })
    await c.expectErrorThenClose()
  })

  it('checklist 62: BEGIN, SEND(tx), DISCONNECT → the message is never delivered', async () => {
    const { broker } = testBroker()
    const s = await subscriber(broker, '/topic/gone')
    const c = await connected(broker)
    c.frame('BEGIN', { transaction: 't' })
    c.frame('SEND', { destination: '/topic/gone', transaction: 't' }, 'never')
    c.frame('DISCONNECT', { receipt: 'bye' })
    await c.expect('RECEIPT')
    await c.closed
    expect(await s.quiet(60)).toEqual([])
  })

  it('checklist 62: an open transaction is aborted when the connection drops', async () => {
    const { broker } = testBroker()
    const s = await subscriber(broker, '/topic/drop')
    const c = await connected(broker)
    c.frame('BEGIN', { transaction: 't' })
    c.frame('SEND', { destination: '/topic/drop', transaction: 't', receipt: 'r' }, 'never')
    await c.expect('RECEIPT')
    c.hangUp()
    await c.closed
    expect(await s.quiet(60)).toEqual([])
  })

  it('checklist 63: an ACK inside an aborted transaction leaves the message unacked', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/queue/a', ack: 'client-individual' })
    c.frame('SEND', { destination: '/queue/a' }, 'm')
    const m = await c.expect('MESSAGE')
    c.frame('BEGIN', { transaction: 't' })
    c.frame('ACK', { id: m.header('ack') as string, transaction: 't' })
    c.frame('ABORT', { transaction: 't', receipt: 'r' })
    await c.expect('RECEIPT')
    expect(broker.snapshot().subscriptions[0].unacked).toBe(1)
    // …and the same ACK committed does acknowledge it
    c.frame('BEGIN', { transaction: 't2' })
    c.frame('ACK', { id: m.header('ack') as string, transaction: 't2' })
    expect(broker.snapshot().subscriptions[0].unacked).toBe(1)
    c.frame('COMMIT', { transaction: 't2', receipt: 'r2' })
    await c.expect('RECEIPT')
    expect(broker.snapshot().subscriptions[0].unacked).toBe(0)
  })

  it('checklist 60: a transactional NACK redelivers only on COMMIT', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/queue/n', ack: 'client-individual' })
    c.frame('SEND', { destination: '/queue/n' }, 'm')
    const m = await c.expect('MESSAGE')
    c.frame('BEGIN', { transaction: 't' })
    c.frame('NACK', { id: m.header('ack') as string, transaction: 't', receipt: 'n' })
    await c.expect('RECEIPT')
    c.frame('COMMIT', { transaction: 't' })
    const again = await c.expect('MESSAGE')
    expect(again.header('redelivered')).toBe('true')
  })

  it('checklist 60: COMMIT is atomic — if a queue cannot take all its SENDs, none is applied', async () => {
    const { broker } = testBroker({ queueMaxMessages: 2 })
    const c = await connected(broker)
    c.frame('BEGIN', { transaction: 't' })
    for (const t of ['1', '2', '3']) c.frame('SEND', { destination: '/queue/small', transaction: 't' }, t)
    c.frame('COMMIT', { transaction: 't', receipt: 'c' })
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toMatch(/full/i)
    expect(err.header('receipt-id')).toBe('c')
    expect(broker.snapshot().destinations.find((d) => d.name === '/queue/small')?.depth ?? 0).toBe(0)
  })
})
