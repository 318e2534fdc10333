'use client'

import { useEffect, useId, useState } from 'react'
import type { ExerciseView, StepResult, StepStatus } from '@/lib/exercises/types'
import { forgetExercises, markExerciseDone, useProgress } from '@/components/layout/progress'
import { InlineText } from '@/components/ui/InlineText'
import { useLesson } from './LessonContext'
import styles from './Exercise.module.css'

/**
 * The exercise panel (client side of `<Exercise>`): its goal, its steps with the broker's live verdict (done / not yet /
 * what went wrong, pointing at the frame or request), hints one at a time, "show solution" that
 * fills the lesson's widget, and "start over". The verdict comes from the server's own check of
 * this tab's connections (/ws/exercise); done is kept in the browser's progress.
 */
const STATUS_TEXT: Record<StepStatus, string> = { done: 'done', todo: 'not yet', wrong: 'not right yet' }
const STATUS_ICON: Record<StepStatus, string> = { done: '✓', todo: '○', wrong: '✗' }

export function ExercisePanel({ id, def }: { id: string; def: ExerciseView | null }) {
  const lesson = useLesson()
  const progress = useProgress()
  const headingId = useId()
  const [hints, setHints] = useState(0)
  const [solution, setSolution] = useState<'hidden' | 'filled' | 'text'>('hidden')

  const verdict = lesson?.verdicts[id]
  const done = verdict?.done === true
  useEffect(() => {
    if (done) markExerciseDone(id)
  }, [done, id])

  if (!def) {
    return (
      <div role="alert" className={styles.missing}>
        This lesson names an exercise <code>{id}</code> that Wirelab does not know.
      </div>
    )
  }
  const completedAt = progress?.exercises[id]
  const steps: readonly StepResult[] = verdict?.steps ?? def.steps.map((s) => ({ id: s.id, status: 'todo' as const }))
  const doneCount = steps.filter((s) => s.status === 'done').length
  const state = done ? 'done' : completedAt ? 'earlier' : doneCount > 0 || steps.some((s) => s.status === 'wrong') ? 'progress' : 'new'
  const link = lesson?.status ?? 'idle'

  const showSolution = () => {
    const filled = def.solution.map((s) => lesson?.fill(s) ?? false)
    setSolution(filled.length > 0 && filled.every(Boolean) ? 'filled' : 'text')
  }
  const startOver = () => {
    lesson?.reset(id)
    forgetExercises([id])
    setHints(0)
    setSolution('hidden')
  }

  return (
    <section className={`${styles.exercise} ${styles[state]}`} aria-labelledby={headingId} data-exercise={id} data-state={state}>
      <header className={styles.head}>
        <p className={styles.kicker}>Exercise</p>
        <h3 id={headingId} className={styles.title}>
          {def.title}
        </h3>
        <p className={styles.pill} data-testid="exercise-state">
          {state === 'done' ? '✓ Done' : state === 'earlier' ? `✓ Completed ${formatDay(completedAt)}` : state === 'progress' ? `${doneCount} of ${steps.length} steps` : 'Not started'}
        </p>
      </header>
      <p className={styles.goal}>
        <InlineText text={def.goal} />
      </p>
      <ol className={styles.steps} aria-label="Steps">
        {def.steps.map((step, i) => {
          const result = steps[i] ?? { id: step.id, status: 'todo' as const }
          return (
            <li key={step.id} className={styles[result.status]} data-step={step.id} data-status={result.status}>
              <span className={styles.icon} aria-hidden="true">
                {STATUS_ICON[result.status]}
              </span>
              <div className={styles.stepText}>
                <span>
                  <InlineText text={step.label} />
                  <span className="visually-hidden"> ({STATUS_TEXT[result.status]})</span>
                </span>
                {result.message && (
                  <span className={styles.message}>
                    <InlineText text={result.message} />
                  </span>
                )}
                {result.evidence && (
                  <span className={styles.evidence}>
                    <span className="visually-hidden">On the wire: </span>
                    <code>{result.evidence.summary}</code>
                  </span>
                )}
              </div>
            </li>
          )
        })}
      </ol>
      <p className={styles.live} role="status" aria-live="polite">
        {done
          ? 'Done: the server saw every step on your own connections.'
          : link === 'open'
            ? 'Checked live by the server, on what your own connections really sent and received.'
            : link === 'idle'
              ? 'The checker starts when the page has loaded.'
              : 'Connecting to the checker…'}
        {lesson?.error ? ` (${lesson.error})` : ''}
      </p>
      {hints > 0 && (
        <ol className={styles.hints} aria-label="Hints">
          {def.hints.slice(0, hints).map((hint, i) => (
            <li key={i}>
              <InlineText text={hint} />
            </li>
          ))}
        </ol>
      )}
      {solution !== 'hidden' && (
        <div className={styles.solution}>
          <p>
            <strong>{solution === 'filled' ? 'Solution filled in above.' : 'Solution:'}</strong> <InlineText text={def.explanation} />
          </p>
          {solution === 'text' &&
            def.solution.map((s, i) => (
              <pre key={i} className={styles.solutionText}>
                {s.client ? `${s.client}:\n` : ''}
                {s.value}
              </pre>
            ))}
        </div>
      )}
      <div className={styles.actions}>
        {def.hints.length > 0 && (
          <button type="button" onClick={() => setHints((h) => Math.min(def.hints.length, h + 1))} disabled={hints >= def.hints.length}>
            {hints === 0 ? 'Show a hint' : hints < def.hints.length ? `Next hint (${hints + 1} of ${def.hints.length})` : 'No more hints'}
          </button>
        )}
        <button type="button" onClick={showSolution}>
          Show solution
        </button>
        <button type="button" onClick={startOver} disabled={state === 'new'}>
          Start over<span className="visually-hidden"> {def.title}</span>
        </button>
      </div>
    </section>
  )
}

function formatDay(iso: string | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '' : `on ${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`
}
