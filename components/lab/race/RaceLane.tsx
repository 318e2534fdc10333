import { bytesPerMessage, formatBytes, formatMs, summarize, type CounterValues, type LatencySummary } from '@/lib/inspect/race'
import type { LaneInfo } from './lanes'
import type { LaneStats } from '../useRace'
import { Sparkline } from './Sparkline'
import styles from '../TransportRace.module.css'

export interface LaneView {
  readonly info: LaneInfo
  readonly how: string
  readonly stats: LaneStats
  /** This run's server counters (null before the first reading). */
  readonly counters: CounterValues | null
  readonly serverLatency: LatencySummary | undefined
  readonly series: readonly (number | null)[]
  readonly seriesLabel: string
  readonly max: number
  readonly slots: number
}

function Metric({ name, value, hint, id, raw }: { name: string; value: string; hint?: string; id: string; raw?: number | null }) {
  return (
    <div className={styles.metric} title={hint}>
      <dt className={styles.metricName}>{name}</dt>
      <dd className={styles.metricValue} data-metric={id} data-raw={raw ?? undefined}>
        {value}
      </dd>
    </div>
  )
}

/** One transport's lane: what it is, its live numbers, and its chart on the shared scale. */
export function RaceLane({ view }: { view: LaneView }) {
  const { info, stats, counters } = view
  const lat = summarize(stats.arrivals.map((a) => a.latency))
  const posted = stats.posted.length ? stats.posted[stats.posted.length - 1] : null
  const perMessage = counters ? bytesPerMessage(counters.bytesDown, stats.messages) : null
  const num = (v: number | undefined) => (counters && v !== undefined ? String(v) : '—')
  return (
    <li className={`${styles.lane} ${styles[`lane_${info.id.replace('-', '_')}`] ?? ''}`} data-lane={info.id}>
      <div className={styles.laneName}>
        <span className={styles.laneTitle}>{info.label}</span>
        {/* Its own line, one line high whatever the state says (long ones are cut, the title has
            them whole): a short poll flips state twice a poll, and the lane must not jump. */}
        <span className={styles.laneState} data-testid={`lane-state-${info.id}`} title={stats.state}>
          {stats.state}
        </span>
        <span className={styles.laneHow}>{view.how}</span>
      </div>
      <dl className={styles.metrics}>
        <Metric id="requests" name="Requests" value={num(counters?.requests)} raw={counters?.requests} hint="HTTP requests (or upgrades) the server received for this lane" />
        <Metric id="bytes-up" name="Bytes ↑" value={counters ? formatBytes(counters.bytesUp) : '—'} raw={counters?.bytesUp} hint="Browser → server, request lines and headers included (server's socket count)" />
        <Metric id="bytes-down" name="Bytes ↓" value={counters ? formatBytes(counters.bytesDown) : '—'} raw={counters?.bytesDown} hint="Server → browser, status lines, headers and framing included (server's socket count)" />
        <Metric id="messages" name="Messages" value={String(stats.messages)} raw={stats.messages} hint={`Received by this page (server delivered ${num(counters?.delivered)})`} />
        <Metric id="per-message" name="↓ per msg" value={perMessage === null ? '—' : formatBytes(perMessage)} hint="Bytes down divided by messages: the cost of each message on this transport" />
        <Metric id="p50" name="p50" value={formatMs(lat.p50)} hint="Median of (receipt in the browser − server publish time) over the ticker's messages" />
        <Metric id="p99" name="p99" value={formatMs(lat.p99)} hint="99th percentile of the same latency" />
        <Metric id="posted" name="Your post" value={formatMs(posted)} hint="Your last posted message: from your POST to its arrival on this lane" />
      </dl>
      <div className={styles.laneChart}>
        <Sparkline values={view.series} max={view.max} slots={view.slots} label={`${info.label}: ${view.seriesLabel}`} />
        {/* Always there (a dash until the server has measured): its line appearing would move the page. */}
        <span className={styles.serverLat} title="Measured by the server: publish → written to this lane's socket" data-testid={`server-p50-${info.id}`}>
          server p50 {view.serverLatency && view.serverLatency.count > 0 ? formatMs(view.serverLatency.p50) : '—'}
        </span>
      </div>
    </li>
  )
}
