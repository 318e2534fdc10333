/**
 * Checklist K (items 64-68): RECEIPT and DISCONNECT, connection lingering, over TCP and WebSocket.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool, frame, TRANSPORTS, uniq, type WireClient, type WireFrame } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
beforeAll(async () => { srv = await startTestServer() })
afterAll(async () => { await srv?.close() })
afterEach(() => pool.closeAll())

/** A session with one client-individual subscription holding two unacked messages. */
async function sessionWithUnacked(kind: 'tcp' | 'ws'): Promise<{ c: WireClient; q: string; ms: WireFrame[] }> {
  const q = uniq('/queue/k64')
  const c = await pool.open(kind)
  await c.connect()
  await c.subscribe(q, 's1', { ack: 'client-individual' })
  c.send('SEND', { destination: q }, 'a')
  c.send('SEND', { destination: q }, 'b')
  return { c, q, ms: [await c.expect('MESSAGE'), await c.expect('MESSAGE')] }
}

describe.each(TRANSPORTS)('%s', (kind) => {
  const frames: Array<[string, (s: { q: string; ms: WireFrame[] }) => Record<string, string>]> = [
    ['SUBSCRIBE', () => ({ destination: uniq('/queue/k64other'), id: 's2' })],
    ['UNSUBSCRIBE', () => ({ id: 's1' })],
    ['SEND', ({ q }) => ({ destination: q })],
    ['ACK', ({ ms }) => ({ id: ms[0].header('ack') ?? '' })],
    ['NACK', ({ ms }) => ({ id: ms[1].header('ack') ?? '' })],
    ['BEGIN', () => ({ transaction: 'fresh' })],
    ['COMMIT', () => ({ transaction: 'open' })],
    ['ABORT', () => ({ transaction: 'open' })],
    ['DISCONNECT', () => ({})],
  ]
  it.each(frames)(`checklist 64: %s with receipt → RECEIPT with the same receipt-id (${kind})`, async (command, headers) => {
    const s = await sessionWithUnacked(kind)
    await s.c.sendAndReceipt('BEGIN', { transaction: 'open' })
    s.c.send(command, { ...headers(s), receipt: `rcpt-${command}` })
    const r = await s.c.expect('RECEIPT', { 'receipt-id': `rcpt-${command}` })
    expect(r.body.length).toBe(0)
  })

  it(`checklist 64: the RECEIPT comes after processing: a SUBSCRIBE's RECEIPT means the subscription is live (${kind})`, async () => {
    const t = uniq('/topic/k64live')
    const c = await pool.open(kind)
    await c.connect()
    await c.sendAndReceipt('SUBSCRIBE', { destination: t, id: 's' })
    const p = await pool.open(kind)
    await p.connect()
    p.send('SEND', { destination: t }, 'live')
    expect((await c.expect('MESSAGE')).text).toBe('live')
  })

  it(`checklist 65: RECEIPT is cumulative: frames sent before a receipted frame were all handled by then (${kind})`, async () => {
    const q = uniq('/queue/k65')
    const p = await pool.open(kind)
    await p.connect()
    let burst = ''
    for (let i = 0; i < 20; i++) burst += frame('SEND', { destination: q }, `m${i}`)
    p.sendRaw(burst)
    await p.sendAndReceipt('BEGIN', { transaction: 'tx' })
    const s = await pool.open(kind)
    await s.connect()
    s.send('SUBSCRIBE', { destination: q, id: 's' })
    const got: string[] = []
    for (let i = 0; i < 20; i++) got.push((await s.expect('MESSAGE')).text)
    expect(got).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`))
  })

  it(`checklist 66: DISCONNECT receipt:77 → RECEIPT receipt-id:77, then the server closes (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('DISCONNECT', { receipt: '77' })
    const r = await c.nextFrame()
    expect([r.command, r.header('receipt-id')]).toEqual(['RECEIPT', '77'])
    const closed = await c.closed
    expect(closed.afterMs).toBeLessThan(3000)
    if (kind === 'ws') expect(closed.code).toBe(1000)
  })

  it(`checklist 66: frames after DISCONNECT are ignored (${kind})`, async () => {
    const q = uniq('/queue/k66')
    const l = await pool.open(kind)
    await l.connect()
    await l.subscribe(q, 'l')
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(frame('DISCONNECT', { receipt: 'bye' }) + frame('SEND', { destination: q }, 'after disconnect'))
    await c.expect('RECEIPT', { 'receipt-id': 'bye' })
    await c.closed
    expect(c.unread).toEqual([])
    const p = await pool.open(kind)
    await p.connect()
    p.send('SEND', { destination: q }, 'sentinel')
    expect((await l.expect('MESSAGE')).text).toBe('sentinel')
  })

  it(`checklist 67: everything queued before DISCONNECT's RECEIPT is flushed before the close (${kind})`, async () => {
    const t = uniq('/topic/k67')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(t, 's')
    const body = 'x'.repeat(4096)
    let burst = ''
    for (let i = 0; i < 200; i++) burst += frame('SEND', { destination: t, n: String(i) }, body)
    c.sendRaw(burst + frame('DISCONNECT', { receipt: 'last' }))
    await c.closed
    const messages = c.frames.filter((f) => f.command === 'MESSAGE')
    expect(messages.length).toBe(200)
    expect(messages.every((m) => m.body.length === 4096)).toBe(true)
    expect(c.frames.at(-1)?.header('receipt-id')).toBe('last')
    expect(c.parseProblems).toEqual([])
  })

  it(`checklist 67: an ERROR queued behind many MESSAGEs still arrives whole before the close (${kind})`, async () => {
    const t = uniq('/topic/k67err')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(t, 's')
    let burst = ''
    for (let i = 0; i < 200; i++) burst += frame('SEND', { destination: t }, 'y'.repeat(4096))
    c.sendRaw(burst + frame('UNSUBSCRIBE', { id: 'nope', receipt: 'bad' }))
    await c.closed
    const last = c.frames.at(-1)
    expect(last?.command).toBe('ERROR')
    expect(last?.header('receipt-id')).toBe('bad')
    expect(c.frames.filter((f) => f.command === 'MESSAGE').length).toBe(200)
  })

  it(`checklist 68: DISCONNECT without receipt closes the connection (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('DISCONNECT')
    const closed = await c.closed
    expect(closed.afterMs).toBeLessThan(3000)
    expect(c.unread).toEqual([])
  })

  it(`checklist 68: DISCONNECT without receipt aborts open transactions and requeues unacked messages (${kind})`, async () => {
    const q = uniq('/queue/k68')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1', { ack: 'client' })
    c.send('SEND', { destination: q }, 'unacked')
    await c.expect('MESSAGE')
    c.send('BEGIN', { transaction: 'tx' })
    c.send('SEND', { destination: q, transaction: 'tx' }, 'never')
    c.send('DISCONNECT')
    await c.closed
    const d = await pool.open(kind)
    await d.connect()
    await d.subscribe(q, 's2')
    d.send('SEND', { destination: q }, 'sentinel')
    const first = await d.expect('MESSAGE')
    expect([first.text, first.header('redelivered')]).toEqual(['unacked', 'true'])
    expect((await d.expect('MESSAGE')).text).toBe('sentinel')
  })
})
