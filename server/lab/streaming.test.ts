import { request, type ClientRequest, type IncomingMessage } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/harness'
import { counterOf, freshCid, waitUntil } from './test-kit'

let srv: TestServer
beforeAll(async () => {
  srv = await startTestServer({ tcp: false, lab: { sseHeartbeatMs: 100 } })
})
afterAll(async () => {
  await srv.close()
})

interface Open {
  res: IncomingMessage
  text: () => string
  req: ClientRequest
}
const opened: Open[] = []
afterEach(() => {
  for (const o of opened.splice(0)) o.req.destroy()
})

function open(path: string, headers: Record<string, string> = {}): Promise<Open> {
  return new Promise((resolve, reject) => {
    const req = request(`${srv.httpUrl}${path}`, { headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      const o = { res, req, text: () => text }
      opened.push(o)
      resolve(o)
    })
    req.on('error', reject)
    req.end()
  })
}

let n = 0
function quietTicker(): string {
  const name = `ticker-stream${(n += 1)}`
  srv.lab.feeds.get(name, 10_000)
  return name
}

describe('HTTP streaming', () => {
  it('is one chunked response of NDJSON, one message per line as they are published', async () => {
    const name = quietTicker()
    const cid = freshCid()
    const s = await open(`/lab/feeds/${name}/stream?cid=${cid}`)
    expect(s.res.statusCode).toBe(200)
    expect(s.res.headers['content-type']).toMatch(/^application\/x-ndjson/)
    expect(s.res.headers['transfer-encoding']).toBe('chunked')
    const feed = srv.lab.feeds.get(name)
    feed.publish('one')
    feed.publish('two')
    await waitUntil(() => s.text().split('\n').length >= 3)
    const lines = s.text().trimEnd().split('\n').map((l) => JSON.parse(l) as { id: number; text: string })
    expect(lines.map((m) => [m.id, m.text])).toEqual([[1, 'one'], [2, 'two']])
    const c = await counterOf(srv.httpUrl, cid, 'stream')
    expect(c).toMatchObject({ requests: 1, delivered: 2 })
    expect(c.latencyMs.count).toBe(2)
    // Still open: its bytes so far are counted live.
    expect(c.bytesDown).toBeGreaterThan(Buffer.byteLength(s.text()))
  })

  it('?since= replays what the feed holds after the cursor first', async () => {
    const name = quietTicker()
    const feed = srv.lab.feeds.get(name)
    feed.publish('a')
    feed.publish('b')
    const s = await open(`/lab/feeds/${name}/stream?since=1`)
    await waitUntil(() => s.text().includes('\n'))
    expect(JSON.parse(s.text().split('\n')[0])).toMatchObject({ id: 2, text: 'b' })
  })
})

describe('Server-Sent Events', () => {
  it('sends retry:, then id:/event:/data: per message', async () => {
    const name = quietTicker()
    const s = await open(`/lab/feeds/${name}/sse`)
    expect(s.res.headers['content-type']).toMatch(/^text\/event-stream/)
    const m = srv.lab.feeds.get(name).publish('hello')
    await waitUntil(() => s.text().includes('data:'))
    expect(s.text()).toMatch(/^retry: \d+\n\n/)
    expect(s.text()).toContain(`id: ${m.id}\nevent: message\ndata: ${JSON.stringify(m)}\n\n`)
  })

  it('resumes after Last-Event-ID: only newer messages come', async () => {
    const name = quietTicker()
    const feed = srv.lab.feeds.get(name)
    for (const t of ['m1', 'm2', 'm3', 'm4']) feed.publish(t)
    const s = await open(`/lab/feeds/${name}/sse`, { 'Last-Event-ID': '2' })
    await waitUntil(() => (s.text().match(/^data:/gm) ?? []).length >= 2)
    feed.publish('m5')
    await waitUntil(() => (s.text().match(/^data:/gm) ?? []).length >= 3)
    const ids = [...s.text().matchAll(/^id: (\d+)$/gm)].map((x) => Number(x[1]))
    expect(ids).toEqual([3, 4, 5])
  })

  it('resumes after ?lastEventId= too; an explicit cursor ahead of the feed is a 400', async () => {
    const name = quietTicker()
    const feed = srv.lab.feeds.get(name)
    for (const t of ['m1', 'm2', 'm3']) feed.publish(t)
    const s = await open(`/lab/feeds/${name}/sse?lastEventId=2`)
    await waitUntil(() => s.text().includes('data:'))
    expect([...s.text().matchAll(/^id: (\d+)$/gm)].map((x) => Number(x[1]))).toEqual([3])
    const bad = await fetch(`${srv.httpUrl}/lab/feeds/${name}/sse?lastEventId=50`)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(/ahead of feed/)
  })

  it('a Last-Event-ID header ahead of the feed (server restarted) starts from now, with a comment saying so', async () => {
    const name = quietTicker()
    const s = await open(`/lab/feeds/${name}/sse`, { 'Last-Event-ID': '57' })
    expect(s.res.statusCode).toBe(200)
    await waitUntil(() => s.text().includes('starting from now'))
    const m = srv.lab.feeds.get(name).publish('fresh')
    await waitUntil(() => s.text().includes('data:'))
    expect([...s.text().matchAll(/^id: (\d+)$/gm)].map((x) => Number(x[1]))).toEqual([m.id])
  })

  it('says in a comment where it resumes from', async () => {
    const name = quietTicker()
    srv.lab.feeds.get(name).publish('m1')
    const s = await open(`/lab/feeds/${name}/sse`, { 'Last-Event-ID': '1' })
    await waitUntil(() => s.text().includes('resuming'))
    expect(s.text()).toBe('retry: 2000\n\n: resuming after id 1 (from the Last-Event-ID header)\n\n')
  })

  it('?drop=N ends the response after N events with a comment, however they came (history or live)', async () => {
    const name = quietTicker()
    const feed = srv.lab.feeds.get(name)
    feed.publish('m1')
    feed.publish('m2')
    const s = await open(`/lab/feeds/${name}/sse?drop=3`, { 'Last-Event-ID': '0' })
    await waitUntil(() => (s.text().match(/^data:/gm) ?? []).length >= 2)
    const m3 = feed.publish('m3')
    await waitUntil(() => s.res.complete)
    expect([...s.text().matchAll(/^id: (\d+)$/gm)].map((x) => Number(x[1]))).toEqual([1, 2, 3])
    expect(s.text().endsWith(`: cut after 3 events (drop=3); EventSource reconnects in 2000 ms and sends Last-Event-ID: ${m3.id}\n\n`)).toBe(true)
    // the feed no longer counts the ended stream as a listener
    expect(feed.listenerCount).toBe(0)
    // history longer than drop: cut inside the replay, never subscribed
    const again = await open(`/lab/feeds/${name}/sse?drop=1&lastEventId=0`)
    await waitUntil(() => again.res.complete)
    expect([...again.text().matchAll(/^id: (\d+)$/gm)].map((x) => Number(x[1]))).toEqual([1])
    expect(feed.listenerCount).toBe(0)
  })

  it('the Last-Event-ID header wins over ?lastEventId= (a reconnect of a stream that started from the URL)', async () => {
    const name = quietTicker()
    const feed = srv.lab.feeds.get(name)
    for (const t of ['m1', 'm2', 'm3']) feed.publish(t)
    const s = await open(`/lab/feeds/${name}/sse?lastEventId=1`, { 'Last-Event-ID': '2' })
    await waitUntil(() => s.text().includes('data:'))
    expect(s.text()).toContain(': resuming after id 2 (from the Last-Event-ID header)')
    expect([...s.text().matchAll(/^id: (\d+)$/gm)].map((x) => Number(x[1]))).toEqual([3])
  })

  it('a bad ?drop= is a 400 that says what is accepted', async () => {
    for (const bad of ['0', '-1', 'x', '1001']) {
      const res = await fetch(`${srv.httpUrl}/lab/feeds/lobby/sse?drop=${bad}`)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: string }).error).toMatch(/from 1 to 1000/)
    }
  })

  it('sends a comment heartbeat on the configured period', async () => {
    const s = await open(`/lab/feeds/${quietTicker()}/sse`)
    await waitUntil(() => (s.text().match(/^: heartbeat$/gm) ?? []).length >= 2)
  })

  it('counts one request, delivered per event and a latency sample per delivery', async () => {
    const name = quietTicker()
    const cid = freshCid()
    const s = await open(`/lab/feeds/${name}/sse?cid=${cid}`)
    const feed = srv.lab.feeds.get(name)
    feed.publish('x')
    feed.publish('y')
    await waitUntil(() => (s.text().match(/^data:/gm) ?? []).length >= 2)
    const c = await counterOf(srv.httpUrl, cid, 'sse')
    expect(c).toMatchObject({ requests: 1, delivered: 2 })
    expect(c.latencyMs.count).toBe(2)
  })
})
