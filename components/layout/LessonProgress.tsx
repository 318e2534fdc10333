'use client'

import { lessonState, useProgress } from './progress'
import styles from './layout.module.css'

/**
 * A lesson's progress from the browser's record: a check mark when every exercise is done,
 * "n/m" while some are. Nothing during the server render (progress lives in localStorage), so
 * the static page hydrates without a mismatch.
 */
export function LessonProgress({ exercises, variant }: { exercises: readonly string[]; variant: 'sidebar' | 'card' }) {
  const progress = useProgress()
  const state = lessonState(progress, exercises)
  if (state === 'none' || progress === null) return null
  const done = exercises.filter((id) => progress.exercises[id]).length
  const text = state === 'done' ? (variant === 'card' ? '✓ Done' : '✓') : `${done}/${exercises.length}`
  const label = state === 'done' ? 'done' : `${done} of ${exercises.length} exercises done`
  return (
    <span className={`${styles.progress} ${state === 'done' ? styles.progressDone : ''}`} data-progress={state}>
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden"> ({label})</span>
    </span>
  )
}
