import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/harness'
import type { FeedMessage } from './feed'
import type { Batch } from './polling'
import { counterOf, freshCid, getJson, RawClient } from './test-kit'

let srv: TestServer
beforeAll(async () => {
  srv = await startTestServer({ tcp: false })
})
afterAll(async () => {
  await srv.close()
})

let n = 0
/** A fresh ticker that ticks only every 10 s, so its own ticks stay out of the way. */
function tickerName(): string {
  const name = `ticker-poll${(n += 1)}`
  srv.lab.feeds.get(name, 10_000)
  return name
}

async function post(feed: string, text: string, cid?: string): Promise<FeedMessage> {
  const q = cid ? `?cid=${cid}` : ''
  const res = await fetch(`${srv.httpUrl}/lab/feeds/${feed}/messages${q}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({ text }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as FeedMessage
}

const poll = (path: string) => getJson<Batch & { error?: string }>(`${srv.httpUrl}${path}`)

describe('send and short polling', () => {
  it('POST publishes (JSON or plain text) → 201 + the message; a poll with a cursor gets only newer messages', async () => {
    const feed = tickerName()
    const start = await poll(`/lab/feeds/${feed}/poll?rate=10000`)
    expect(start.body).toEqual({ feed, messages: [], cursor: 0 })
    const a = await post(feed, 'first')
    expect(a).toMatchObject({ id: 1, text: 'first' })
    const plain = await fetch(`${srv.httpUrl}/lab/feeds/${feed}/messages`, { method: 'POST', body: 'second', headers: { 'content-type': 'text/plain' } })
    expect(plain.status).toBe(201)
    const all = await poll(`/lab/feeds/${feed}/poll?since=0`)
    expect(all.body.messages.map((m) => m.text)).toEqual(['first', 'second'])
    expect(all.body.cursor).toBe(2)
    const newer = await poll(`/lab/feeds/${feed}/poll?since=1`)
    expect(newer.body.messages.map((m) => m.text)).toEqual(['second'])
    const none = await poll(`/lab/feeds/${feed}/poll?since=2`)
    expect(none.body).toMatchObject({ messages: [], cursor: 2 })
  })

  it('bad input gets a 4xx JSON error that says what is accepted', async () => {
    const feed = tickerName()
    await post(feed, 'x')
    const cases: Array<[string, number, RegExp]> = [
      ['/lab/feeds/news/poll', 404, /"lobby".*"ticker-<name>"/],
      [`/lab/feeds/${feed}/poll?since=abc`, 400, /not a cursor/],
      [`/lab/feeds/${feed}/poll?since=99`, 400, /ahead of feed .*newest message is 1/],
      [`/lab/feeds/${feed}/poll?rate=5`, 400, /100 to 10000/],
      [`/lab/feeds/${feed}/long-poll?timeout=40000`, 400, /0 to 30000/],
      ['/lab/feeds/lobby/nothing', 404, /No lab endpoint/],
      ['/lab/feeds/lobby/poll/extra', 404, /No lab endpoint/],
    ]
    for (const [path, status, error] of cases) {
      const res = await poll(path)
      expect(res.status, path).toBe(status)
      expect(res.body.error, path).toMatch(error)
    }
    const empty = await fetch(`${srv.httpUrl}/lab/feeds/${feed}/messages`, { method: 'POST', body: '{"txt":1}', headers: { 'content-type': 'application/json' } })
    expect(empty.status).toBe(400)
    expect(((await empty.json()) as { error: string }).error).toMatch(/"text" string/)
    const big = await fetch(`${srv.httpUrl}/lab/feeds/${feed}/messages`, { method: 'POST', body: 'x'.repeat(17 * 1024) })
    expect(big.status).toBe(413)
    const get = await fetch(`${srv.httpUrl}/lab/feeds/${feed}/messages`)
    expect(get.status).toBe(405)
  })

  it('counters: one request per poll, delivered = messages returned, one latency sample per delivery, bytes = the raw socket bytes', async () => {
    const feed = tickerName()
    const cid = freshCid()
    for (const t of ['a', 'b', 'c']) await post(feed, t)
    const client = new RawClient(srv.httpPort)
    client.send(`GET /lab/feeds/${feed}/poll?since=0&cid=${cid} HTTP/1.1\r\nHost: x\r\n\r\n`)
    expect(JSON.parse((await client.response()).body).messages).toHaveLength(3)
    client.send(`GET /lab/feeds/${feed}/poll?since=2&cid=${cid} HTTP/1.1\r\nHost: x\r\n\r\n`)
    expect(JSON.parse((await client.response()).body).messages).toHaveLength(1)
    const c = await counterOf(srv.httpUrl, cid, 'short-poll')
    expect(c).toMatchObject({ requests: 2, delivered: 4, bytesUp: client.written, bytesDown: client.received })
    expect(c.latencyMs.count).toBe(c.delivered)
    expect(c.latencyMs.max).toBeGreaterThanOrEqual(0)
    client.close()
  })
})

describe('long polling', () => {
  it('is held until a message is published, then answers with it', async () => {
    const feed = tickerName()
    const cid = freshCid()
    await poll(`/lab/feeds/${feed}/poll`)
    let answered = false
    const held = poll(`/lab/feeds/${feed}/long-poll?since=0&timeout=10000&cid=${cid}`).then((r) => {
      answered = true
      return r
    })
    await new Promise((r) => setTimeout(r, 150))
    expect(answered).toBe(false)
    const m = await post(feed, 'news')
    const res = await held
    expect(res.status).toBe(200)
    expect(res.body.messages).toEqual([m])
    expect(res.body.cursor).toBe(m.id)
    const c = await counterOf(srv.httpUrl, cid, 'long-poll')
    expect(c).toMatchObject({ requests: 1, delivered: 1 })
    expect(c.latencyMs.count).toBe(1)
  })

  it('answers 200 with an empty list when the timeout passes', async () => {
    const feed = tickerName()
    const started = Date.now()
    const res = await poll(`/lab/feeds/${feed}/long-poll?timeout=200`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ feed, messages: [], cursor: 0 })
  })

  it('answers at once when messages after the cursor already exist', async () => {
    const feed = tickerName()
    await post(feed, 'old')
    const res = await poll(`/lab/feeds/${feed}/long-poll?since=0&timeout=30000`)
    expect(res.body.messages.map((m) => m.text)).toEqual(['old'])
  })
})
