import { describe, expect, it } from 'vitest'
import type { InspectEvent } from '../../lib/inspect/events'
import type { BrokerSnapshot } from '../../lib/inspect/protocol'
import { checkFilter, ConnOwners, EventMatcher, filterSnapshot } from './filter'

const frame = (conn: string, destination: string, client?: string): InspectEvent => ({
  type: 'stomp.frame', t: 1, conn, ...(client ? { client } : {}), dir: 'in', command: 'SEND',
  headers: [['destination', destination], ['destination', '/topic/ignored-second']], bodyLength: 0, bodyPreview: '', wireBytes: 10,
})
const route = (from: string, destination: string, to: string[]): InspectEvent => ({
  type: 'broker.route', t: 1, conn: from, destination, messageId: 'm-1', queued: false, redelivered: false,
  deliveredTo: to.map((conn) => ({ conn, subscription: 's', messageId: 'm-1' })),
})

describe('checkFilter', () => {
  it('accepts the protocol fields and nothing else', () => {
    expect(checkFilter({ clients: ['a'], conns: ['ws-1'], destinations: ['/topic/x'], types: ['ws.frame'] }, false)).toEqual({
      ok: true, filter: { clients: ['a'], conns: ['ws-1'], destinations: ['/topic/x'], types: ['ws.frame'] },
    })
    expect(checkFilter({ client: ['a'] }, true)).toEqual({ ok: false, message: 'unknown filter field "client"' })
    expect(checkFilter(null, true)).toMatchObject({ ok: false })
    expect(checkFilter({ clients: Array.from({ length: 101 }, (_, i) => `c${i}`) }, true)).toMatchObject({ ok: false, message: expect.stringContaining('at most 100') })
  })

  it('all: only when allowed', () => {
    expect(checkFilter({ all: true }, true)).toEqual({ ok: true, filter: { all: true } })
    expect(checkFilter({ all: true }, false)).toMatchObject({ ok: false, message: expect.stringContaining('INSPECT_ALLOW_ALL=off') })
    expect(checkFilter({ all: false, clients: ['a'] }, false)).toEqual({ ok: true, filter: { clients: ['a'] } })
  })
})

describe('EventMatcher', () => {
  const owners = new ConnOwners()
  owners.learn('ws-9', 'tab-R')

  it('matches by client, by connection, by destination (first destination header wins — checklist 18), OR-ed', () => {
    const m = new EventMatcher({ clients: ['tab-A'], conns: ['ws-2'], destinations: ['/topic/a'] }, owners)
    expect(m.matches(frame('ws-1', '/topic/z', 'tab-A'))).toBe(true)
    expect(m.matches(frame('ws-2', '/topic/z'))).toBe(true)
    expect(m.matches(frame('ws-3', '/topic/a'))).toBe(true)
    expect(m.matches(frame('ws-3', '/topic/ignored-second'))).toBe(false)
    expect(m.matches(frame('ws-3', '/topic/z', 'tab-B'))).toBe(false)
  })

  it('a route delivered to a watched tab matches, though another tab published it', () => {
    expect(new EventMatcher({ clients: ['tab-R'] }, owners).matches(route('ws-1', '/topic/z', ['ws-9']))).toBe(true)
    expect(new EventMatcher({ conns: ['ws-9'] }, owners).matches(route('ws-1', '/topic/z', ['ws-9']))).toBe(true)
    expect(new EventMatcher({ clients: ['tab-R'] }, owners).matches(route('ws-1', '/topic/z', ['ws-8']))).toBe(false)
  })

  it('types restrict every criterion, all included', () => {
    const m = new EventMatcher({ all: true, types: ['broker.route'] }, owners)
    expect(m.matches(route('ws-1', '/x', []))).toBe(true)
    expect(m.matches(frame('ws-1', '/x'))).toBe(false)
  })

  it('an empty filter matches nothing', () => {
    expect(new EventMatcher({}, owners).matches(frame('ws-1', '/topic/a', 'tab-A'))).toBe(false)
  })
})

describe('ConnOwners', () => {
  it('forgets the oldest beyond its bound', () => {
    const owners = new ConnOwners(2)
    owners.learn('c1', 'a')
    owners.learn('c2', 'b')
    owners.learn('c3', 'c')
    expect([owners.clientOf('c1'), owners.clientOf('c2'), owners.clientOf('c3')]).toEqual([undefined, 'b', 'c'])
  })
})

describe('filterSnapshot', () => {
  const snapshot: BrokerSnapshot = {
    sessions: [
      { id: 'ws-1', transport: 'ws', remote: 'r', client: 'tab-A', state: 'connected', user: 'ws-1', version: '1.2', heartBeat: [0, 0] },
      { id: 'ws-2', transport: 'ws', remote: 'r', client: 'tab-B', state: 'connected', user: 'ws-2', version: '1.2', heartBeat: [0, 0] },
    ],
    subscriptions: [
      { session: 'ws-1', id: 's', destination: '/topic/a', ack: 'auto', unacked: 0 },
      { session: 'ws-2', id: 's', destination: '/topic/b', ack: 'auto', unacked: 0 },
    ],
    destinations: [
      { name: '/topic/a', kind: 'topic', depth: 0, subscribers: 1 },
      { name: '/topic/b', kind: 'topic', depth: 0, subscribers: 1 },
    ],
  }
  it('all: everything; a tab: its sessions, their subscriptions and destinations; a destination: its subscriptions', () => {
    expect(filterSnapshot(snapshot, { all: true })).toBe(snapshot)
    expect(filterSnapshot(snapshot, { clients: ['tab-A'] })).toEqual({
      sessions: [snapshot.sessions[0]], subscriptions: [snapshot.subscriptions[0]], destinations: [snapshot.destinations[0]],
    })
    expect(filterSnapshot(snapshot, { destinations: ['/topic/b'] })).toEqual({
      sessions: [], subscriptions: [snapshot.subscriptions[1]], destinations: [snapshot.destinations[1]],
    })
    expect(filterSnapshot(snapshot, {})).toEqual({ sessions: [], subscriptions: [], destinations: [] })
  })
})
