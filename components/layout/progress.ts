'use client'

import { useSyncExternalStore } from 'react'

/**
 * Course progress, kept in the browser only (localStorage, no account, no server storage): the
 * exercises the learner has completed, with when. A lesson is done when every exercise of its
 * front matter is. Every tab of the same browser sees changes at once (the `storage` event).
 */
export const PROGRESS_STORAGE_KEY = 'wirelab-progress-v1'

export interface Progress {
  /** Exercise id → ISO time it was first completed. */
  readonly exercises: Readonly<Record<string, string>>
}

const EMPTY: Progress = { exercises: {} }
const listeners = new Set<() => void>()
let cached: { raw: string | null; value: Progress } | null = null

function parse(raw: string | null): Progress {
  if (raw === null) return EMPTY
  try {
    const value = JSON.parse(raw) as unknown
    if (typeof value !== 'object' || value === null) return EMPTY
    const exercises = (value as { exercises?: unknown }).exercises
    if (typeof exercises !== 'object' || exercises === null) return EMPTY
    const out: Record<string, string> = {}
    for (const [id, at] of Object.entries(exercises)) if (typeof at === 'string') out[id] = at
    return { exercises: out }
  } catch {
    return EMPTY
  }
}

function read(): Progress {
  let raw: string | null = null
  try {
    raw = localStorage.getItem(PROGRESS_STORAGE_KEY)
  } catch {
    // storage blocked: progress lives for this page only
    return memory ?? EMPTY
  }
  if (cached && cached.raw === raw) return cached.value
  cached = { raw, value: parse(raw) }
  return cached.value
}

let memory: Progress | null = null

function write(next: Progress): void {
  try {
    localStorage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(next))
  } catch {
    memory = next
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key === PROGRESS_STORAGE_KEY || event.key === null) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

export function markExerciseDone(id: string): void {
  const current = read()
  if (current.exercises[id]) return
  write({ exercises: { ...current.exercises, [id]: new Date().toISOString() } })
}

/** Forget these exercises (a lesson's "reset progress"). */
export function forgetExercises(ids: readonly string[]): void {
  const current = read()
  const next: Record<string, string> = { ...current.exercises }
  for (const id of ids) delete next[id]
  write({ exercises: next })
}

/** The learner's progress; `null` during the server render and hydration (no localStorage there). */
export function useProgress(): Progress | null {
  return useSyncExternalStore(subscribe, read, () => null)
}

export type LessonState = 'none' | 'started' | 'done'

/** A lesson with no exercises is never "done" by exercises: it stays `none`. */
export function lessonState(progress: Progress | null, exercises: readonly string[]): LessonState {
  if (progress === null || exercises.length === 0) return 'none'
  const done = exercises.filter((id) => progress.exercises[id]).length
  return done === exercises.length ? 'done' : done > 0 ? 'started' : 'none'
}
