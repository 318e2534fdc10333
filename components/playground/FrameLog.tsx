'use client'

import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { EMPTY_FILTER, applyFilter, compileFilter, labelsIn, type LogFilter } from '@/lib/playground/log-filter'
import { entryLabel, entrySummary } from '@/lib/playground/entry-view'
import { FrameDetails, type LogRow } from './FrameDetails'
import { LogToolbar } from './LogToolbar'
import { formatTime } from './format-time'
import styles from './FrameLog.module.css'

export type { LogRow } from './FrameDetails'

/**
 * A frame log (one client's, or the combined one): filter bar, a virtualized list of fixed-height
 * rows that sticks to the newest entry, keyboard selection (↑ ↓ Home End, Enter opens the
 * details, Escape closes them) and the selected entry's details. Pause freezes the view while
 * entries keep arriving.
 */
export interface FrameLogProps {
  readonly label: string
  readonly rows: readonly LogRow[]
  readonly showClient?: boolean
  readonly dropped?: number
  readonly onClear?: () => void
  /** Render the actions (hide heart-beats, pause, clear, count) there instead of above the list (a tab bar). */
  readonly actionsIn?: HTMLElement | null
  /** Told when the details of an entry open or close (the card gives the log more height). */
  readonly onDetails?: (open: boolean) => void
}

const ROW = 24
const OVERSCAN = 8

export function FrameLog({ label, rows, showClient = false, dropped = 0, onClear, actionsIn, onDetails }: FrameLogProps) {
  const id = useId()
  const [filter, setFilter] = useState<LogFilter>(EMPTY_FILTER)
  const [paused, setPaused] = useState<readonly LogRow[] | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const [open, setOpen] = useState(false)
  const source = paused ?? rows
  const compiled = useMemo(() => compileFilter(filter), [filter])
  const shown = useMemo(() => applyFilter(source, (r) => r.entry, compiled), [source, compiled])
  const labels = useMemo(() => labelsIn(source.map((r) => r.entry)), [source])

  const scroller = useRef<HTMLDivElement>(null)
  const [view, setView] = useState({ top: 0, height: 240 })
  const stick = useRef(true)

  useLayoutEffect(() => {
    const el = scroller.current
    if (el === null) return
    const ro = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight // a shrinking list keeps showing the newest entries
      setView({ top: el.scrollTop, height: el.clientHeight })
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  // Stick to the newest entry unless the learner scrolled up.
  useLayoutEffect(() => {
    const el = scroller.current
    if (el !== null && stick.current) el.scrollTop = el.scrollHeight
  }, [shown.length])

  const onScroll = () => {
    const el = scroller.current
    if (el === null) return
    stick.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW
    setView({ top: el.scrollTop, height: el.clientHeight })
  }

  const selIndex = selected === null ? -1 : shown.findIndex((r) => r.entry.seq === selected)
  const selectedRow = selIndex >= 0 ? shown[selIndex] : null
  useEffect(() => {
    if (selected !== null && selIndex < 0 && open) setOpen(false)
  }, [selected, selIndex, open])
  const detailsShown = open && selectedRow !== null
  const onDetailsRef = useRef(onDetails)
  onDetailsRef.current = onDetails
  useEffect(() => {
    onDetailsRef.current?.(detailsShown)
  }, [detailsShown])

  const reveal = (i: number) => {
    const el = scroller.current
    if (el === null || i < 0) return
    if (i * ROW < el.scrollTop) el.scrollTop = i * ROW
    else if ((i + 1) * ROW > el.scrollTop + el.clientHeight) el.scrollTop = (i + 1) * ROW - el.clientHeight
  }
  const select = (i: number) => {
    const clamped = Math.max(0, Math.min(shown.length - 1, i))
    const row = shown[clamped]
    if (row === undefined) return
    setSelected(row.entry.seq)
    reveal(clamped)
  }
  // Opening the details shrinks the list: keep the selected row in sight.
  useLayoutEffect(() => {
    if (open) reveal(selIndex)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the details open or the selection moves
  }, [open, selIndex])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(view.height / ROW) - 1)
    const keys: Record<string, () => void> = {
      ArrowDown: () => select(selIndex < 0 ? shown.length - 1 : selIndex + 1),
      ArrowUp: () => select(selIndex < 0 ? shown.length - 1 : selIndex - 1),
      PageDown: () => select(selIndex + page),
      PageUp: () => select(selIndex - page),
      Home: () => select(0),
      End: () => select(shown.length - 1),
      Enter: () => selectedRow && setOpen(true),
      ' ': () => selectedRow && setOpen((o) => !o),
      Escape: () => setOpen(false),
    }
    const act = keys[e.key]
    if (act) {
      e.preventDefault()
      act()
    }
  }

  const first = Math.max(0, Math.floor(view.top / ROW) - OVERSCAN)
  const last = Math.min(shown.length, Math.ceil((view.top + view.height) / ROW) + OVERSCAN)
  const visible = shown.slice(first, last)
  const optionId = (seq: number) => `${id}-row-${seq}`

  return (
    <div className={`${styles.log} ${detailsShown ? styles.withDetails : ''}`}>
      <LogToolbar
        label={label}
        filter={filter}
        onFilter={setFilter}
        labels={labels}
        patternError={compiled.patternError}
        paused={paused !== null}
        pending={paused === null ? 0 : Math.max(0, rows.length - paused.length)}
        onPause={(p) => setPaused(p ? rows : null)}
        onClear={onClear && (() => {
          setPaused(null) // a paused view would keep showing what was cleared
          onClear()
        })}
        shown={shown.length}
        total={source.length}
        dropped={dropped}
        actionsIn={actionsIn}
      />
      {shown.length === 0 && <p className={styles.empty}>{source.length === 0 ? 'Nothing on the wire yet.' : 'No entry matches the filter.'}</p>}
      <div
        ref={scroller}
        className={styles.list}
        role="listbox"
        tabIndex={0}
        aria-label={label}
        aria-activedescendant={selectedRow ? optionId(selectedRow.entry.seq) : undefined}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: shown.length * ROW, position: 'relative' }}>
          {visible.map((r, k) => {
            const e = r.entry
            const i = first + k
            const dir = e.kind === 'event' ? 'note' : e.dir
            return (
              <div
                key={e.seq}
                id={optionId(e.seq)}
                role="option"
                aria-selected={e.seq === selected}
                className={`${styles.row} ${styles[dir]} ${e.kind === 'event' && e.level === 'error' ? styles.error : ''} ${e.kind === 'heartbeat' ? styles.heartbeat : e.kind === 'raw' ? styles.rawBytes : ''}`}
                style={{ top: i * ROW, height: ROW }}
                onClick={() => {
                  setSelected(e.seq)
                  setOpen(true)
                }}
              >
                <span className={styles.time}>{formatTime(e.t)}</span>
                <span className={styles.dir} aria-label={dir}>
                  {dir === 'sent' ? '↑' : dir === 'received' ? '↓' : '•'}
                </span>
                {showClient && <span className={styles.client}>{r.client}</span>}
                <span className={`${styles.cmd} ${e.kind === 'frame' && e.frame.command === 'ERROR' ? styles.error : ''}`}>{entryLabel(e)}</span>
                <span className={styles.summary}>{entrySummary(e)}</span>
              </div>
            )
          })}
        </div>
      </div>
      {open && selectedRow && <FrameDetails key={selectedRow.entry.seq} row={selectedRow} onClose={() => setOpen(false)} />}
    </div>
  )
}
