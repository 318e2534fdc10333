import { afterEach, describe, expect, it, vi } from 'vitest'
import type { InspectEvent } from '../../lib/inspect/events'
import { route, stompFrame } from '../../lib/inspect/fixtures'
import { ConnOwners } from './filter'
import { ReplayLog, type ReplayOptions } from './replay'

const OPTIONS: ReplayOptions = { perClient: 5, maxClients: 3, graceMs: 1000, maxAgeMs: 60_000 }
const all = () => true

/** A log on a clock the test moves; `expired` counts the calls. */
function setup(options: Partial<ReplayOptions> = {}) {
  let now = 1000
  const expired = vi.fn()
  const log = new ReplayLog({ ...OPTIONS, ...options }, expired, () => now)
  const owners = new ConnOwners()
  return {
    log,
    owners,
    expired,
    advance(ms: number) {
      now += ms
      vi.advanceTimersByTime(ms)
    },
    now: () => now,
    send: (t: number, client: string, command = 'SEND', conn = `ws-${client}`) => {
      const event = stompFrame(t, conn, 'in', command, [['destination', '/topic/x']], '', client)
      owners.learnEvent(event)
      log.record(event, owners)
      return event
    },
  }
}

const commands = (events: readonly InspectEvent[]) => events.map((e) => (e.type === 'stomp.frame' ? `${e.client}:${e.command}@${e.t}` : e.type))

afterEach(() => {
  vi.useRealTimers()
})

describe('ReplayLog', () => {
  it('records only the tabs viewers watch: an unwatched tab has no log and nothing of it is kept', () => {
    vi.useFakeTimers()
    const r = setup()
    r.send(1, 'a')
    r.log.setWatched(new Set(['a']))
    r.send(2, 'a')
    r.send(3, 'b')
    expect(r.log.retained()).toEqual(['a'])
    expect(commands(r.log.replay(['a', 'b'], all, 100).events)).toEqual(['a:SEND@2'])
  })

  it('keeps the newest perClient events of a tab and counts the older ones as omitted', () => {
    vi.useFakeTimers()
    const r = setup()
    r.log.setWatched(new Set(['a']))
    for (let t = 1; t <= 8; t++) r.send(t, 'a')
    const replay = r.log.replay(['a'], all, 100)
    expect(replay.events.map((e) => e.t)).toEqual([4, 5, 6, 7, 8])
    expect(replay.omitted).toBe(3)
  })

  it('merges several tabs by time, each event once (a route delivered to two watched tabs), filtered and capped to the newest `max`', () => {
    vi.useFakeTimers()
    const r = setup()
    r.log.setWatched(new Set(['a', 'b']))
    r.send(1, 'a', 'CONNECT')
    r.send(2, 'b', 'CONNECT')
    r.send(3, 'a', 'SUBSCRIBE')
    const shared = route(4, 'ws-c', '/topic/x', 'm-1', [['ws-a', 's1'], ['ws-b', 's1'], ['ws-a', 's2']])
    r.log.record(shared, r.owners)
    r.send(5, 'b', 'SEND')
    const merged = r.log.replay(['a', 'b'], all, 100)
    expect(commands(merged.events)).toEqual(['a:CONNECT@1', 'b:CONNECT@2', 'a:SUBSCRIBE@3', 'broker.route', 'b:SEND@5'])
    expect(merged.events.filter((e) => e === shared)).toHaveLength(1)
    expect(r.log.stats().find((s) => s.client === 'a')?.kept).toBe(3) // the route once, though it reached two of a's subscriptions

    const sends = r.log.replay(['a', 'b'], (e) => e.type === 'stomp.frame' && e.command !== 'SEND', 100)
    expect(commands(sends.events)).toEqual(['a:CONNECT@1', 'b:CONNECT@2', 'a:SUBSCRIBE@3'])
    const capped = r.log.replay(['a', 'b'], all, 2)
    expect(commands(capped.events)).toEqual(['broker.route', 'b:SEND@5'])
    expect(capped.omitted).toBe(3)
  })

  it('replays nothing older than maxAgeMs (counted as omitted)', () => {
    vi.useFakeTimers()
    const r = setup({ maxAgeMs: 500 })
    r.log.setWatched(new Set(['a']))
    r.send(r.now() - 900, 'a', 'CONNECT')
    r.send(r.now() - 100, 'a', 'SEND')
    const replay = r.log.replay(['a'], all, 100)
    expect(commands(replay.events)).toEqual([`a:SEND@${r.now() - 100}`])
    expect(replay.omitted).toBe(1)
  })

  it('keeps a log graceMs after its last viewer left, recording meanwhile; then drops it and says so', () => {
    vi.useFakeTimers()
    const r = setup()
    r.log.setWatched(new Set(['a']))
    r.send(1, 'a')
    r.log.setWatched(new Set())
    expect(r.log.retained()).toEqual(['a']) // the endpoint keeps the bus interested in a
    r.advance(600)
    r.send(2, 'a') // during the grace: still recorded, so a viewer coming back finds no gap
    expect(r.expired).not.toHaveBeenCalled()
    r.advance(400)
    expect(r.expired).toHaveBeenCalledTimes(1)
    expect(r.log.retained()).toEqual([])
    expect(r.log.replay(['a'], all, 100).events).toEqual([])
  })

  it('a viewer back within the grace keeps the log, and its history', () => {
    vi.useFakeTimers()
    const r = setup()
    r.log.setWatched(new Set(['a']))
    r.send(1, 'a')
    r.log.setWatched(new Set())
    r.advance(900)
    r.log.setWatched(new Set(['a']))
    r.advance(5000)
    expect(r.expired).not.toHaveBeenCalled()
    expect(commands(r.log.replay(['a'], all, 100).events)).toEqual(['a:SEND@1'])
  })

  it('holds at most maxClients logs: a new tab evicts one nobody watches first, else the least recently active', () => {
    vi.useFakeTimers()
    const r = setup()
    r.log.setWatched(new Set(['a', 'b', 'c']))
    r.advance(10)
    r.send(1, 'b')
    r.advance(10)
    r.send(2, 'a')
    r.advance(10)
    r.send(3, 'c')
    r.log.setWatched(new Set(['a', 'b', 'c', 'd'])) // b is the least recently active
    expect(r.log.retained().sort()).toEqual(['a', 'c', 'd'])
    r.log.setWatched(new Set(['c', 'd'])) // a in its grace
    r.log.setWatched(new Set(['c', 'd', 'e'])) // a goes first, though it was active after c
    expect(r.log.retained().sort()).toEqual(['c', 'd', 'e'])
  })

  it('perClient 0 turns it off: no log, no interest', () => {
    vi.useFakeTimers()
    const r = setup({ perClient: 0 })
    r.log.setWatched(new Set(['a']))
    r.send(1, 'a')
    expect(r.log.enabled).toBe(false)
    expect(r.log.retained()).toEqual([])
    expect(r.log.replay(['a'], all, 100).events).toEqual([])
  })
})
