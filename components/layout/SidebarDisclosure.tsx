'use client'

import { useId, useState, type ReactNode } from 'react'
import styles from './layout.module.css'

/**
 * On wide screens the sidebar is always shown and the button is hidden (CSS). On narrow screens
 * the button (aria-expanded) shows and hides it. Give it a `key` per page so it closes after
 * navigating.
 */
export function SidebarDisclosure({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  return (
    <div className={styles.sidebar} data-open={open ? 'true' : 'false'}>
      <button type="button" className={styles.sidebarToggle} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        {label}
      </button>
      <div id={panelId} className={styles.sidebarPanel}>
        {children}
      </div>
    </div>
  )
}
