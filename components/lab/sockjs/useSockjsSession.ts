'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { loadSockjs } from '../race/feed-clients'
import { withClientId } from '../useClientId'

/**
 * One sockjs-client session to the lab's /sockjs/feed at a time, with the `transports` option
 * the learner chose. The client is given its session ids (sockjs-client's `sessionId` option), so
 * the widget can find its own requests among the tab's events; `mark` is the inspector's event
 * count when the learner pressed Connect (events after it are this attempt's).
 */
export type SockjsState = 'idle' | 'loading' | 'connecting' | 'open' | 'closed'

export interface SockjsAttempt {
  readonly n: number
  readonly allowed: readonly string[]
  readonly url: string
  readonly mark: number
  readonly sessions: readonly string[]
  readonly state: SockjsState
  /** sockjs-client's own `transport` once open. */
  readonly transport: string | null
  readonly close?: { readonly code: number; readonly reason: string }
  readonly error?: string
}

interface SockjsLike {
  readonly readyState: number
  readonly transport?: string | null
  onopen: (() => void) | null
  onmessage: ((e: { data: unknown }) => void) | null
  onclose: ((e: { code: number; reason: string }) => void) | null
  send(data: string): void
  close(code?: number, reason?: string): void
}
type SockjsCtor = new (url: string, reserved: null, options: { transports?: string[]; sessionId?: () => string }) => SockjsLike

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

function sessionId(): string {
  const bytes = new Uint8Array(8)
  crypto.getRandomValues(bytes)
  let id = ''
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length]
  return id
}

export function useSockjsSession(cid: string | null, feed: string, rate: string, received: () => number) {
  const [attempt, setAttempt] = useState<SockjsAttempt | null>(null)
  const sock = useRef<SockjsLike | null>(null)
  const counter = useRef(0)

  const stop = useCallback(() => {
    const s = sock.current
    sock.current = null
    if (!s) return
    s.onmessage = null
    s.onclose = null
    // Closing a WebSocket still connecting makes the browser log an error: close it once open.
    if (s.readyState === 0) s.onopen = () => s.close(1000, 'widget closed')
    else if (s.readyState === 1) s.close(1000, 'widget closed')
  }, [])

  const connect = useCallback(
    async (allowed: readonly string[]) => {
      if (cid === null) return
      stop()
      const n = ++counter.current
      const url = withClientId(`/sockjs/feed?feed=${encodeURIComponent(feed)}&rate=${encodeURIComponent(rate)}`, cid)
      const update = (patch: Partial<SockjsAttempt>) => setAttempt((a) => (a && a.n === n ? { ...a, ...patch } : a))
      setAttempt({ n, allowed, url, mark: received(), sessions: [], state: 'loading', transport: null })
      let SockJS: SockjsCtor
      try {
        SockJS = (await loadSockjs()) as unknown as SockjsCtor
      } catch (error) {
        update({ state: 'closed', error: error instanceof Error ? error.message : String(error) })
        return
      }
      if (counter.current !== n) return
      const ids: string[] = []
      const s = new SockJS(url, null, {
        ...(allowed.length > 0 ? { transports: [...allowed] } : {}),
        sessionId: () => {
          const id = sessionId()
          ids.push(id)
          update({ sessions: [...ids] })
          return id
        },
      })
      sock.current = s
      update({ state: 'connecting' })
      s.onopen = () => update({ state: 'open', transport: s.transport ?? null })
      s.onclose = (e) => {
        if (sock.current === s) sock.current = null
        update({ state: 'closed', close: { code: e.code, reason: e.reason } })
      }
    },
    [cid, feed, rate, received, stop],
  )

  const disconnect = useCallback(() => {
    const s = sock.current
    if (s && s.readyState === 1) s.close(1000, 'Normal closure') // onclose reports it
    else {
      stop()
      setAttempt((a) => (a ? { ...a, state: 'closed', close: a.close ?? { code: 1000, reason: 'closed by you' } } : a))
    }
  }, [stop])

  const send = useCallback((text: string) => {
    const s = sock.current
    if (!s || s.readyState !== 1) return false
    s.send(text)
    return true
  }, [])

  useEffect(() => stop, [stop])
  return { attempt, connect, disconnect, send }
}
