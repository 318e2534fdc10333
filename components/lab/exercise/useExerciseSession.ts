'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { EXERCISE_PATH, parseExerciseServerMessage, type ExerciseClientMessage } from '@/lib/exercises/protocol'
import type { Verdict } from '@/lib/exercises/types'
import { openReconnecting, type ReconnectingSocket } from '../reconnecting-socket'
import { withClientId } from '../useClientId'

/**
 * The lesson page's line to /ws/exercise (lib/exercises/protocol.ts): opened once the tab's cid
 * is known, it names the page's exercises and keeps the newest verdict of each. Reconnects with
 * backoff; after a reconnect the server starts recording afresh (what was done stays done in
 * the learner's progress).
 */
export type ExerciseLinkStatus = 'idle' | 'connecting' | 'open' | 'reconnecting'

export interface ExerciseSession {
  readonly status: ExerciseLinkStatus
  readonly verdicts: Readonly<Record<string, Verdict>>
  readonly error: string | null
  reset(exercise: string): void
}

export function exerciseUrl(cid: string): string {
  const { protocol, host } = window.location
  return withClientId(`${protocol === 'https:' ? 'wss' : 'ws'}://${host}${EXERCISE_PATH}`, cid)
}

export function useExerciseSession(cid: string | null, exercises: readonly string[]): ExerciseSession {
  const [status, setStatus] = useState<ExerciseLinkStatus>('idle')
  const [verdicts, setVerdicts] = useState<Readonly<Record<string, Verdict>>>({})
  const [error, setError] = useState<string | null>(null)
  const lineRef = useRef<ReconnectingSocket | null>(null)
  const key = exercises.join(',')

  useEffect(() => {
    if (cid === null || key === '') return
    const ids = key.split(',')
    const line = openReconnecting(() => exerciseUrl(cid), {
      onStatus: setStatus,
      onOpen: (socket) => socket.send(JSON.stringify({ type: 'watch', exercises: ids } satisfies ExerciseClientMessage)),
      onText: (text) => {
        const message = parseExerciseServerMessage(text)
        if (message?.type === 'verdict') setVerdicts((v) => ({ ...v, [message.verdict.exercise]: message.verdict }))
        else if (message?.type === 'error') setError(message.message)
      },
    }, 'page gone')
    lineRef.current = line
    return () => {
      line.dispose()
      if (lineRef.current === line) lineRef.current = null
      setStatus('idle')
    }
  }, [cid, key])

  const reset = useCallback((exercise: string) => {
    setVerdicts((v) => {
      const next = { ...v }
      delete next[exercise]
      return next
    })
    lineRef.current?.current()?.send(JSON.stringify({ type: 'reset', exercise } satisfies ExerciseClientMessage))
  }, [])

  return { status, verdicts, error, reset }
}
