'use client'

import dynamic from 'next/dynamic'
import { createContext, useContext } from 'react'
import { consoleHeight, type WireConsoleProps } from './wire-console-types'
import styles from './WireConsole.module.css'

export type { WireConsoleProps } from './wire-console-types'

/** The console's height, for the placeholder next/dynamic renders while xterm loads. */
const HeightContext = createContext<string | number | undefined>(undefined)

function ConsolePlaceholder() {
  const height = useContext(HeightContext)
  return (
    <div className={`${styles.root} ${styles.placeholder}`} style={{ height: consoleHeight(height) }} aria-busy="true" data-testid="wire-console-placeholder">
      <span>Loading the console…</span>
    </div>
  )
}

// xterm needs the DOM: client-only, loaded when the console is rendered.
const XtermConsole = dynamic(() => import('./XtermConsole').then((m) => m.XtermConsole), {
  ssr: false,
  loading: () => <ConsolePlaceholder />,
})

/**
 * The raw stream of one client in a terminal (xterm 6): every octet visible — `^@` for NUL,
 * escapes as they crossed the wire, heart-beat EOLs as `↵`, CR as `^M` — sent (→) and received (←) in their
 * own colours; and a REPL with slash commands, history (↑/↓) and Tab completion.
 */
export function WireConsole(props: WireConsoleProps) {
  return (
    <HeightContext.Provider value={props.height}>
      <XtermConsole {...props} />
    </HeightContext.Provider>
  )
}
