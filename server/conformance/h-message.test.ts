/**
 * Checklist H (items 50-53): the MESSAGE frame, over TCP and WebSocket.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool, TRANSPORTS, uniq } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
beforeAll(async () => { srv = await startTestServer() })
afterAll(async () => { await srv?.close() })
afterEach(() => pool.closeAll())

describe.each(TRANSPORTS)('%s', (kind) => {
  it(`checklist 50: MESSAGE carries destination (= the SEND's), a unique message-id and subscription (= SUBSCRIBE id) (${kind})`, async () => {
    const q = uniq('/queue/h50')
    const t = uniq('/topic/h50')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 'sub-q')
    await c.subscribe(t, 'sub-t')
    c.send('SEND', { destination: q }, 'one')
    c.send('SEND', { destination: q }, 'two')
    c.send('SEND', { destination: t }, 'three')
    const ms = [await c.expect('MESSAGE'), await c.expect('MESSAGE'), await c.expect('MESSAGE')]
    expect(ms.map((m) => [m.header('destination'), m.header('subscription'), m.text])).toEqual([
      [q, 'sub-q', 'one'],
      [q, 'sub-q', 'two'],
      [t, 'sub-t', 'three'],
    ])
    const ids = ms.map((m) => m.header('message-id'))
    for (const id of ids) expect(id).toBeTruthy()
    expect(new Set(ids).size).toBe(3)
  })

  it(`checklist 50: message-ids are unique across connections, and one topic message has one id for all subscribers (${kind})`, async () => {
    const t = uniq('/topic/h50ids')
    const a = await pool.open(kind)
    const b = await pool.open(kind)
    await a.connect()
    await b.connect()
    await a.subscribe(t, 'x')
    await b.subscribe(t, 'x')
    a.send('SEND', { destination: t }, '1')
    b.send('SEND', { destination: t }, '2')
    const fromA = [await a.expect('MESSAGE'), await a.expect('MESSAGE')]
    const fromB = [await b.expect('MESSAGE'), await b.expect('MESSAGE')]
    const idOf = (ms: typeof fromA, body: string): string | undefined => ms.find((m) => m.text === body)?.header('message-id')
    expect(idOf(fromA, '1')).not.toBe(idOf(fromA, '2'))
    expect(idOf(fromA, '1')).toBe(idOf(fromB, '1'))
  })

  it(`checklist 51: 1.2 MESSAGE has an ack header for client and client-individual, none for auto (${kind})`, async () => {
    const t = uniq('/topic/h51')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(t, 'auto', { ack: 'auto' })
    await c.subscribe(t, 'client', { ack: 'client' })
    await c.subscribe(t, 'indiv', { ack: 'client-individual' })
    c.send('SEND', { destination: t }, 'x')
    const ms = [await c.expect('MESSAGE'), await c.expect('MESSAGE'), await c.expect('MESSAGE')]
    const bySub = new Map(ms.map((m) => [m.header('subscription'), m]))
    expect(bySub.get('auto')?.header('ack')).toBeUndefined()
    expect(bySub.get('client')?.header('ack')).toBeTruthy()
    expect(bySub.get('indiv')?.header('ack')).toBeTruthy()
    expect(bySub.get('client')?.header('ack')).not.toBe(bySub.get('indiv')?.header('ack'))
    // the ack value is what ACK id takes
    await c.sendAndReceipt('ACK', { id: bySub.get('indiv')?.header('ack') ?? '' })
  })

  it(`checklist 52: MESSAGE with a body carries content-length (and the SEND's content-type) (${kind})`, async () => {
    const q = uniq('/queue/h52')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1')
    c.send('SEND', { destination: q, 'content-type': 'application/json' }, '{"a":1}')
    const m = await c.expect('MESSAGE')
    expect(m.header('content-length')).toBe('7')
    expect(m.header('content-type')).toBe('application/json')
  })

  it(`checklist 52: a transactional SEND does not leak transaction (nor receipt) onto MESSAGE (${kind})`, async () => {
    const q = uniq('/queue/h52tx')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1')
    c.send('BEGIN', { transaction: 'tx1' })
    c.send('SEND', { destination: q, transaction: 'tx1', receipt: 'sr', 'x-user': 'kept' }, 'tx body')
    c.send('COMMIT', { transaction: 'tx1' })
    const m = await c.expect('MESSAGE')
    expect(m.header('x-user')).toBe('kept')
    expect(m.header('transaction')).toBeUndefined()
    expect(m.header('receipt')).toBeUndefined()
  })

  it(`checklist 53: MESSAGE header encoding follows each receiver's version (1.2, 1.1 escaped; 1.0 raw) (${kind})`, async () => {
    const q = uniq('/topic/h53')
    const receivers = await Promise.all(['1.0', '1.1', '1.2'].map(async (version) => {
      const c = await pool.open(kind)
      await c.connect({ 'accept-version': version })
      await c.subscribe(q, `v${version}`)
      return c
    }))
    const p = await pool.open(kind)
    await p.connect()
    p.send('SEND', { destination: q, k: 'a\\cb\\\\c' }, 'x')
    const [v10, v11, v12] = await Promise.all(receivers.map((c) => c.expect('MESSAGE')))
    expect(v10.rawHeaderLines).toContain('k:a:b\\c')
    expect(v11.rawHeaderLines).toContain('k:a\\cb\\\\c')
    expect(v12.rawHeaderLines).toContain('k:a\\cb\\\\c')
    expect([v11.header('k'), v12.header('k')]).toEqual(['a:b\\c', 'a:b\\c'])
  })
})
