'use client'

import '@xterm/xterm/css/xterm.css'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { Terminal } from '@xterm/xterm'
import { currentTheme, subscribeTheme } from '@/components/layout/theme'
import { replCompletions } from '@/lib/playground/repl'
import { EMPTY_LINE, applyInput, type LineState } from './line-editor'
import { ANSI, consoleText, type HeartbeatRun } from './wire-text'
import { answerLocally, listCandidates } from './repl-output'
import { TERM_THEMES } from './term-themes'
import { consoleHeight, type WireConsoleProps } from './wire-console-types'
import { promptWriter } from './prompt-writer'
import styles from './WireConsole.module.css'

const BANNER = `${ANSI.dim}→ sent  ← received  ^@ NUL  ^M CR  ↵ heart-beat EOL — /help lists the commands, Tab completes, ↑/↓ history${ANSI.reset}\n`

/** The xterm console (client-only; WireConsole loads it lazily). */
export function XtermConsole(props: WireConsoleProps) {
  const { entries, prompt = 'stomp> ', height, ariaLabel = 'STOMP console' } = props
  const host = useRef<HTMLDivElement>(null)
  const termRef = useRef<Terminal | null>(null)
  const latest = useRef(props)
  latest.current = props
  const written = useRef<{ count: number; firstSeq: number | undefined }>({ count: 0, firstSeq: undefined })
  const lineRef = useRef<LineState>(EMPTY_LINE)
  const writerRef = useRef<ReturnType<typeof promptWriter> | null>(null)
  /** The heart-beat run on the last line above the input, while nothing else was written after it. */
  const runRef = useRef<HeartbeatRun | null>(null)
  const [ready, setReady] = useState(false)
  const theme = useSyncExternalStore(subscribeTheme, currentTheme, () => undefined) ?? 'light'

  // the entries not written yet (or all of them again after a reset)
  const flush = () => {
    const term = termRef.current
    const writer = writerRef.current
    if (term === null || writer === null) return
    const list = latest.current.entries
    const w = written.current
    const reset = list.length < w.count || (list.length > 0 && w.firstSeq !== undefined && list[0].seq !== w.firstSeq)
    if (reset) {
      term.clear()
      w.count = 0
      runRef.current = null
    }
    if (list.length === w.count) return
    const { text, run } = consoleText(list.slice(w.count), runRef.current, term.cols)
    writer.print(text)
    runRef.current = run // (print forgot the run: set it after)
    w.count = list.length
    w.firstSeq = list[0]?.seq
  }

  useEffect(() => {
    let disposed = false
    const cleanups: Array<() => void> = []
    void Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')]).then(([{ Terminal }, { FitAddon }]) => {
      const el = host.current
      if (disposed || el === null) return
      const term = new Terminal({
        convertEol: true,
        cursorBlink: true,
        scrollback: 5000,
        fontSize: 13,
        fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace",
        theme: TERM_THEMES[currentTheme() ?? 'light'],
      })
      const fit = new FitAddon()
      term.loadAddon(fit)
      term.open(el)
      term.textarea?.setAttribute('aria-label', `${latest.current.ariaLabel ?? 'STOMP console'}: type a command (/help)`)
      fit.fit()
      termRef.current = term
      const raw = promptWriter(term, () => latest.current.prompt ?? 'stomp> ')
      // what the REPL writes (its echo, output, a clear) ends a heart-beat run: the next beat starts a new line
      const writer: typeof raw = {
        render: raw.render,
        print: (t) => {
          runRef.current = null
          raw.print(t)
        },
        commit: (l) => {
          runRef.current = null
          raw.commit(l)
        },
      }
      writerRef.current = writer
      // Tab on an empty line and Shift+Tab leave the console (no keyboard trap)
      term.attachCustomKeyEventHandler((e) => !(e.key === 'Tab' && (e.shiftKey || lineRef.current.text === '')))
      const onData = term.onData((data) => {
        const { state, effects } = applyInput(lineRef.current, data, (line) => replCompletions(line, latest.current.completion))
        lineRef.current = state
        for (const effect of effects) {
          if (effect.kind === 'submit') {
            writer.commit(effect.line)
            const local = answerLocally(effect.line)
            if (local.kind === 'clear') {
              term.clear()
              runRef.current = null
            }
            else if (local.kind === 'print') writer.print(local.text)
            else {
              const out = latest.current.onCommand(effect.line)
              if (typeof out === 'string' && out !== '') writer.print(`${ANSI.yellow}${out}${ANSI.reset}\n`)
            }
          } else if (effect.kind === 'list') writer.print(listCandidates(effect.candidates, term.cols))
          else if (effect.kind === 'cancel') writer.commit(`${effect.line}^C`)
          else if (effect.kind === 'clear-screen') {
            term.clear()
            runRef.current = null
          }
        }
        writer.render(lineRef.current)
      })
      const observer = new ResizeObserver(() => {
        fit.fit()
        runRef.current = null // a reflow may change the rows the run's line takes
      })
      observer.observe(el)
      cleanups.push(() => observer.disconnect(), () => onData.dispose(), () => term.dispose())
      writer.print(BANNER)
      written.current = { count: 0, firstSeq: undefined }
      flush()
      writer.render(lineRef.current)
      setReady(true)
    })
    return () => {
      disposed = true
      cleanups.forEach((c) => c())
      termRef.current = null
      writerRef.current = null
    }
  }, [])

  useEffect(flush, [entries])

  useEffect(() => {
    if (termRef.current) termRef.current.options.theme = TERM_THEMES[theme]
  }, [theme, ready])

  useEffect(() => {
    writerRef.current?.render(lineRef.current)
  }, [prompt])

  return (
    <div className={styles.root} style={{ height: consoleHeight(height) }} role="group" aria-label={ariaLabel} data-ready={ready ? 'true' : 'false'} data-testid="wire-console">
      <div ref={host} className={styles.term} />
    </div>
  )
}
