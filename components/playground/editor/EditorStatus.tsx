'use client'

import { useEffect, useState } from 'react'
import type { StompVersion } from '@/lib/stomp/frame'
import type { Diagnostic } from '@/lib/stomp/lint-types'
import { frameAt } from '@/lib/stomp/editor'
import { countProblems } from './markers'
import styles from './FrameEditor.module.css'

export interface EditorStatusProps {
  readonly version: StompVersion
  readonly rawMode: boolean
  readonly diagnostics: readonly Diagnostic[]
  readonly cursorLine: number
  readonly sendOnCtrlEnter: boolean
  readonly text: string
  readonly onNextProblem: () => void
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The line under the editor: version, raw mode, the problem on the cursor's line (or the counts),
 * and which lines Ctrl/⌘+Enter would send. Announced politely to screen readers.
 */
export function EditorStatus({ version, rawMode, diagnostics, cursorLine, sendOnCtrlEnter, text, onNextProblem }: EditorStatusProps) {
  const [mod, setMod] = useState('Ctrl')
  useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.platform)) setMod('⌘')
  }, [])
  const counts = countProblems(diagnostics)
  const here = diagnostics.find((d) => d.range.startLine <= cursorLine && cursorLine <= d.range.endLine)
  const frame = frameAt(text, cursorLine)
  const summary = diagnostics.length === 0
    ? 'No problems'
    : [counts.errors > 0 ? plural(counts.errors, 'error') : '', counts.warnings > 0 ? plural(counts.warnings, 'warning') : '', counts.infos > 0 ? plural(counts.infos, 'note') : '']
      .filter(Boolean).join(', ')
  const lines = frame === null ? null : frame.startLine === frame.endLine ? `line ${frame.startLine}` : `lines ${frame.startLine}–${frame.endLine}`
  return (
    <div className={styles.status} role="status" aria-live="polite">
      <span className={styles.chip}>STOMP {version}</span>
      {rawMode ? <span className={`${styles.chip} ${styles.raw}`} title="Sent exactly as typed: ^@ becomes NUL, nothing is added">raw</span> : null}
      <span className={styles.problem} data-severity={here?.severity ?? (counts.errors > 0 ? 'error' : 'none')} title={here?.message}>
        {here !== undefined ? `Line ${here.range.startLine}: ${here.message}` : summary}
      </span>
      {diagnostics.length > 0 ? (
        <button type="button" className={styles.next} onClick={onNextProblem} aria-label="Next problem" title="Show the next problem in the editor (F8)">
          Next
        </button>
      ) : null}
      {sendOnCtrlEnter ? (
        <span className={styles.hint}>
          <span className={styles.hintLong}>
            {lines === null ? `${mod}+Enter: no frame here` : `${mod}+Enter sends ${rawMode ? 'the selection or ' : ''}${lines}`}
          </span>
          <span className={styles.hintShort} aria-hidden="true">
            {lines === null ? '' : `${mod}+↵ ${lines.replace(/^lines? /, '')}`}
          </span>
        </span>
      ) : null}
    </div>
  )
}
