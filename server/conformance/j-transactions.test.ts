/**
 * Checklist J (items 59-63): transactions over SEND and ACK, over TCP and WebSocket.
 * "Never delivered" is proven with a sentinel: a later plain SEND to the same destination must be
 * the first MESSAGE to arrive.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool, TRANSPORTS, uniq, type WireClient } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
beforeAll(async () => { srv = await startTestServer() })
afterAll(async () => { await srv?.close() })
afterEach(() => pool.closeAll())

/** A connected session subscribed to `dest` (auto). */
async function listener(kind: 'tcp' | 'ws', dest: string): Promise<WireClient> {
  const c = await pool.open(kind)
  await c.connect()
  await c.subscribe(dest, 'l')
  return c
}

describe.each(TRANSPORTS)('%s', (kind) => {
  it(`checklist 59: BEGIN without transaction → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('BEGIN', {})
    const err = await c.expectErrorThenClose()
    expect(err.text).toContain('transaction')
  })

  it(`checklist 59: BEGIN with an id already open on this connection → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    await c.sendAndReceipt('BEGIN', { transaction: 'twice' })
    c.send('BEGIN', { transaction: 'twice' })
    await c.expectErrorThenClose()
  })

  it(`checklist 59: transaction ids are per connection: two connections may both BEGIN "t1" (${kind})`, async () => {
    const a = await pool.open(kind)
    const b = await pool.open(kind)
    await a.connect()
    await b.connect()
    await a.sendAndReceipt('BEGIN', { transaction: 't1' })
    await b.sendAndReceipt('BEGIN', { transaction: 't1' })
  })

  it(`checklist 60: a SEND in a transaction is not delivered before COMMIT, then it is (${kind})`, async () => {
    const q = uniq('/queue/j60')
    const l = await listener(kind, q)
    const c = await pool.open(kind)
    await c.connect()
    c.send('BEGIN', { transaction: 'tx' })
    c.send('SEND', { destination: q, transaction: 'tx' }, 'held-1')
    c.send('SEND', { destination: q, transaction: 'tx' }, 'held-2')
    await c.sendAndReceipt('SEND', { destination: q }, 'sentinel')
    expect((await l.expect('MESSAGE')).text).toBe('sentinel')
    await c.sendAndReceipt('COMMIT', { transaction: 'tx' })
    expect((await l.expect('MESSAGE')).text).toBe('held-1')
    expect((await l.expect('MESSAGE')).text).toBe('held-2')
  })

  it(`checklist 60: a SEND in an ABORTed transaction is never delivered (${kind})`, async () => {
    const q = uniq('/queue/j60abort')
    const l = await listener(kind, q)
    const c = await pool.open(kind)
    await c.connect()
    c.send('BEGIN', { transaction: 'tx' })
    c.send('SEND', { destination: q, transaction: 'tx' }, 'discarded')
    await c.sendAndReceipt('ABORT', { transaction: 'tx' })
    c.send('SEND', { destination: q }, 'sentinel')
    expect((await l.expect('MESSAGE')).text).toBe('sentinel')
  })

  it(`checklist 60: after COMMIT the transaction id is closed (SEND with it → ERROR) (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('BEGIN', { transaction: 'done' })
    await c.sendAndReceipt('COMMIT', { transaction: 'done' })
    c.send('SEND', { destination: uniq('/queue/j60'), transaction: 'done' }, 'late')
    await c.expectErrorThenClose()
  })

  for (const command of ['COMMIT', 'ABORT'] as const) {
    it(`checklist 61: ${command} of an unknown transaction → ERROR then close (${kind})`, async () => {
      const c = await pool.open(kind)
      await c.connect()
      c.send(command, { transaction: 'nope' })
      const err = await c.expectErrorThenClose()
      expect(err.text).toContain('nope')
    })

    it(`checklist 61: ${command} without transaction → ERROR then close (${kind})`, async () => {
      const c = await pool.open(kind)
      await c.connect()
      await c.sendAndReceipt('BEGIN', { transaction: 't' })
      c.send(command, {})
      await c.expectErrorThenClose()
    })
  }

  it(`checklist 62: an open transaction is aborted by DISCONNECT: its SENDs are never delivered (${kind})`, async () => {
    const q = uniq('/queue/j62')
    const l = await listener(kind, q)
    const c = await pool.open(kind)
    await c.connect()
    c.send('BEGIN', { transaction: 'tx' })
    c.send('SEND', { destination: q, transaction: 'tx' }, 'never')
    c.send('DISCONNECT', { receipt: 'bye' })
    await c.expect('RECEIPT', { 'receipt-id': 'bye' })
    await c.closed
    const p = await pool.open(kind)
    await p.connect()
    p.send('SEND', { destination: q }, 'sentinel')
    expect((await l.expect('MESSAGE')).text).toBe('sentinel')
  })

  it(`checklist 62: an open transaction is aborted when the connection is lost (${kind})`, async () => {
    const q = uniq('/queue/j62lost')
    const l = await listener(kind, q)
    const c = await pool.open(kind)
    await c.connect()
    c.send('BEGIN', { transaction: 'tx' })
    await c.sendAndReceipt('SEND', { destination: q, transaction: 'tx' }, 'never')
    c.close()
    await c.closed
    const p = await pool.open(kind)
    await p.connect()
    p.send('SEND', { destination: q }, 'sentinel')
    expect((await l.expect('MESSAGE')).text).toBe('sentinel')
  })

  it(`checklist 63: an ACK in an ABORTed transaction leaves the message unacked (redelivered later) (${kind})`, async () => {
    const q = uniq('/queue/j63')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1', { ack: 'client-individual' })
    c.send('SEND', { destination: q }, 'still unacked')
    const m = await c.expect('MESSAGE')
    c.send('BEGIN', { transaction: 'tx' })
    c.send('ACK', { id: m.header('ack') ?? '', transaction: 'tx' })
    await c.sendAndReceipt('ABORT', { transaction: 'tx' })
    c.send('DISCONNECT', { receipt: 'bye' })
    await c.closed
    const d = await pool.open(kind)
    await d.connect()
    await d.subscribe(q, 's2')
    const again = await d.expect('MESSAGE')
    expect([again.text, again.header('redelivered')]).toEqual(['still unacked', 'true'])
  })

  it(`checklist 63: an ACK in a COMMITted transaction acknowledges; before COMMIT it does not (${kind})`, async () => {
    const q = uniq('/queue/j63commit')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1', { ack: 'client-individual' })
    c.send('SEND', { destination: q }, 'acked in tx')
    const m = await c.expect('MESSAGE')
    c.send('BEGIN', { transaction: 'tx' })
    await c.sendAndReceipt('ACK', { id: m.header('ack') ?? '', transaction: 'tx' })
    await c.sendAndReceipt('COMMIT', { transaction: 'tx' })
    c.send('DISCONNECT', { receipt: 'bye' })
    await c.closed
    const d = await pool.open(kind)
    await d.connect()
    await d.subscribe(q, 's2')
    d.send('SEND', { destination: q }, 'sentinel')
    expect((await d.expect('MESSAGE')).text).toBe('sentinel')
  })

  it(`checklist 60: NACK in a transaction is applied only on COMMIT (${kind})`, async () => {
    const q = uniq('/queue/j60nack')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1', { ack: 'client-individual' })
    c.send('SEND', { destination: q }, 'nack in tx')
    const m = await c.expect('MESSAGE')
    c.send('BEGIN', { transaction: 'tx' })
    await c.sendAndReceipt('NACK', { id: m.header('ack') ?? '', transaction: 'tx' })
    expect(c.unread.filter((f) => f.command === 'MESSAGE')).toEqual([])
    c.send('COMMIT', { transaction: 'tx' })
    const again = await c.expect('MESSAGE')
    expect([again.text, again.header('redelivered')]).toEqual(['nack in tx', 'true'])
  })
})
