/**
 * Checklist G (items 41-49): SUBSCRIBE / UNSUBSCRIBE and ack modes, over TCP and WebSocket.
 * Redelivery tests use /queue destinations: a message not acknowledged by a session that goes
 * away is requeued and delivered again with `redelivered:true`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool, TRANSPORTS, uniq, type WireClient } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
beforeAll(async () => { srv = await startTestServer() })
afterAll(async () => { await srv?.close() })
afterEach(() => pool.closeAll())

async function disconnect(c: WireClient): Promise<void> {
  c.send('DISCONNECT', { receipt: 'bye' })
  await c.expect('RECEIPT', { 'receipt-id': 'bye' })
  await c.closed
}

describe.each(TRANSPORTS)('%s', (kind) => {
  it.each(['1.1', '1.2'])(`checklist 41: SUBSCRIBE without id in %s → ERROR then close (${kind})`, async (version) => {
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': version })
    c.send('SUBSCRIBE', { destination: uniq('/queue/g41') })
    const err = await c.expectErrorThenClose()
    expect(err.text).toContain('id')
  })

  it(`checklist 41: SUBSCRIBE without destination → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('SUBSCRIBE', { id: 's1' })
    await c.expectErrorThenClose()
  })

  it(`checklist 41: SUBSCRIBE to a destination that cannot be subscribed (/app/…) → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('SUBSCRIBE', { id: 's1', destination: '/app/echo' })
    await c.expectErrorThenClose()
  })

  it(`checklist 41: in 1.0 id is optional; MESSAGE then has no subscription header (${kind})`, async () => {
    const q = uniq('/queue/g41v10')
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.0' })
    c.send('SUBSCRIBE', { destination: q, receipt: 'r' })
    await c.expect('RECEIPT', { 'receipt-id': 'r' })
    c.send('SEND', { destination: q }, 'no id')
    const m = await c.expect('MESSAGE')
    expect(m.text).toBe('no id')
    expect(m.header('subscription')).toBeUndefined()
  })

  it(`checklist 41: in 1.0 an id, if given, comes back as MESSAGE subscription (${kind})`, async () => {
    const q = uniq('/queue/g41v10id')
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.0' })
    await c.subscribe(q, 'old-id')
    c.send('SEND', { destination: q }, 'with id')
    expect((await c.expect('MESSAGE')).header('subscription')).toBe('old-id')
  })

  it(`checklist 42: a duplicate subscription id on one connection → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(uniq('/queue/g42'), 'dup')
    c.send('SUBSCRIBE', { destination: uniq('/queue/g42'), id: 'dup' })
    const err = await c.expectErrorThenClose()
    expect(err.text).toContain('dup')
  })

  it(`checklist 42: the same id on two different connections is fine (${kind})`, async () => {
    const q = uniq('/topic/g42')
    const a = await pool.open(kind)
    const b = await pool.open(kind)
    await a.connect()
    await b.connect()
    await a.subscribe(q, 'same')
    await b.subscribe(q, 'same')
  })

  it.each([['1.2', 'bogus'], ['1.2', 'AUTO'], ['1.2', ''], ['1.0', 'client-individual']])(
    `checklist 43: in %s, ack:%s is invalid → ERROR then close (${kind})`,
    async (version, ack) => {
      const c = await pool.open(kind)
      await c.connect({ 'accept-version': version })
      c.send('SUBSCRIBE', { destination: uniq('/queue/g43'), id: 's1', ack })
      await c.expectErrorThenClose()
    },
  )

  it.each(['auto', 'client', 'client-individual'])(`checklist 43: ack:%s is accepted (${kind})`, async (ack) => {
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(uniq('/queue/g43ok'), 's1', { ack })
  })

  it(`checklist 44: auto (the default) — a message is acknowledged once sent; never redelivered (${kind})`, async () => {
    const q = uniq('/queue/g44')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1')
    c.send('SEND', { destination: q }, 'once')
    const m = await c.expect('MESSAGE')
    expect(m.header('ack')).toBeUndefined()
    await disconnect(c)
    const d = await pool.open(kind)
    await d.connect()
    await d.subscribe(q, 's1')
    d.send('SEND', { destination: q }, 'sentinel')
    expect((await d.expect('MESSAGE')).text).toBe('sentinel')
  })

  for (const [item, mode, expected] of [[45, 'client', ['m3']], [46, 'client-individual', ['m1', 'm3']]] as const) {
    it(`checklist ${item}: ${mode} — ACK m2 only, reconnect → only ${expected.join(', ')} redelivered, redelivered:true (${kind})`, async () => {
      const q = uniq(`/queue/g${item}`)
      const c = await pool.open(kind)
      await c.connect()
      await c.subscribe(q, 's1', { ack: mode })
      for (const b of ['m1', 'm2', 'm3']) c.send('SEND', { destination: q }, b)
      const ms = [await c.expect('MESSAGE'), await c.expect('MESSAGE'), await c.expect('MESSAGE')]
      expect(ms.map((m) => m.text)).toEqual(['m1', 'm2', 'm3'])
      await c.sendAndReceipt('ACK', { id: ms[1].header('ack') ?? 'missing-ack-header' })
      await disconnect(c)
      const d = await pool.open(kind)
      await d.connect()
      await d.subscribe(q, 's2', { ack: 'client-individual' })
      d.send('SEND', { destination: q }, 'sentinel')
      const got = []
      for (;;) {
        const m = await d.expect('MESSAGE')
        if (m.text === 'sentinel') break
        expect(m.header('redelivered')).toBe('true')
        got.push(m.text)
      }
      expect(got).toEqual(expected)
    })
  }

  it(`checklist 47: unacked messages of a lost connection go to another consumer of the queue (${kind})`, async () => {
    const q = uniq('/queue/g47')
    const first = await pool.open(kind)
    await first.connect()
    await first.subscribe(q, 's1', { ack: 'client' })
    const second = await pool.open(kind)
    await second.connect()
    const p = await pool.open(kind)
    await p.connect()
    p.send('SEND', { destination: q }, 'unacked')
    const m = await first.expect('MESSAGE')
    expect(m.text).toBe('unacked')
    await second.subscribe(q, 's2', { ack: 'client' })
    first.close() // no DISCONNECT: the connection is simply lost
    const again = await second.expect('MESSAGE')
    expect(again.text).toBe('unacked')
    expect(again.header('redelivered')).toBe('true')
    expect(again.header('message-id')).toBe(m.header('message-id'))
  })

  it(`checklist 48: UNSUBSCRIBE with an unknown id → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('UNSUBSCRIBE', { id: 'nope' })
    const err = await c.expectErrorThenClose()
    expect(err.text).toContain('nope')
  })

  it(`checklist 48: UNSUBSCRIBE without id (1.2) → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(uniq('/queue/g48'), 's1')
    c.send('UNSUBSCRIBE', {})
    await c.expectErrorThenClose()
  })

  it(`checklist 48: in 1.0, UNSUBSCRIBE by destination works (${kind})`, async () => {
    const q = uniq('/queue/g48v10')
    const other = uniq('/queue/g48v10other')
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.0' })
    c.send('SUBSCRIBE', { destination: q })
    await c.subscribe(other, 'o')
    await c.sendAndReceipt('UNSUBSCRIBE', { destination: q })
    c.send('SEND', { destination: q }, 'after unsubscribe')
    c.send('SEND', { destination: other }, 'sentinel')
    const m = await c.expect('MESSAGE')
    expect(m.text).toBe('sentinel')
  })

  it(`checklist 49: after UNSUBSCRIBE no more MESSAGEs for that id (${kind})`, async () => {
    const t = uniq('/topic/g49')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(t, 'gone')
    await c.subscribe(t, 'stays')
    await c.sendAndReceipt('UNSUBSCRIBE', { id: 'gone' })
    c.send('SEND', { destination: t }, 'after')
    const m = await c.expect('MESSAGE')
    expect(m.header('subscription')).toBe('stays')
    await c.sendAndReceipt('BEGIN', { transaction: 'sync' })
    expect(c.unread.filter((f) => f.command === 'MESSAGE')).toEqual([])
  })

  it(`checklist 49: in-flight unacked messages of an UNSUBSCRIBEd queue subscription are requeued (${kind})`, async () => {
    const q = uniq('/queue/g49')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1', { ack: 'client-individual' })
    c.send('SEND', { destination: q }, 'in flight')
    const m = await c.expect('MESSAGE')
    await c.sendAndReceipt('UNSUBSCRIBE', { id: 's1' })
    await c.subscribe(q, 's2')
    const again = await c.expect('MESSAGE')
    expect([again.text, again.header('subscription'), again.header('redelivered')]).toEqual(['in flight', 's2', 'true'])
    expect(again.header('message-id')).toBe(m.header('message-id'))
  })
})
