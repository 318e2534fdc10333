/**
 * Checklist C (items 18-19): repeated headers (first wins) and size limits (ERROR then close),
 * over TCP and WebSocket. The server here runs with small limits so the tests stay cheap.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { wsMaxPayload } from '../stack'
import { clientPool, frame, TRANSPORTS, uniq } from '../testing/wire-client'

const LIMITS = {
  maxFrameBytes: 4096,
  maxPreConnectFrameBytes: 1024,
  maxHeaders: 10,
  maxHeaderLineBytes: 256,
  maxBodyBytes: 2048,
}

let srv: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
beforeAll(async () => { srv = await startTestServer({ limits: LIMITS }) })
afterAll(async () => { await srv?.close() })
afterEach(() => pool.closeAll())

describe.each(TRANSPORTS)('%s', (kind) => {
  it(`checklist 18: a repeated user header: the first occurrence wins on MESSAGE (${kind})`, async () => {
    const q = uniq('/queue/c18')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1')
    c.sendRaw(`SEND\ndestination:${q}\nfoo:World\nfoo:Hello\n\nx\0`)
    const m = await c.expect('MESSAGE')
    expect(m.header('foo')).toBe('World')
    const foos = m.headers.filter(([n]) => n === 'foo').map(([, v]) => v)
    expect(foos[0]).toBe('World')
  })

  it(`checklist 18: a repeated destination: the first one is used (${kind})`, async () => {
    const a = uniq('/queue/c18a')
    const b = uniq('/queue/c18b')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(a, 'sa')
    await c.subscribe(b, 'sb')
    c.sendRaw(`SEND\ndestination:${a}\ndestination:${b}\n\nfirst-wins\0`)
    c.send('SEND', { destination: b }, 'sentinel')
    const first = await c.expect('MESSAGE')
    expect([first.header('subscription'), first.text]).toEqual(['sa', 'first-wins'])
    const second = await c.expect('MESSAGE')
    expect([second.header('subscription'), second.text]).toEqual(['sb', 'sentinel'])
  })

  it(`checklist 18: a repeated receipt / content-length / id: the first one is used (${kind})`, async () => {
    const q = uniq('/queue/c18r')
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(`SUBSCRIBE\ndestination:${q}\nid:first\nid:second\nreceipt:r-one\nreceipt:r-two\n\n\0`)
    const r = await c.expect('RECEIPT')
    expect(r.header('receipt-id')).toBe('r-one')
    c.sendRaw(`SEND\ndestination:${q}\ncontent-length:3\ncontent-length:1\n\na\0b\0`)
    const m = await c.expect('MESSAGE')
    expect(m.header('subscription')).toBe('first')
    expect(Array.from(m.body)).toEqual([0x61, 0, 0x62])
  })

  it(`checklist 19: a frame over maxFrameBytes → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    // every header line, the header count and the body are within their limits; the sum is not
    const headers = Array.from({ length: LIMITS.maxHeaders - 1 }, (_, i) => [`h${i}`, 'x'.repeat(250)] as const)
    c.sendRaw(frame('SEND', [['destination', uniq('/queue/c19')], ...headers], 'y'.repeat(LIMITS.maxBodyBytes - 8)))
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toBeTruthy()
  })

  it(`checklist 19: a body over maxBodyBytes → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(frame('SEND', { destination: uniq('/queue/c19') }, 'z'.repeat(LIMITS.maxBodyBytes + 1)))
    await c.expectErrorThenClose()
  })

  it(`checklist 19: a body over maxBodyBytes announced by content-length → ERROR then close without waiting for it (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(`SEND\ndestination:${uniq('/queue/c19')}\ncontent-length:100000000\n\nonly a little`)
    await c.expectErrorThenClose()
  })

  it(`checklist 19: more than maxHeaders headers → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    const headers = Array.from({ length: LIMITS.maxHeaders + 1 }, (_, i) => [`h${i}`, 'v'] as const)
    c.sendRaw(frame('SEND', [['destination', uniq('/queue/c19')], ...headers], 'x'))
    await c.expectErrorThenClose()
  })

  it(`checklist 19: a header line over maxHeaderLineBytes → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(frame('SEND', { destination: uniq('/queue/c19'), long: 'v'.repeat(LIMITS.maxHeaderLineBytes) }, 'x'))
    await c.expectErrorThenClose()
  })

  it(`checklist 19: an endless header line (no EOL ever) → ERROR then close, no unbounded buffering (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    // streamed in 1000-byte writes (WS messages), each well under every transport limit
    c.sendRaw(`SEND\ndestination:${uniq('/queue/c19')}\nlong:`)
    for (let i = 0; i < 8 && !c.isClosed; i++) c.sendRaw('v'.repeat(1000))
    await c.expectErrorThenClose()
  })

  it(`checklist 19: before CONNECTED the smaller maxPreConnectFrameBytes applies (${kind})`, async () => {
    const c = await pool.open(kind)
    const pads = Array.from({ length: 6 }, (_, i) => [`pad${i}`, 'p'.repeat(200)] as const)
    c.sendRaw(frame('CONNECT', [['accept-version', '1.2'], ['host', 'wirelab'], ...pads]))
    await c.expectErrorThenClose()
  })

  it(`checklist 19: frames just under every limit are accepted (${kind})`, async () => {
    const q = uniq('/queue/c19ok')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1')
    const headers = Array.from({ length: LIMITS.maxHeaders - 1 }, (_, i) => [`h${i}`, 'v'] as const)
    c.sendRaw(frame('SEND', [['destination', q], ...headers], 'b'.repeat(LIMITS.maxBodyBytes)))
    const m = await c.expect('MESSAGE')
    expect(m.body.length).toBe(LIMITS.maxBodyBytes)
  })
})

describe('ws', () => {
  const limit = wsMaxPayload(LIMITS.maxFrameBytes)

  it('checklist 19, 72: one WebSocket message over the transport limit (2 × maxFrameBytes + 64 KiB) → ERROR then close; the messages before it are served (ws)', async () => {
    const q = uniq('/queue/c19ws')
    const c = await pool.open('ws')
    await c.connect()
    await c.subscribe(q, 's1')
    c.send('SEND', { destination: q }, 'before')
    // many frames within every STOMP limit, packed into one message larger than the WS limit
    const one = frame('SEND', { destination: q }, 'p'.repeat(1000))
    c.sendRaw(one.repeat(Math.ceil((limit + 1) / one.length)))
    const m = await c.expect('MESSAGE')
    expect(m.text).toBe('before')
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toBe('WebSocket message too large')
    expect(err.header('code')).toBe('STOMP_ERR_WS_MESSAGE_TOO_LARGE')
    expect(err.text).toContain(`at most ${limit} octets in one WebSocket message`)
    // the close handshake completes: the client's close frame still reached the server
    expect([err.code, err.reason]).toEqual([1000, 'STOMP_ERR_WS_MESSAGE_TOO_LARGE'])
    // none of the oversized message's frames was routed
    expect(c.frames.filter((f) => f.command === 'MESSAGE')).toHaveLength(1)
  })

  it('checklist 19: a message of exactly the transport limit is read: its oversized body gets the parser\'s ERROR (ws)', async () => {
    const c = await pool.open('ws')
    await c.connect()
    const head = `SEND\ndestination:${uniq('/queue/c19ws')}\n\n`
    c.sendRaw(`${head}${'y'.repeat(limit - head.length - 1)}\0`)
    const err = await c.expectErrorThenClose()
    expect(err.header('code')).toBe('STOMP_ERR_BODY_TOO_LARGE')
  })
})
