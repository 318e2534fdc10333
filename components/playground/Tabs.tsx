'use client'

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import styles from './Tabs.module.css'

/**
 * ARIA tabs (← → Home End move between tabs, automatic activation). A panel mounts the first
 * time its tab is chosen and then stays mounted while hidden, so a console keeps its scrollback.
 */
export interface TabSpec<T extends string> {
  readonly id: T
  readonly label: ReactNode
  readonly panel: ReactNode
  /** Mount the panel before its tab is first chosen (e.g. a live view that must start listening early). */
  readonly eager?: boolean
}

export interface TabsProps<T extends string> {
  readonly label: string
  readonly tabs: readonly TabSpec<T>[]
  readonly value: T
  readonly onChange: (id: T) => void
  readonly trailing?: ReactNode
}

export function Tabs<T extends string>({ label, tabs, value, onChange, trailing }: TabsProps<T>) {
  const id = useId()
  const refs = useRef(new Map<T, HTMLButtonElement>())
  const [visited, setVisited] = useState<ReadonlySet<T>>(() => new Set([value]))
  if (!visited.has(value)) setVisited(new Set([...visited, value]))

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => t.id === value)
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null
    if (to === null) return
    e.preventDefault()
    const next = tabs[(to + tabs.length) % tabs.length]
    onChange(next.id)
    refs.current.get(next.id)?.focus()
  }

  return (
    <div className={styles.tabs}>
      <div className={styles.bar}>
        <div role="tablist" aria-label={label} className={styles.list} onKeyDown={onKeyDown}>
          {tabs.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                if (el) refs.current.set(t.id, el)
                else refs.current.delete(t.id)
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${t.id}`}
              aria-selected={t.id === value}
              aria-controls={`${id}-panel-${t.id}`}
              tabIndex={t.id === value ? 0 : -1}
              className={styles.tab}
              onClick={() => onChange(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        {trailing}
      </div>
      {tabs.map((t) => (
        <div key={t.id} role="tabpanel" id={`${id}-panel-${t.id}`} aria-labelledby={`${id}-tab-${t.id}`} hidden={t.id !== value} className={styles.panel}>
          {visited.has(t.id) || t.eager ? t.panel : null}
        </div>
      ))}
    </div>
  )
}
