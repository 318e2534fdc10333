'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { pollPath, type PollerSettings, type PollMode } from '@/lib/inspect/poll-log'
import { withClientId } from '../useClientId'
import { errorText } from './feed-client'

/**
 * The polling loop of the Poller widget, as a browser would write it: short polling sends a GET
 * every `interval` ms (timed from the previous request's start, never two at once); long polling
 * sends the next GET as soon as the previous answer arrives. Each request's `since` follows the
 * chosen mode (the last answer's `cursor`, none, or 0), read afresh at every request so the
 * learner can change it while the loop runs.
 *
 * Two brakes keep a lesson page from hammering the shared server: a long poll answered in under
 * 100 ms is followed by a 0.5 s pause (since=0 answers at once, forever), and the loop stops by
 * itself after 3 minutes. Both are said on screen.
 */
export interface PendingPoll {
  readonly path: string
  /** performance.now() when it was sent. */
  readonly startedAt: number
}

const MAX_RUN_MS = 3 * 60_000
const AT_ONCE_MS = 100
const BRAKE_MS = 500
const ERROR_PAUSE_MS = 1000

export function usePollLoop(cid: string | null, feed: string, mode: PollMode, settings: PollerSettings) {
  const settingsRef = useRef(settings)
  settingsRef.current = settings
  const [running, setRunning] = useState(false)
  const [pending, setPending] = useState<PendingPoll | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const abortRef = useRef<AbortController | null>(null)

  const stop = useCallback((why?: string) => {
    abortRef.current?.abort()
    abortRef.current = null
    setRunning(false)
    setPending(null)
    setNote(why ?? null)
  }, [])

  const start = useCallback(() => {
    if (cid === null) return
    abortRef.current?.abort()
    const abort = new AbortController()
    abortRef.current = abort
    setRunning(true)
    setNote(null)
    const began = performance.now()
    let cursor: number | null = null
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms)
        abort.signal.addEventListener('abort', () => {
          clearTimeout(timer)
          resolve()
        })
      })

    const loop = async () => {
      while (!abort.signal.aborted) {
        if (performance.now() - began > MAX_RUN_MS) {
          stop('Stopped after 3 minutes, so a forgotten tab does not poll for ever. Start again to go on.')
          return
        }
        const s = settingsRef.current
        const path = pollPath(feed, mode, s.since, cursor, s.timeout)
        const startedAt = performance.now()
        setPending({ path, startedAt })
        let pause = 0
        try {
          const res = await fetch(withClientId(path, cid), { signal: abort.signal, cache: 'no-store' })
          if (res.ok) {
            const body = (await res.json()) as { cursor?: unknown; messages?: unknown[] }
            if (typeof body.cursor === 'number') cursor = body.cursor
            const took = performance.now() - startedAt
            if (mode === 'long' && took < AT_ONCE_MS) {
              pause = BRAKE_MS
              setNote(`Answered in ${Math.round(took)} ms: this page waits ${BRAKE_MS} ms before asking again, so it does not hammer the server. A real client would ask again at once, in a tight loop.`)
            } else setNote(null)
          } else {
            // A cursor the feed does not know (an idle room is forgotten after a minute): start afresh.
            cursor = null
            pause = ERROR_PAUSE_MS
            setNote(`The server answered ${await errorText(res)}`)
          }
        } catch (error) {
          if (abort.signal.aborted) return
          pause = ERROR_PAUSE_MS
          setNote(`The request failed: ${error instanceof Error ? error.message : String(error)}`)
        }
        setPending(null)
        if (mode === 'short') pause = Math.max(pause, startedAt + settingsRef.current.interval - performance.now())
        if (pause > 0) await sleep(pause)
      }
    }
    void loop()
  }, [cid, feed, mode, stop])

  // A new feed or mode starts over; leaving the page stops.
  useEffect(() => () => abortRef.current?.abort(), [])
  useEffect(() => {
    stop()
  }, [feed, mode, stop])

  return { running, pending, note, start, stop }
}
