import { describe, expect, it } from 'vitest'
import { poll, sse } from '../exercises/feed-testing'
import { markIds, parseDropSetting, ssePath, sseRows } from './sse-log'

describe('sse-log', () => {
  it('ssePath carries drop and lastEventId only when given', () => {
    expect(ssePath('ticker-a', null, null)).toBe('/lab/feeds/ticker-a/sse')
    expect(ssePath('ticker-a', 3, 7)).toBe('/lab/feeds/ticker-a/sse?drop=3&lastEventId=7')
  })

  it('parseDropSetting reads the solution value', () => {
    expect(parseDropSetting('drop=3')).toBe(3)
    expect(parseDropSetting('x=1&drop=none')).toBeNull()
    expect(parseDropSetting('nothing')).toBeUndefined()
  })

  it('sseRows lists one feed\'s streams with their Last-Event-ID header, ids and whether the server cut them', () => {
    const rows = sseRows([sse('ticker-a', { drop: 3 }, [1, 2, 3], { cut: true }), poll('ticker-a', 0, 0), sse('ticker-b', {}, [9]), sse('ticker-a', { drop: 3 }, [4], { lastEventId: '3' })], 'ticker-a')
    expect(rows.map((r) => [r.target, r.lastEventId, r.ids, r.cut])).toEqual([
      ['/lab/feeds/ticker-a/sse?drop=3', undefined, [1, 2, 3], true],
      ['/lab/feeds/ticker-a/sse?drop=3', '3', [4], false],
    ])
    expect(rows[0].stream?.retry).toBe(2000)
  })

  it('markIds finds gaps and repeats', () => {
    expect(markIds(['1', '2', '5', '5', '3', 'x', '6'])).toEqual([
      { missing: 0, again: false },
      { missing: 0, again: false },
      { missing: 2, again: false },
      { missing: 0, again: true },
      { missing: 0, again: false },
      { missing: 0, again: false },
      { missing: 0, again: false },
    ])
  })
})
