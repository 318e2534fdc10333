'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { EXERCISE_PATH, parseExerciseServerMessage, type ExerciseClientMessage } from '@/lib/exercises/protocol'
import type { Verdict } from '@/lib/exercises/types'
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

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 10_000] as const

export function exerciseUrl(cid: string): string {
  const { protocol, host } = window.location
  return withClientId(`${protocol === 'https:' ? 'wss' : 'ws'}://${host}${EXERCISE_PATH}`, cid)
}

export function useExerciseSession(cid: string | null, exercises: readonly string[]): ExerciseSession {
  const [status, setStatus] = useState<ExerciseLinkStatus>('idle')
  const [verdicts, setVerdicts] = useState<Readonly<Record<string, Verdict>>>({})
  const [error, setError] = useState<string | null>(null)
  const socketRef = useRef<WebSocket | null>(null)
  const key = exercises.join(',')

  useEffect(() => {
    if (cid === null || key === '') return
    const ids = key.split(',')
    let disposed = false
    let attempt = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const open = () => {
      setStatus(attempt === 0 ? 'connecting' : 'reconnecting')
      const socket = new WebSocket(exerciseUrl(cid))
      socketRef.current = socket
      socket.onopen = () => {
        if (disposed) return socket.close(1000, 'page gone')
        attempt = 0
        setStatus('open')
        const watch: ExerciseClientMessage = { type: 'watch', exercises: ids }
        socket.send(JSON.stringify(watch))
      }
      socket.onmessage = (event: MessageEvent) => {
        if (disposed || typeof event.data !== 'string') return
        const message = parseExerciseServerMessage(event.data)
        if (message?.type === 'verdict') setVerdicts((v) => ({ ...v, [message.verdict.exercise]: message.verdict }))
        else if (message?.type === 'error') setError(message.message)
      }
      socket.onclose = () => {
        if (socketRef.current === socket) socketRef.current = null
        if (disposed) return
        const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]
        attempt += 1
        setStatus('reconnecting')
        timer = setTimeout(open, base * (0.8 + Math.random() * 0.4))
      }
    }
    open()
    return () => {
      disposed = true
      if (timer !== undefined) clearTimeout(timer)
      const socket = socketRef.current
      socketRef.current = null
      // Closing a CONNECTING socket makes Chromium log an error: it closes itself once open.
      if (socket && socket.readyState === WebSocket.OPEN) socket.close(1000, 'page gone')
      setStatus('idle')
    }
  }, [cid, key])

  const reset = useCallback((exercise: string) => {
    setVerdicts((v) => {
      const next = { ...v }
      delete next[exercise]
      return next
    })
    const socket = socketRef.current
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'reset', exercise } satisfies ExerciseClientMessage))
  }, [])

  return { status, verdicts, error, reset }
}
