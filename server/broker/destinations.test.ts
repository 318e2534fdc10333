import { describe, expect, it } from 'vitest'
import { TestClient, testBroker } from './testing/test-client'
import type { Broker } from './broker'

async function connected(broker: Broker, login?: string): Promise<TestClient> {
  const c = TestClient.open(broker)
  await c.connect(login === undefined ? {} : { login, passcode: 'x' })
  return c
}

async function subscribed(broker: Broker, destination: string, login?: string, id = 's'): Promise<TestClient> {
  const c = await connected(broker, login)
  c.frame('SUBSCRIBE', { id, destination, receipt: 'sub' })
  await c.expect('RECEIPT')
  return c
}

describe('destinations', () => {
  it('checklist 36: /queue: each message to one subscriber, round robin', async () => {
    const { broker } = testBroker()
    const a = await subscribed(broker, '/queue/rr')
    const b = await subscribed(broker, '/queue/rr')
    const p = await connected(broker)
    for (let i = 1; i <= 4; i++) p.frame('SEND', { destination: '/queue/rr' }, String(i))
    p.frame('SEND', { destination: '/queue/rr', receipt: 'done' }, '5')
    await p.expect('RECEIPT')
    expect((await a.quiet(20)).map((f) => f.text)).toEqual(['1', '3', '5'])
    expect((await b.quiet(0)).map((f) => f.text)).toEqual(['2', '4'])
  })

  it('checklist 36: /queue: messages are held while nobody listens, then delivered in order', async () => {
    const { broker } = testBroker()
    const p = await connected(broker)
    for (const t of ['a', 'b', 'c']) p.frame('SEND', { destination: '/queue/held' }, t)
    p.frame('DISCONNECT', { receipt: 'r' })
    await p.closed
    expect(broker.snapshot().destinations).toEqual([{ name: '/queue/held', kind: 'queue', depth: 3, subscribers: 0 }])
    const s = await connected(broker)
    s.frame('SUBSCRIBE', { id: 's', destination: '/queue/held', receipt: 'sub' })
    // held messages are delivered while the SUBSCRIBE is processed, so before its RECEIPT
    expect((await s.quiet(30)).map((f) => f.text ?? '')).toEqual(['a', 'b', 'c', ''])
    expect(s.frames.at(-1)?.command).toBe('RECEIPT')
  })

  it('checklist 36: /queue: a SEND over queueMaxMessages gets ERROR STOMP_ERR_QUEUE_FULL; held messages are kept', async () => {
    const { broker, events } = testBroker({ queueMaxMessages: 2 })
    const p = await connected(broker)
    p.frame('SEND', { destination: '/queue/full' }, '1')
    p.frame('SEND', { destination: '/queue/full' }, '2')
    p.frame('SEND', { destination: '/queue/full', receipt: 'third' }, '3')
    const err = await p.expectErrorThenClose()
    // 1.2 escapes the colon of the message header as \c (checklist 14)
    expect(err.header('message')).toBe('Queue full\\c "/queue/full"')
    expect(err.header('receipt-id')).toBe('third')
    expect(err.text).toContain('refused, not dropped')
    expect(broker.snapshot().destinations).toEqual([{ name: '/queue/full', kind: 'queue', depth: 2, subscribers: 0 }])
    expect(events.some((e) => e.type === 'broker.route' && e.refused !== undefined)).toBe(true)
  })

  it('checklist 36: /topic: every subscriber gets a copy; no subscriber → not stored', async () => {
    const { broker } = testBroker()
    const a = await subscribed(broker, '/topic/news')
    const b = await subscribed(broker, '/topic/news')
    const p = await connected(broker)
    p.frame('SEND', { destination: '/topic/news', receipt: 'r' }, 'hello')
    await p.expect('RECEIPT')
    expect((await a.expect('MESSAGE')).text).toBe('hello')
    expect((await b.expect('MESSAGE')).text).toBe('hello')
    p.frame('SEND', { destination: '/topic/empty', receipt: 'r2' }, 'lost')
    await p.expect('RECEIPT')
    expect(broker.snapshot().destinations.find((d) => d.name === '/topic/empty')).toBeUndefined()
  })

  it('checklist 36: /app/echo → the sender\'s /user/queue/echo, body and headers unchanged', async () => {
    const { broker } = testBroker()
    const c = await subscribed(broker, '/user/queue/echo', 'ada')
    const other = await subscribed(broker, '/user/queue/echo', 'bob')
    c.frame('SEND', { destination: '/app/echo', 'content-type': 'text/plain', 'x-k': 'v' }, 'ping')
    const m = await c.expect('MESSAGE')
    expect(m.text).toBe('ping')
    expect(m.header('destination')).toBe('/user/queue/echo')
    expect(m.header('x-k')).toBe('v')
    expect(m.header('content-type')).toBe('text/plain')
    expect(await other.quiet(30)).toEqual([])
  })

  it('checklist 36: /app/echo works without a login (the user is the connection)', async () => {
    const { broker } = testBroker()
    const a = await subscribed(broker, '/user/queue/echo')
    const b = await subscribed(broker, '/user/queue/echo')
    a.frame('SEND', { destination: '/app/echo' }, 'mine')
    expect((await a.expect('MESSAGE')).text).toBe('mine')
    expect(await b.quiet(30)).toEqual([])
  })

  it('checklist 36: /app/chat.send → /topic/chat.<room> stamped with sender and server time (JSON)', async () => {
    const { broker } = testBroker()
    const room = await subscribed(broker, '/topic/chat.*')
    const ada = await connected(broker, 'ada')
    const before = Date.now()
    ada.frame('SEND', { destination: '/app/chat.send', room: 'general', 'content-type': 'application/json' }, '{"text":"hi","sender":"mallory"}')
    const m = await room.expect('MESSAGE')
    expect(m.header('destination')).toBe('/topic/chat.general')
    expect(m.header('sender')).toBe('ada')
    expect(m.header('room')).toBe('general')
    expect(m.header('content-type')).toBe('application/json;charset=utf-8')
    const body = JSON.parse(m.text) as Record<string, string>
    expect(body).toMatchObject({ text: 'hi', sender: 'ada', room: 'general' })
    expect(Date.parse(body.time)).toBeGreaterThanOrEqual(before - 1000)
    // the ISO time's colons travel escaped in a 1.2 session (checklist 14)
    expect(m.header('server-time')).toBe(body.time.replace(/:/g, '\\c'))
  })

  it('checklist 36: /app/chat.send: a text body becomes {"text": …}; the room defaults to lobby', async () => {
    const { broker } = testBroker()
    const lobby = await subscribed(broker, '/topic/chat.lobby')
    const c = await connected(broker, 'ada')
    c.frame('SEND', { destination: '/app/chat.send' }, 'plain words')
    const m = await lobby.expect('MESSAGE')
    expect(JSON.parse(m.text)).toMatchObject({ text: 'plain words', sender: 'ada', room: 'lobby' })
  })

  it('checklist 36: /app/chat.send with a bad room, and an unknown /app route → ERROR then close', async () => {
    const { broker } = testBroker()
    const a = await connected(broker)
    a.frame('SEND', { destination: '/app/chat.send', room: 'a.b' }, 'x')
    expect((await a.expectErrorThenClose()).header('message')).toContain('room')
    const b = await connected(broker)
    b.frame('SEND', { destination: '/app/nope' }, 'x')
    const err = await b.expectErrorThenClose()
    expect(err.text).toContain('/app/echo')
  })

  it('checklist 36: /user/<login>/queue/<name> reaches every connection of that user, and only that user', async () => {
    const { broker } = testBroker()
    const bob1 = await subscribed(broker, '/user/queue/inbox', 'bob')
    const bob2 = await subscribed(broker, '/user/queue/inbox', 'bob')
    const eve = await subscribed(broker, '/user/queue/inbox', 'eve')
    const ada = await connected(broker, 'ada')
    ada.frame('SEND', { destination: '/user/bob/queue/inbox', receipt: 'r' }, 'for bob')
    await ada.expect('RECEIPT')
    for (const c of [bob1, bob2]) {
      const m = await c.expect('MESSAGE')
      expect(m.text).toBe('for bob')
      expect(m.header('destination')).toBe('/user/queue/inbox')
    }
    expect(await eve.quiet(30)).toEqual([])
    expect(broker.snapshot().destinations).toContainEqual({ name: '/user/bob/queue/inbox', kind: 'user', depth: 0, subscribers: 2 })
  })

  it('checklist 36, 25: authorize hook: a refused SEND or SUBSCRIBE → ERROR STOMP_ERR_ACCESS_REFUSED with the hook\'s sentence', async () => {
    const { broker } = testBroker({
      authorize: (user, action, destination) =>
        destination.startsWith('/topic/admin') && user !== 'root' ? `Only root may ${action} on ${destination}.` : true,
    })
    const a = await connected(broker, 'ada')
    a.frame('SUBSCRIBE', { id: 's', destination: '/topic/admin.log' })
    const err = await a.expectErrorThenClose()
    expect(err.header('message')).toMatch(/refused/i)
    expect(err.text).toContain('Only root may subscribe on /topic/admin.log.')
    const b = await connected(broker, 'ada')
    b.frame('SEND', { destination: '/topic/admin.cmd' }, 'x')
    expect((await b.expectErrorThenClose()).text).toContain('Only root may send')
    const root = await subscribed(broker, '/topic/admin.log', 'root')
    root.frame('SEND', { destination: '/topic/admin.log' }, 'ok')
    expect((await root.expect('MESSAGE')).text).toBe('ok')
  })
})
