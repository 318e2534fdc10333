'use client'

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react'
import type { Solution, SolutionTarget, Verdict } from '@/lib/exercises/types'
import { useClientId } from '../useClientId'
import { useExerciseSession, type ExerciseLinkStatus } from './useExerciseSession'

/**
 * What a lesson page shares between its widgets and its exercises:
 * - the line to /ws/exercise (one per page) and the newest verdict of each exercise;
 * - fill targets: a widget that can take a solution (the STOMP editor, the HTTP request box, the
 *   code sandbox …) registers under its kind, and "show solution" fills it.
 * Outside a lesson (the /lab page) widgets find no provider and simply do not register.
 */
export interface FillTarget {
  readonly kind: SolutionTarget
  /** Which one of several of that kind (the client's name: Alice, Bob …). */
  readonly name?: string
  fill(value: string): void
}

export interface LessonContextValue {
  readonly slug: string
  readonly cid: string | null
  readonly status: ExerciseLinkStatus
  readonly verdicts: Readonly<Record<string, Verdict>>
  readonly error: string | null
  reset(exercise: string): void
  register(target: FillTarget): () => void
  /** Put a solution into its widget; false when the page has none of that kind (show it as text). */
  fill(solution: Solution): boolean
}

const LessonContext = createContext<LessonContextValue | null>(null)

export function LessonProvider({ slug, exercises, children }: { slug: string; exercises: readonly string[]; children: ReactNode }) {
  const cid = useClientId()
  const session = useExerciseSession(cid, exercises)
  const targets = useRef(new Set<FillTarget>())

  const register = useCallback((target: FillTarget) => {
    targets.current.add(target)
    return () => {
      targets.current.delete(target)
    }
  }, [])

  const fill = useCallback((solution: Solution) => {
    const candidates = [...targets.current].filter((t) => t.kind === solution.target)
    const target = candidates.find((t) => solution.client === undefined || t.name === solution.client) ?? (solution.client === undefined ? candidates[0] : undefined)
    if (!target) return false
    target.fill(solution.value)
    return true
  }, [])

  const value = useMemo<LessonContextValue>(
    () => ({ slug, cid, status: session.status, verdicts: session.verdicts, error: session.error, reset: session.reset, register, fill }),
    [slug, cid, session.status, session.verdicts, session.error, session.reset, register, fill],
  )
  return <LessonContext.Provider value={value}>{children}</LessonContext.Provider>
}

export function useLesson(): LessonContextValue | null {
  return useContext(LessonContext)
}

/**
 * A widget offers itself as a solution target while mounted. `fill` may change between renders
 * (it is read through a ref), the registration does not.
 */
export function useFillTarget(kind: SolutionTarget, name: string | undefined, fill: (value: string) => void): void {
  const lesson = useLesson()
  const fillRef = useRef(fill)
  fillRef.current = fill
  const register = lesson?.register
  useEffect(() => {
    if (!register) return
    return register({ kind, name, fill: (value) => fillRef.current(value) })
  }, [register, kind, name])
}
