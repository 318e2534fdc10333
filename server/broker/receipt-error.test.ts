import { describe, expect, it } from 'vitest'
import { TestClient, testBroker } from './testing/test-client'
import type { Broker } from './broker'

async function connected(broker: Broker, version = '1.2'): Promise<TestClient> {
  const c = TestClient.open(broker)
  await c.connect({ 'accept-version': version })
  return c
}

describe('RECEIPT, DISCONNECT and ERROR', () => {
  it('checklist 64: every client frame but CONNECT may ask for a RECEIPT, sent after processing', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/queue/r', ack: 'client-individual', receipt: 'r-sub' })
    c.frame('SEND', { destination: '/queue/r', receipt: 'r-send' }, 'x')
    c.frame('BEGIN', { transaction: 't', receipt: 'r-begin' })
    c.frame('COMMIT', { transaction: 't', receipt: 'r-commit' })
    c.frame('UNSUBSCRIBE', { id: 's', receipt: 'r-unsub' })
    await c.quiet(80)
    const seen = c.frames.slice(1).map((f) => (f.command === 'RECEIPT' ? f.header('receipt-id') : f.command))
    expect(seen).toEqual(['r-sub', 'MESSAGE', 'r-send', 'r-begin', 'r-commit', 'r-unsub'])
  })

  it('checklist 65: frames before a receipted frame are visible to other clients when the RECEIPT arrives', async () => {
    const { broker } = testBroker()
    const sub = await connected(broker)
    sub.frame('SUBSCRIBE', { id: 's', destination: '/topic/order', receipt: '1' })
    await sub.expect('RECEIPT')
    const pub = await connected(broker)
    for (let i = 0; i < 20; i++) pub.frame('SEND', { destination: '/topic/order' }, String(i))
    pub.frame('SEND', { destination: '/topic/order', receipt: 'last' }, 'last')
    await pub.expect('RECEIPT')
    expect(sub.conn.sent.length).toBe(2 + 21)
  })

  it('checklist 66, 67: DISCONNECT with receipt → RECEIPT, then a flushing close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('DISCONNECT', { receipt: '77' })
    expect((await c.expect('RECEIPT')).header('receipt-id')).toBe('77')
    expect(await c.closed).toMatchObject({ how: 'close', code: 1000 })
  })

  it('checklist 66: frames after DISCONNECT are ignored', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.send('DISCONNECT\nreceipt:1\n\n\0SEND\ndestination:/queue/x\nreceipt:2\n\nlate\0')
    await c.expect('RECEIPT')
    await c.closed
    expect(c.frames.map((f) => f.command)).toEqual(['CONNECTED', 'RECEIPT'])
    expect(broker.snapshot().destinations).toEqual([])
  })

  it('checklist 68: DISCONNECT without receipt closes at once and requeues unacked messages', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/queue/d', ack: 'client' })
    c.frame('SEND', { destination: '/queue/d' }, 'keep')
    await c.expect('MESSAGE')
    c.frame('DISCONNECT')
    expect((await c.closed).how).toBe('close')
    expect(broker.snapshot().destinations).toContainEqual({ name: '/queue/d', kind: 'queue', depth: 1, subscribers: 0 })
  })

  it('checklist 69, 70, 71: ERROR has message, the stable code, a teaching text/plain body, receipt-id, then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { destination: '/topic/x', receipt: 'r-42' })
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toBeTruthy()
    expect(err.header('code')).toBe('STOMP_ERR_MISSING_HEADER')
    expect(err.headers.map(([n]) => n)).toEqual(['message', 'code', 'receipt-id', 'content-type', 'content-length'])
    expect(err.header('receipt-id')).toBe('r-42')
    expect(err.header('content-type')).toBe('text/plain')
    expect(err.header('content-length')).toBe(String(err.body.length))
    expect(err.text).toMatch(/SUBSCRIBE\n\s*id:/)
    expect(err.text).toContain('https://stomp.github.io/')
  })

  it('checklist 70: one ERROR only — later bad frames in the same read get nothing', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.send('FOO\n\n\0BAR\n\n\0')
    await c.expectErrorThenClose()
    expect(c.frames.filter((f) => f.command === 'ERROR')).toHaveLength(1)
  })

  it('checklist 4, 5: lower-case send and unknown FOO → ERROR then close', async () => {
    const { broker } = testBroker()
    const a = await connected(broker)
    a.frame('send', { destination: '/queue/a' }, 'x')
    const err = await a.expectErrorThenClose()
    expect(err.header('message')).toContain('send')
    expect(err.text).toContain('SEND')
    const b = await connected(broker)
    b.frame('FOO')
    await b.expectErrorThenClose()
  })

  it('checklist 73: a client-sent ERROR (or MESSAGE) is an unknown client command', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('ERROR', { message: 'hi' })
    expect((await c.expectErrorThenClose()).text).toMatch(/only a server sends/)
  })

  it('checklist 7: a body on SUBSCRIBE → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.frame('SUBSCRIBE', { id: 's', destination: '/topic/t' }, 'oops')
    expect((await c.expectErrorThenClose()).header('message')).toMatch(/body/i)
  })

  it('checklist 6, 72: a header line without colon → ERROR before the close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.send('SEND\ndestination:/queue/a\nnocolon\n\nx\0')
    expect((await c.expectErrorThenClose()).header('message')).toMatch(/colon/i)
  })

  it('checklist 13, 72: an undefined escape → ERROR; \\r is undefined in a 1.1 session', async () => {
    const { broker } = testBroker()
    const a = await connected(broker)
    a.send('SEND\ndestination:/queue/a\nfoo:bar\\tbaz\n\nx\0')
    expect((await a.expectErrorThenClose()).header('message')).toMatch(/escape/i)
    const b = await connected(broker, '1.1')
    b.send('SEND\ndestination:/queue/a\nfoo:a\\rb\n\nx\0')
    await b.expectErrorThenClose()
  })

  it('checklist 8, 72: content-length:2 with 3 body octets → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.send('SEND\ndestination:/queue/a\ncontent-length:2\n\nabc\0')
    expect((await c.expectErrorThenClose()).header('message')).toMatch(/NUL/)
  })

  it('checklist 19, 72: a body over the limit → ERROR then close', async () => {
    const { broker } = testBroker({
      limits: { maxFrameBytes: 1 << 20, maxPreConnectFrameBytes: 1024, maxHeaders: 100, maxHeaderLineBytes: 8192, maxBodyBytes: 16 },
    })
    const c = await connected(broker)
    c.frame('SEND', { destination: '/queue/a' }, 'x'.repeat(64))
    expect((await c.expectErrorThenClose()).header('message')).toMatch(/too large/i)
  })

  it('checklist 3: EOLs before CONNECT and between frames are heart-beats, not frames', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    c.send('\n\n\r\nCONNECT\naccept-version:1.2\nhost:x\n\n\0\n\r\n\nSUBSCRIBE\nid:0\ndestination:/topic/t\nreceipt:ok\n\n\0\n')
    await c.expect('CONNECTED')
    await c.expect('RECEIPT')
    expect(await c.quiet(40)).toEqual([])
  })

  it('checklist 1, 75: frames split at every byte, and several frames in one chunk, work', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    const text = 'CONNECT\naccept-version:1.2\nhost:x\n\n\0SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0SEND\ndestination:/topic/t\n\nbit by bit\0'
    for (const ch of text) c.send(ch)
    await c.expect('CONNECTED')
    expect((await c.expect('MESSAGE')).text).toBe('bit by bit')
  })

  it.each([
    ['an undefined escape', 'SEND\ndestination:/queue/l\nreceipt:R\nk:a\\tb\n\nx\0'],
    ['a header without colon', 'SEND\ndestination:/queue/l\nreceipt:R\nnocolon\n\nx\0'],
    ['a bad content-length terminator', 'SEND\ndestination:/queue/l\nreceipt:R\ncontent-length:1\n\nxy\0'],
    ['an oversized body', `SEND\ndestination:/queue/l\nreceipt:R\n\n${'z'.repeat(100)}\0`],
  ])('checklist 71, 72: a parse error (%s) → ERROR with receipt-id, even behind other frames and split', async (_label, bad) => {
    const { broker } = testBroker({
      limits: { maxFrameBytes: 1 << 20, maxPreConnectFrameBytes: 1024, maxHeaders: 100, maxHeaderLineBytes: 8192, maxBodyBytes: 50 },
    })
    const c = await connected(broker)
    const before = 'SUBSCRIBE\nid:0\ndestination:/topic/t\nreceipt:S\n\n\0\n'
    const all = before + bad
    c.send(all.slice(0, before.length + 12))
    c.send(all.slice(before.length + 12))
    expect((await c.expect('RECEIPT')).header('receipt-id')).toBe('S')
    const err = await c.expectErrorThenClose()
    expect(err.header('receipt-id')).toBe('R')
  })

  it('checklist 71: the receipt of a failing frame is read with the session\'s escaping (1.2: r\\c1 → r:1)', async () => {
    const { broker } = testBroker()
    const c = await connected(broker)
    c.send('SEND\ndestination:/queue/l\nreceipt:r\\c1\nbad\n\nx\0')
    // sent back escaped again for 1.2
    expect((await c.expectErrorThenClose()).header('receipt-id')).toBe('r\\c1')
  })

  it('checklist 27, 72: a parse error in CONNECT gets an ERROR without receipt-id', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    c.send('CONNECT\naccept-version:1.2\nreceipt:R\nnocolon\n\n\0')
    expect((await c.expectErrorThenClose()).header('receipt-id')).toBeUndefined()
  })
})

