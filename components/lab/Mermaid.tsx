'use client'

import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react'
import { currentTheme, subscribeTheme, type Theme } from '@/components/layout/theme'
import styles from './Mermaid.module.css'

/**
 * Renders mermaid source to SVG in the browser. mermaid (~1 MB) is imported lazily on first use;
 * until then a placeholder of the same size holds the place. Renders are coalesced: while one is
 * running, only the newest source is drawn next (a live diagram may change 20 times a second).
 * The previous picture stays up while the next one is drawn, so live updates do not flicker.
 * A source mermaid rejects gives a visible error box with the source, never a blank.
 * Colours follow the site's light/dark theme (<html data-theme>).
 */
export interface MermaidProps {
  readonly source: string
  /** Accessible name of the figure (e.g. "Sequence diagram of this tab's traffic"). */
  readonly label: string
  /** Placeholder height while mermaid loads (CSS length, default 16rem). */
  readonly minHeight?: string
}

type MermaidApi = (typeof import('mermaid'))['default']

const SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Ubuntu, Arial, sans-serif"

/** The site palette (app/globals.css) as concrete colours: mermaid computes shades from them. */
const PALETTE: Record<Theme, Record<string, string>> = {
  light: {
    background: '#ffffff', primaryColor: '#eef4fb', primaryBorderColor: '#0a64b8', primaryTextColor: '#1b1f24',
    lineColor: '#57606a', signalColor: '#1b1f24', signalTextColor: '#1b1f24', textColor: '#1b1f24',
    actorBkg: '#eef4fb', actorBorder: '#0a64b8', actorTextColor: '#1b1f24', actorLineColor: '#afb8c1',
    noteBkgColor: '#fff8c5', noteBorderColor: '#d4a72c', noteTextColor: '#3b2e00', sequenceNumberColor: '#ffffff',
  },
  dark: {
    background: '#0f1419', primaryColor: '#16263a', primaryBorderColor: '#6cb6ff', primaryTextColor: '#e6edf3',
    lineColor: '#9ba6b2', signalColor: '#e6edf3', signalTextColor: '#e6edf3', textColor: '#e6edf3',
    actorBkg: '#16263a', actorBorder: '#6cb6ff', actorTextColor: '#e6edf3', actorLineColor: '#3d444d',
    noteBkgColor: '#2e2a16', noteBorderColor: '#9e7c1d', noteTextColor: '#f2e7b8', sequenceNumberColor: '#0f1419',
  },
}

let loading: Promise<MermaidApi> | undefined
/** One render at a time across all diagrams on the page: mermaid's configuration is global. */
let queue: Promise<unknown> = Promise.resolve()
let renders = 0

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task)
  queue = run.catch(() => undefined)
  return run
}

export function loadMermaid(): Promise<MermaidApi> {
  loading ??= import('mermaid').then((module) => module.default)
  return loading
}

let scratch: HTMLDivElement | undefined
/**
 * Where mermaid lays a diagram out before handing back its SVG: out of the page's flow. Left to
 * itself mermaid appends a scratch element to <body>, which grows the page for a moment (a page
 * sized to the viewport, like the playground, flashes a scrollbar on every render).
 */
function scratchBox(): HTMLDivElement {
  if (scratch === undefined || !scratch.isConnected) {
    scratch = document.createElement('div')
    scratch.setAttribute('aria-hidden', 'true')
    scratch.style.cssText = 'position:fixed;left:-100000px;top:0;width:max-content;visibility:hidden;pointer-events:none;contain:layout'
    document.body.append(scratch)
  }
  return scratch
}

async function renderSvg(source: string, theme: Theme, baseId: string): Promise<string> {
  const mermaid = await loadMermaid()
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    themeVariables: { ...PALETTE[theme], fontFamily: SANS, fontSize: '14px' },
    // Natural size (legible text; the widget scrolls) rather than shrunk to the column.
    sequence: { useMaxWidth: false, wrap: false },
  })
  const id = `${baseId}-${++renders}`
  try {
    const { svg } = await mermaid.render(id, source, scratchBox())
    return svg
  } finally {
    // mermaid leaves its scratch element behind when a render fails
    document.getElementById(id)?.remove()
    document.getElementById(`d${id}`)?.remove()
  }
}

type Drawn = { readonly svg: string; readonly error: null } | { readonly svg: null; readonly error: string }

export function Mermaid({ source, label, minHeight = '16rem' }: MermaidProps) {
  const theme = useSyncExternalStore(subscribeTheme, currentTheme, () => undefined) ?? 'light'
  const baseId = `mermaid-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`
  const [drawn, setDrawn] = useState<Drawn | null>(null)
  const wanted = useRef({ source, theme })
  wanted.current = { source, theme }
  const running = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  useEffect(() => {
    if (running.current) return // the running loop draws the newest source when it is done
    running.current = true
    const pump = async () => {
      let done: { source: string; theme: Theme } | null = null
      while (mounted.current && (done === null || done.source !== wanted.current.source || done.theme !== wanted.current.theme)) {
        const job = wanted.current
        const result = await enqueue(() => renderSvg(job.source, job.theme, baseId)).then(
          (svg): Drawn => ({ svg, error: null }),
          (error: unknown): Drawn => ({ svg: null, error: error instanceof Error ? error.message : String(error) }),
        )
        done = job
        if (mounted.current) setDrawn(result)
      }
    }
    void pump().finally(() => {
      running.current = false
    })
  }, [source, theme, baseId])

  if (drawn === null) {
    return (
      <div className={styles.placeholder} style={{ minHeight }} role="img" aria-label={`${label} (loading)`} aria-busy="true">
        <span className={styles.loading}>Drawing the diagram…</span>
      </div>
    )
  }
  if (drawn.error !== null) {
    return (
      <div className={styles.error} role="alert" style={{ minHeight }}>
        <p className={styles.errorTitle}>The diagram could not be drawn</p>
        <p className={styles.errorMessage}>{drawn.error}</p>
        <details>
          <summary>Mermaid source</summary>
          <pre className={styles.source}>{source}</pre>
        </details>
      </div>
    )
  }
  return <div className={styles.diagram} role="figure" aria-label={label} dangerouslySetInnerHTML={{ __html: drawn.svg }} />
}
