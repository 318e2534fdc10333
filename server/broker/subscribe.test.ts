import { describe, expect, it } from 'vitest'
import { TestClient, testBroker } from './testing/test-client'
import type { Broker } from './broker'

async function connected(broker: Broker, version = '1.2'): Promise<TestClient> {
  const c = TestClient.open(broker)
  c.frame('CONNECT', version === '1.0' ? {} : { 'accept-version': version, host: 'x' })
  await c.expect('CONNECTED')
  return c
}

describe('SUBSCRIBE / UNSUBSCRIBE', () => {
  it('checklist 41: SUBSCRIBE without id in 1.2 → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { destination: '/topic/t' })
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toContain('id')
  })

  it('checklist 41: SUBSCRIBE without id is fine in 1.0, and 1.0 UNSUBSCRIBE may name the destination (48)', async () => {
    const { broker } = testBroker()
    const c = await connected(broker, '1.0')
    c.frame('SUBSCRIBE', { destination: '/topic/t', receipt: 'a' })
    await c.expect('RECEIPT')
    c.frame('UNSUBSCRIBE', { destination: '/topic/t', receipt: 'b' })
    await c.expect('RECEIPT')
    expect(broker.snapshot().subscriptions).toEqual([])
  })

  it('checklist 41: SUBSCRIBE without destination → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 'x' })
    expect((await c.expectErrorThenClose()).header('message')).toContain('destination')
  })

  it('checklist 42: a duplicate subscription id → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 'T_dup', destination: '/topic/a' })
    c.frame('SUBSCRIBE', { id: 'T_dup', destination: '/topic/b' })
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toContain('T_dup')
  })

  it('checklist 43: an invalid ack value → ERROR (with a suggestion for the wrong case)', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/queue/q', ack: 'CLIENT' })
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toContain('CLIENT')
    expect(err.text).toContain('client-individual')
  })

  it('checklist 43: client-individual does not exist in 1.0', async () => {
    const { broker } = testBroker()
    const c = await connected(broker, '1.0')
    c.frame('SUBSCRIBE', { destination: '/queue/q', ack: 'client-individual' })
    await c.expectErrorThenClose()
  })

  it('checklist 44, 51: auto (default) — MESSAGE has no ack header and nothing stays unacked', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/queue/q' })
    c.frame('SEND', { destination: '/queue/q' }, 'x')
    const m = await c.expect('MESSAGE')
    expect(m.header('ack')).toBeUndefined()
    expect(broker.snapshot().subscriptions[0]).toMatchObject({ ack: 'auto', unacked: 0 })
  })

  it('checklist 51: 1.2 client modes carry an ack header; 1.1 does not', async () => {
    const { broker } = testBroker()
    const c12 = await connected(broker)
    const c11 = await connected(broker, '1.1')
    c12.frame('SUBSCRIBE', { id: 's', destination: '/topic/t', ack: 'client', receipt: '1' })
    c11.frame('SUBSCRIBE', { id: 's', destination: '/topic/t', ack: 'client', receipt: '1' })
    await c12.expect('RECEIPT')
    await c11.expect('RECEIPT')
    c12.frame('SEND', { destination: '/topic/t' }, 'x')
    expect((await c12.expect('MESSAGE')).header('ack')).toBeTruthy()
    expect((await c11.expect('MESSAGE')).header('ack')).toBeUndefined()
  })

  it('checklist 48: UNSUBSCRIBE with an unknown id → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('UNSUBSCRIBE', { id: 'nope' })
    expect((await c.expectErrorThenClose()).header('message')).toContain('nope')
  })

  it('checklist 48: UNSUBSCRIBE without id in 1.2 → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('UNSUBSCRIBE', { destination: '/topic/t' })
    await c.expectErrorThenClose()
  })

  it('checklist 49: no MESSAGE after UNSUBSCRIBE; unacked queue messages go back to the queue', async () => {
    const { broker } = testBroker()
    const a = await connected(broker)
    a.frame('SUBSCRIBE', { id: 's', destination: '/queue/q', ack: 'client' })
    a.frame('SEND', { destination: '/queue/q' }, 'one')
    await a.expect('MESSAGE')
    a.frame('UNSUBSCRIBE', { id: 's', receipt: 'u' })
    await a.expect('RECEIPT')
    a.frame('SEND', { destination: '/queue/q', receipt: 's' }, 'two')
    await a.expect('RECEIPT')
    expect(await a.quiet(50)).toEqual([])
    expect(broker.snapshot().destinations).toContainEqual({ name: '/queue/q', kind: 'queue', depth: 2, subscribers: 0 })
    const b = await connected(broker)
    b.frame('SUBSCRIBE', { id: 's', destination: '/queue/q' })
    const first = await b.expect('MESSAGE')
    expect(first.text).toBe('one')
    expect(first.header('redelivered')).toBe('true')
    expect((await b.expect('MESSAGE')).text).toBe('two')
  })

  it('topic wildcards: * is one word, # is zero or more', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 'star', destination: '/topic/chat.*' })
    c.frame('SUBSCRIBE', { id: 'hash', destination: '/topic/chat.#' })
    for (const name of ['chat', 'chat.lobby', 'chat.lobby.x', 'news']) c.frame('SEND', { destination: `/topic/${name}` }, name)
    c.frame('DISCONNECT', { receipt: 'end' })
    await c.closed
    const got = c.frames.filter((f) => f.command === 'MESSAGE').map((f) => `${f.header('subscription')}:${f.text}`)
    expect(got).toEqual(['hash:chat', 'star:chat.lobby', 'hash:chat.lobby', 'hash:chat.lobby.x'])
  })

  it('SUBSCRIBE to an /app destination or to another user\'s queue → ERROR that explains', async () => {
    const { broker } = testBroker()
    const a = await connected(broker)
    a.frame('SUBSCRIBE', { id: 's', destination: '/app/echo' })
    expect((await a.expectErrorThenClose()).text).toContain('SEND to it')
    const b = await connected(broker)
    b.frame('SUBSCRIBE', { id: 's', destination: '/user/bob/queue/x' })
    expect((await b.expectErrorThenClose()).text).toContain('/user/queue/x')
  })

  it('checklist 19, 41: maxSubscriptionsPerSession: one more SUBSCRIBE → ERROR STOMP_ERR_TOO_MANY_SUBSCRIPTIONS then close', async () => {
    const { broker, events } = testBroker({ maxSubscriptionsPerSession: 2 })
    const c = await connected(broker)
    for (const id of ['1', '2', '3']) c.frame('SUBSCRIBE', { id, destination: `/topic/${id}`, receipt: `r${id}` })
    await c.expect('RECEIPT')
    await c.expect('RECEIPT')
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toBe('Too many subscriptions')
    expect(err.header('receipt-id')).toBe('r3')
    expect(err.text).toContain('already has 2 subscriptions')
    expect(err.text).toContain('UNSUBSCRIBE')
    expect(c.closeInfo?.reason).toBe('STOMP_ERR_TOO_MANY_SUBSCRIPTIONS')
    expect(events).toContainEqual(expect.objectContaining({ type: 'stomp.error', conn: c.id, code: 'STOMP_ERR_TOO_MANY_SUBSCRIPTIONS' }))
  })
})
