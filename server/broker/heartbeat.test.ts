import { describe, expect, it } from 'vitest'
import { TestClient, testBroker } from './testing/test-client'
import { negotiateHeartBeat } from '../../lib/stomp/negotiate'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

describe('heart-beating', () => {
  it('checklist 28: CONNECTED advertises the server heart-beat; a missing client header means 0,0 (no beats)', async () => {
    const { broker } = testBroker({ heartBeat: [100, 100] })
    const c = TestClient.open(broker)
    const connected = await c.connect()
    expect(connected.header('heart-beat')).toBe('100,100')
    await sleep(350)
    expect(c.heartbeats.length).toBe(0)
    expect(c.closeInfo).toBeNull()
    expect(broker.snapshot().sessions[0].heartBeat).toEqual([0, 0])
  })

  it('checklist 28: a malformed heart-beat → ERROR then close', async () => {
    const { broker } = testBroker({ heartBeat: [100, 100] })
    const c = TestClient.open(broker)
    c.frame('CONNECT', { 'accept-version': '1.2', host: 'x', 'heart-beat': '10, 10' })
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toMatch(/heart-beat/)
  })

  it('checklist 28: a 1.0 session has no heart-beating: a malformed heart-beat header is ignored, CONNECTED follows', async () => {
    const { broker } = testBroker({ heartBeat: [100, 100] })
    const c = TestClient.open(broker)
    c.frame('CONNECT', { 'accept-version': '1.0', host: 'x', 'heart-beat': '10, 10' })
    const connected = await c.expect('CONNECTED')
    expect(connected.header('version')).toBe('1.0')
    expect(connected.header('heart-beat')).toBeUndefined()
  })

  it('checklist 29: negotiation math — client 10000,5000 vs server sx,sy', async () => {
    const { broker } = testBroker({ heartBeat: [2000, 20000] })
    const c = TestClient.open(broker)
    await c.connect({ 'heart-beat': '10000,5000' })
    // server→client = max(sx, cy) = max(2000, 5000); client→server = max(cx, sy) = max(10000, 20000)
    expect(broker.snapshot().sessions[0].heartBeat).toEqual([5000, 20000])
    expect(negotiateHeartBeat([10000, 5000], [2000, 20000])).toEqual({ serverToClient: 5000, clientToServer: 20000 })
    const zero = TestClient.open(broker)
    await zero.connect({ 'heart-beat': '0,0' })
    expect(broker.snapshot().sessions.find((s) => s.id === zero.id)?.heartBeat).toEqual([0, 0])
  })

  it('checklist 30: an idle server sends EOLs at least every negotiated interval (0,400 → beats, gaps < 400 ms)', async () => {
    const { broker } = testBroker({ heartBeat: [400, 0] })
    const c = TestClient.open(broker)
    await c.connect({ 'heart-beat': '0,400' })
    const start = Date.now()
    await sleep(1700)
    const beats = c.heartbeats
    // 1700 ms / 400 ms ⇒ at least 4 beats; ticking at n/2 gives about 8
    expect(beats.length).toBeGreaterThanOrEqual(4)
    expect(beats.length).toBeLessThanOrEqual(10)
    const times = [start, ...beats]
    // < 400 ms by design; the margin absorbs timer jitter on a loaded machine
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeLessThan(400 + 250)
  })

  it('checklist 30: no EOLs while frames flow (any frame counts as "something")', async () => {
    const { broker } = testBroker({ heartBeat: [300, 0] })
    const c = TestClient.open(broker)
    await c.connect({ 'heart-beat': '0,300' })
    c.frame('SUBSCRIBE', { id: '0', destination: '/topic/t' })
    const until = Date.now() + 900
    while (Date.now() < until) {
      c.frame('SEND', { destination: '/topic/t' }, 'x')
      await sleep(60)
    }
    expect(c.frames.filter((f) => f.command === 'MESSAGE').length).toBeGreaterThan(5)
    // idle, 900 ms would bring ~6 beats; an event-loop stall may cause one or two
    expect(c.heartbeats.length).toBeLessThanOrEqual(2)
  })

  it('checklist 31: a silent client (300,0 declared, grace ×2) is closed after the grace window, not before', async () => {
    const { broker } = testBroker({ heartBeat: [0, 300], heartBeatGraceMultiplier: 2 })
    const c = TestClient.open(broker)
    await c.connect({ 'heart-beat': '300,0' })
    const start = Date.now()
    const err = await c.expect('ERROR', 3000)
    const elapsed = Date.now() - start
    expect(err.header('message')).toMatch(/heart-beat/i)
    // window = 300 × 2 = 600 ms, checked every 150 ms
    expect(elapsed).toBeGreaterThanOrEqual(550)
    expect(elapsed).toBeLessThan(1500)
    expect((await c.closed).how).toBe('close')
  })

  it('checklist 32, 33: any byte counts as liveness; EOLs alone keep the session, get no ERROR and no RECEIPT', async () => {
    const { broker } = testBroker({ heartBeat: [0, 200], heartBeatGraceMultiplier: 2 })
    const c = TestClient.open(broker)
    await c.connect({ 'heart-beat': '200,0' })
    const until = Date.now() + 1200
    let i = 0
    while (Date.now() < until) {
      // alternately a bare EOL and a byte-by-byte trickle of a frame: both are data
      if (i++ % 2 === 0) c.send('\n')
      else c.send('\r\n')
      await sleep(120)
    }
    expect(c.closeInfo).toBeNull()
    expect(c.frames).toHaveLength(1) // only CONNECTED
  })

  it('checklist 32: a frame split into slow pieces also counts as liveness', async () => {
    const { broker } = testBroker({ heartBeat: [0, 200], heartBeatGraceMultiplier: 2 })
    const c = TestClient.open(broker)
    await c.connect({ 'heart-beat': '200,0' })
    const text = 'SEND\ndestination:/topic/t\nreceipt:r1\n\nslow\0'
    for (const ch of text) {
      c.send(ch)
      await sleep(30)
    }
    expect((await c.expect('RECEIPT')).header('receipt-id')).toBe('r1')
    expect(c.closeInfo).toBeNull()
  })
})
