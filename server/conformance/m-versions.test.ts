/**
 * Checklist M (the version table): one complete conversation per negotiated version, plus the
 * rows of the table that individual items leave implicit (EOL per version, 1.0 trimming).
 * Titles name the nearest numbered item.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool, frame, TRANSPORTS, uniq } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
beforeAll(async () => { srv = await startTestServer() })
afterAll(async () => { await srv?.close() })
afterEach(() => pool.closeAll())

describe.each(TRANSPORTS)('%s', (kind) => {
  it(`checklist 21/41/51/55 (version table, 1.0): no accept-version, SUBSCRIBE without id, no ack header, ACK by message-id (${kind})`, async () => {
    const q = uniq('/queue/m10')
    const c = await pool.open(kind)
    c.send('CONNECT', { login: 'old-timer' })
    expect((await c.nextFrame()).header('version')).toBe('1.0')
    c.send('SUBSCRIBE', { destination: q, ack: 'client', receipt: 'sub' })
    await c.expect('RECEIPT', { 'receipt-id': 'sub' })
    c.send('SEND', { destination: q }, 'one-zero')
    const m = await c.expect('MESSAGE')
    expect(m.header('ack')).toBeUndefined()
    expect(m.header('subscription')).toBeUndefined()
    await c.sendAndReceipt('ACK', { 'message-id': m.header('message-id') ?? '' })
    await c.sendAndReceipt('UNSUBSCRIBE', { destination: q })
  })

  it(`checklist 41/51/55 (version table, 1.1): SUBSCRIBE id required, no ack header on MESSAGE, ACK by message-id + subscription (${kind})`, async () => {
    const q = uniq('/queue/m11')
    const c = await pool.open(kind)
    expect((await c.connect({ 'accept-version': '1.1' })).header('version')).toBe('1.1')
    await c.subscribe(q, 's11', { ack: 'client-individual' })
    c.send('SEND', { destination: q }, 'one-one')
    const m = await c.expect('MESSAGE')
    expect(m.header('subscription')).toBe('s11')
    expect(m.header('ack')).toBeUndefined()
    await c.sendAndReceipt('ACK', { 'message-id': m.header('message-id') ?? '', subscription: 's11' })
    await c.sendAndReceipt('UNSUBSCRIBE', { id: 's11' })
  })

  it(`checklist 41/51/54 (version table, 1.2): SUBSCRIBE id required, ack header on MESSAGE, ACK by id (${kind})`, async () => {
    const q = uniq('/queue/m12')
    const c = await pool.open(kind)
    expect((await c.connect()).header('version')).toBe('1.2')
    await c.subscribe(q, 's12', { ack: 'client' })
    c.send('SEND', { destination: q }, 'one-two')
    const m = await c.expect('MESSAGE')
    expect(m.header('subscription')).toBe('s12')
    const ack = m.header('ack')
    expect(ack).toBeTruthy()
    await c.sendAndReceipt('ACK', { id: ack ?? '' })
    await c.sendAndReceipt('UNSUBSCRIBE', { id: 's12' })
  })

  it.each(['1.0', '1.1'])(`checklist 2 (version table, EOL): CRLF is accepted in %s sessions too, as RabbitMQ does (${kind})`, async (version) => {
    const q = uniq('/queue/m2')
    const c = await pool.open(kind)
    c.sendRaw(frame('CONNECT', { 'accept-version': version, host: 'wirelab' }, '', '\r\n'))
    expect((await c.nextFrame()).header('version')).toBe(version)
    c.sendRaw(frame('SUBSCRIBE', { destination: q, id: 's', receipt: 'r' }, '', '\r\n'))
    await c.expect('RECEIPT', { 'receipt-id': 'r' })
    c.sendRaw(frame('SEND', { destination: q, k: 'v' }, 'crlf', '\r\n'))
    const m = await c.expect('MESSAGE')
    expect([m.header('destination'), m.header('k'), m.text]).toEqual([q, 'v', 'crlf'])
  })

  it(`checklist 10 (version table, 1.0): header values are left-trimmed in 1.0 sessions (as RabbitMQ), names never (${kind})`, async () => {
    const q = uniq('/queue/m10trim')
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.0' })
    await c.subscribe(q, 's')
    c.sendRaw(`SEND\ndestination: ${q}\nk: spaced value \n\nx\0`)
    const m = await c.expect('MESSAGE')
    expect(m.header('k')).toBe('spaced value ')
    expect(m.header('destination')).toBe(q)
  })

  it(`checklist 12 (version table, escaping): a 1.1 session decodes \\n \\c \\\\ on SEND (${kind})`, async () => {
    const q = uniq('/queue/m11esc')
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.1' })
    await c.subscribe(q, 's')
    c.send('SEND', { destination: q, k: 'a\\nb\\cc\\\\d' })
    const m = await c.expect('MESSAGE')
    expect(m.header('k')).toBe('a\nb:c\\d')
  })

  it.each(['1.0', '1.1', '1.2'])(`checklist 15 (version table): CONNECT is not unescaped in %s: login "back\\slash" is literal (${kind})`, async (version) => {
    const x = uniq('m15')
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': version, login: 'back\\slash' }) // \s would be an undefined escape
    await c.subscribe(`/user/queue/${x}`, 'u')
    const p = await pool.open(kind)
    await p.connect()
    p.send('SEND', { destination: `/user/back\\\\slash/queue/${x}` }, 'to the literal login') // escaped \\ in a 1.2 SEND
    expect((await c.expect('MESSAGE')).text).toBe('to the literal login')
  })
})
