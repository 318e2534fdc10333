/**
 * Checklist B (items 12-17): header escaping per negotiated version, over TCP and WebSocket.
 * Assertions look at the exact bytes on the wire (rawHeaderLines) as well as decoded values.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool, TRANSPORTS, uniq } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
beforeAll(async () => {
  srv = await startTestServer({
    // checklist 15: CONNECT is never unescaped, so these passcodes are matched literally
    users: new Map([
      ['esc', 'a\\cb'], // the 4 characters a \ c b
      ['colon', 'a:b'],
    ]),
    serverName: 'Wirelab/0.1 (test:no-escape)',
  })
})
afterAll(async () => { await srv?.close() })
afterEach(() => pool.closeAll())

const login = { login: 'colon', passcode: 'a:b' }

describe.each(TRANSPORTS)('%s', (kind) => {
  it(`checklist 12: escapes in destination and header values are decoded on SEND (1.2 in, 1.0 out shows the decoded value) (${kind})`, async () => {
    const q = uniq('/queue/b12')
    const consumer = await pool.open(kind)
    await consumer.connect({ 'accept-version': '1.0', ...login })
    await consumer.subscribe(`${q}:z`, 's1') // 1.0: the raw colon is part of the value
    const producer = await pool.open(kind)
    await producer.connect(login)
    producer.send('SEND', { destination: `${q}\\cz`, k: 'a\\cb\\\\c' }, 'decoded')
    const m = await consumer.expect('MESSAGE')
    expect(m.text).toBe('decoded')
    expect(m.rawHeaderLines).toContain('k:a:b\\c')
    expect(m.rawHeaderLines).toContain(`destination:${q}:z`)
  })

  it(`checklist 12: escapes in header NAMES are decoded too (${kind})`, async () => {
    const q = uniq('/queue/b12name')
    const c = await pool.open(kind)
    await c.connect(login)
    await c.subscribe(q, 's1')
    c.send('SEND', { destination: q, 'we\\cird\\nname': 'v' })
    const m = await c.expect('MESSAGE')
    expect(m.header('we:ird\nname')).toBe('v')
    expect(m.rawHeaderLines).toContain('we\\cird\\nname:v')
  })

  it(`checklist 13: an undefined escape (\\t) → ERROR then close (${kind})`, async () => {
    const q = uniq('/queue/b13')
    const c = await pool.open(kind)
    await c.connect(login)
    await c.subscribe(q, 's1')
    c.send('SEND', { destination: q, foo: 'bar\\tbaz' }, 'x')
    await c.expectErrorThenClose()
    expect(c.unread.filter((f) => f.command === 'MESSAGE')).toEqual([])
  })

  it(`checklist 13: \\r is an undefined escape in a 1.1 session → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.1', ...login })
    c.send('SEND', { destination: uniq('/queue/b13'), foo: 'bar\\rbaz' }, 'x')
    await c.expectErrorThenClose()
  })

  it(`checklist 13: a backslash at the end of a value (incomplete escape) → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect(login)
    c.send('SEND', { destination: uniq('/queue/b13'), foo: 'bar\\' }, 'x')
    await c.expectErrorThenClose()
  })

  it(`checklist 14: MESSAGE headers are escaped for a 1.2 receiver (CR, LF, colon, backslash) (${kind})`, async () => {
    const q = uniq('/queue/b14')
    const c = await pool.open(kind)
    await c.connect(login)
    await c.subscribe(q, 's1')
    c.send('SEND', { destination: q, k: 'a\\rb\\nc\\cd\\\\e' })
    const m = await c.expect('MESSAGE')
    expect(m.rawHeaderLines).toContain('k:a\\rb\\nc\\cd\\\\e')
    expect(m.header('k')).toBe('a\rb\nc:d\\e')
  })

  it(`checklist 14: MESSAGE headers are escaped for a 1.1 receiver (LF, colon, backslash) (${kind})`, async () => {
    const q = uniq('/queue/b14v11')
    const consumer = await pool.open(kind)
    await consumer.connect({ 'accept-version': '1.1', ...login })
    await consumer.subscribe(q, 's1')
    const producer = await pool.open(kind)
    await producer.connect(login)
    producer.send('SEND', { destination: q, k: 'b\\nc\\cd\\\\e' })
    const m = await consumer.expect('MESSAGE')
    expect(m.rawHeaderLines).toContain('k:b\\nc\\cd\\\\e')
    expect(m.header('k')).toBe('b\nc:d\\e')
    expect(consumer.parseProblems).toEqual([]) // no `\r` escape sent to a 1.1 session
  })

  it(`checklist 14: RECEIPT and ERROR headers are escaped on output (receipt-id) (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect(login)
    c.send('BEGIN', { transaction: 't1', receipt: 'r\\c1\\n' })
    const r = await c.expect('RECEIPT')
    expect(r.rawHeaderLines).toContain('receipt-id:r\\c1\\n')
    expect(r.header('receipt-id')).toBe('r:1\n')
    c.send('COMMIT', { transaction: 'nope', receipt: 'e\\c2' })
    const err = await c.expectErrorThenClose()
    expect(err.rawHeaderLines).toContain('receipt-id:e\\c2')
  })

  it(`checklist 15: CONNECT is never unescaped: passcode "a\\cb" is the literal 4 characters (${kind})`, async () => {
    const ok = await pool.open(kind)
    await ok.connect({ login: 'esc', passcode: 'a\\cb' })
    const bad = await pool.open(kind)
    bad.send('CONNECT', { 'accept-version': '1.2', host: 'wirelab', login: 'colon', passcode: 'a\\cb' })
    await bad.expectErrorThenClose() // would have succeeded if CONNECT were unescaped to "a:b"
  })

  it(`checklist 15: CONNECT with a raw colon in a value is split on the first colon, not rejected (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect({ login: 'colon', passcode: 'a:b' })
  })

  it(`checklist 15: CONNECTED is never escaped (server header with a colon is sent raw) (${kind})`, async () => {
    const c = await pool.open(kind)
    const connected = await c.connect(login)
    expect(connected.rawHeaderLines).toContain('server:Wirelab/0.1 (test:no-escape)')
  })

  it(`checklist 16: a 1.0 receiver gets header values raw, never escaped (${kind})`, async () => {
    const q = uniq('/queue/b16')
    const consumer = await pool.open(kind)
    await consumer.connect({ 'accept-version': '1.0', ...login })
    await consumer.subscribe(q, 's1')
    const producer = await pool.open(kind)
    await producer.connect(login)
    producer.send('SEND', { destination: q, url: 'http\\c//x\\c1/y', path: 'C\\\\new' })
    const m = await consumer.expect('MESSAGE')
    expect(m.rawHeaderLines).toContain('url:http://x:1/y')
    expect(m.rawHeaderLines).toContain('path:C\\new')
  })

  it(`checklist 16: a 1.0 sender's backslashes are literal (not unescaped) (${kind})`, async () => {
    const q = uniq('/queue/b16in')
    const consumer = await pool.open(kind)
    await consumer.connect(login)
    await consumer.subscribe(q, 's1')
    const producer = await pool.open(kind)
    await producer.connect({ 'accept-version': '1.0', ...login })
    producer.send('SEND', { destination: q, k: 'a\\cb\\t' })
    const m = await consumer.expect('MESSAGE')
    expect(m.header('k')).toBe('a\\cb\\t')
    expect(m.rawHeaderLines).toContain('k:a\\\\cb\\\\t') // re-escaped for the 1.2 receiver
  })

  it(`checklist 17: round trip k\\cey:a\\cb\\nc\\\\d\\re keeps the exact escaped bytes (${kind})`, async () => {
    const q = uniq('/queue/b17')
    const c = await pool.open(kind)
    await c.connect(login)
    await c.subscribe(q, 's1')
    c.sendRaw(`SEND\ndestination:${q}\nk\\cey:a\\cb\\nc\\\\d\\re\n\nrt\0`)
    const m = await c.expect('MESSAGE')
    expect(m.rawHeaderLines).toContain('k\\cey:a\\cb\\nc\\\\d\\re')
    expect(m.header('k:ey')).toBe('a:b\nc\\d\re')
    const raw = new TextDecoder().decode(c.rawReceived)
    expect(raw).toContain('\nk\\cey:a\\cb\\nc\\\\d\\re\n')
  })
})
