import { describe, expect, it } from 'vitest'
import type { InspectEvent } from './events'
import { EMPTY_VIEW, clearEvents, newEventsSince, parseServerMessage, reduceServerMessage } from './reduce'

const beat = (t: number): InspectEvent => ({ type: 'stomp.heartbeat', t, conn: 'ws-1', dir: 'in', bytes: 1 })
const beats = (from: number, n: number) => Array.from({ length: n }, (_, i) => beat(from + i))

describe('inspect view reducer', () => {
  it('keeps the newest events up to the bound and counts every one received', () => {
    let state = reduceServerMessage(EMPTY_VIEW, { type: 'events', events: beats(0, 3) }, 5)
    state = reduceServerMessage(state, { type: 'events', events: beats(3, 4) }, 5)
    expect(state.events.map((e) => e.t)).toEqual([2, 3, 4, 5, 6])
    expect(state.received).toBe(7)
  })

  it('sums the server’s dropped counts and keeps them apart from local trimming', () => {
    let state = reduceServerMessage(EMPTY_VIEW, { type: 'dropped', count: 120 })
    state = reduceServerMessage(state, { type: 'dropped', count: 3 })
    expect(state.dropped).toBe(123)
    expect(clearEvents(state).dropped).toBe(0)
  })

  it('records hello, snapshots (counted) and server errors', () => {
    let state = reduceServerMessage(EMPTY_VIEW, { type: 'hello', allowAll: false, now: 1, maxBuffered: 2000 })
    expect(state.allowAll).toBe(false)
    const broker = { sessions: [], subscriptions: [], destinations: [{ name: '/queue/a', kind: 'queue' as const, depth: 2, subscribers: 0 }] }
    state = reduceServerMessage(state, { type: 'snapshot', broker, now: 2 })
    state = reduceServerMessage(state, { type: 'snapshot', broker, now: 3 })
    expect(state.snapshot).toBe(broker)
    expect(state.snapshots).toBe(2)
    state = reduceServerMessage(state, { type: 'error', message: 'all is not allowed' })
    expect(state.error).toBe('all is not allowed')
  })

  it('newEventsSince gives exactly the events added after a consumer last looked', () => {
    let state = reduceServerMessage(EMPTY_VIEW, { type: 'events', events: beats(0, 3) }, 4)
    const seen = state.received
    state = reduceServerMessage(state, { type: 'events', events: beats(3, 2) }, 4)
    expect(newEventsSince(state, seen).map((e) => e.t)).toEqual([3, 4])
    expect(newEventsSince(state, state.received)).toEqual([])
    // fell behind by more than the bound: everything kept
    state = reduceServerMessage(state, { type: 'events', events: beats(5, 10) }, 4)
    expect(newEventsSince(state, seen).map((e) => e.t)).toEqual([11, 12, 13, 14])
  })

  it('parses server messages and rejects anything else', () => {
    expect(parseServerMessage('{"type":"dropped","count":4}')).toEqual({ type: 'dropped', count: 4 })
    expect(parseServerMessage('{"type":"events","events":[]}')).toEqual({ type: 'events', events: [] })
    expect(parseServerMessage('not json')).toBeNull()
    expect(parseServerMessage('{"type":"watch"}')).toBeNull()
    expect(parseServerMessage('{"type":"events"}')).toBeNull()
    expect(parseServerMessage('{"type":"replay","events":[],"omitted":2}')).toEqual({ type: 'replay', events: [], omitted: 2 })
    expect(parseServerMessage('{"type":"replay","events":[]}')).toBeNull()
    expect(parseServerMessage('{"type":"replay","omitted":0}')).toBeNull()
    expect(parseServerMessage('null')).toBeNull()
  })

  it('a replay goes in front of the live events; replayed again (a reconnect) it replaces what the view had from its first event on', () => {
    let state = reduceServerMessage(EMPTY_VIEW, { type: 'replay', events: beats(10, 3), omitted: 4 })
    state = reduceServerMessage(state, { type: 'events', events: beats(13, 2) })
    expect(state.events.map((e) => e.t)).toEqual([10, 11, 12, 13, 14])
    expect(state.replayOmitted).toBe(4)
    // the server's log now holds 12…16: 10 and 11 stay (older), 12…14 are not doubled
    state = reduceServerMessage(state, { type: 'replay', events: beats(12, 5), omitted: 6 })
    expect(state.events.map((e) => e.t)).toEqual([10, 11, 12, 13, 14, 15, 16])
    expect(state.replayOmitted).toBe(6)
    // an empty replay keeps everything
    expect(reduceServerMessage(state, { type: 'replay', events: [], omitted: 0 }).events).toHaveLength(7)
    expect(clearEvents(state).replayOmitted).toBe(0)
  })

  it('a replay keeps the bound', () => {
    const state = reduceServerMessage(EMPTY_VIEW, { type: 'replay', events: beats(0, 8), omitted: 0 }, 5)
    expect(state.events.map((e) => e.t)).toEqual([3, 4, 5, 6, 7])
  })
})
