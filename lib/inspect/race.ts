/**
 * Pure statistics for the transport race (components/lab/TransportRace): latency percentiles,
 * per-second rates from the server's cumulative counters, and sparkline geometry. No clocks here:
 * callers pass the times they measured.
 */

export interface LatencySummary {
  /** null until there is at least one sample. */
  readonly p50: number | null
  readonly p99: number | null
  readonly max: number | null
  readonly count: number
}

/**
 * Nearest-rank percentile of an ascending list: the smallest value such that at least p % of
 * the samples are ≤ it. `p` in (0, 100]. Empty list → null.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

export function summarize(values: readonly number[]): LatencySummary {
  if (values.length === 0) return { p50: null, p99: null, max: null, count: 0 }
  const sorted = [...values].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1], count: sorted.length }
}

/** The server's cumulative counters for one transport (GET /lab/counters), at one moment. */
export interface CounterValues {
  readonly requests: number
  readonly bytesUp: number
  readonly bytesDown: number
  readonly delivered: number
}

export const ZERO_COUNTERS: CounterValues = { requests: 0, bytesUp: 0, bytesDown: 0, delivered: 0 }

/** `now − base`, field by field, never below 0 (a counter reset on the server reads as 0, not negative). */
export function counterDelta(now: CounterValues, base: CounterValues): CounterValues {
  return {
    requests: Math.max(0, now.requests - base.requests),
    bytesUp: Math.max(0, now.bytesUp - base.bytesUp),
    bytesDown: Math.max(0, now.bytesDown - base.bytesDown),
    delivered: Math.max(0, now.delivered - base.delivered),
  }
}

/** A counter reading taken at `t` ms (any clock, same for every sample). */
export interface CounterSample {
  readonly t: number
  readonly values: CounterValues
}

export type CounterField = keyof CounterValues

/**
 * Per-second rates between consecutive samples of a cumulative counter: one value per interval
 * (samples.length − 1 values). Intervals of zero length yield 0.
 */
export function ratesPerSecond(samples: readonly CounterSample[], field: CounterField): number[] {
  const out: number[] = []
  for (let i = 1; i < samples.length; i++) {
    const dt = samples[i].t - samples[i - 1].t
    const dv = Math.max(0, samples[i].values[field] - samples[i - 1].values[field])
    out.push(dt > 0 ? (dv * 1000) / dt : 0)
  }
  return out
}

/** One received message: when it arrived and how long it took (both ms). */
export interface Arrival {
  readonly t: number
  readonly latency: number
}

/**
 * Median latency per time bucket [start + i·size, start + (i+1)·size), `count` buckets.
 * A bucket with no arrival is null (the chart leaves a gap rather than drawing a fake zero).
 */
export function bucketMedians(arrivals: readonly Arrival[], start: number, size: number, count: number): (number | null)[] {
  const buckets: number[][] = Array.from({ length: count }, () => [])
  for (const a of arrivals) {
    const i = Math.floor((a.t - start) / size)
    if (i >= 0 && i < count) buckets[i].push(a.latency)
  }
  return buckets.map((b) => summarize(b).p50)
}

/** Bytes per delivered message (headers and framing included), null before the first message. */
export function bytesPerMessage(bytes: number, messages: number): number | null {
  return messages > 0 ? bytes / messages : null
}

export interface Sparkline {
  /** SVG path data (`M x y L x y …`, one `M` per run of non-null values). Empty when nothing to draw. */
  readonly path: string
  /** The last drawn point, for a dot at the end of the line. */
  readonly last: { readonly x: number; readonly y: number } | null
}

/**
 * Polyline geometry for values on a shared scale: x spreads the slots evenly over `width`
 * (`slots` ≥ values.length keeps a short series left-aligned, like a chart filling up), y maps
 * 0..max to height..0 with a 1-unit inset so the stroke is not clipped. null values break the line.
 */
export function sparkline(values: readonly (number | null)[], width: number, height: number, max: number, slots = values.length): Sparkline {
  const n = Math.max(slots, values.length)
  const step = n > 1 ? width / (n - 1) : 0
  const top = 1
  const bottom = height - 1
  const scale = max > 0 ? (bottom - top) / max : 0
  let path = ''
  let pen = false
  let last: { x: number; y: number } | null = null
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (v === null || !Number.isFinite(v)) {
      pen = false
      continue
    }
    const x = round(i * step)
    const y = round(bottom - Math.min(v, max) * scale)
    path += `${pen ? 'L' : 'M'}${x} ${y} `
    pen = true
    last = { x, y }
  }
  return { path: path.trim(), last }
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}

/** A "nice" axis maximum ≥ v (1, 2, 2.5, 5 × 10^k), so shared scales read as round numbers. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1
  const exp = Math.floor(Math.log10(v))
  const base = 10 ** exp
  for (const m of [1, 2, 2.5, 5, 10]) if (m * base >= v) return m * base
  return 10 * base
}

/** `1234` → `1.2 kB` (decimal units, as network byte counts are usually shown). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${Math.round(n)} B`
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 2 : 1)} kB`
  return `${(n / 1_000_000).toFixed(2)} MB`
}

/** `65_300` → `1:05`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** Latency for display: `—` when unknown, whole ms above 10, one decimal below. */
export function formatMs(ms: number | null): string {
  if (ms === null) return '—'
  return ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`
}
