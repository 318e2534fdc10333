import { describe, expect, it } from 'vitest'
import { TestClient, testBroker } from './testing/test-client'
import type { Broker } from './broker'

async function connected(broker: Broker, version = '1.2'): Promise<TestClient> {
  const c = TestClient.open(broker)
  await c.connect({ 'accept-version': version })
  return c
}

describe('SEND and MESSAGE', () => {
  it('checklist 35: SEND without destination → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SEND', {}, 'x')
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toContain('destination')
    expect(err.text).toContain('destination:')
  })

  it('checklist 36: a destination Wirelab does not serve → ERROR explaining the destinations it serves', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SEND', { destination: 'orders' }, 'x')
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toContain('orders')
    for (const d of ['/topic/<name>', '/queue/<name>', '/app/echo', '/app/chat.send', '/user/queue/<name>', '/user/<login>/queue/<name>']) {
      expect(err.text).toContain(d)
    }
    expect(err.text).toMatch(/wildcards/)
    expect(c.closeInfo?.reason).toBe('STOMP_ERR_BAD_DESTINATION')
  })

  it('checklist 37, 52: user headers pass through in order (repeats too); server headers come first', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's1', destination: '/topic/t' })
    c.frame('SEND', [['destination', '/topic/t'], ['x-a', '1'], ['message-id', 'fake'], ['x-a', '2'], ['content-type', 'text/plain']], 'hello')
    const m = await c.expect('MESSAGE')
    expect(m.headers.slice(0, 3).map(([n]) => n)).toEqual(['destination', 'message-id', 'subscription'])
    expect(m.header('message-id')).not.toBe('fake')
    expect(m.headers.filter(([n]) => n === 'x-a').map(([, v]) => v)).toEqual(['1', '2'])
    expect(m.headers).toContainEqual(['message-id', 'fake'])
    expect(m.header('content-type')).toBe('text/plain')
    expect(m.header('content-length')).toBe('5')
  })

  it('checklist 50: MESSAGE carries destination, a unique message-id and subscription', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 'sub-9', destination: '/queue/q' })
    c.frame('SEND', { destination: '/queue/q' }, 'a')
    c.frame('SEND', { destination: '/queue/q' }, 'b')
    const [m1, m2] = [await c.expect('MESSAGE'), await c.expect('MESSAGE')]
    expect(m1.header('destination')).toBe('/queue/q')
    expect(m1.header('subscription')).toBe('sub-9')
    expect(m1.header('message-id')).toBeTruthy()
    expect(m1.header('message-id')).not.toBe(m2.header('message-id'))
  })

  it('checklist 38: SEND naming an unknown transaction → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SEND', { destination: '/queue/q', transaction: 'nope' }, 'x')
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toContain('nope')
  })

  it('checklist 39, 52: no content-type is invented; transaction and receipt are not copied', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/topic/t' })
    c.frame('BEGIN', { transaction: 'tx' })
    c.frame('SEND', { destination: '/topic/t', transaction: 'tx', receipt: 'r' }, 'raw')
    c.frame('COMMIT', { transaction: 'tx' })
    await c.expect('RECEIPT')
    const m = await c.expect('MESSAGE')
    expect(m.header('content-type')).toBeUndefined()
    expect(m.header('transaction')).toBeUndefined()
    expect(m.header('receipt')).toBeUndefined()
  })

  it('checklist 40: RECEIPT for a SEND comes after the message was delivered', async () => {
    const { broker } = testBroker()
    const sub = await connected(broker)
    sub.frame('SUBSCRIBE', { id: 's', destination: '/queue/q', receipt: 'ok' })
    await sub.expect('RECEIPT')
    const pub = await connected(broker)
    pub.frame('SEND', { destination: '/queue/q', receipt: 'sent' }, 'x')
    await pub.expect('RECEIPT')
    // the MESSAGE was handed to the subscriber's connection before the RECEIPT was written
    expect(sub.conn.sent.length).toBe(3)
  })

  it('checklist 8, 11: binary bodies with NULs pass through byte for byte (content-length)', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/topic/bin' })
    const body = new Uint8Array([0x61, 0, 0x62, 0, 0xff, 0xfe, 0x63])
    c.frame('SEND', { destination: '/topic/bin', 'content-length': String(body.length) }, body)
    const m = await c.expect('MESSAGE')
    expect([...m.body]).toEqual([...body])
    expect(m.header('content-length')).toBe('7')
  })

  it('checklist 76: a body that is not UTF-8 goes out as a binary message, text as text', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/topic/k' })
    c.frame('SEND', { destination: '/topic/k', 'content-length': '2' }, new Uint8Array([0xc3, 0x28]))
    c.frame('SEND', { destination: '/topic/k' }, 'héllo')
    expect((await c.expect('MESSAGE')).kind).toBe('binary')
    expect((await c.expect('MESSAGE')).kind).toBe('text')
  })

  it('checklist 17, 14: escaped header name and value round trip in 1.2', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/topic/e' })
    c.send('SEND\ndestination:/topic/e\nk\\cey:a\\cb\\nc\\\\d\\re\n\n\0')
    const m = await c.expect('MESSAGE')
    expect(m.headers).toContainEqual(['k\\cey', 'a\\cb\\nc\\\\d\\re'])
  })

  it('checklist 53, 14: escaping follows the receiver — 1.1 gets \\n \\c \\\\, 1.0 gets raw colons', async () => {
    const { broker } = testBroker()
    const v11 = await connected(broker, '1.1')
    const v10 = TestClient.open(broker)
    v10.frame('CONNECT', {})
    await v10.expect('CONNECTED')
    v11.frame('SUBSCRIBE', { id: 'a', destination: '/topic/u', receipt: '1' })
    v10.frame('SUBSCRIBE', { destination: '/topic/u', receipt: '1' })
    await v11.expect('RECEIPT')
    await v10.expect('RECEIPT')
    const pub = await connected(broker)
    pub.send('SEND\ndestination:/topic/u\nurl:http\\c//x\\c1/y\nmulti:a\\nb\n\n\0')
    const m11 = await v11.expect('MESSAGE')
    expect(m11.header('url')).toBe('http\\c//x\\c1/y')
    expect(m11.header('multi')).toBe('a\\nb')
    const m10 = await v10.expect('MESSAGE')
    // checklist 16: 1.0 has no escaping; a value with a colon is sent raw
    expect(m10.header('url')).toBe('http://x:1/y')
    // a line feed cannot travel in a 1.0 header at all: that header is left out for this receiver
    expect(m10.header('multi')).toBeUndefined()
    // checklist 41: a 1.0 SUBSCRIBE without id gets MESSAGEs without subscription
    expect(m10.header('subscription')).toBeUndefined()
  })

  it('checklist 18: repeated header — first occurrence wins for destination', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 'a', destination: '/topic/first' })
    c.frame('SUBSCRIBE', { id: 'b', destination: '/topic/second' })
    c.frame('SEND', [['destination', '/topic/first'], ['destination', '/topic/second'], ['foo', 'World'], ['foo', 'Hello']], 'x')
    const m = await c.expect('MESSAGE')
    expect(m.header('subscription')).toBe('a')
    expect(m.header('foo')).toBe('World')
    expect(await c.quiet(50)).toEqual([])
  })
})
