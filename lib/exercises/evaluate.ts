/**
 * Running an exercise's check: one verdict from the learner's events. The same function runs on
 * the server (over the events its taps published for the tab) and in the unit tests (over
 * recorded sequences).
 */
import type { InspectEvent } from '../inspect/events'
import type { ExerciseDef, StepResult, Verdict } from './types'

export function evaluate(def: ExerciseDef, events: readonly InspectEvent[]): Verdict {
  let results: readonly StepResult[]
  try {
    results = def.check(events)
  } catch (error) {
    // A check that throws is a bug in Wirelab, not the learner's mistake: say so on the first step.
    const reason = error instanceof Error ? error.message : String(error)
    results = def.steps.map((step, i) =>
      i === 0 ? { id: step.id, status: 'wrong' as const, message: `Wirelab could not check this step (${reason}). Please report it; meanwhile, reset the exercise and try again.` } : { id: step.id, status: 'todo' as const },
    )
  }
  // One result per declared step, in order, whatever the check returned.
  const byId = new Map(results.map((r) => [r.id, r]))
  const steps = def.steps.map((step) => byId.get(step.id) ?? { id: step.id, status: 'todo' as const })
  return { exercise: def.id, done: steps.every((s) => s.status === 'done'), steps }
}

/** Two verdicts say the same (the server sends a verdict only when it changed). */
export function sameVerdict(a: Verdict | undefined, b: Verdict): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b)
}
