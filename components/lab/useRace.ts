'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { counterDelta, ZERO_COUNTERS, type Arrival, type CounterSample } from '@/lib/inspect/race'
import { withClientId } from './useClientId'
import { startLongPoll, startShortPoll, startSockjs, startSse, startWebSocket, type FeedMessage, type LaneCallbacks, type LaneHandle, type SockjsTransport } from './race/feed-clients'
import { LANE_IDS, laneCounters, type LaneId, type ServerCounters } from './race/lanes'

/**
 * The transport race's engine: one private ticker feed per run (`ticker-<random>`) read by every
 * lane at once, the server's counters for this run polled every second, and the browser's own
 * timings. A run has its own client id, so the server's counters hold exactly this run's traffic.
 */
export interface LaneStats {
  state: string
  messages: number
  /** Browser receipt − server `at` for ticker messages. */
  arrivals: Arrival[]
  /** Your own posts: POST sent → message received on this lane, ms. */
  posted: number[]
  seen: Set<number>
}

export interface RaceSettings {
  readonly rate: number
  readonly interval: number
  readonly sockjsTransport: SockjsTransport
}

export interface ClockCheck {
  /** Server `at` minus the midpoint of the POST round trip, ms. */
  readonly offset: number
  readonly roundTrip: number
}

const SAMPLE_MS = 1000
const RENDER_MS = 250
const MAX_SAMPLES = 121

function randomId(n: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  return Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => alphabet[b & 63]).join('')
}

function freshLanes(): Record<LaneId, LaneStats> {
  const lane = (): LaneStats => ({ state: 'idle', messages: 0, arrivals: [], posted: [], seen: new Set<number>() })
  return { 'short-poll': lane(), 'long-poll': lane(), sse: lane(), ws: lane(), sockjs: lane() }
}

export function useRace(settings: RaceSettings) {
  const settingsRef = useRef(settings)
  settingsRef.current = settings
  const [running, setRunning] = useState(false)
  const [, setFrame] = useState(0)
  const run = useRef<{ cid: string; feed: string; startedAt: number; stoppedAt: number | null } | null>(null)
  const lanes = useRef<Record<LaneId, LaneStats>>(freshLanes())
  const samples = useRef<Record<LaneId, CounterSample[]>>({ 'short-poll': [], 'long-poll': [], sse: [], ws: [], sockjs: [] })
  const serverLatency = useRef<Partial<Record<LaneId, ServerCounters['latencyMs']>>>({})
  const baseline = useRef<Partial<Record<LaneId, ServerCounters>> | null>(null)
  const handles = useRef<LaneHandle[]>([])
  const pending = useRef(new Map<string, number>())
  const [clock, setClock] = useState<ClockCheck | null>(null)
  const [countersError, setCountersError] = useState<string | null>(null)

  const readCounters = useCallback(async () => {
    const r = run.current
    if (!r) return
    try {
      const res = await fetch(withClientId('/lab/counters', r.cid), { cache: 'no-store' })
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`)
      const now = laneCounters(await res.json())
      const base = baseline.current ?? {}
      const t = performance.now() - r.startedAt
      for (const id of LANE_IDS) {
        const values = counterDelta(now[id] ?? ZERO_COUNTERS, base[id] ?? ZERO_COUNTERS)
        const list = samples.current[id]
        list.push({ t, values })
        if (list.length > MAX_SAMPLES) list.splice(0, list.length - MAX_SAMPLES)
        serverLatency.current[id] = now[id]?.latencyMs
      }
      setCountersError(null)
    } catch (e) {
      setCountersError(e instanceof Error ? e.message : String(e))
    }
  }, [])

  const callbacks = useCallback((id: LaneId): LaneCallbacks => {
    return {
      onState: (state) => {
        lanes.current[id].state = state
      },
      onMessages: (messages: readonly FeedMessage[], receivedAt: number) => {
        const lane = lanes.current[id]
        const r = run.current
        if (!r || r.stoppedAt !== null) return
        for (const m of messages) {
          if (lane.seen.has(m.id)) continue
          lane.seen.add(m.id)
          lane.messages++
          const sentAt = pending.current.get(m.text)
          if (sentAt !== undefined) lane.posted.push(receivedAt - sentAt)
          else lane.arrivals.push({ t: receivedAt - r.startedAt, latency: performance.timeOrigin + receivedAt - m.at })
        }
      },
    }
  }, [])

  const stopLanes = () => {
    for (const h of handles.current) h.stop()
    handles.current = []
  }

  const start = useCallback(async () => {
    stopLanes()
    const cid = randomId(10)
    const feed = `ticker-${randomId(8).replace(/[-_]/g, 'x')}`
    lanes.current = freshLanes()
    for (const id of LANE_IDS) samples.current[id] = []
    serverLatency.current = {}
    pending.current.clear()
    setClock(null)
    baseline.current = null
    run.current = { cid, feed, startedAt: performance.now(), stoppedAt: null }
    try {
      const res = await fetch(withClientId('/lab/counters', cid), { cache: 'no-store' })
      baseline.current = res.ok ? laneCounters(await res.json()) : {}
    } catch {
      baseline.current = {}
    }
    const target = { feed, cid, rate: () => settingsRef.current.rate }
    run.current.startedAt = performance.now()
    handles.current = [
      startShortPoll(target, () => settingsRef.current.interval, callbacks('short-poll')),
      startLongPoll(target, callbacks('long-poll')),
      startSse(target, callbacks('sse')),
      startWebSocket(target, callbacks('ws')),
      startSockjs(target, settingsRef.current.sockjsTransport, callbacks('sockjs')),
    ]
    setRunning(true)
  }, [callbacks])

  const stop = useCallback(() => {
    stopLanes()
    if (run.current && run.current.stoppedAt === null) run.current.stoppedAt = performance.now()
    for (const id of LANE_IDS) lanes.current[id].state = 'stopped'
    setRunning(false)
    // The last bytes (close frames, aborted requests) reach the counters a moment later.
    setTimeout(() => void readCounters().then(() => setFrame((f) => f + 1)), 400)
  }, [readCounters])

  /** Publish to the feed; each lane reports when it sees the message. */
  const post = useCallback(async (text: string) => {
    const r = run.current
    if (!r || r.stoppedAt !== null) return
    const tagged = `${text} #${pending.current.size + 1}`
    const before = Date.now()
    pending.current.set(tagged, performance.now())
    const res = await fetch(withClientId(`/lab/feeds/${encodeURIComponent(r.feed)}/messages`, r.cid), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: tagged }),
    })
    const after = Date.now()
    if (res.ok) {
      const m = (await res.json()) as Partial<FeedMessage>
      if (typeof m.at === 'number') setClock({ offset: m.at - (before + after) / 2, roundTrip: after - before })
    }
  }, [])

  useEffect(() => {
    if (!running) return
    const sampler = setInterval(() => void readCounters(), SAMPLE_MS)
    const render = setInterval(() => setFrame((f) => f + 1), RENDER_MS)
    return () => {
      clearInterval(sampler)
      clearInterval(render)
    }
  }, [running, readCounters])

  useEffect(() => () => stopLanes(), [])

  const r = run.current
  const elapsed = r ? (r.stoppedAt ?? performance.now()) - r.startedAt : 0
  return {
    running,
    elapsed,
    run: r,
    lanes: lanes.current,
    samples: samples.current,
    serverLatency: serverLatency.current,
    clock,
    countersError,
    start,
    stop,
    post,
  }
}
