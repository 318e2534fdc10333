/**
 * Checklist I (items 54-58): ACK / NACK per version, NACK redelivery, the prefetch cap, over TCP
 * and WebSocket.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool, TRANSPORTS, uniq, type WireClient, type WireFrame } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
let small: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
const smallPool = clientPool(() => small)
beforeAll(async () => {
  srv = await startTestServer()
  small = await startTestServer({ prefetch: 2 })
})
afterAll(async () => { await Promise.all([srv?.close(), small?.close()]) })
afterEach(() => { pool.closeAll(); smallPool.closeAll() })

async function messages(c: WireClient, n: number): Promise<WireFrame[]> {
  const out: WireFrame[] = []
  for (let i = 0; i < n; i++) out.push(await c.expect('MESSAGE'))
  return out
}

/** Disconnects `c`, then drains `q` from a fresh session: the bodies redelivered before a sentinel. */
async function redeliveredAfterDisconnect(kind: 'tcp' | 'ws', c: WireClient, q: string): Promise<string[]> {
  c.send('DISCONNECT', { receipt: 'bye' })
  await c.closed
  const d = await pool.open(kind)
  await d.connect()
  await d.subscribe(q, 'drain')
  d.send('SEND', { destination: q }, 'sentinel')
  const got: string[] = []
  for (let m = await d.expect('MESSAGE'); m.text !== 'sentinel'; m = await d.expect('MESSAGE')) got.push(m.text)
  return got
}

describe.each(TRANSPORTS)('%s', (kind) => {
  it(`checklist 54: 1.2 ACK with id = MESSAGE ack acknowledges the message (${kind})`, async () => {
    const q = uniq('/queue/i54')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1', { ack: 'client-individual' })
    c.send('SEND', { destination: q }, 'ack me')
    const m = await c.expect('MESSAGE')
    await c.sendAndReceipt('ACK', { id: m.header('ack') ?? '' })
    expect(await redeliveredAfterDisconnect(kind, c, q)).toEqual([])
  })

  it(`checklist 54: 1.2 ACK with only message-id + subscription (no id) → ERROR then close (${kind})`, async () => {
    const q = uniq('/queue/i54')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1', { ack: 'client' })
    c.send('SEND', { destination: q }, 'x')
    const m = await c.expect('MESSAGE')
    c.send('ACK', { 'message-id': m.header('message-id') ?? '', subscription: 's1' })
    await c.expectErrorThenClose()
  })

  it(`checklist 55: 1.1 ACK with message-id + subscription acknowledges (${kind})`, async () => {
    const q = uniq('/queue/i55')
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.1' })
    await c.subscribe(q, 's1', { ack: 'client-individual' })
    c.send('SEND', { destination: q }, 'a')
    c.send('SEND', { destination: q }, 'b')
    const [a] = await messages(c, 2)
    await c.sendAndReceipt('ACK', { 'message-id': a.header('message-id') ?? '', subscription: 's1' })
    expect(await redeliveredAfterDisconnect(kind, c, q)).toEqual(['b'])
  })

  it(`checklist 55: 1.1 ACK without subscription → ERROR then close (${kind})`, async () => {
    const q = uniq('/queue/i55')
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.1' })
    await c.subscribe(q, 's1', { ack: 'client' })
    c.send('SEND', { destination: q }, 'x')
    const m = await c.expect('MESSAGE')
    c.send('ACK', { 'message-id': m.header('message-id') ?? '' })
    await c.expectErrorThenClose()
  })

  it(`checklist 55: 1.1 NACK with message-id + subscription redelivers (${kind})`, async () => {
    const q = uniq('/queue/i55nack')
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.1' })
    await c.subscribe(q, 's1', { ack: 'client-individual' })
    c.send('SEND', { destination: q }, 'nack me')
    const m = await c.expect('MESSAGE')
    c.send('NACK', { 'message-id': m.header('message-id') ?? '', subscription: 's1' })
    const again = await c.expect('MESSAGE')
    expect([again.text, again.header('redelivered')]).toEqual(['nack me', 'true'])
  })

  it(`checklist 55: 1.0 ACK with message-id only acknowledges (${kind})`, async () => {
    const q = uniq('/queue/i55v10')
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.0' })
    await c.subscribe(q, 's1', { ack: 'client' })
    c.send('SEND', { destination: q }, 'a')
    const m = await c.expect('MESSAGE')
    await c.sendAndReceipt('ACK', { 'message-id': m.header('message-id') ?? '' })
    expect(await redeliveredAfterDisconnect(kind, c, q)).toEqual([])
  })

  it(`checklist 55: NACK does not exist in 1.0 → ERROR then close (${kind})`, async () => {
    const q = uniq('/queue/i55v10nack')
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.0' })
    await c.subscribe(q, 's1', { ack: 'client' })
    c.send('SEND', { destination: q }, 'a')
    const m = await c.expect('MESSAGE')
    c.send('NACK', { 'message-id': m.header('message-id') ?? '' })
    await c.expectErrorThenClose()
  })

  it(`checklist 56: ACK without id → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(uniq('/queue/i56'), 's1', { ack: 'client' })
    c.send('ACK', {})
    const err = await c.expectErrorThenClose()
    expect(err.text).toContain('id')
  })

  it(`checklist 56: ACK with an unknown id → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(uniq('/queue/i56'), 's1', { ack: 'client' })
    c.send('ACK', { id: 'no-such-ack', receipt: 'r' })
    const err = await c.expectErrorThenClose()
    expect(err.header('receipt-id')).toBe('r')
  })

  it(`checklist 56: ACK of an already-acked message → ERROR then close (${kind})`, async () => {
    const q = uniq('/queue/i56twice')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1', { ack: 'client-individual' })
    c.send('SEND', { destination: q }, 'x')
    const m = await c.expect('MESSAGE')
    await c.sendAndReceipt('ACK', { id: m.header('ack') ?? '' })
    c.send('ACK', { id: m.header('ack') ?? '' })
    await c.expectErrorThenClose()
  })

  it(`checklist 57: NACK on client-individual redelivers that one message, redelivered:true (${kind})`, async () => {
    const q = uniq('/queue/i57ind')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1', { ack: 'client-individual' })
    for (const b of ['m1', 'm2', 'm3']) c.send('SEND', { destination: q }, b)
    const ms = await messages(c, 3)
    c.send('NACK', { id: ms[1].header('ack') ?? '' })
    const again = await c.expect('MESSAGE')
    expect([again.text, again.header('redelivered')]).toEqual(['m2', 'true'])
    expect(again.header('message-id')).toBe(ms[1].header('message-id'))
    await c.sendAndReceipt('BEGIN', { transaction: 'sync' })
    expect(c.unread.filter((f) => f.command === 'MESSAGE')).toEqual([])
  })

  it(`checklist 57: NACK on client is cumulative: m1 and m2 come back, m3 does not (${kind})`, async () => {
    const q = uniq('/queue/i57cum')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1', { ack: 'client' })
    for (const b of ['m1', 'm2', 'm3']) c.send('SEND', { destination: q }, b)
    const ms = await messages(c, 3)
    c.send('NACK', { id: ms[1].header('ack') ?? '' })
    const again = await messages(c, 2)
    expect(again.map((m) => [m.text, m.header('redelivered')])).toEqual([['m1', 'true'], ['m2', 'true']])
    await c.sendAndReceipt('BEGIN', { transaction: 'sync' })
    expect(c.unread.filter((f) => f.command === 'MESSAGE')).toEqual([])
  })

  it(`checklist 57: a NACKed queue message goes to another subscriber when there is one (${kind})`, async () => {
    const q = uniq('/queue/i57other')
    const a = await pool.open(kind)
    const b = await pool.open(kind)
    await a.connect()
    await b.connect()
    await a.subscribe(q, 'sa', { ack: 'client-individual' })
    a.send('SEND', { destination: q }, 'hot potato')
    const m = await a.expect('MESSAGE')
    await b.subscribe(q, 'sb', { ack: 'client-individual' })
    a.send('NACK', { id: m.header('ack') ?? '' })
    const again = await b.expect('MESSAGE')
    expect([again.text, again.header('redelivered'), again.header('subscription')]).toEqual(['hot potato', 'true', 'sb'])
  })

  it(`checklist 58: ACK on an auto subscription → ERROR then close (${kind})`, async () => {
    const q = uniq('/queue/i58')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1')
    c.send('SEND', { destination: q }, 'x')
    const m = await c.expect('MESSAGE')
    c.send('ACK', { id: m.header('ack') ?? m.header('message-id') ?? '' })
    await c.expectErrorThenClose()
  })

  it(`checklist 58: NACK on an auto subscription (1.1, by message-id) → ERROR then close (${kind})`, async () => {
    const q = uniq('/queue/i58')
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.1' })
    await c.subscribe(q, 's1')
    c.send('SEND', { destination: q }, 'x')
    const m = await c.expect('MESSAGE')
    c.send('NACK', { 'message-id': m.header('message-id') ?? '', subscription: 's1' })
    await c.expectErrorThenClose()
  })

  it(`prefetch (issue 3, near checklist 57): at most N unacked per subscription; an ACK lets the next one through (${kind})`, async () => {
    const q = uniq('/queue/iprefetch')
    const c = await smallPool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1', { ack: 'client-individual' })
    for (const b of ['p1', 'p2', 'p3', 'p4']) c.send('SEND', { destination: q }, b)
    const first = await messages(c, 2)
    await c.sendAndReceipt('BEGIN', { transaction: 'sync' })
    expect(c.unread.filter((f) => f.command === 'MESSAGE')).toEqual([])
    c.send('ACK', { id: first[0].header('ack') ?? '' })
    expect((await c.expect('MESSAGE')).text).toBe('p3')
    await c.sendAndReceipt('BEGIN', { transaction: 'sync2' })
    expect(c.unread.filter((f) => f.command === 'MESSAGE')).toEqual([])
  })
})
