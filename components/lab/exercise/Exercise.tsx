import { findExercise } from '@/lib/exercises/registry'
import { exerciseView } from '@/lib/exercises/types'
import { ExercisePanel } from './ExercisePanel'

/**
 * `<Exercise id="…" />` in a lesson. Rendered on the server at build time: it looks the exercise up
 * and hands the panel only its texts (title, goal, steps, hints, solution). The checks run on the
 * server (/ws/exercise), so the course's check code never ships to the browser.
 */
export function Exercise({ id }: { id: string }) {
  const def = findExercise(id)
  return <ExercisePanel id={id} def={def ? exerciseView(def) : null} />
}
