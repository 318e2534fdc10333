'use client'

import { useId, useMemo, useState } from 'react'
import type { HttpExchangeEvent } from '@/lib/inspect/events'
import { INTERVALS_MS, parsePollerSettings, pollRows, pollSummary, TIMEOUTS_MS, type PollerSettings, type PollMode, type SinceMode } from '@/lib/inspect/poll-log'
import { useFillTarget } from './exercise/LessonContext'
import { ExchangeBytes, octets } from './feed/ExchangeBytes'
import { roomOf } from './feed/feed-client'
import { PollTable } from './feed/PollTable'
import { PostBox } from './feed/PostBox'
import { useNow } from './feed/useNow'
import { usePollLoop } from './feed/usePollLoop'
import { useClientId } from './useClientId'
import { useInspect } from './useInspect'
import styles from './feed/FeedLab.module.css'

/**
 * Short or long polling of a lab feed, by the learner's settings: how often (short) or how long
 * the server may hold each request (long), and what `since` each request carries. Everything in
 * the log is the server's own report of this tab's requests (`http.exchange` via /ws/inspect):
 * what each asked, how long it was held, what it brought back, octets each way with headers, the
 * TCP connection. "Show solution" fills the settings (kind `http`, name `poller`).
 */
export interface PollerProps {
  /** `short` (a GET every interval) or `long` (held until news or the timeout). */
  readonly mode?: PollMode
}

const SINCE_LABELS: Record<SinceMode, string> = {
  cursor: 'since = the last answer\'s cursor',
  none: 'no since ("from now")',
  zero: 'since=0 (everything)',
}

const withValue = (list: readonly number[], v: number) => (list.includes(v) ? list : [...list, v].sort((a, b) => a - b))

export function Poller({ mode: rawMode = 'short' }: PollerProps) {
  const mode: PollMode = rawMode === 'long' ? 'long' : 'short'
  const cid = useClientId()
  const id = useId()
  const [feedKind, setFeedKind] = useState<'room' | 'lobby'>('room')
  const [settings, setSettings] = useState<PollerSettings>({ since: 'cursor', interval: 1000, timeout: 10_000 })
  const feed = feedKind === 'room' && cid !== null ? roomOf(cid) : 'lobby'
  const loop = usePollLoop(cid, feed, mode, settings)
  const inspect = useInspect(cid === null ? null : { clients: [cid], types: ['http.exchange'] })
  const now = useNow(loop.pending !== null)
  useFillTarget('http', 'poller', (value) => setSettings((s) => ({ ...s, ...parsePollerSettings(value) })))

  const exchanges = useMemo(() => inspect.events.filter((e): e is HttpExchangeEvent => e.type === 'http.exchange'), [inspect.events])
  const rows = useMemo(() => pollRows(exchanges, feed, mode), [exchanges, feed, mode])
  const summary = useMemo(() => pollSummary(rows), [rows])
  const lastPoll = rows.filter((r) => r.kind === 'poll').at(-1)
  const ready = cid !== null && inspect.status === 'open'
  const set = (patch: Partial<PollerSettings>) => setSettings((s) => ({ ...s, ...patch }))

  return (
    <div className={styles.widget} data-widget="poller" data-mode={mode}>
      <div className={styles.controls}>
        <label className={styles.field}>
          <span>Feed</span>
          <select value={feedKind} onChange={(e) => setFeedKind(e.target.value === 'lobby' ? 'lobby' : 'room')}>
            <option value="room">your own quiet room</option>
            <option value="lobby">the shared lobby</option>
          </select>
        </label>
        {mode === 'short' ? (
          <label className={styles.field}>
            <span>Poll every</span>
            <select value={settings.interval} onChange={(e) => set({ interval: Number(e.target.value) })}>
              {withValue(INTERVALS_MS, settings.interval).map((v) => (
                <option key={v} value={v}>
                  {v} ms
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className={styles.field}>
            <span>Timeout (the server holds at most)</span>
            <select value={settings.timeout} onChange={(e) => set({ timeout: Number(e.target.value) })}>
              {withValue(TIMEOUTS_MS, settings.timeout).map((v) => (
                <option key={v} value={v}>
                  {v} ms
                </option>
              ))}
            </select>
          </label>
        )}
        <label className={styles.field}>
          <span>Each request asks with</span>
          <select value={settings.since} onChange={(e) => set({ since: e.target.value as SinceMode })}>
            {(Object.keys(SINCE_LABELS) as SinceMode[]).map((k) => (
              <option key={k} value={k}>
                {SINCE_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {loop.running ? (
          <button type="button" className={`${styles.primary} ${styles.stop}`} onClick={() => loop.stop()}>
            ■ Stop
          </button>
        ) : (
          <button type="button" className={styles.primary} onClick={loop.start} disabled={!ready}>
            ▶ Start {mode === 'short' ? 'polling' : 'long polling'}
          </button>
        )}
      </div>

      <PostBox feed={feed} cid={cid} label={`Message to post to ${feed}`} />

      <dl className={styles.summary} aria-label="What the polls cost, counted by the server">
        <div>
          <dt>Requests</dt>
          <dd data-testid="poll-requests">{summary.requests}</dd>
        </div>
        <div>
          <dt>Came back empty</dt>
          <dd data-testid="poll-empty">
            {summary.empty}
            {summary.requests ? <small> ({Math.round((100 * summary.empty) / summary.requests)}%)</small> : null}
          </dd>
        </div>
        <div>
          <dt>Messages delivered</dt>
          <dd>
            {summary.delivered}
            {summary.repeats ? <small className={styles.repeat}> +{summary.repeats} again</small> : null}
          </dd>
        </div>
        <div>
          <dt>Octets up</dt>
          <dd>{octets(summary.up)}</dd>
        </div>
        <div>
          <dt>Octets down</dt>
          <dd>{octets(summary.down)}</dd>
        </div>
        <div>
          <dt>Spent on empty answers</dt>
          <dd>{octets(summary.wasted)}</dd>
        </div>
      </dl>
      {summary.posts.length > 0 ? (
        <p className={styles.latency}>
          {summary.posts.slice(-3).map((p) => (
            <span key={p.id}>
              #{p.id}: {p.latencyMs === null ? 'posted, not delivered yet' : `delivered ${p.latencyMs} ms after it was posted`}
            </span>
          ))}
        </p>
      ) : null}

      <p className={styles.note} role="status" aria-live="polite" id={`${id}-note`}>
        {loop.note ?? (ready ? (loop.running ? (mode === 'short' ? `Polling ${feed} every ${settings.interval} ms.` : `Long polling ${feed}; each request may be held ${settings.timeout} ms.`) : summary.requests ? 'Stopped.' : 'Press Start: every request below is the server\'s own report of it.') : 'Connecting to the inspector…')}
      </p>

      <PollTable feed={feed} rows={rows} pending={loop.pending} now={now} mode={mode} timeout={settings.timeout} />

      {lastPoll ? (
        <details className={styles.details}>
          <summary>The last {mode === 'short' ? 'poll' : 'long poll'}, byte for byte</summary>
          <ExchangeBytes exchange={lastPoll.exchange} />
        </details>
      ) : null}
    </div>
  )
}
