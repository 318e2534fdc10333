'use client'

import { useId } from 'react'
import { createPortal } from 'react-dom'
import type { LogFilter } from '@/lib/playground/log-filter'
import styles from './FrameLog.module.css'

/** The frame log's controls: direction, command, regex, hide heart-beats, pause/resume, clear. */
export interface LogToolbarProps {
  readonly label: string
  readonly filter: LogFilter
  readonly onFilter: (f: LogFilter) => void
  readonly labels: readonly string[]
  readonly patternError: string | null
  readonly paused: boolean
  readonly pending: number
  readonly onPause: (paused: boolean) => void
  readonly onClear?: () => void
  readonly shown: number
  readonly total: number
  readonly dropped: number
  /** Where the actions go (a tab bar); above the list when absent. */
  readonly actionsIn?: HTMLElement | null
}

export function LogToolbar(p: LogToolbarProps) {
  const id = useId()
  const { filter, onFilter } = p
  const actions = (
    <div className={styles.actions} role="group" aria-label={`${p.label} actions`}>
      <label className={styles.check}>
        <input type="checkbox" checked={filter.hideHeartbeats} onChange={(e) => onFilter({ ...filter, hideHeartbeats: e.target.checked })} />
        hide heart-beats
      </label>
      <button type="button" aria-pressed={p.paused} onClick={() => p.onPause(!p.paused)}>
        {p.paused ? `Resume${p.pending > 0 ? ` (${p.pending} new)` : ''}` : 'Pause'}
      </button>
      {p.onClear && (
        <button type="button" onClick={p.onClear}>
          Clear
        </button>
      )}
      <span className={styles.count} aria-live="off" title={`${p.shown === p.total ? p.total : `${p.shown} of ${p.total}`} entries`}>
        {p.shown === p.total ? `${p.total}` : `${p.shown} of ${p.total}`}
        <span className={styles.countWord}> entries</span>
        {p.dropped > 0 ? ` (${p.dropped} older dropped)` : ''}
      </span>
    </div>
  )
  return (
    <div className={styles.toolbar} role="group" aria-label={`${p.label} filters`}>
      <label className={styles.control}>
        <span className="visually-hidden">Direction</span>
        <select value={filter.direction} onChange={(e) => onFilter({ ...filter, direction: e.target.value as LogFilter['direction'] })} aria-label={`${p.label}: direction`}>
          <option value="all">⇅ all</option>
          <option value="sent">↑ sent</option>
          <option value="received">↓ received</option>
        </select>
      </label>
      <label className={styles.control}>
        <span className="visually-hidden">Command</span>
        <select
          value={filter.commands[0] ?? ''}
          onChange={(e) => onFilter({ ...filter, commands: e.target.value === '' ? [] : [e.target.value] })}
          aria-label={`${p.label}: command`}
        >
          <option value="">all commands</option>
          {p.labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label className={`${styles.control} ${styles.regex}`}>
        <span className="visually-hidden">Regular expression</span>
        <input
          type="search"
          value={filter.pattern}
          placeholder="regex filter"
          spellCheck={false}
          onChange={(e) => onFilter({ ...filter, pattern: e.target.value })}
          aria-label={`${p.label}: regular expression filter`}
          aria-invalid={p.patternError !== null}
          aria-describedby={p.patternError ? `${id}-re` : undefined}
        />
      </label>
      {p.actionsIn === undefined ? actions : null}
      {p.actionsIn ? createPortal(actions, p.actionsIn) : null}
      {p.patternError && (
        <p id={`${id}-re`} className={styles.problem} role="status">
          {p.patternError}
        </p>
      )}
    </div>
  )
}
