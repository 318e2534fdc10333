/**
 * The /ws/exercise protocol: JSON text messages over a WebSocket opened by a lesson page with its
 * tab's `?cid=`. The page names the exercises it shows; the server records the tab's wire events
 * from then on, runs each exercise's check over them and sends a verdict whenever one changes.
 * A verdict that reached `done` stays done until the page resets that exercise.
 */
import type { Verdict } from './types'

export type ExerciseClientMessage =
  | { readonly type: 'watch'; readonly exercises: readonly string[] }
  /** Forget this exercise's progress: its check starts over on events from now on. */
  | { readonly type: 'reset'; readonly exercise: string }

export type ExerciseServerMessage =
  | { readonly type: 'hello'; readonly cid: string }
  | { readonly type: 'verdict'; readonly verdict: Verdict }
  | { readonly type: 'error'; readonly message: string }

export const EXERCISE_PATH = '/ws/exercise'

/** Exercises one page may watch at once. */
export const MAX_WATCHED_EXERCISES = 16

/** Parse a client message (untrusted JSON) or say what is wrong with it. */
export function parseExerciseClientMessage(text: string): ExerciseClientMessage | { readonly error: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { error: 'messages are JSON objects: {"type":"watch","exercises":["…"]} or {"type":"reset","exercise":"…"}' }
  }
  if (typeof value !== 'object' || value === null) return { error: 'a message is a JSON object with a type' }
  const message = value as Record<string, unknown>
  if (message.type === 'watch') {
    const list = message.exercises
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) return { error: 'watch needs exercises: an array of exercise ids' }
    if (list.length > MAX_WATCHED_EXERCISES) return { error: `watch names ${list.length} exercises (at most ${MAX_WATCHED_EXERCISES})` }
    return { type: 'watch', exercises: list as string[] }
  }
  if (message.type === 'reset') {
    if (typeof message.exercise !== 'string') return { error: 'reset needs exercise: an exercise id' }
    return { type: 'reset', exercise: message.exercise }
  }
  return { error: `unknown message type ${JSON.stringify(message.type)}: use watch or reset` }
}

/** Parse a server message; null when it is not one. */
export function parseExerciseServerMessage(text: string): ExerciseServerMessage | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const type = (value as { type?: unknown }).type
  if (type === 'hello' || type === 'error') return value as ExerciseServerMessage
  if (type === 'verdict' && typeof (value as { verdict?: unknown }).verdict === 'object') return value as ExerciseServerMessage
  return null
}
