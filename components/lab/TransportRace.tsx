'use client'

import { useState, type FormEvent } from 'react'
import { bucketMedians, formatBytes, formatDuration, formatMs, niceMax, ratesPerSecond } from '@/lib/inspect/race'
import { SOCKJS_TRANSPORTS, type SockjsTransport } from './race/feed-clients'
import { LANES, type LaneId } from './race/lanes'
import { RaceLane, type LaneView } from './race/RaceLane'
import { useRace } from './useRace'
import styles from './TransportRace.module.css'

const RATES = [100, 250, 500, 1000, 2000, 5000] as const
const INTERVALS = [250, 500, 1000, 2000, 5000] as const
const WINDOW = 60
const METRICS = {
  requests: { label: 'Requests/s', unit: (v: number) => `${v} req/s` },
  bytes: { label: 'Bytes/s', unit: (v: number) => `${formatBytes(v)}/s` },
  latency: { label: 'Latency', unit: (v: number) => formatMs(v) },
} as const
type Metric = keyof typeof METRICS

const withValue = (list: readonly number[], v: number) => (list.includes(v) ? list : [...list, v].sort((a, b) => a - b))

export interface TransportRaceProps {
  /** Initial ticker period in ms. */
  readonly rate?: number
  /** Initial short-polling interval in ms. */
  readonly interval?: number
}

/**
 * The same feed over short polling, long polling, SSE, WebSocket and SockJS, side by side. Every
 * number is measured: requests and bytes (headers included) by the server's counters for this
 * run, messages and latency by this page's own clock.
 */
export function TransportRace({ rate: initialRate = 1000, interval: initialInterval = 1000 }: TransportRaceProps) {
  // MDX may pass the attributes as strings (rate="500").
  const [rate, setRate] = useState(() => Number(initialRate) || 1000)
  const [interval, setIntervalMs] = useState(() => Number(initialInterval) || 1000)
  const [sockjsTransport, setSockjsTransport] = useState<SockjsTransport>('xhr-streaming')
  const [metric, setMetric] = useState<Metric>('requests')
  const [text, setText] = useState('hello from the race')
  const race = useRace({ rate, interval, sockjsTransport })

  const slots = Math.min(WINDOW, Math.max(10, ...LANES.map((l) => race.samples[l.id].length)))
  const seriesOf = (id: LaneId): (number | null)[] => {
    const s = race.samples[id]
    if (metric === 'latency') {
      const n = Math.max(0, s.length - 1)
      return bucketMedians(race.lanes[id].arrivals, 0, 1000, n).slice(-WINDOW)
    }
    if (metric === 'requests') return ratesPerSecond(s, 'requests').slice(-WINDOW)
    const up = ratesPerSecond(s, 'bytesUp')
    return ratesPerSecond(s, 'bytesDown').map((d, i) => d + up[i]).slice(-WINDOW)
  }
  const series = Object.fromEntries(LANES.map((l) => [l.id, seriesOf(l.id)])) as Record<LaneId, (number | null)[]>
  const max = niceMax(Math.max(0, ...Object.values(series).flat().filter((v): v is number => v !== null)))

  const views: LaneView[] = LANES.map((info) => {
    const s = race.samples[info.id]
    return {
      info,
      how: info.id === 'short-poll' ? `a GET every ${interval} ms, answered at once` : info.id === 'sockjs' ? `WebSocket-like API over ${sockjsTransport}` : info.how,
      stats: race.lanes[info.id],
      counters: s.length ? s[s.length - 1].values : null,
      serverLatency: race.serverLatency[info.id],
      series: series[info.id],
      seriesLabel: METRICS[metric].label,
      max,
      slots,
    }
  })

  const post = (e: FormEvent) => {
    e.preventDefault()
    if (text.trim()) void race.post(text.trim())
  }
  const skewed = race.clock !== null && Math.abs(race.clock.offset) > race.clock.roundTrip / 2 + 5

  return (
    <div className={styles.race} data-widget="transport-race">
      <div className={styles.controls}>
        <div className={styles.startRow}>
          {race.running ? (
            <button type="button" className={`${styles.primary} ${styles.stop}`} onClick={race.stop}>
              ■ Stop
            </button>
          ) : (
            <button type="button" className={styles.primary} onClick={() => void race.start()}>
              ▶ {race.run ? 'Restart' : 'Start'} the race
            </button>
          )}
          <span className={styles.duration} aria-label="Duration" data-testid="race-duration" data-ms={Math.round(race.elapsed)}>
            {formatDuration(race.elapsed)}
          </span>
          {race.run ? (
            <span className={styles.feed}>
              feed <code>{race.run.feed}</code>
            </span>
          ) : null}
        </div>
        <label className={styles.field}>
          <span>Ticker publishes every</span>
          <select value={rate} onChange={(e) => setRate(Number(e.target.value))} data-testid="race-rate">
            {withValue(RATES, rate).map((r) => (
              <option key={r} value={r}>
                {r} ms
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>Short-poll interval</span>
          <select value={interval} onChange={(e) => setIntervalMs(Number(e.target.value))} data-testid="race-interval">
            {withValue(INTERVALS, interval).map((r) => (
              <option key={r} value={r}>
                {r} ms
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>SockJS transport</span>
          <select value={sockjsTransport} onChange={(e) => setSockjsTransport(e.target.value as SockjsTransport)} disabled={race.running}>
            {SOCKJS_TRANSPORTS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <form className={styles.post} onSubmit={post}>
          <label className="visually-hidden" htmlFor="race-post">
            Message to post to the feed
          </label>
          <input id="race-post" value={text} onChange={(e) => setText(e.target.value)} disabled={!race.running} autoComplete="off" />
          <button type="submit" className={styles.secondary} disabled={!race.running}>
            Post to the feed
          </button>
        </form>
      </div>

      <div className={styles.chartBar}>
        <div className={styles.segmented} role="group" aria-label="Chart shows">
          {(Object.keys(METRICS) as Metric[]).map((m) => (
            <button key={m} type="button" aria-pressed={metric === m} onClick={() => setMetric(m)}>
              {METRICS[m].label}
            </button>
          ))}
        </div>
        <span className={styles.scale}>
          charts: last {WINDOW} s, one point per second, shared scale 0 – {METRICS[metric].unit(max)}
        </span>
      </div>

      <ol className={styles.lanes} aria-label="Lanes">
        {views.map((v) => (
          <RaceLane key={v.info.id} view={v} />
        ))}
      </ol>

      <p className={styles.footnote}>
        Requests and bytes: the server&apos;s own counters for this run (socket bytes, so request lines, headers and framing count).
        Latency: when this page got each ticker message minus the server&apos;s publish time <code>at</code>
        {skewed ? (
          <strong> — careful: this browser&apos;s clock differs from the server&apos;s by about {formatMs(Math.abs(race.clock?.offset ?? 0))}, so trust &ldquo;Your post&rdquo; (one clock) more.</strong>
        ) : (
          <>; both clocks are this machine&apos;s here{race.clock ? ' (checked with your last post)' : ''}. &ldquo;Your post&rdquo; uses the page&apos;s clock only.</>
        )}
        {race.countersError ? <strong> Counters unavailable: {race.countersError}.</strong> : null}
      </p>
    </div>
  )
}
