/**
 * Checklist F (items 35-40): SEND, over TCP and WebSocket. Also Wirelab's destination semantics
 * (item 36): /topic fan-out with wildcards, /queue round robin and holding, the queue bound,
 * /app/echo, /app/chat.send and /user queues.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../testing/harness'
import { clientPool, TRANSPORTS, uniq } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
beforeAll(async () => { srv = await startTestServer({ queueMaxMessages: 3 }) })
afterAll(async () => { await srv?.close() })
afterEach(() => pool.closeAll())

describe.each(TRANSPORTS)('%s', (kind) => {
  it(`checklist 35: SEND without destination → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('SEND', { 'content-type': 'text/plain' }, 'nowhere')
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toBeTruthy()
    expect(err.text).toContain('destination')
  })

  it(`checklist 36: /topic/… is publish-subscribe: every subscriber gets every message (${kind})`, async () => {
    const t = uniq('/topic/f36')
    const s1 = await pool.open(kind)
    const s2 = await pool.open(kind)
    await s1.connect()
    await s2.connect()
    await s1.subscribe(t, 'a')
    await s2.subscribe(t, 'b')
    s1.send('SEND', { destination: t }, 'fan-out')
    expect((await s1.expect('MESSAGE')).text).toBe('fan-out')
    expect((await s2.expect('MESSAGE')).text).toBe('fan-out')
  })

  it(`checklist 36: a topic message with no subscriber is not kept (${kind})`, async () => {
    const t = uniq('/topic/f36gone')
    const c = await pool.open(kind)
    await c.connect()
    await c.sendAndReceipt('SEND', { destination: t }, 'lost')
    await c.subscribe(t, 's1')
    c.send('SEND', { destination: t }, 'kept')
    expect((await c.expect('MESSAGE')).text).toBe('kept')
  })

  it(`checklist 36: /topic wildcards: "*" matches exactly one word, "#" zero or more (${kind})`, async () => {
    const base = uniq('f36wild').replace(/-/g, '_')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(`/topic/${base}.*`, 'star')
    await c.subscribe(`/topic/${base}.#`, 'hash')
    const send = (suffix: string): void => c.send('SEND', { destination: `/topic/${base}${suffix}` }, suffix || '(root)')
    send('')
    send('.one')
    send('.one.two')
    await c.sendAndReceipt('BEGIN', { transaction: 'sync' })
    const got = c.unread.filter((f) => f.command === 'MESSAGE').map((f) => `${f.header('subscription')}:${f.text}`)
    expect(got.sort()).toEqual(['hash:(root)', 'hash:.one', 'hash:.one.two', 'star:.one'].sort())
    const one = c.frames.find((f) => f.text === '.one')
    expect(one?.header('destination')).toBe(`/topic/${base}.one`) // the SEND's destination, not the pattern
  })

  it(`checklist 36: /queue/… delivers each message to one subscriber, round robin (${kind})`, async () => {
    const q = uniq('/queue/f36rr')
    const s1 = await pool.open(kind)
    const s2 = await pool.open(kind)
    await s1.connect()
    await s2.connect()
    await s1.subscribe(q, 'a')
    await s2.subscribe(q, 'b')
    const p = await pool.open(kind)
    await p.connect()
    for (let i = 0; i < 4; i++) p.send('SEND', { destination: q }, `m${i}`)
    const a = [await s1.expect('MESSAGE'), await s1.expect('MESSAGE')].map((f) => f.text)
    const b = [await s2.expect('MESSAGE'), await s2.expect('MESSAGE')].map((f) => f.text)
    expect([...a, ...b].sort()).toEqual(['m0', 'm1', 'm2', 'm3'])
    expect(a.length).toBe(2)
    await s1.sendAndReceipt('BEGIN', { transaction: 'sync' })
    expect(s1.unread.filter((f) => f.command === 'MESSAGE')).toEqual([])
  })

  it(`checklist 36: /queue/… holds messages while no one listens, then delivers them in order (${kind})`, async () => {
    const q = uniq('/queue/f36hold')
    const p = await pool.open(kind)
    await p.connect()
    p.send('SEND', { destination: q }, 'early-1')
    await p.sendAndReceipt('SEND', { destination: q }, 'early-2')
    const s = await pool.open(kind)
    await s.connect()
    s.send('SUBSCRIBE', { destination: q, id: 's1' })
    expect((await s.expect('MESSAGE')).text).toBe('early-1')
    expect((await s.expect('MESSAGE')).text).toBe('early-2')
  })

  it(`checklist 36: a SEND over the queue bound → ERROR STOMP_ERR_QUEUE_FULL then close; nothing dropped silently (${kind})`, async () => {
    const q = uniq('/queue/f36full')
    const p = await pool.open(kind)
    await p.connect()
    for (let i = 0; i < 3; i++) await p.sendAndReceipt('SEND', { destination: q }, `kept-${i}`)
    p.send('SEND', { destination: q, receipt: 'over' }, 'one too many')
    const err = await p.expectErrorThenClose()
    expect(err.header('message')).toMatch(/queue full/i)
    expect(err.text).toContain(q) // names the queue
    expect(err.header('receipt-id')).toBe('over')
    if (kind === 'ws') expect(err.reason).toBe('STOMP_ERR_QUEUE_FULL') // the stable code, as the close reason
    const s = await pool.open(kind)
    await s.connect()
    s.send('SUBSCRIBE', { destination: q, id: 's1' })
    const got = [await s.expect('MESSAGE'), await s.expect('MESSAGE'), await s.expect('MESSAGE')].map((f) => f.text)
    expect(got).toEqual(['kept-0', 'kept-1', 'kept-2'])
  })

  it(`checklist 36: a destination outside /topic, /queue, /app, /user → ERROR then close (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('SEND', { destination: '/nowhere/at-all' }, 'x')
    await c.expectErrorThenClose()
  })

  it(`checklist 36: /app/echo answers on the sender's /user/queue/echo (${kind})`, async () => {
    const login = uniq('echoer')
    const c = await pool.open(kind)
    await c.connect({ login })
    await c.subscribe('/user/queue/echo', 'e')
    c.send('SEND', { destination: '/app/echo', 'content-type': 'text/plain' }, 'hello echo')
    const m = await c.expect('MESSAGE')
    expect(m.text).toBe('hello echo')
    expect(m.header('subscription')).toBe('e')
    const other = await pool.open(kind)
    await other.connect({ login: uniq('someone-else') })
    await other.subscribe('/user/queue/echo', 'e2')
    await c.sendAndReceipt('SEND', { destination: '/app/echo' }, 'only mine')
    expect((await c.expect('MESSAGE')).text).toBe('only mine')
    await other.sendAndReceipt('BEGIN', { transaction: 'sync' })
    expect(other.unread.filter((f) => f.command === 'MESSAGE')).toEqual([])
  })

  it(`checklist 36: /app/chat.send goes to /topic/chat.<room>, stamped with sender and time (${kind})`, async () => {
    const room = uniq('room').replace(/-/g, '_')
    const c = await pool.open(kind)
    await c.connect({ login: 'chatter' })
    await c.subscribe(`/topic/chat.${room}`, 'chat')
    c.send('SEND', { destination: '/app/chat.send', room, 'content-type': 'text/plain' }, 'hi all')
    const m = await c.expect('MESSAGE')
    expect(m.header('destination')).toBe(`/topic/chat.${room}`)
    expect(m.header('sender')).toBe('chatter')
    const stamp = m.header('server-time') ?? ''
    const when = /^\d+$/.test(stamp) ? Number(stamp) : Date.parse(stamp) // epoch ms or ISO 8601
    expect(Math.abs(when - Date.now())).toBeLessThan(60_000)
    const json = JSON.parse(m.text) as { text?: string; sender?: string; room?: string }
    expect([json.text, json.sender, json.room]).toEqual(['hi all', 'chatter', room])
  })

  it(`checklist 36: /user/<login>/queue/x reaches every connection of that user, and no one else (${kind})`, async () => {
    const login = uniq('multi')
    const x = uniq('x')
    const c1 = await pool.open(kind)
    const c2 = await pool.open(kind === 'tcp' ? 'ws' : 'tcp')
    const stranger = await pool.open(kind)
    await c1.connect({ login })
    await c2.connect({ login })
    await stranger.connect({ login: uniq('stranger') })
    await c1.subscribe(`/user/queue/${x}`, 'u1')
    await c2.subscribe(`/user/queue/${x}`, 'u2')
    await stranger.subscribe(`/user/queue/${x}`, 'u3')
    const p = await pool.open(kind)
    await p.connect()
    p.send('SEND', { destination: `/user/${login}/queue/${x}` }, 'for you')
    expect((await c1.expect('MESSAGE')).text).toBe('for you')
    expect((await c2.expect('MESSAGE')).text).toBe('for you')
    await stranger.sendAndReceipt('BEGIN', { transaction: 'sync' })
    expect(stranger.unread.filter((f) => f.command === 'MESSAGE')).toEqual([])
  })

  it(`checklist 37: user headers pass through to MESSAGE, escaped ones too; server headers are not overridden (${kind})`, async () => {
    const q = uniq('/queue/f37')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 'real-sub')
    c.send('SEND', { destination: q, 'x-a': '1', 'x-b': 'with\\ccolon', 'message-id': 'fake', subscription: 'fake-sub', priority: '9' }, 'b')
    const m = await c.expect('MESSAGE')
    expect(m.header('x-a')).toBe('1')
    expect(m.header('x-b')).toBe('with:colon')
    expect(m.header('priority')).toBe('9')
    expect(m.header('message-id')).not.toBe('fake')
    expect(m.header('subscription')).toBe('real-sub')
  })

  it(`checklist 38: SEND with an unknown transaction → ERROR then close, not delivered (${kind})`, async () => {
    const q = uniq('/queue/f38')
    const c = await pool.open(kind)
    await c.connect()
    c.send('SEND', { destination: q, transaction: 'nope' }, 'x')
    await c.expectErrorThenClose()
    const s = await pool.open(kind)
    await s.connect()
    await s.subscribe(q, 's1')
    s.send('SEND', { destination: q }, 'sentinel')
    expect((await s.expect('MESSAGE')).text).toBe('sentinel')
  })

  it(`checklist 39: no content-type on SEND → none invented on MESSAGE; a given one is kept (${kind})`, async () => {
    const q = uniq('/queue/f39')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's1')
    c.send('SEND', { destination: q }, 'blob')
    c.send('SEND', { destination: q, 'content-type': 'text/plain;charset=utf-8' }, 'text')
    const blob = await c.expect('MESSAGE')
    expect(blob.header('content-type')).toBeUndefined()
    expect(blob.header('content-length')).toBe('4')
    const text = await c.expect('MESSAGE')
    expect(text.header('content-type')).toBe('text/plain;charset=utf-8')
  })

  it(`checklist 40: RECEIPT for SEND comes after the message was accepted (a later subscriber gets it) (${kind})`, async () => {
    const q = uniq('/queue/f40')
    const p = await pool.open(kind)
    await p.connect()
    await p.sendAndReceipt('SEND', { destination: q }, 'accepted')
    p.close()
    const s = await pool.open(kind)
    await s.connect()
    s.send('SUBSCRIBE', { destination: q, id: 's1' })
    expect((await s.expect('MESSAGE')).text).toBe('accepted')
  })

  it(`checklist 40: a SEND that is refused gets ERROR (with receipt-id), never a RECEIPT (${kind})`, async () => {
    const c = await pool.open(kind)
    await c.connect()
    c.send('SEND', { destination: '/nowhere', receipt: 'refused' }, 'x')
    const err = await c.expectErrorThenClose()
    expect(err.header('receipt-id')).toBe('refused')
    expect(c.frames.filter((f) => f.command === 'RECEIPT')).toEqual([])
  })
})
