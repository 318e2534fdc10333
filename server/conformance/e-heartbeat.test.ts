/**
 * Checklist E (items 28-34): heart-beating, over TCP and WebSocket. Timing assertions use small
 * intervals and generous ranges (the machine is shared); the spec's lower bounds ("at least every
 * n ms", "a window of at least n ms") are what they check, with an upper bound against flooding.
 *
 * Server A offers heart-beat 100,100; server B offers 400,600 (asymmetric, to catch swapped or
 * min-instead-of-max math). Both close a silent client after interval × 2.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool, frame, TRANSPORTS, type WireClient } from '../testing/wire-client'

let a: Awaited<ReturnType<typeof startTestServer>>
let b: Awaited<ReturnType<typeof startTestServer>>
const poolA = clientPool(() => a)
const poolB = clientPool(() => b)
beforeAll(async () => {
  a = await startTestServer({ heartBeat: [100, 100], heartBeatGraceMultiplier: 2 })
  b = await startTestServer({ heartBeat: [400, 600], heartBeatGraceMultiplier: 2 })
})
afterAll(async () => { await Promise.all([a?.close(), b?.close()]) })
afterEach(() => { poolA.closeAll(); poolB.closeAll() })

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Heart-beats received in the `ms` after CONNECTED. */
async function beatsDuring(c: WireClient, connectedAt: number, ms: number): Promise<number> {
  await pause(ms)
  return c.heartbeatTimes.filter((t) => t > connectedAt && t <= connectedAt + ms).length
}

/** Rejects if the connection closes within `ms`; resolves otherwise. */
async function staysOpen(c: WireClient, ms: number): Promise<void> {
  const r = await Promise.race([c.closed.then((x) => x), pause(ms).then(() => null)])
  if (r !== null) throw new Error(`connection closed after ${Math.round(r.afterMs)} ms of client silence; expected it to stay open ${ms} ms`)
}

describe.each(TRANSPORTS)('%s', (kind) => {
  it(`checklist 28: a CONNECT without heart-beat means 0,0: no beats sent, a silent client is not closed (${kind})`, async () => {
    const c = await poolA.open(kind)
    const connected = await c.connect()
    await staysOpen(c, 700)
    expect(c.heartbeatTimes.filter((t) => t > connected.at + 5)).toEqual([])
    await c.sendAndReceipt('BEGIN', { transaction: 't' })
  })

  it.each(['abc', '1000', '-1,0', '1,2,3', '1.5,0', '10,', ',10', '10;10'])(
    `checklist 28: a malformed heart-beat (%s) → ERROR then close (${kind})`,
    async (value) => {
      const c = await poolA.open(kind)
      c.send('CONNECT', { 'accept-version': '1.2', host: 'wirelab', 'heart-beat': value })
      const err = await c.expectErrorThenClose()
      expect(err.header('message')).toBeTruthy()
    },
  )

  it(`checklist 29: CONNECTED heart-beat carries the server's own sx,sy (${kind})`, async () => {
    const c = await poolB.open(kind)
    const connected = await c.connect({ 'heart-beat': '10000,5000' })
    expect(connected.header('heart-beat')).toBe('400,600')
  })

  it(`checklist 29: client 0,0 → no beats either way even though the server offers 100,100 (${kind})`, async () => {
    const c = await poolA.open(kind)
    const connected = await c.connect({ 'heart-beat': '0,0' })
    await staysOpen(c, 700)
    expect(c.heartbeatTimes.filter((t) => t > connected.at + 5)).toEqual([])
  })

  it(`checklist 29: server→client interval is max(sx, cy): client 0,100 with sx=400 gets beats ~every 400 ms, not 100 (${kind})`, async () => {
    const c = await poolB.open(kind)
    const connected = await c.connect({ 'heart-beat': '0,100' })
    const n = await beatsDuring(c, connected.at, 1200)
    expect(n).toBeGreaterThanOrEqual(2) // at least every 400 ms → ≥ 3, minus margin
    expect(n).toBeLessThanOrEqual(9) // every 100 ms (or its half) would give 12-24
  })

  it(`checklist 29: client→server interval is max(cx, sy): client 100,0 with sy=600 is not closed before 600 ms (${kind})`, async () => {
    const c = await poolB.open(kind)
    await c.connect({ 'heart-beat': '100,0' })
    const closed = await c.closed
    expect(closed.afterMs).toBeGreaterThan(600)
    expect(closed.afterMs).toBeLessThan(4000)
  })

  it(`checklist 30: client 0,200 → the server beats at least every 200 ms when idle (3-12 EOLs in 1.1 s) (${kind})`, async () => {
    const c = await poolA.open(kind)
    const connected = await c.connect({ 'heart-beat': '0,200' })
    const n = await beatsDuring(c, connected.at, 1100)
    expect(n).toBeGreaterThanOrEqual(3)
    expect(n).toBeLessThanOrEqual(12)
  })

  it(`checklist 30: an idle 1.2 session receives nothing but EOLs between frames (${kind})`, async () => {
    const c = await poolA.open(kind)
    await c.connect({ 'heart-beat': '0,100' })
    const before = c.rawReceived.length
    await pause(600)
    const idle = new TextDecoder().decode(c.rawReceived.subarray(before))
    expect(idle).toMatch(/^(\r?\n)+$/)
  })

  it(`checklist 30: a 1.1 session's heart-beat is a single LF (0x0A), never CRLF (${kind})`, async () => {
    const c = await poolA.open(kind)
    await c.connect({ 'accept-version': '1.1', 'heart-beat': '0,100' })
    const before = c.rawReceived.length
    await pause(600)
    const idle = new TextDecoder().decode(c.rawReceived.subarray(before))
    expect(idle).toMatch(/^\n+$/)
  })

  it(`checklist 31: client 200,0 that goes silent is closed after > 200 ms and < 2 s (${kind})`, async () => {
    const c = await poolA.open(kind)
    await c.connect({ 'heart-beat': '200,0' })
    const closed = await c.closed
    expect(closed.afterMs).toBeGreaterThan(200)
    expect(closed.afterMs).toBeLessThan(2000)
    // Wirelab says why before closing (the spec only allows the close): one ERROR, nothing else
    expect(c.unread.map((f) => f.command)).toEqual(['ERROR'])
    expect(c.unread[0].header('message')).toMatch(/heart-beat/i)
  })

  it(`checklist 31: client 200,0 that sends EOL heart-beats stays connected (${kind})`, async () => {
    const c = await poolA.open(kind)
    await c.connect({ 'heart-beat': '200,0' })
    for (let i = 0; i < 12; i++) {
      c.sendRaw('\n')
      await pause(100)
    }
    expect(c.isClosed).toBe(false)
    await c.sendAndReceipt('BEGIN', { transaction: 't31' })
  })

  it(`checklist 32: any byte counts as liveness: one frame trickled byte by byte for >1 s keeps a 200,0 client alive (${kind})`, async () => {
    const c = await poolA.open(kind)
    await c.connect({ 'heart-beat': '200,0' })
    const text = frame('BEGIN', { transaction: 'trickle', receipt: 'trickled' })
    for (const ch of text) {
      c.sendRaw(ch)
      await pause(45)
    }
    const r = await c.nextFrame()
    expect([r.command, r.header('receipt-id')]).toEqual(['RECEIPT', 'trickled'])
    expect(c.isClosed).toBe(false)
  })

  it(`checklist 33: EOLs between frames are heart-beats: no ERROR, no RECEIPT, nothing but the next frame's reply (${kind})`, async () => {
    const c = await poolA.open(kind)
    await c.connect()
    c.sendRaw('\n')
    c.sendRaw('\r\n\n\r\n')
    c.sendRaw(frame('BEGIN', { transaction: 't33', receipt: 'after-eols' }) + '\n\n')
    c.sendRaw(frame('ABORT', { transaction: 't33', receipt: 'second' }))
    const first = await c.nextFrame()
    expect([first.command, first.header('receipt-id')]).toEqual(['RECEIPT', 'after-eols'])
    const second = await c.nextFrame()
    expect([second.command, second.header('receipt-id')]).toEqual(['RECEIPT', 'second'])
  })

  it(`checklist 34: Wirelab does not copy RabbitMQ: CONNECTED heart-beat is not the client's values swapped and rounded to seconds (${kind})`, async () => {
    const c = await poolA.open(kind)
    const connected = await c.connect({ 'heart-beat': '500,250' })
    expect(connected.header('heart-beat')).not.toBe('1000,1000') // RabbitMQ's answer
    expect(connected.header('heart-beat')).toBe('100,100')
  })
})
