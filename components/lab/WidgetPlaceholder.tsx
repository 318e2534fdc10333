'use client'

import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react'
import styles from './WidgetPlaceholder.module.css'

/** A widget's usual height once loaded: on a wide screen, and on a phone (≤ 640 px). */
export interface WidgetSize {
  readonly wide: string
  readonly narrow: string
}

/** Box of a widget that is not loaded yet: same size and frame as the widget, no layout shift. */
export function WidgetPlaceholder({ label, size }: { label: string; size: WidgetSize }) {
  const style = { '--ph-wide': size.wide, '--ph-narrow': size.narrow } as CSSProperties
  return (
    <div className={styles.placeholder} style={style} aria-busy="true">
      <span className={styles.label}>Loading the {label}…</span>
    </div>
  )
}

/**
 * Renders `children` only once the box comes near the viewport (or at once without
 * IntersectionObserver), so a page with several widgets opens no socket and loads no widget code
 * for the ones the learner never scrolls to.
 */
export function WhenVisible({ label, size, children }: { label: string; size: WidgetSize; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  const [shown, setShown] = useState(false)
  useEffect(() => {
    const el = ref.current
    if (!el || typeof IntersectionObserver === 'undefined') {
      setShown(true)
      return
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setShown(true)
          observer.disconnect()
        }
      },
      { rootMargin: '300px 0px' },
    )
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  if (shown) return <>{children}</>
  return (
    <div ref={ref}>
      <WidgetPlaceholder label={label} size={size} />
    </div>
  )
}
