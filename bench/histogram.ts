/**
 * A latency histogram with constant memory: exact below 1 ms (1 µs buckets), then log buckets
 * of 1 % width. Percentiles are accurate to 1 µs / 1 %; max is exact.
 */
const LINEAR_US = 1000
const GROWTH = 1.01
const LOG_BUCKETS = Math.ceil(Math.log(3_600_000_000 / LINEAR_US) / Math.log(GROWTH)) + 1

export interface LatencySummary {
  readonly count: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
}

export class LatencyHistogram {
  private readonly linear = new Float64Array(LINEAR_US)
  private readonly log = new Float64Array(LOG_BUCKETS)
  private n = 0
  private max = 0

  get count(): number {
    return this.n
  }

  record(ms: number): void {
    const us = ms < 0 ? 0 : ms * 1000
    this.n += 1
    if (ms > this.max) this.max = ms
    if (us < LINEAR_US) this.linear[Math.floor(us)] += 1
    else this.log[Math.min(LOG_BUCKETS - 1, Math.floor(Math.log(us / LINEAR_US) / Math.log(GROWTH)))] += 1
  }

  /** The latency (ms) at or below which `q` (0..1) of the samples fall: a bucket's upper edge. */
  quantile(q: number): number {
    if (this.n === 0) return 0
    const rank = Math.max(1, Math.ceil(q * this.n))
    let seen = 0
    for (let i = 0; i < LINEAR_US; i += 1) {
      seen += this.linear[i]
      if (seen >= rank) return Math.min(this.max, (i + 1) / 1000)
    }
    for (let i = 0; i < LOG_BUCKETS; i += 1) {
      seen += this.log[i]
      if (seen >= rank) return Math.min(this.max, (LINEAR_US * GROWTH ** (i + 1)) / 1000)
    }
    return this.max
  }

  summary(): LatencySummary {
    return { count: this.n, p50Ms: this.quantile(0.5), p99Ms: this.quantile(0.99), maxMs: this.max }
  }
}
