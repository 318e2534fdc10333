import { afterEach, describe, expect, it, vi } from 'vitest'
import { feedNameProblem, FeedHub } from './feed'

afterEach(() => {
  vi.useRealTimers()
})

describe('feed names', () => {
  it('lobby, ticker-<name> and room-<name> are feeds; anything else is explained', () => {
    expect(feedNameProblem('lobby')).toBeNull()
    expect(feedNameProblem('ticker-Ab_9-x')).toBeNull()
    expect(feedNameProblem('room-Xk3_p9QaZ1')).toBeNull()
    for (const bad of ['Lobby', 'ticker-', 'ticker-a b', `ticker-${'x'.repeat(41)}`, 'room-', `room-${'x'.repeat(41)}`, 'news', '../etc']) {
      expect(feedNameProblem(bad)).toMatch(/"lobby".*"ticker-<name>".*"room-<name>"/)
    }
  })
})

describe('FeedHub', () => {
  it('publishes with ids counting from 1 and the server time; since(cursor) gives what came after', () => {
    const hub = new FeedHub()
    const lobby = hub.get('lobby')
    const before = Date.now()
    const a = lobby.publish('a', 'me')
    lobby.publish('b')
    lobby.publish('c')
    expect(a).toMatchObject({ id: 1, text: 'a', from: 'me' })
    expect(a.at).toBeGreaterThanOrEqual(before)
    expect(lobby.since(1).map((m) => m.text)).toEqual(['b', 'c'])
    expect(lobby.since(3)).toEqual([])
    expect(lobby.since(0)).toHaveLength(3)
    hub.close()
  })

  it('keeps only the newest historySize messages', () => {
    const hub = new FeedHub({ historySize: 3 })
    const lobby = hub.get('lobby')
    for (let i = 1; i <= 5; i++) lobby.publish(`m${i}`)
    expect(lobby.oldestId).toBe(3)
    expect(lobby.since(0).map((m) => m.id)).toEqual([3, 4, 5])
    hub.close()
  })

  it('a ticker publishes "tick N" every rate ms; the last rate given wins', () => {
    vi.useFakeTimers()
    const hub = new FeedHub()
    const t = hub.get('ticker-x', 200)
    vi.advanceTimersByTime(1000)
    expect(t.since(0).map((m) => m.text)).toEqual(['tick 1', 'tick 2', 'tick 3', 'tick 4', 'tick 5'])
    expect(t.since(0)[0].from).toBe('ticker')
    hub.get('ticker-x', 500)
    vi.advanceTimersByTime(1000)
    expect(t.latestId).toBe(7)
    expect(hub.get('ticker-x').rate).toBe(500)
    hub.close()
  })

  it('a ticker nobody uses for 60 s is stopped and forgotten; one with a listener is kept', () => {
    vi.useFakeTimers()
    let now = 0
    const hub = new FeedHub({ now: () => now, sweepMs: 1000 })
    const idle = hub.get('ticker-idle', 10_000)
    const held = hub.get('ticker-held', 10_000)
    const stop = held.subscribe(() => {})
    now = 59_000
    vi.advanceTimersByTime(1000)
    expect(hub.has('ticker-idle')).toBe(true)
    now = 61_000
    vi.advanceTimersByTime(1000)
    expect(hub.has('ticker-idle')).toBe(false)
    expect(hub.has('ticker-held')).toBe(true)
    const ticks = idle.latestId
    vi.advanceTimersByTime(30_000)
    expect(idle.latestId).toBe(ticks)
    stop()
    now = 200_000
    vi.advanceTimersByTime(1000)
    expect(hub.has('ticker-held')).toBe(false)
    expect(hub.has('lobby')).toBe(true)
    hub.close()
  })

  it('a room is quiet (only what is posted) and forgotten when idle like a ticker', () => {
    vi.useFakeTimers()
    let now = 0
    const hub = new FeedHub({ now: () => now, sweepMs: 1000 })
    const room = hub.get('room-mine', 100)
    vi.advanceTimersByTime(5000)
    expect(room.latestId).toBe(0)
    expect(room.isTicker).toBe(false)
    room.publish('posted')
    expect(room.since(0).map((m) => m.text)).toEqual(['posted'])
    now = 61_000
    vi.advanceTimersByTime(1000)
    expect(hub.has('room-mine')).toBe(false)
    hub.close()
  })

  it('close() stops every ticker', () => {
    vi.useFakeTimers()
    const hub = new FeedHub()
    const t = hub.get('ticker-y', 100)
    hub.close()
    vi.advanceTimersByTime(1000)
    expect(t.latestId).toBe(0)
  })
})
