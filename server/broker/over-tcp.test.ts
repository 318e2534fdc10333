/**
 * What a raw TCP client sees of the broker's ERROR frames (the in-memory tests cover the logic):
 * the stable `code` header (a TCP client has no WebSocket close reason to read it from), the
 * failing frame's receipt-id for parse errors (checklist 71, 72) and the pre-CONNECT timeout (20).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
beforeAll(async () => { srv = await startTestServer({ connectTimeoutMs: 300, limits: { maxBodyBytes: 1024 } }) })
afterAll(async () => { await srv?.close() })
afterEach(() => pool.closeAll())

describe('ERROR over TCP', () => {
  it('checklist 69, 71: a semantic error → ERROR with code STOMP_ERR_BAD_DESTINATION and receipt-id, then EOF', async () => {
    const c = await pool.open('tcp')
    await c.connect()
    c.send('SEND', { destination: 'orders', receipt: 'R1' }, 'x')
    const err = await c.expectErrorThenClose()
    expect(err.header('code')).toBe('STOMP_ERR_BAD_DESTINATION')
    expect(err.header('receipt-id')).toBe('R1')
    expect(err.rawHeaderLines).toEqual([
      'message:Unknown destination\\c "orders"', 'code:STOMP_ERR_BAD_DESTINATION', 'receipt-id:R1', // 1.2: ':' escaped as \c (14)
      'content-type:text/plain', `content-length:${err.body.length}`,
    ])
  })

  it.each([
    ['an undefined escape', 'SEND\ndestination:/queue/t\nreceipt:R2\nk:a\\tb\n\nx\0', 'STOMP_ERR_BAD_ESCAPE'],
    ['a header without colon', 'SEND\ndestination:/queue/t\nreceipt:R2\nnocolon\n\nx\0', 'STOMP_ERR_HEADER_NO_COLON'],
    ['a bad content-length terminator', 'SEND\ndestination:/queue/t\nreceipt:R2\ncontent-length:1\n\nxy\0', 'STOMP_ERR_MISSING_NULL'],
    ['an oversized body', `SEND\ndestination:/queue/t\nreceipt:R2\n\n${'z'.repeat(2000)}\0`, 'STOMP_ERR_BODY_TOO_LARGE'],
  ])('checklist 71, 72: a parse error (%s) → ERROR with its code and the receipt-id read before the fault', async (_label, bad, code) => {
    const c = await pool.open('tcp')
    await c.connect()
    c.sendRaw(bad)
    const err = await c.expectErrorThenClose()
    expect(err.header('code')).toBe(code)
    expect(err.header('receipt-id')).toBe('R2')
  })

  it('checklist 20: a connection that never sends CONNECT → ERROR STOMP_ERR_CONNECT_TIMEOUT, then EOF', async () => {
    const c = await pool.open('tcp')
    c.sendRaw('\n')
    const err = await c.expectErrorThenClose()
    expect(err.header('code')).toBe('STOMP_ERR_CONNECT_TIMEOUT')
    expect(err.header('message')).toMatch(/send CONNECT first/)
    expect(err.sinceOpenMs).toBeGreaterThanOrEqual(250)
  })
})
