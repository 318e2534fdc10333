import { describe, expect, it } from 'vitest'
import { longPoll, poll, post } from '../exercises/feed-testing'
import { parsePollerSettings, pollPath, pollRows, pollSummary, withoutCid } from './poll-log'

describe('pollPath', () => {
  it('asks with the cursor, without since, or since=0; long polls carry their timeout', () => {
    expect(pollPath('room-a', 'short', 'cursor', null, 5000)).toBe('/lab/feeds/room-a/poll')
    expect(pollPath('room-a', 'short', 'cursor', 4, 5000)).toBe('/lab/feeds/room-a/poll?since=4')
    expect(pollPath('room-a', 'short', 'none', 4, 5000)).toBe('/lab/feeds/room-a/poll')
    expect(pollPath('room-a', 'short', 'zero', 4, 5000)).toBe('/lab/feeds/room-a/poll?since=0')
    expect(pollPath('lobby', 'long', 'cursor', 7, 5000)).toBe('/lab/feeds/lobby/long-poll?since=7&timeout=5000')
  })
})

describe('parsePollerSettings', () => {
  it('reads the solution values, ignoring the rest', () => {
    expect(parsePollerSettings('since=cursor&interval=1000')).toEqual({ since: 'cursor', interval: 1000 })
    expect(parsePollerSettings('since=zero timeout=5000 feed=x')).toEqual({ since: 'zero', timeout: 5000 })
    expect(parsePollerSettings('since=nope&interval=-1')).toEqual({})
  })
})

describe('pollRows / pollSummary', () => {
  it('lists one feed\'s polls and posts, marks empty answers and repeats, and measures a post\'s delay', () => {
    const events = [poll('room-a', null, 0), poll('lobby', 0, 9, [9]), poll('room-a', 0, 0), post('room-a', 1), poll('room-a', 0, 1, [1]), poll('room-a', 0, 1, [1]), longPoll('room-a', 1, 5000, 1, [], 5000)]
    const rows = pollRows(events, 'room-a', 'short')
    expect(rows.map((r) => [r.kind, r.target, r.ids, r.repeated, r.empty])).toEqual([
      ['poll', '/lab/feeds/room-a/poll', [], [], true],
      ['poll', '/lab/feeds/room-a/poll?since=0', [], [], true],
      ['post', '/lab/feeds/room-a/messages', [1], [], false],
      ['poll', '/lab/feeds/room-a/poll?since=0', [1], [], false],
      ['poll', '/lab/feeds/room-a/poll?since=0', [1], [1], false],
    ])
    const summary = pollSummary(rows)
    expect(summary).toMatchObject({ requests: 4, empty: 2, delivered: 1, repeats: 1, up: 1200, down: 1600, wasted: 1400 })
    expect(summary.posts).toEqual([{ id: 1, latencyMs: expect.any(Number) }])
    expect(pollRows(events, 'room-a', 'long')).toHaveLength(2)
  })

  it('withoutCid drops the tab id wherever it sits', () => {
    expect(withoutCid('/x?cid=a&since=3')).toBe('/x?since=3')
    expect(withoutCid('/x?since=3&cid=a')).toBe('/x?since=3')
    expect(withoutCid('/x?cid=a')).toBe('/x')
  })
})
