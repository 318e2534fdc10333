/**
 * Exercises (issue 6): what a lesson asks the learner to do, and the pure check that decides from
 * the learner's own wire events (lib/inspect/events.ts) whether it happened. The server runs the
 * check over the events its taps published for the learner's tab (server/inspect/exercises.ts)
 * and streams the verdict to the lesson page, so "done" means the broker really saw it.
 *
 * Texts (goal, step labels, hints, messages) are short plain strings; `backticks` mark code.
 */
import type { InspectEvent } from '../inspect/events'

/** `done`: happened. `todo`: not yet. `wrong`: the learner tried and something is off (message says what). */
export type StepStatus = 'done' | 'todo' | 'wrong'

/** The event a verdict points at: where it happened and what it was, in one line. */
export interface Evidence {
  /** Server monotonic ms of the event. */
  readonly t: number
  /** Connection id (`ws-3`, `http-12` …). */
  readonly conn: string
  /** One line: `SUBSCRIBE destination:/topic/greetngs ack:auto`, `GET /lab/echo → 200` … */
  readonly summary: string
}

export interface StepResult {
  readonly id: string
  readonly status: StepStatus
  /** For `wrong`: what went wrong and how to fix it. For `done`/`todo`: optional detail. */
  readonly message?: string
  /** The frame or request the message is about. */
  readonly evidence?: Evidence
}

export interface ExerciseStep {
  readonly id: string
  /** What to do, as an instruction: "Subscribe to `/topic/greetings` with `ack:client-individual`". */
  readonly label: string
}

/**
 * What "show solution" puts in the lesson's widget. `target` names the widget kind (the widget
 * registers itself under that kind on the lesson page; see components/lab/exercise); `client`
 * picks one of several (Alice / Bob). When the page has no such widget the value is shown as text.
 */
export interface Solution {
  readonly target: SolutionTarget
  readonly client?: string
  /** The widget's input: STOMP frames as typed in the editor, a request, a URL, code … */
  readonly value: string
}

export const SOLUTION_TARGETS = ['stomp', 'http', 'ws', 'sse', 'sockjs', 'socketio', 'code', 'text'] as const
export type SolutionTarget = (typeof SOLUTION_TARGETS)[number]

export interface ExerciseDef {
  /** Stable id, kebab-case: the lesson's front matter and `<Exercise id>` name it; progress is kept under it. */
  readonly id: string
  readonly title: string
  /** One or two sentences: what to achieve and why it matters. */
  readonly goal: string
  readonly steps: readonly ExerciseStep[]
  /** Revealed one at a time, from a nudge to nearly the answer. */
  readonly hints: readonly string[]
  /** Filled into the widgets by "show solution", in order (e.g. Alice's frames then Bob's). */
  readonly solution: readonly Solution[]
  /** In words, shown with the solution: why this is the answer. */
  readonly explanation: string
  /**
   * Pure: the learner's events (oldest first, only their tab's connections) → one result per step,
   * in `steps` order. Must not throw on any event sequence.
   */
  readonly check: (events: readonly InspectEvent[]) => readonly StepResult[]
}

export interface Verdict {
  readonly exercise: string
  /** Every step done. */
  readonly done: boolean
  readonly steps: readonly StepResult[]
}

/** What the lesson page shows of an exercise: everything but its check (which runs on the server). */
export type ExerciseView = Omit<ExerciseDef, 'check'>

export function exerciseView({ check: _check, ...view }: ExerciseDef): ExerciseView {
  return view
}
