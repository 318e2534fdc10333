/**
 * Checklist D (items 20-27): connecting, version negotiation, host, credentials, over TCP and
 * WebSocket.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool, TRANSPORTS, uniq } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
let auth: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
const authPool = clientPool(() => auth)
beforeAll(async () => {
  srv = await startTestServer()
  auth = await startTestServer({ users: new Map([['alice', 'secret'], ['bob', 'hunter2']]) })
})
afterAll(async () => { await Promise.all([srv?.close(), auth?.close()]) })
afterEach(() => { pool.closeAll(); authPool.closeAll() })

describe.each(TRANSPORTS)('%s', (kind) => {
  it(`checklist 20: a frame other than CONNECT/STOMP before connecting → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    c.send('SEND', { destination: uniq('/queue/d20') }, 'too early')
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toBeTruthy()
  })

  it(`checklist 20: SUBSCRIBE before connecting → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    c.send('SUBSCRIBE', { destination: uniq('/queue/d20'), id: 's1' })
    await c.expectErrorThenClose()
  })

  it.each(['1.1', '1.2'])(`checklist 20: STOMP is handled exactly like CONNECT (%s) (${kind})`, async (version) => {
    const c = await pool.open(kind)
    const connected = await c.connect({ 'accept-version': version }, 'STOMP')
    expect(connected.header('version')).toBe(version)
    const q = uniq('/queue/d20stomp')
    await c.subscribe(q, 's1')
    c.send('SEND', { destination: q }, 'works')
    expect((await c.expect('MESSAGE')).text).toBe('works')
  })

  const matrix: Array<[string | null, string]> = [
    [null, '1.0'],
    ['1.0', '1.0'],
    ['1.1', '1.1'],
    ['1.0,1.1,2.0', '1.1'],
    ['1.1,1.2', '1.2'],
    ['1.2,1.0', '1.2'],
    ['2.1,1.0,1.1', '1.1'],
  ]
  it.each(matrix)(`checklist 21: accept-version %s → the highest common version %s (${kind})`, async (offer, expected) => {
    const c = await pool.open(kind)
    c.send('CONNECT', offer === null ? {} : { 'accept-version': offer, host: 'wirelab' })
    const connected = await c.nextFrame()
    expect(connected.command).toBe('CONNECTED')
    expect(connected.header('version')).toBe(expected)
  })

  it(`checklist 21: a 1.0 session (no accept-version) really speaks 1.0: SUBSCRIBE without id works (${kind})`, async () => {
    const c = await pool.open(kind)
    c.send('CONNECT', {})
    expect((await c.nextFrame()).command).toBe('CONNECTED')
    const q = uniq('/queue/d21')
    c.send('SUBSCRIBE', { destination: q, receipt: 'r1' })
    await c.expect('RECEIPT', { 'receipt-id': 'r1' })
    c.send('SEND', { destination: q }, 'one-oh')
    expect((await c.expect('MESSAGE')).text).toBe('one-oh')
  })

  it.each(['2.0,2.1', '3.0', '1.3'])(`checklist 22: no common version (%s) → ERROR with version header and a body, then close (${kind})`, async (offer) => {
    const c = await pool.open(kind)
    c.send('CONNECT', { 'accept-version': offer, host: 'wirelab' })
    const err = await c.expectErrorThenClose()
    const supported = (err.header('version') ?? '').split(',')
    expect(supported).toEqual(expect.arrayContaining(['1.0', '1.1', '1.2']))
    expect(err.text.length).toBeGreaterThan(0)
    expect(err.text).toContain('1.2')
  })

  it(`checklist 23: CONNECTED carries version, and well-formed server, session and heart-beat (${kind})`, async () => {
    const c = await pool.open(kind)
    const connected = await c.connect()
    expect(connected.header('version')).toBe('1.2')
    // server: name ["/" version] *(comment)
    expect(connected.header('server')).toMatch(/^[^/\s]+(\/[^\s]+)?( .*)?$/)
    expect(connected.header('session')).toBeTruthy()
    expect(connected.header('heart-beat')).toMatch(/^\d+,\d+$/)
    const other = await pool.open(kind)
    const second = await other.connect()
    expect(second.header('session')).not.toBe(connected.header('session'))
  })

  it(`checklist 23: a 1.0 session's CONNECTED says version 1.0 (${kind})`, async () => {
    const c = await pool.open(kind)
    c.send('CONNECT', {})
    const connected = await c.nextFrame()
    expect(connected.command).toBe('CONNECTED')
    expect(connected.header('version')).toBe('1.0')
  })

  it.each(['127.0.0.1', 'localhost', 'some.vhost.example', '/'])(`checklist 24: any host value (%s) is accepted (${kind})`, async (host) => {
    const c = await pool.open(kind)
    const connected = await c.connect({ host })
    expect(connected.header('version')).toBe('1.2')
  })

  it(`checklist 24: a 1.2 CONNECT without host is tolerated (${kind})`, async () => {
    const c = await pool.open(kind)
    c.send('CONNECT', { 'accept-version': '1.2' })
    expect((await c.nextFrame()).command).toBe('CONNECTED')
  })

  it(`checklist 25: with authentication off any login (or none) is accepted (${kind})`, async () => {
    const a = await pool.open(kind)
    await a.connect({ login: 'anyone', passcode: 'whatever' })
    const b = await pool.open(kind)
    await b.connect()
  })

  it(`checklist 25: with users configured, the right login/passcode connects (${kind})`, async () => {
    const c = await authPool.open(kind)
    await c.connect({ login: 'alice', passcode: 'secret' })
  })

  it.each([
    ['a wrong passcode', { login: 'alice', passcode: 'nope' }],
    ['an unknown login', { login: 'mallory', passcode: 'secret' }],
    ['another user\'s passcode', { login: 'alice', passcode: 'hunter2' }],
    ['no credentials', {}],
  ] as const)(`checklist 25: with users configured, %s → ERROR that explains, then close (${kind})`, async (_label, creds) => {
    const c = await authPool.open(kind)
    c.send('CONNECT', { 'accept-version': '1.2', host: 'wirelab', ...creds })
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toBeTruthy()
    expect(err.text.length).toBeGreaterThan(0)
    expect(err.text).not.toContain('secret') // never echo a configured passcode
  })

  it.each(['CONNECT', 'STOMP'])(`checklist 26: a second %s on an established session → ERROR then close (${kind})`, async (command) => {
    const c = await pool.open(kind)
    await c.connect()
    c.send(command, { 'accept-version': '1.2', host: 'wirelab' })
    await c.expectErrorThenClose()
  })

  it(`checklist 27: receipt on CONNECT is ignored (no RECEIPT, no ERROR) (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect({ receipt: 'on-connect' })
    c.send('BEGIN', { transaction: 't', receipt: 'sentinel' })
    const next = await c.nextFrame()
    expect([next.command, next.header('receipt-id')]).toEqual(['RECEIPT', 'sentinel'])
    expect(c.frames.some((f) => f.header('receipt-id') === 'on-connect')).toBe(false)
  })
})
