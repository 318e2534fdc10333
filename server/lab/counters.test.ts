import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/harness'
import { LAB_TRANSPORTS, LabCounters, type CountersSnapshot } from './counters'
import { freshCid, getJson, RawClient } from './test-kit'

describe('LabCounters', () => {
  it('latency: count and max over every delivery, p50/p99 over the recent window', () => {
    const c = new LabCounters({ latencyWindow: 4 })
    const now = Date.now()
    for (const ago of [500, 10, 10, 10, 10]) c.delivered('ws', 'a', now - ago)
    const ws = c.snapshot('a').transports.ws
    expect(ws.delivered).toBe(5)
    expect(ws.latencyMs.count).toBe(5)
    expect(ws.latencyMs.max).toBeGreaterThanOrEqual(500)
    // the 500 ms sample has left the window of 4
    expect(ws.latencyMs.p99).toBeLessThan(500)
  })

  it('keeps each client apart from the global totals, and forgets the least recently active client beyond maxClients', () => {
    const c = new LabCounters({ maxClients: 2 })
    c.request('sse', 'a')
    c.request('sse', 'b')
    c.request('sse', 'a')
    c.request('sse', 'c')
    c.request('sse', null)
    expect(c.snapshot().transports.sse.requests).toBe(5)
    expect(c.snapshot('a').transports.sse.requests).toBe(2)
    expect(c.snapshot('b').transports.sse.requests).toBe(0)
    expect(c.snapshot('c').transports.sse.requests).toBe(1)
  })

  it('a snapshot lists every transport, zeros included, with null latency before any delivery', () => {
    const snap = new LabCounters().snapshot('nobody')
    expect(Object.keys(snap.transports)).toEqual([...LAB_TRANSPORTS])
    expect(snap.transports['short-poll']).toEqual({ requests: 0, bytesUp: 0, bytesDown: 0, delivered: 0, latencyMs: { p50: null, p99: null, max: null, count: 0 } })
    expect(snap.cid).toBe('nobody')
  })
})

describe('GET /lab/counters', () => {
  let srv: TestServer
  beforeAll(async () => {
    srv = await startTestServer({ tcp: false })
  })
  afterAll(async () => {
    await srv.close()
  })

  it('?cid= gives that tab only; without it, everyone; reading counters is not counted', async () => {
    const [mine, theirs] = [freshCid(), freshCid()]
    const client = new RawClient(srv.httpPort)
    for (const cid of [mine, mine, theirs]) {
      client.send(`GET /lab/feeds/lobby/poll?cid=${cid} HTTP/1.1\r\nHost: x\r\n\r\n`)
      await client.response()
    }
    client.close()
    const all = (await getJson<CountersSnapshot>(`${srv.httpUrl}/lab/counters`)).body
    const one = (await getJson<CountersSnapshot>(`${srv.httpUrl}/lab/counters?cid=${mine}`)).body
    expect(one.cid).toBe(mine)
    expect(one.transports['short-poll'].requests).toBe(2)
    expect(all.cid).toBeNull()
    expect(all.transports['short-poll'].requests).toBeGreaterThanOrEqual(3)
    const again = (await getJson<CountersSnapshot>(`${srv.httpUrl}/lab/counters?cid=${mine}`)).body
    expect(again.transports).toEqual(one.transports)
    expect(Date.parse(one.since)).not.toBeNaN()
  })

  it('the race widget finds its five lanes under transports', async () => {
    const { body } = await getJson<CountersSnapshot>(`${srv.httpUrl}/lab/counters?cid=${freshCid()}`)
    for (const lane of ['short-poll', 'long-poll', 'sse', 'ws', 'sockjs'] as const) {
      expect(body.transports[lane]).toMatchObject({ requests: 0, bytesUp: 0, bytesDown: 0, delivered: 0 })
    }
  })

  it('GET /lab/feeds lists the feeds with their newest id, listeners and ticker rate', async () => {
    srv.lab.feeds.get('ticker-listed', 2500)
    const { body } = await getJson<{ feeds: Array<{ name: string; latestId: number; rate?: number }> }>(`${srv.httpUrl}/lab/feeds`)
    expect(body.feeds).toContainEqual(expect.objectContaining({ name: 'lobby', latestId: expect.any(Number) }))
    expect(body.feeds).toContainEqual(expect.objectContaining({ name: 'ticker-listed', rate: 2500 }))
  })
})

describe('what the lab leaves to Next', () => {
  let srv: TestServer
  beforeAll(async () => {
    srv = await startTestServer({ tcp: false })
  })
  afterAll(async () => {
    await srv.close()
  })

  it('/lab (the lab page) and other /lab/… pages fall through to the fallback (Next in production)', async () => {
    for (const path of ['/lab', '/lab/', '/lab?x=1', '/lab/race']) {
      const res = await fetch(`${srv.httpUrl}${path}`)
      expect(res.status, path).toBe(404)
      expect(await res.text(), path).toMatch(/test server: no Next/)
    }
  })
})
