'use client'

import type { SseRow } from '@/lib/inspect/sse-log'
import { octets } from './ExchangeBytes'
import { Target } from './Target'
import styles from './FeedLab.module.css'

/** `sse?drop=3` for `/lab/feeds/ticker-x/sse?drop=3`: the feed is named once, in the caption. */
function short(target: string): string {
  return target.replace(/^\/lab\/feeds\/[^/]+\//, '')
}

function ids(list: readonly number[]): string {
  if (list.length === 0) return 'none'
  return list.length > 4 ? `#${list[0]} … #${list.at(-1)} (${list.length})` : list.map((id) => `#${id}`).join(' ')
}

/**
 * Each SSE request as the server saw it, newest first: the URL, the `Last-Event-ID` header the
 * browser sent (the proof of an automatic reconnect), the events it delivered and how it ended.
 * The server reports a response when it ends, so an open stream shows as a row of its own.
 */
export function SseConnections({ feed, rows, openNow, openPath }: { feed: string; rows: readonly SseRow[]; openNow: boolean; openPath: string }) {
  const shown = rows.slice(-8).reverse()
  return (
    <div className={styles.tableWrap} tabIndex={0} role="region" aria-label="Connections as the server saw them">
      <table className={styles.table}>
        <caption className={styles.caption}>
          Connections to <code>/lab/feeds/{feed}/…</code> as the server saw them, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Last-Event-ID</th>
            <th scope="col">Events</th>
            <th scope="col">Ended</th>
            <th scope="col">Octets ↓</th>
            <th scope="col">TCP conn.</th>
          </tr>
        </thead>
        <tbody>
          {openNow ? (
            <tr className={styles.pendingRow} data-testid="sse-open">
              <td>
                <Target method="GET" target={short(openPath)} />
              </td>
              <td colSpan={5}>open now: the server reports it when it ends</td>
            </tr>
          ) : null}
          {shown.map((r) => (
            <tr key={`${r.exchange.conn}-${r.exchange.t}`} data-testid="sse-connection">
              <td>
                <Target method="GET" target={short(r.target)} />
              </td>
              <td>{r.lastEventId === undefined ? <span className={styles.empty}>none</span> : <code className={styles.lineId}>{r.lastEventId}</code>}</td>
              <td>{ids(r.ids)}</td>
              <td>
                {r.exchange.status !== 200 ? `refused ${r.exchange.status}` : r.cut ? 'cut by the server' : 'closed by the page'}, after {(r.exchange.durationMs / 1000).toFixed(1)} s
              </td>
              <td className={styles.num}>{octets(r.exchange.bytesOut)}</td>
              <td>
                <code>{r.exchange.conn}</code>
              </td>
            </tr>
          ))}
          {rows.length === 0 && !openNow ? (
            <tr>
              <td colSpan={6} className={styles.none}>
                No stream yet: press Open.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  )
}
