import { describe, expect, it } from 'vitest'
import type { InspectEvent } from '../../lib/inspect/events'
import { ViewerQueue } from './viewer-queue'

const ev = (t: number): InspectEvent => ({ type: 'stomp.heartbeat', t, conn: 'c', dir: 'in', bytes: 1 })

describe('ViewerQueue', () => {
  it('keeps order and hands out batches', () => {
    const q = new ViewerQueue(5)
    for (let t = 1; t <= 4; t++) q.push(ev(t))
    expect(q.take(3).map((e) => e.t)).toEqual([1, 2, 3])
    expect(q.take(3).map((e) => e.t)).toEqual([4])
    expect(q.length).toBe(0)
  })

  it('when full, drops the oldest and counts it until read', () => {
    const q = new ViewerQueue(3)
    for (let t = 1; t <= 7; t++) q.push(ev(t))
    expect(q.length).toBe(3)
    expect(q.dropped).toBe(4)
    expect(q.takeDropped()).toBe(4)
    expect(q.takeDropped()).toBe(0)
    expect(q.take(10).map((e) => e.t)).toEqual([5, 6, 7])
  })

  it('wraps around its ring correctly', () => {
    const q = new ViewerQueue(3)
    const out: number[] = []
    for (let t = 1; t <= 20; t++) {
      q.push(ev(t))
      if (t % 2 === 0) out.push(...q.take(1).map((e) => e.t))
    }
    out.push(...q.take(10).map((e) => e.t))
    expect(out).toEqual([...out].sort((a, b) => a - b))
    expect(out.at(-1)).toBe(20)
    expect(q.dropped + out.length).toBe(20)
  })

  it('clear forgets events and the drop count', () => {
    const q = new ViewerQueue(2)
    for (let t = 1; t <= 5; t++) q.push(ev(t))
    q.clear()
    expect([q.length, q.dropped]).toEqual([0, 0])
  })
})
