// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { LANES, laneCounters } from './lanes'
import { RaceLane, type LaneView } from './RaceLane'

afterEach(cleanup)

const counters = { requests: 12, bytesUp: 4321, bytesDown: 9876, delivered: 10 }

describe('laneCounters', () => {
  it('reads each lane from the top level or under `transports`, and leaves out what the server does not report', () => {
    expect(laneCounters({ 'short-poll': counters, ws: counters })).toEqual({ 'short-poll': counters, ws: counters })
    expect(laneCounters({ transports: { sse: counters, 'long-poll': counters } })).toEqual({ sse: counters, 'long-poll': counters })
    expect(laneCounters({ ws: { requests: 1 } })).toEqual({})
    expect(laneCounters(null)).toEqual({})
  })
})

function view(over: Partial<LaneView> = {}): LaneView {
  return {
    info: LANES[0],
    how: 'a GET every 500 ms',
    stats: { state: 'polling', messages: 4, arrivals: [10, 20, 30, 400].map((latency, t) => ({ t, latency })), posted: [250], seen: new Set() },
    counters,
    serverLatency: undefined,
    series: [1, 2, null, 2],
    seriesLabel: 'Requests/s',
    max: 2,
    slots: 10,
    ...over,
  }
}

const metric = (c: HTMLElement, id: string) => c.querySelector(`[data-metric="${id}"]`)?.textContent

describe('RaceLane', () => {
  it('shows the server counters, this page’s message count, latency percentiles and bytes per message', () => {
    const { container } = render(<RaceLane view={view()} />)
    expect(metric(container, 'requests')).toBe('12')
    expect(metric(container, 'bytes-up')).toBe('4.32 kB')
    expect(metric(container, 'bytes-down')).toBe('9.88 kB')
    expect(metric(container, 'messages')).toBe('4')
    expect(metric(container, 'per-message')).toBe('2.47 kB')
    expect(metric(container, 'p50')).toBe('20 ms')
    expect(metric(container, 'p99')).toBe('400 ms')
    expect(metric(container, 'posted')).toBe('250 ms')
    expect(container.querySelector('svg path')?.getAttribute('d')).toMatch(/^M0 /)
  })

  it('shows dashes, not zeros, before the first counter reading and the first message', () => {
    const { container } = render(<RaceLane view={view({ counters: null, stats: { state: 'idle', messages: 0, arrivals: [], posted: [], seen: new Set() }, series: [] })} />)
    expect(['requests', 'bytes-up', 'bytes-down', 'per-message', 'p50', 'p99', 'posted'].map((id) => metric(container, id))).toEqual(Array(7).fill('—'))
    expect(container.querySelector('svg path')).toBeNull()
  })
})

describe('RaceLane layout', () => {
  it('puts the state on a line of its own, whole text as its title, so a state change never rewraps the title', () => {
    const long = 'waiting for the next poll'
    const { container } = render(<RaceLane view={view({ stats: { state: long, messages: 0, arrivals: [], posted: [], seen: new Set() } })} />)
    const state = container.querySelector('[data-testid="lane-state-short-poll"]')
    expect(state?.textContent).toBe(long)
    expect(state?.getAttribute('title')).toBe(long)
    expect(state?.closest('[class*="laneTitle"]')).toBeNull()
  })

  it('keeps the server latency line before the first measurement (a dash), so it does not appear later', () => {
    const { container } = render(<RaceLane view={view({ serverLatency: undefined })} />)
    expect(container.querySelector('[data-testid="server-p50-short-poll"]')?.textContent).toBe('server p50 —')
    const measured = render(<RaceLane view={view({ serverLatency: { p50: 12, p99: 30, max: 40, count: 5 } })} />)
    expect(measured.container.querySelector('[data-testid="server-p50-short-poll"]')?.textContent).toBe('server p50 12 ms')
  })
})
