'use client'

import type { PollMode, PollRow } from '@/lib/inspect/poll-log'
import { withoutCid } from '@/lib/inspect/poll-log'
import { Target } from './Target'
import type { PendingPoll } from './usePollLoop'
import styles from './FeedLab.module.css'

const SHOWN = 12

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`
}

/** `poll?since=3` for `/lab/feeds/room-x/poll?since=3`: the feed is named once, in the caption. */
function short(target: string): string {
  return target.replace(/^\/lab\/feeds\/[^/]+\//, '')
}

function ids(list: readonly number[]): string {
  return list.length > 5 ? `#${list[0]} … #${list.at(-1)} (${list.length})` : list.map((id) => `#${id}`).join(' ')
}

/**
 * The feed's requests as the server reported them (newest first), with the request still in
 * flight on top: what each asked, how long the server held it, what it brought, its octets and
 * the TCP connection it used.
 */
export function PollTable({ feed, rows, pending, now, mode, timeout }: { feed: string; rows: readonly PollRow[]; pending: PendingPoll | null; now: number; mode: PollMode; timeout: number }) {
  const shown = rows.slice(-SHOWN).reverse()
  const hidden = rows.length - shown.length
  const held = pending ? now - pending.startedAt : 0
  return (
    <div className={styles.tableWrap} tabIndex={0} role="region" aria-label="Requests as the server saw them">
      <table className={styles.table}>
        <caption className={styles.caption}>
          Requests to <code>/lab/feeds/{feed}/…</code> as the server saw them, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">{mode === 'long' ? 'Held · answer' : 'Answer'}</th>
            <th scope="col">Messages</th>
            <th scope="col">Octets ↑ / ↓</th>
            <th scope="col">TCP conn.</th>
          </tr>
        </thead>
        <tbody>
          {pending ? (
            <tr className={styles.pendingRow} data-testid="poll-pending">
              <td>
                <Target method="GET" target={short(withoutCid(pending.path))} />
              </td>
              <td colSpan={4}>
                {mode === 'long' ? (
                  <span className={styles.holding}>
                    <span>held {seconds(held)}</span>
                    <progress className={styles.meter} max={timeout} value={Math.min(held, timeout)} aria-label="Time held out of the timeout" />
                  </span>
                ) : (
                  'waiting for the answer…'
                )}
              </td>
            </tr>
          ) : null}
          {shown.map((r) => {
            const e = r.exchange
            return (
              <tr key={`${e.conn}-${e.t}`} className={r.kind === 'post' ? styles.postRow : r.empty ? styles.emptyRow : undefined} data-kind={r.kind} data-empty={r.empty ? 'true' : undefined}>
                <td>
                  <Target method={e.method} target={short(r.target)} />
                </td>
                <td>
                  {mode === 'long' && r.kind === 'poll' ? `${seconds(e.durationMs)} · ` : ''}
                  {e.status}
                </td>
                <td>
                  {r.kind === 'post' ? (
                    r.ids.length ? `posted #${r.ids[0]}` : '—'
                  ) : r.empty ? (
                    <span className={styles.empty}>empty</span>
                  ) : (
                    <>
                      {ids(r.ids)}
                      {r.repeated.length ? <strong className={styles.repeat}> again: {ids(r.repeated)}</strong> : null}
                    </>
                  )}
                </td>
                <td className={styles.num}>
                  {e.bytesIn} / {e.bytesOut}
                </td>
                <td>
                  <code>{e.conn}</code>
                </td>
              </tr>
            )
          })}
          {rows.length === 0 && !pending ? (
            <tr>
              <td colSpan={5} className={styles.none}>
                No requests yet: press Start.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {hidden > 0 ? <p className={styles.more}>{hidden} earlier request{hidden === 1 ? '' : 's'} not shown (counted above).</p> : null}
    </div>
  )
}
