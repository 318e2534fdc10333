'use client'

import { useSyncExternalStore } from 'react'
import { currentTheme, setTheme, subscribeTheme } from './theme'
import styles from './layout.module.css'

/**
 * A toggle button "Dark theme" (pressed = dark). Both icons are in the HTML and CSS shows the
 * one matching <html data-theme>, so the server render is right before hydration; aria-pressed
 * is filled in once the client has read the theme.
 */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribeTheme, currentTheme, () => undefined)
  return (
    <button
      type="button"
      className={styles.iconButton}
      aria-label="Dark theme"
      aria-pressed={theme === undefined ? undefined : theme === 'dark'}
      title={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
      onClick={() => setTheme(currentTheme() === 'dark' ? 'light' : 'dark')}
    >
      <svg className={styles.moon} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M21 14.5A9 9 0 0 1 9.5 3a9 9 0 1 0 11.5 11.5z" />
      </svg>
      <svg className={styles.sun} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="4.5" fill="currentColor" />
        <path
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          d="M12 1.5v2.5M12 20v2.5M1.5 12H4M20 12h2.5M4.6 4.6l1.8 1.8M17.6 17.6l1.8 1.8M4.6 19.4l1.8-1.8M17.6 6.4l1.8-1.8"
        />
      </svg>
    </button>
  )
}
