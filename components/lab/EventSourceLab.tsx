'use client'

import { useMemo, useState } from 'react'
import type { HttpExchangeEvent } from '@/lib/inspect/events'
import { DROPS, markIds, parseDropSetting, ssePath, sseRows } from '@/lib/inspect/sse-log'
import { useFillTarget } from './exercise/LessonContext'
import { ExchangeBytes } from './feed/ExchangeBytes'
import { tickerOf } from './feed/feed-client'
import { PostBox } from './feed/PostBox'
import { RawStream } from './feed/RawStream'
import { SseConnections } from './feed/SseConnections'
import { useEventSource, type SourceState } from './feed/useEventSource'
import { useNow } from './feed/useNow'
import { useClientId, withClientId } from './useClientId'
import { useInspect } from './useInspect'
import styles from './feed/FeedLab.module.css'

/**
 * A real EventSource on the tab's own ticker (`ticker-<cid>`, a tick a second), optionally cut
 * by the server after N events (`?drop=N`) and optionally resumed by hand (`?lastEventId=`).
 * Left: the events as the page received them (`MessageEvent.lastEventId`, gaps and repeats
 * marked). Right: each connection as the server saw it — the `Last-Event-ID` header the browser
 * sent on its own — and the raw `text/event-stream` it carried. "Show solution" fills the cut
 * setting (kind `sse`).
 */
const STATE_TEXT: Record<SourceState, string> = {
  idle: 'not opened',
  connecting: 'CONNECTING',
  open: 'OPEN',
  reconnecting: 'CONNECTING',
  closed: 'CLOSED',
  failed: 'CLOSED',
}

export function EventSourceLab() {
  const cid = useClientId()
  const [drop, setDrop] = useState<number | null>(null)
  const [resume, setResume] = useState(false)
  const [openedPath, setOpenedPath] = useState('')
  const source = useEventSource()
  const inspect = useInspect(cid === null ? null : { clients: [cid], types: ['http.exchange'] })
  const now = useNow(source.state === 'reconnecting')
  useFillTarget('sse', undefined, (value) => {
    const d = parseDropSetting(value)
    if (d !== undefined) setDrop(d)
  })

  const feed = cid === null ? '' : tickerOf(cid)
  const exchanges = useMemo(() => inspect.events.filter((e): e is HttpExchangeEvent => e.type === 'http.exchange'), [inspect.events])
  const rows = useMemo(() => sseRows(exchanges, feed), [exchanges, feed])
  const marks = useMemo(() => markIds(source.events.map((e) => e.lastEventId)), [source.events])
  const lastId = [...source.events].reverse().find((e) => /^\d+$/.test(e.lastEventId))?.lastEventId ?? null
  const resumeAfter = resume && lastId !== null ? Number(lastId) : null
  const path = ssePath(feed, drop, resumeAfter)
  const live = source.state === 'open' || source.state === 'connecting' || source.state === 'reconnecting'
  const latest = rows.at(-1)
  const ready = cid !== null && inspect.status === 'open'

  const stateLine =
    source.state === 'reconnecting'
      ? `The stream ended. The browser reconnects by itself after the retry delay the server sent (${latest?.stream?.retry ?? 2000} ms), sending Last-Event-ID: ${lastId ?? '(none yet)'} … ${((now - (source.droppedAt ?? now)) / 1000).toFixed(1)} s`
      : source.state === 'open'
        ? `Connection ${source.connections} of this EventSource is open; events arrive as the ticker publishes them.`
        : source.state === 'connecting'
          ? 'Opening…'
          : (source.note ?? (source.state === 'closed' ? 'Closed by the page: the browser will not reconnect.' : 'Press Open.'))

  return (
    <div className={styles.widget} data-widget="event-source" data-state={source.state}>
      <div className={styles.controls}>
        <label className={styles.field}>
          <span>The server cuts the stream</span>
          <select value={drop ?? 'never'} onChange={(e) => setDrop(e.target.value === 'never' ? null : Number(e.target.value))}>
            <option value="never">never</option>
            {DROPS.map((d) => (
              <option key={d} value={d}>
                after {d} events (drop={d})
              </option>
            ))}
          </select>
        </label>
        <label className={styles.check}>
          <input type="checkbox" checked={resume} onChange={(e) => setResume(e.target.checked)} disabled={lastId === null} />
          <span>Resume after the last id I received{lastId !== null ? ` (?lastEventId=${lastId})` : ''}</span>
        </label>
        {live ? (
          <button type="button" className={`${styles.primary} ${styles.stop}`} onClick={() => source.close()}>
            ■ Close
          </button>
        ) : (
          <button type="button" className={styles.primary} disabled={!ready} onClick={() => {
              if (cid === null) return
              setOpenedPath(path)
              source.open(withClientId(path, cid))
            }}>
            ▶ Open EventSource
          </button>
        )}
      </div>
      <p className={styles.status} role="status" aria-live="polite">
        <span className={`${styles.state} ${source.state === 'open' ? styles.stateOpen : live ? styles.stateConnecting : styles.stateClosed}`} data-testid="sse-state">
          readyState {STATE_TEXT[source.state]}
        </span>
        <span>{stateLine}</span>
      </p>
      <code className={styles.note}>new EventSource(&apos;{live ? openedPath : path}&apos;)</code>

      <div className={styles.panes}>
        <section aria-label="Events the page received">
          <p className={styles.paneTitle}>Events the page received (newest first)</p>
          <ol className={styles.events} data-testid="sse-events" tabIndex={0} aria-label="Events the page received, newest first">
            {source.events.length === 0 ? <li className={styles.none}>none yet</li> : null}
            {source.events
              .map((e, i) => ({ e, mark: marks[i], first: i === 0 || source.events[i - 1].connection !== e.connection || source.events[i - 1].source !== e.source }))
              .reverse()
              .slice(0, 40)
              .map(({ e, mark, first }) => (
                <li key={e.n} data-id={e.lastEventId}>
                  <span className={styles.eventId}>id {e.lastEventId || '—'}</span>
                  <span className={styles.eventData}>
                    {mark.missing ? <strong className={styles.gap}>{mark.missing} missed before this · </strong> : null}
                    {mark.again ? <strong className={styles.gap}>again · </strong> : null}
                    {first ? <span className={styles.marker}>{e.connection <= 1 ? `new EventSource #${e.source}` : `reconnect ${e.connection - 1}`} · </span> : null}
                    {e.data}
                  </span>
                </li>
              ))}
          </ol>
          <PostBox feed={feed} cid={cid} label={`Message to post to ${feed}`} />
        </section>
        <div>
          <SseConnections feed={feed} rows={rows} openNow={live && source.state !== 'reconnecting'} openPath={openedPath} />
        </div>
      </div>

      {latest ? (
        <details className={styles.details} open>
          <summary>The last connection that ended, byte for byte ({latest.exchange.conn})</summary>
          <ExchangeBytes exchange={latest.exchange} body={<RawStream text={latest.exchange.responseBodyPreview ?? ''} partial={latest.exchange.responseBodyTruncated === true} />} />
        </details>
      ) : null}
    </div>
  )
}
