'use client'

import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import styles from './ClientCard.module.css'

/**
 * A horizontal split handle between two stacked regions (the frame editor above, the log and
 * console below): drag it, or focus it and use ↑ ↓ (Page Up/Down for bigger steps, Home/End for
 * the limits). `value` is the share of the two regions' height the upper one gets; the regions
 * grow by `value` and `1 - value` from a zero basis, so the share is exact until a minimum height.
 */
export interface SplitterProps {
  readonly value: number
  readonly onChange: (value: number) => void
  /** What is split, e.g. "Alice: editor and wire views". */
  readonly label: string
  readonly min?: number
  readonly max?: number
}

const STEP = 0.05

export function Splitter({ value, onChange, label, min = 0.15, max = 0.85 }: SplitterProps) {
  const drag = useRef<{ y: number; top: number; total: number } | null>(null)
  const clamp = (v: number) => Math.min(max, Math.max(min, v))

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const above = e.currentTarget.previousElementSibling
    const below = e.currentTarget.nextElementSibling
    if (above === null || below === null) return
    const top = above.getBoundingClientRect().height
    drag.current = { y: e.clientY, top, total: top + below.getBoundingClientRect().height }
    e.currentTarget.setPointerCapture(e.pointerId)
    e.preventDefault()
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (d === null || d.total <= 0) return
    onChange(clamp((d.top + e.clientY - d.y) / d.total))
  }
  const onPointerUp = () => {
    drag.current = null
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const to: Record<string, number> = { ArrowUp: value - STEP, ArrowDown: value + STEP, PageUp: value - 3 * STEP, PageDown: value + 3 * STEP, Home: min, End: max }
    const next = to[e.key]
    if (next === undefined) return
    e.preventDefault()
    onChange(clamp(next))
  }

  return (
    <div
      className={styles.splitter}
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuenow={Math.round(value * 100)}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      aria-valuetext={`editor ${Math.round(value * 100)} %`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      title="Drag, or focus and press ↑ ↓, to share the height between the editor and the log"
    />
  )
}
