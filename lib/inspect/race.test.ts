import { describe, expect, it } from 'vitest'
import {
  bucketMedians,
  bytesPerMessage,
  counterDelta,
  formatBytes,
  formatDuration,
  formatMs,
  niceMax,
  percentile,
  ratesPerSecond,
  sparkline,
  summarize,
  ZERO_COUNTERS,
} from './race'

describe('percentile (nearest rank)', () => {
  it('is null for no samples', () => {
    expect(percentile([], 50)).toBeNull()
  })
  it('picks the smallest value with at least p % of samples at or below it', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1) // 1..100
    expect(percentile(xs, 50)).toBe(50)
    expect(percentile(xs, 99)).toBe(99)
    expect(percentile(xs, 100)).toBe(100)
    expect(percentile([7], 99)).toBe(7)
    expect(percentile([1, 2, 3, 4], 50)).toBe(2)
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3)
  })
  it('p99 of a few samples is their max: one slow message shows up, it is not averaged away', () => {
    expect(percentile([3, 4, 5, 900], 99)).toBe(900)
  })
  it('refuses a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError)
    expect(() => percentile([1], 101)).toThrow(RangeError)
  })
})

describe('summarize', () => {
  it('sorts unsorted samples and reports p50, p99, max and count', () => {
    expect(summarize([30, 10, 20])).toEqual({ p50: 20, p99: 30, max: 30, count: 3 })
  })
  it('leaves the input untouched', () => {
    const xs = [3, 1, 2]
    summarize(xs)
    expect(xs).toEqual([3, 1, 2])
  })
  it('has no numbers before the first sample', () => {
    expect(summarize([])).toEqual({ p50: null, p99: null, max: null, count: 0 })
  })
})

describe('counters', () => {
  it('counterDelta subtracts the baseline read when the race started', () => {
    const base = { requests: 3, bytesUp: 900, bytesDown: 1200, delivered: 2 }
    const now = { requests: 8, bytesUp: 2400, bytesDown: 3000, delivered: 7 }
    expect(counterDelta(now, base)).toEqual({ requests: 5, bytesUp: 1500, bytesDown: 1800, delivered: 5 })
  })
  it('a server restart (counters back to 0) reads as 0, never negative', () => {
    expect(counterDelta(ZERO_COUNTERS, { requests: 3, bytesUp: 1, bytesDown: 1, delivered: 1 })).toEqual(ZERO_COUNTERS)
  })
  it('ratesPerSecond turns cumulative samples into per-second rates per interval', () => {
    const s = (t: number, requests: number) => ({ t, values: { ...ZERO_COUNTERS, requests } })
    expect(ratesPerSecond([s(0, 0), s(1000, 2), s(1500, 4), s(2500, 4)], 'requests')).toEqual([2, 4, 0])
    expect(ratesPerSecond([s(0, 0), s(0, 5)], 'requests')).toEqual([0])
    expect(ratesPerSecond([s(0, 0)], 'requests')).toEqual([])
  })
  it('bytesPerMessage shows the framing overhead per message', () => {
    expect(bytesPerMessage(4500, 10)).toBe(450)
    expect(bytesPerMessage(4500, 0)).toBeNull()
  })
})

describe('bucketMedians', () => {
  it('puts each arrival in its time bucket and gives each bucket its median; empty buckets are null', () => {
    const arrivals = [
      { t: 100, latency: 5 },
      { t: 900, latency: 7 },
      { t: 950, latency: 100 },
      { t: 2100, latency: 3 },
      { t: -5, latency: 999 }, // before start: ignored
      { t: 3000, latency: 999 }, // after the last bucket: ignored
    ]
    expect(bucketMedians(arrivals, 0, 1000, 3)).toEqual([7, null, 3])
  })
})

describe('sparkline', () => {
  it('maps 0..max onto the height (inverted y, 1-unit inset) and spreads x over the width', () => {
    expect(sparkline([0, 5, 10], 100, 22, 10)).toEqual({ path: 'M0 21 L50 11 L100 1', last: { x: 100, y: 1 } })
  })
  it('breaks the line at null values instead of drawing a fake zero', () => {
    expect(sparkline([1, null, 1], 20, 12, 1).path).toBe('M0 1 M20 1')
  })
  it('a short series stays left-aligned when slots are reserved for the whole window', () => {
    const { path } = sparkline([2, 2], 90, 12, 2, 10)
    expect(path).toBe('M0 1 L10 1')
  })
  it('clamps values above max to the top and draws nothing for no values', () => {
    expect(sparkline([50], 10, 12, 10).path).toBe('M0 1')
    expect(sparkline([], 10, 12, 10)).toEqual({ path: '', last: null })
  })
})

describe('formatting', () => {
  it('niceMax rounds a scale up to 1, 2, 2.5 or 5 × 10^k', () => {
    expect(niceMax(0)).toBe(1)
    expect(niceMax(3)).toBe(5)
    expect(niceMax(21)).toBe(25)
    expect(niceMax(1000)).toBe(1000)
    expect(niceMax(1001)).toBe(2000)
  })
  it('formatBytes uses decimal units', () => {
    expect(formatBytes(999)).toBe('999 B')
    expect(formatBytes(1234)).toBe('1.23 kB')
    expect(formatBytes(123_456)).toBe('123.5 kB')
    expect(formatBytes(2_500_000)).toBe('2.50 MB')
  })
  it('formatDuration shows minutes and seconds', () => {
    expect(formatDuration(65_300)).toBe('1:05')
    expect(formatDuration(-1)).toBe('0:00')
  })
  it('formatMs shows a dash when unknown', () => {
    expect(formatMs(null)).toBe('—')
    expect(formatMs(3.14)).toBe('3.1 ms')
    expect(formatMs(250.4)).toBe('250 ms')
  })
})
