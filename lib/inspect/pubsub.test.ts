import { describe, expect, it } from 'vitest'
import type { InspectEvent } from './events'
import { SELF, busySnapshot, route } from './fixtures'
import { EMPTY_PUBSUB, applySnapshot, pubSubView, reducePubSub } from './pubsub'

const session = (t: number, conn: string, client: string, user?: string): InspectEvent => ({
  type: 'broker.session', t, conn, client, state: 'connected', transport: 'ws', version: '1.2', ...(user ? { user } : {}),
})
const subscribe = (t: number, conn: string, id: string, destination: string, action: 'add' | 'remove' = 'add'): InspectEvent => ({
  type: 'broker.subscription', t, conn, action, id, destination, ack: 'auto',
})
const closed = (t: number, conn: string): InspectEvent => ({ type: 'broker.session', t, conn, state: 'closed', transport: 'ws' })

/** Two tabs on /topic/chat, one of them also publishing; a third publishes without subscribing. */
const CHAT: InspectEvent[] = [
  session(1, 'ws-1', SELF, 'ada'),
  session(2, 'ws-2', 'tabB'),
  session(3, 'ws-3', 'tabC'),
  subscribe(4, 'ws-1', 'sub-0', '/topic/chat'),
  subscribe(5, 'ws-2', 'sub-0', '/topic/chat'),
  route(6, 'ws-1', '/topic/chat', 'm-1', [['ws-1', 'sub-0'], ['ws-2', 'sub-0']]),
  route(7, 'ws-3', '/topic/chat', 'm-2', [['ws-1', 'sub-0'], ['ws-2', 'sub-0']]),
  route(8, 'ws-3', '/topic/chat', 'm-3', [['ws-1', 'sub-0'], ['ws-2', 'sub-0']]),
]

describe('pub-sub model', () => {
  it('counts messages per destination, per publisher and deliveries per subscription', () => {
    const view = pubSubView(reducePubSub(EMPTY_PUBSUB, CHAT), { self: SELF })
    expect(view.rows).toHaveLength(1)
    const [chat] = view.rows
    expect(chat).toMatchObject({ name: '/topic/chat', kind: 'topic', published: 3, delivered: 6, subscriberCount: 2 })
    expect(chat.publishers.map((p) => [p.label, p.count, p.self])).toEqual([['ada (you)', 1, true], ['ws-3', 2, false]])
    expect(chat.subscribers.map((s) => [s.label, s.detail, s.delivered])).toEqual([['ada (you)', 'ws-1 · sub-0', 3], ['ws-2', 'sub-0', 3]])
  })

  it('folding in several batches gives the same result as one', () => {
    const once = pubSubView(reducePubSub(EMPTY_PUBSUB, CHAT), { self: SELF })
    let state = EMPTY_PUBSUB
    for (const e of CHAT) state = reducePubSub(state, [e])
    expect(pubSubView(state, { self: SELF })).toEqual(once)
  })

  it('never changes the state it was given', () => {
    const before = reducePubSub(EMPTY_PUBSUB, CHAT.slice(0, 6))
    const copy = JSON.stringify(pubSubView(before))
    reducePubSub(before, CHAT.slice(6))
    expect(JSON.stringify(pubSubView(before))).toBe(copy)
  })

  it('queue depth: held messages add, handing one out later subtracts and is not a second publish', () => {
    let state = reducePubSub(EMPTY_PUBSUB, [
      session(1, 'ws-1', SELF),
      route(2, 'ws-1', '/queue/jobs', 'm-1', [], { queued: true }),
      route(3, 'ws-1', '/queue/jobs', 'm-2', [], { queued: true }),
    ])
    let [jobs] = pubSubView(state).rows
    expect(jobs).toMatchObject({ kind: 'queue', depth: 2, published: 2, delivered: 0 })
    state = reducePubSub(state, [subscribe(4, 'ws-2', 'sub-1', '/queue/jobs'), route(5, 'ws-1', '/queue/jobs', 'm-1', [['ws-2', 'sub-1']])])
    ;[jobs] = pubSubView(state).rows
    expect(jobs).toMatchObject({ depth: 1, published: 2, delivered: 1 })
    // NACK → redelivered: a delivery, not a publish
    state = reducePubSub(state, [route(6, 'ws-1', '/queue/jobs', 'm-1', [['ws-2', 'sub-1']], { redelivered: true })])
    expect(pubSubView(state).rows[0]).toMatchObject({ depth: 1, published: 2, delivered: 2 })
  })

  it('a refused SEND is counted as refused, not published', () => {
    const state = reducePubSub(EMPTY_PUBSUB, [route(1, 'ws-1', '/queue/full', '', [], { refused: 'queue /queue/full is full' })])
    expect(pubSubView(state).rows[0]).toMatchObject({ name: '/queue/full', published: 0, refused: 1 })
  })

  it('unsubscribe and a closed session remove subscribers and publishers', () => {
    let state = reducePubSub(EMPTY_PUBSUB, CHAT)
    state = reducePubSub(state, [subscribe(9, 'ws-2', 'sub-0', '/topic/chat', 'remove'), closed(10, 'ws-3')])
    const [chat] = pubSubView(state, { self: SELF }).rows
    expect(chat.subscribers.map((s) => s.detail)).toEqual(['ws-1 · sub-0'])
    expect(chat.publishers.map((p) => p.key)).toEqual(['ws-1'])
    expect(chat.published).toBe(3) // the destination's history stays
  })

  it('a wildcard subscription shows under the destination it received from, with its pattern', () => {
    const state = reducePubSub(EMPTY_PUBSUB, [
      subscribe(1, 'ws-2', 'sub-0', '/topic/chat.*'),
      route(2, 'ws-1', '/topic/chat.lobby', 'm-1', [['ws-2', 'sub-0']]),
    ])
    const rows = pubSubView(state).rows
    expect(rows.map((r) => r.name)).toEqual(['/topic/chat.*', '/topic/chat.lobby'])
    expect(rows[1].subscribers).toMatchObject([{ detail: 'sub-0', pattern: '/topic/chat.*', delivered: 1 }])
  })

  it('a snapshot sets sessions, subscriptions and depths, and keeps the counts of what still exists', () => {
    let state = reducePubSub(EMPTY_PUBSUB, CHAT)
    state = applySnapshot(state, {
      sessions: [{ id: 'ws-1', transport: 'ws', remote: '127.0.0.1', client: SELF, state: 'connected', user: 'ada', version: '1.2', heartBeat: [0, 0] }],
      subscriptions: [
        { session: 'ws-1', id: 'sub-0', destination: '/topic/chat', ack: 'auto', unacked: 0 },
        { session: 'ws-1', id: 'sub-1', destination: '/queue/jobs', ack: 'client', unacked: 2 },
      ],
      destinations: [{ name: '/topic/chat', kind: 'topic', depth: 0, subscribers: 1 }, { name: '/queue/jobs', kind: 'queue', depth: 7, subscribers: 1 }],
    })
    const view = pubSubView(state, { self: SELF })
    expect(view.rows.map((r) => [r.name, r.kind, r.depth, r.published, r.subscriberCount])).toEqual([
      ['/queue/jobs', 'queue', 7, 0, 1],
      ['/topic/chat', 'topic', 0, 3, 1],
    ])
    expect(view.rows[0].subscribers[0]).toMatchObject({ label: 'ada (you)', unacked: 2 })
    expect(view.rows[1].subscribers[0].delivered).toBe(3)
    expect(view.rows[1].publishers.map((p) => p.key)).toEqual(['ws-1']) // ws-3 is gone
  })

  it('50 clients on one topic: this tab first, at most 6 subscribers drawn, the rest summed', () => {
    let state = applySnapshot(EMPTY_PUBSUB, busySnapshot(50))
    state = reducePubSub(state, [route(1, 'ws-51', '/topic/chat', 'm-1', Array.from({ length: 50 }, (_, i): [string, string] => [`ws-${i + 1}`, 'sub-0']))])
    const chat = pubSubView(state, { self: SELF }).rows.find((r) => r.name === '/topic/chat')!
    expect(chat.subscriberCount).toBe(50)
    expect(chat.subscribers).toHaveLength(6)
    expect(chat.subscribers[0]).toMatchObject({ self: true, delivered: 1 })
    expect(chat.moreSubscribers).toEqual({ count: 44, delivered: 44 })
    expect(chat.publishers).toMatchObject([{ key: 'ws-51', count: 1 }])
  })

  it('many destinations: at most maxDestinations rows, this tab’s kept, the rest counted', () => {
    const events: InspectEvent[] = [session(0, 'ws-1', SELF), subscribe(0, 'ws-1', 'sub-0', '/topic/zzz-mine')]
    for (let i = 0; i < 20; i++) events.push(route(i + 1, 'ws-9', `/topic/t${String(i).padStart(2, '0')}`, `m-${i}`, []))
    const view = pubSubView(reducePubSub(EMPTY_PUBSUB, events), { self: SELF, maxDestinations: 5 })
    expect(view.rows).toHaveLength(5)
    expect(view.rows.some((r) => r.name === '/topic/zzz-mine')).toBe(true)
    expect(view.moreDestinations).toBe(16)
    expect(view.rows.map((r) => r.name)).toEqual([...view.rows.map((r) => r.name)].sort())
  })
})
