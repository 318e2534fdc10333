/**
 * Checklist A (items 1-11): frame grammar and parsing, over raw TCP and WebSocket against the
 * real broker. ../shared/stomp-checklist.md is the spec; the README in this folder maps items.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool, frame, frameBytes, TRANSPORTS, uniq, type WireClient } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
beforeAll(async () => { srv = await startTestServer() })
afterAll(async () => { await srv?.close() })
afterEach(() => pool.closeAll())

const enc = new TextEncoder()
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Writes `text` one byte per write (one WS message per byte), pausing so writes are not coalesced. */
async function sendByteByByte(c: WireClient, text: string): Promise<void> {
  for (const byte of enc.encode(text)) {
    c.sendRaw(c.kind === 'ws' ? String.fromCharCode(byte) : new Uint8Array([byte]))
    await pause(1)
  }
}

describe.each(TRANSPORTS)('%s', (kind) => {
  it(`checklist 1: several frames back-to-back in one write are all processed, in order (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    const q = uniq('/queue/a1')
    c.sendRaw(
      frame('SUBSCRIBE', { destination: q, id: 's1' }) +
        frame('SEND', { destination: q }, 'one') +
        frame('SEND', { destination: q }, 'two') +
        frame('SEND', { destination: q, receipt: 'last' }, 'three'),
    )
    const got = [await c.expect('MESSAGE'), await c.expect('MESSAGE'), await c.expect('MESSAGE')]
    expect(got.map((f) => f.text)).toEqual(['one', 'two', 'three'])
    await c.expect('RECEIPT', { 'receipt-id': 'last' })
  })

  it(`checklist 1: a session split at every byte boundary parses the same (${kind})`, async () => {
    const c = await pool.open(kind)
    const q = uniq('/queue/a1split')
    await sendByteByByte(
      c,
      frame('CONNECT', { 'accept-version': '1.2', host: 'wirelab' }) +
        frame('SUBSCRIBE', { destination: q, id: 's1' }) +
        frame('SEND', { destination: q, 'content-type': 'text/plain' }, 'split body'),
    )
    expect((await c.nextFrame()).command).toBe('CONNECTED')
    const m = await c.expect('MESSAGE')
    expect(m.text).toBe('split body')
    expect(m.header('content-type')).toBe('text/plain')
  })

  it(`checklist 2: a full CRLF session works in 1.2 and CRLF inside the body is kept verbatim (${kind})`, async () => {
    const c = await pool.open(kind)
    const q = uniq('/queue/a2')
    c.sendRaw(frame('CONNECT', { 'accept-version': '1.2', host: 'wirelab' }, '', '\r\n'))
    const connected = await c.nextFrame()
    expect(connected.command).toBe('CONNECTED')
    expect(connected.header('version')).toBe('1.2')
    c.sendRaw(frame('SUBSCRIBE', { destination: q, id: 's1', receipt: 'r1' }, '', '\r\n'))
    await c.expect('RECEIPT', { 'receipt-id': 'r1' })
    c.sendRaw(frame('SEND', { destination: q, 'x-crlf': 'yes' }, 'line1\r\nline2', '\r\n'))
    const m = await c.expect('MESSAGE')
    expect(m.header('x-crlf')).toBe('yes') // no stray CR left in the value
    expect(m.header('destination')).toBe(q)
    expect(Array.from(m.body)).toEqual(Array.from(enc.encode('line1\r\nline2')))
    expect(m.header('content-length')).toBe('12')
  })

  it(`checklist 3: EOLs before the first frame and between frames are skipped, never frames (${kind})`, async () => {
    const c = await pool.open(kind)
    const q = uniq('/queue/a3')
    c.sendRaw('\n\n\r\n' + frame('CONNECT', { 'accept-version': '1.2', host: 'wirelab' }))
    expect((await c.nextFrame()).command).toBe('CONNECTED')
    c.sendRaw('\n\r\n\n' + frame('SUBSCRIBE', { destination: q, id: 's1' }) + '\n\n\n' + frame('SEND', { destination: q }, 'after eols') + '\r\n')
    c.sendRaw('\n')
    c.sendRaw(frame('BEGIN', { transaction: 'tx-a3', receipt: 'sentinel' }))
    const first = await c.nextFrame()
    expect(first.command).toBe('MESSAGE')
    expect(first.text).toBe('after eols')
    const second = await c.nextFrame()
    expect([second.command, second.header('receipt-id')]).toEqual(['RECEIPT', 'sentinel'])
  })

  it(`checklist 4: commands are case-sensitive: "send" → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    const q = uniq('/queue/a4')
    await c.connect()
    await c.subscribe(q, 's1')
    c.send('send', { destination: q }, 'lower case')
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toBeTruthy()
    expect(c.unread.filter((f) => f.command === 'MESSAGE')).toEqual([])
  })

  it(`checklist 4: "connect" in lower case is not CONNECT → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    c.send('connect', { 'accept-version': '1.2', host: 'wirelab' })
    await c.expectErrorThenClose()
  })

  it(`checklist 5: an unknown client command FOO → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('FOO', { bar: 'baz' })
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toBeTruthy()
  })

  it(`checklist 6: a header line without a colon → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(`SEND\ndestination:${uniq('/queue/a6')}\nnocolon\n\nbody\0`)
    await c.expectErrorThenClose()
  })

  it(`checklist 6: an empty header name (":value") → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(`SEND\ndestination:${uniq('/queue/a6')}\n:value\n\nbody\0`)
    await c.expectErrorThenClose()
  })

  it(`checklist 6: a header is split on the FIRST colon (1.0 value with colons) (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': '1.0' })
    const q = uniq('/queue/a6colon')
    await c.subscribe(q, 's1')
    c.send('SEND', { destination: q, url: 'http://x:1/y' }, 'colons')
    const m = await c.expect('MESSAGE')
    expect(m.header('url')).toBe('http://x:1/y')
    expect(m.rawHeaderLines).toContain('url:http://x:1/y')
  })

  it(`checklist 7: a body on SUBSCRIBE (which MUST NOT have one) → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('SUBSCRIBE', { destination: uniq('/queue/a7'), id: 's1' }, 'a body')
    await c.expectErrorThenClose()
  })

  it(`checklist 8: content-length reads exactly that many octets, NULs included (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    const q = uniq('/queue/a8')
    await c.subscribe(q, 's1')
    c.sendRaw(`SEND\ndestination:${q}\ncontent-length:5\n\na\0b\0c\0`)
    const m = await c.expect('MESSAGE')
    expect(Array.from(m.body)).toEqual([0x61, 0, 0x62, 0, 0x63])
    expect(m.header('content-length')).toBe('5')
  })

  it(`checklist 8: the octet after content-length octets is not NUL → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    const q = uniq('/queue/a8bad')
    await c.subscribe(q, 's1')
    c.sendRaw(`SEND\ndestination:${q}\ncontent-length:2\n\nabc\0`)
    await c.expectErrorThenClose()
    expect(c.unread.filter((f) => f.command === 'MESSAGE')).toEqual([])
  })

  it(`checklist 9: content-length is honoured on frames other than SEND (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    const q = uniq('/queue/a9')
    c.sendRaw(`SUBSCRIBE\ndestination:${q}\nid:s1\ncontent-length:0\nreceipt:r-sub\n\n\0`)
    await c.expect('RECEIPT', { 'receipt-id': 'r-sub' })
    c.sendRaw(`BEGIN\ntransaction:t1\ncontent-length:0\nreceipt:r-begin\n\n\0`)
    await c.expect('RECEIPT', { 'receipt-id': 'r-begin' })
    c.send('SEND', { destination: q }, 'still subscribed')
    expect((await c.expect('MESSAGE')).text).toBe('still subscribed')
  })

  it(`checklist 9: a malformed content-length on a non-SEND frame → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(`BEGIN\ntransaction:t1\ncontent-length:abc\n\n\0`)
    await c.expectErrorThenClose()
  })

  it.each(['1.1', '1.2'])(`checklist 10: header names and values are never trimmed in %s (${kind})`, async (version) => {
    const c = await pool.open(kind)
    await c.connect({ 'accept-version': version })
    const q = uniq('/queue/a10')
    await c.subscribe(q, 's1')
    c.sendRaw(`SEND\ndestination:${q}\nk: spaced value \n pad :x\n\nbody\0`)
    const m = await c.expect('MESSAGE')
    expect(m.header('k')).toBe(' spaced value ')
    expect(m.header(' pad ')).toBe('x')
    expect(m.rawHeaderLines).toContain('k: spaced value ')
  })

  it(`checklist 11: UTF-8 header values pass through byte for byte (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    const q = uniq('/queue/a11')
    await c.subscribe(q, 's1')
    c.send('SEND', { destination: q, greeting: 'héllo ✓ 日本 🚀' }, 'ünïcødé')
    const m = await c.expect('MESSAGE')
    expect(m.header('greeting')).toBe('héllo ✓ 日本 🚀')
    expect(m.text).toBe('ünïcødé')
  })

  it(`checklist 11: a binary body (all 256 octet values) passes through unmodified (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    const q = uniq('/queue/a11bin')
    await c.subscribe(q, 's1')
    const body = Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 256)
    c.sendRaw(frameBytes('SEND', { destination: q, 'content-length': String(body.length) }, body))
    const m = await c.expect('MESSAGE')
    expect(m.body.length).toBe(512)
    expect(Buffer.from(m.body).equals(Buffer.from(body))).toBe(true)
  })
})
