/**
 * Checklist L (items 69-73): the ERROR frame and ERROR-then-close, over TCP and WebSocket.
 * Wirelab follows the spec where RabbitMQ and ActiveMQ keep connections open after ERROR.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool, frame, TRANSPORTS, uniq } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
beforeAll(async () => { srv = await startTestServer({ limits: { maxBodyBytes: 1024 } }) })
afterAll(async () => { await srv?.close() })
afterEach(() => pool.closeAll())

/** Semantic errors: frames that parse but cannot be processed. */
const semantic: Array<[string, string]> = [
  ['SEND without destination', frame('SEND', { receipt: 'R' }, 'x')],
  ['UNSUBSCRIBE of an unknown id', frame('UNSUBSCRIBE', { id: 'nope', receipt: 'R' })],
  ['COMMIT of an unknown transaction', frame('COMMIT', { transaction: 'nope', receipt: 'R' })],
  ['ACK of an unknown id', frame('ACK', { id: 'nope', receipt: 'R' })],
  ['SUBSCRIBE with ack:bogus', frame('SUBSCRIBE', { destination: '/queue/l', id: 's', ack: 'bogus', receipt: 'R' })],
]
const secondConnect = frame('CONNECT', { 'accept-version': '1.2', host: 'x', receipt: 'R' })

/** Parse errors: the bytes are not a valid frame (checklist 72). */
const parse: Array<[string, string]> = [
  ['an undefined escape', `SEND\ndestination:/queue/l\nreceipt:R\nk:a\\tb\n\nx\0`],
  ['a header without colon', `SEND\ndestination:/queue/l\nreceipt:R\nnocolon\n\nx\0`],
  ['a bad content-length terminator', `SEND\ndestination:/queue/l\nreceipt:R\ncontent-length:1\n\nxy\0`],
  ['an oversized body', `SEND\ndestination:/queue/l\nreceipt:R\n\n${'z'.repeat(2000)}\0`],
  ['a lower-case command', `send\ndestination:/queue/l\nreceipt:R\n\nx\0`],
]

describe.each(TRANSPORTS)('%s', (kind) => {
  it(`checklist 69: ERROR has a short message header and a body with content-length and content-type (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('SEND', {}, 'no destination')
    const err = await c.expectErrorThenClose()
    const message = err.header('message') ?? ''
    expect(message.length).toBeGreaterThan(0)
    expect(message).not.toContain('\n')
    expect(err.body.length).toBeGreaterThan(0)
    expect(err.header('content-length')).toBe(String(err.body.length))
    expect(err.header('content-type')).toMatch(/^text\/plain/)
  })

  it.each([...semantic, ['a second CONNECT', secondConnect]])(`checklist 70: after ERROR (%s) the server closes the connection (${kind})`, async (_label, bad) => {
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(bad)
    await c.expectErrorThenClose()
  })

  it(`checklist 70: frames after the failing one are not processed (${kind})`, async () => {
    const q = uniq('/queue/l70')
    const l = await pool.open(kind)
    await l.connect()
    await l.subscribe(q, 'l')
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(frame('UNSUBSCRIBE', { id: 'nope' }) + frame('SEND', { destination: q, receipt: 'after' }, 'must not arrive'))
    await c.expectErrorThenClose()
    expect(c.frames.some((f) => f.command === 'RECEIPT')).toBe(false)
    const p = await pool.open(kind)
    await p.connect()
    p.send('SEND', { destination: q }, 'sentinel')
    expect((await l.expect('MESSAGE')).text).toBe('sentinel')
  })

  it.each([...semantic, ...parse])(`checklist 71: ERROR for %s carries receipt-id when the frame had receipt (${kind})`, async (_label, bad) => {
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(bad)
    const err = await c.expectErrorThenClose()
    expect(err.header('receipt-id')).toBe('R')
  })

  it(`checklist 71/27: ERROR for a second CONNECT carries no receipt-id (receipt is not allowed on CONNECT) (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(secondConnect)
    const err = await c.expectErrorThenClose()
    expect(err.header('receipt-id')).toBeUndefined()
  })

  it(`checklist 71: ERROR without receipt on the failing frame carries no receipt-id (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('COMMIT', { transaction: 'nope' })
    const err = await c.expectErrorThenClose()
    expect(err.header('receipt-id')).toBeUndefined()
  })

  it.each(parse)(`checklist 72: a parse error (%s) gets an ERROR before the close (${kind})`, async (_label, bad) => {
    const c = await pool.open(kind)
    await c.connect()
    c.sendRaw(bad)
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toBeTruthy()
    expect(err.text.length).toBeGreaterThan(0)
  })

  it(`checklist 72: a parse error before CONNECT also gets an ERROR before the close (${kind})`, async () => {
    const c = await pool.open(kind)
    c.sendRaw(`CONNECT\naccept-version:1.2\nbroken header\n\n\0`)
    await c.expectErrorThenClose()
  })

  it(`checklist 73: a client-sent ERROR is an unknown client command → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('ERROR', { message: 'from client' }, 'nope')
    await c.expectErrorThenClose()
  })

  it.each(['CONNECTED', 'MESSAGE', 'RECEIPT'])(`checklist 73: a client-sent %s (server-only frame) → ERROR then close (${kind})`, async (command) => {
    const c = await pool.open(kind)
    await c.connect()
    c.send(command, { destination: '/queue/x', 'message-id': '1', subscription: 's', 'receipt-id': '1' })
    await c.expectErrorThenClose()
  })
})
