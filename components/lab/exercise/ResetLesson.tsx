'use client'

import { forgetExercises, lessonState, useProgress } from '@/components/layout/progress'
import { useLesson } from './LessonContext'
import styles from './Exercise.module.css'

/** "Reset this lesson": forget its exercises in the browser's progress and restart their checks. */
export function ResetLesson({ exercises, title }: { exercises: readonly string[]; title: string }) {
  const progress = useProgress()
  const lesson = useLesson()
  const started = lessonState(progress, exercises) !== 'none' || exercises.some((id) => lesson?.verdicts[id]?.steps.some((s) => s.status === 'done'))
  if (exercises.length === 0) return null
  return (
    <p className={styles.reset}>
      <button
        type="button"
        disabled={!started}
        onClick={() => {
          forgetExercises(exercises)
          for (const id of exercises) lesson?.reset(id)
        }}
      >
        Reset progress<span className="visually-hidden"> of {title}</span>
      </button>
      <span>Progress is kept in this browser only.</span>
    </p>
  )
}
