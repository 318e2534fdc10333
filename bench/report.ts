/**
 * The bench's records and their markdown: one table for the throughput scenarios (raw ceiling
 * and Wirelab side by side, ratio, verdict), one for the idle connections, and the details.
 */
import type { IdleResult } from './idle'
import type { LoadResult } from './load'
import { scenarioLabel, TARGETS, type Scenario } from './options'
import type { ServerKind } from './spawn'
import type { WatcherResult } from './watcher'

export interface CpuShares {
  /** % of one core, over the phase. */
  readonly server: number
  readonly loader: number
  /** Everything else on the machine (other helpers' tests, the orchestrator, steal). */
  readonly other: number
}

export interface ThroughputRun {
  readonly scenario: Scenario
  readonly server: ServerKind
  readonly result: LoadResult
  readonly cpu: { readonly capacity: CpuShares; readonly latency: CpuShares }
  readonly rss: { readonly startMiB: number; readonly peakMiB: number }
  readonly loadAvg: string
  readonly attempt: number
  /** `--watch-all`: what the /ws/inspect viewer received during the run. */
  readonly watcher?: WatcherResult | null
}

export interface IdleRun {
  readonly server: ServerKind
  readonly result: IdleResult
  readonly rss: { readonly startMiB: number; readonly connectedMiB: number; readonly endMiB: number; readonly peakMiB: number }
  readonly loadAvg: string
}

export interface Verdict {
  readonly pass: boolean
  readonly reasons: readonly string[]
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const ms = (n: number): string => (n < 10 ? fmt(n, 2) : n < 100 ? fmt(n, 1) : fmt(n))

export function ratioOf(wirelab: ThroughputRun, raw: ThroughputRun): number {
  return wirelab.result.capacity.deliveriesPerSec / raw.result.capacity.deliveriesPerSec
}

/** Deliveries per second of server CPU time (closed loop): what a delivery costs the server. */
export function deliveriesPerCpuSecond(run: ThroughputRun): number {
  const cpu = run.cpu.capacity.server / 100
  return cpu > 0 ? run.result.capacity.deliveriesPerSec / cpu : 0
}

/** The same ratio per server CPU-second: steadier on a shared machine, blind to the loader's limit. */
export function cpuRatioOf(wirelab: ThroughputRun, raw: ThroughputRun): number {
  const rawPerCpu = deliveriesPerCpuSecond(raw)
  return rawPerCpu > 0 ? deliveriesPerCpuSecond(wirelab) / rawPerCpu : 0
}

export function judgeScenario(wirelab: ThroughputRun, raw: ThroughputRun): Verdict {
  const reasons: string[] = []
  const ratio = ratioOf(wirelab, raw)
  if (!(ratio >= TARGETS.minRatio)) reasons.push(`ratio ${fmt(ratio, 2)} < ${TARGETS.minRatio}`)
  const r = wirelab.result
  if (r.lost > 0) reasons.push(`${fmt(r.lost)} lost`)
  if (r.disconnects > 0) reasons.push(`${r.disconnects} disconnects`)
  if (wirelab.scenario.subscribers >= TARGETS.p99AtSubscribers && r.latency.latency.p99Ms > TARGETS.maxP99Ms) {
    reasons.push(`p99 ${ms(r.latency.latency.p99Ms)} ms > ${TARGETS.maxP99Ms} ms`)
  }
  if (r.latency.overloaded) reasons.push('overloaded at the latency rate')
  return { pass: reasons.length === 0, reasons }
}

export function judgeIdle(run: IdleRun, wanted: number): Verdict {
  const reasons: string[] = []
  const r = run.result
  if (r.connected < wanted) reasons.push(`${r.connected}/${wanted} connected`)
  if (r.closed > 0) reasons.push(`${r.closed} closed`)
  if (run.server === 'wirelab') {
    if (run.rss.peakMiB >= TARGETS.maxIdleRssMiB) reasons.push(`RSS ${fmt(run.rss.peakMiB)} MiB ≥ ${TARGETS.maxIdleRssMiB}`)
    if (r.silentConnections > 0) reasons.push(`${r.silentConnections} got no heart-beat`)
  }
  return { pass: reasons.length === 0, reasons }
}

const verdictText = (v: Verdict): string => (v.pass ? 'PASS' : `FAIL: ${v.reasons.join('; ')}`)

export function throughputTable(pairs: ReadonlyArray<{ raw: ThroughputRun; wirelab: ThroughputRun }>): string {
  const head = [
    '| scenario (subs,pubs,bytes) | server | deliveries/s | ratio | deliveries / server CPU-s | ratio per CPU-s | latency @ msg/s | p50 ms | p99 ms | max ms | lost | server RSS peak MiB | CPU % server / loader / other | load avg | result |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ]
  const row = (run: ThroughputRun, ratio: string, cpuRatio: string, verdict: string): string => {
    const r = run.result
    const lat = r.latency.latency
    const c = run.cpu.capacity
    return `| ${scenarioLabel(run.scenario)} | ${run.server === 'raw' ? 'raw ws' : 'Wirelab'} | ${fmt(r.capacity.deliveriesPerSec)} | ${ratio} | ${fmt(deliveriesPerCpuSecond(run))} | ${cpuRatio} | ${fmt(r.latency.offeredRate)} | ${ms(lat.p50Ms)} | ${ms(lat.p99Ms)} | ${ms(lat.maxMs)} | ${fmt(r.lost)}${r.disconnects ? ` (${r.disconnects} disc.)` : ''} | ${fmt(run.rss.peakMiB)} | ${fmt(c.server)} / ${fmt(c.loader)} / ${fmt(c.other)} | ${run.loadAvg} | ${verdict} |`
  }
  const rows = pairs.flatMap(({ raw, wirelab }) => [
    row(raw, '1.00', '1.00', 'ceiling'),
    row(wirelab, fmt(ratioOf(wirelab, raw), 2), fmt(cpuRatioOf(wirelab, raw), 2), verdictText(judgeScenario(wirelab, raw))),
  ])
  return [...head, ...rows].join('\n')
}

export function idleTable(runs: readonly IdleRun[], wanted: number): string {
  const head = [
    '| server | connections | connect s | hold s | server heart-beats (silent conns) | closed | RSS before MiB | RSS connected MiB | RSS end MiB | RSS peak MiB | KiB / conn | load avg | result |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ]
  const rows = runs.map((run) => {
    const r = run.result
    const perConn = r.connected > 0 ? ((run.rss.endMiB - run.rss.startMiB) * 1024) / r.connected : 0
    const verdict = run.server === 'raw' ? 'reference' : verdictText(judgeIdle(run, wanted))
    return `| ${run.server === 'raw' ? 'raw ws' : 'Wirelab'} | ${fmt(r.connected)} | ${fmt(r.connectMs / 1000, 1)} | ${fmt(r.holdMs / 1000)} | ${fmt(r.heartBeats)} (${fmt(r.silentConnections)}) | ${r.closed} | ${fmt(run.rss.startMiB)} | ${fmt(run.rss.connectedMiB)} | ${fmt(run.rss.endMiB)} | ${fmt(run.rss.peakMiB)} | ${fmt(perConn, 1)} | ${run.loadAvg} | ${verdict} |`
  })
  return [...head, ...rows].join('\n')
}

/** Closed-loop details: the latency under saturation and who used the CPU. */
export function detailsTable(runs: readonly ThroughputRun[]): string {
  const head = [
    '| scenario | server | window (msgs/pub) | capacity msgs/s | saturated p50 / p99 ms | server CPU % (cap / lat) | loader CPU % (cap / lat) | other CPU % (cap / lat) | sent | out of order | attempt | errors |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|',
  ]
  const rows = runs.map((run) => {
    const r = run.result
    const c = run.cpu
    return `| ${scenarioLabel(run.scenario)} | ${run.server} | ${r.window} | ${fmt(r.capacity.messagesPerSec)} | ${ms(r.capacity.latency.p50Ms)} / ${ms(r.capacity.latency.p99Ms)} | ${fmt(c.capacity.server)} / ${fmt(c.latency.server)} | ${fmt(c.capacity.loader)} / ${fmt(c.latency.loader)} | ${fmt(c.capacity.other)} / ${fmt(c.latency.other)} | ${fmt(r.sent)} | ${fmt(r.outOfOrder)} | ${run.attempt} | ${r.errors.join('; ').slice(0, 200)} |`
  })
  return [...head, ...rows].join('\n')
}
