'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { Socket } from 'socket.io-client'

/**
 * One socket.io-client connection to the lab's /socket.io/ (bundled with the page code, no CDN),
 * with the transports and upgrade setting the learner chose, and what the client itself saw:
 * its state, the engine.io session id (to find its packets among the tab's events), the current
 * transport, and the replies it got (acknowledgements, events).
 */
export type SocketioState = 'idle' | 'connecting' | 'connected' | 'disconnected'
export type EngineTransport = 'polling' | 'websocket'

export interface ClientLogEntry {
  readonly n: number
  readonly kind: 'ack' | 'event' | 'info' | 'error'
  readonly text: string
}

export interface SocketioStatus {
  readonly state: SocketioState
  readonly sid: string | null
  readonly transport: EngineTransport | null
  readonly upgraded: boolean
  readonly reason?: string
}

export interface EmitRequest {
  readonly event: string
  readonly payload: unknown
  readonly ack: boolean
}

const IDLE: SocketioStatus = { state: 'idle', sid: null, transport: null, upgraded: false }

function show(value: unknown): string {
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

export function useSocketioClient(cid: string | null) {
  const [status, setStatus] = useState<SocketioStatus>(IDLE)
  const [log, setLog] = useState<readonly ClientLogEntry[]>([])
  const socket = useRef<Socket | null>(null)
  const counter = useRef(0)
  const attempt = useRef(0)

  const note = useCallback((kind: ClientLogEntry['kind'], text: string) => {
    const n = ++counter.current
    setLog((l) => [...l.slice(-29), { n, kind, text }])
  }, [])

  const stop = useCallback(() => {
    const s = socket.current
    socket.current = null
    if (!s) return
    s.removeAllListeners()
    s.io.engine?.removeAllListeners('upgrade')
    s.disconnect()
  }, [])

  const connect = useCallback(
    async (transports: readonly EngineTransport[], upgrade: boolean) => {
      if (cid === null || transports.length === 0) return
      stop()
      const mine = ++attempt.current
      setStatus({ ...IDLE, state: 'connecting' })
      const { io } = await import('socket.io-client')
      if (attempt.current !== mine) return
      const s = io(window.location.origin, { transports: [...transports], upgrade, query: { cid }, reconnection: false, forceNew: true })
      socket.current = s
      const engine = () => s.io.engine
      s.io.on('open', () => {
        const e = engine()
        setStatus({ state: 'connecting', sid: e.id ?? null, transport: e.transport.name as EngineTransport, upgraded: false })
        e.on('upgrade', (t: { name: string }) => {
          setStatus((st) => ({ ...st, transport: t.name as EngineTransport, upgraded: true }))
          note('info', `engine.io upgraded to ${t.name}`)
        })
      })
      s.on('connect', () => setStatus((st) => ({ ...st, state: 'connected', sid: engine().id ?? st.sid, transport: engine().transport.name as EngineTransport })))
      s.on('connect_error', (error: Error) => {
        setStatus((st) => ({ ...st, state: 'disconnected', reason: error.message }))
        note('error', `connect_error: ${error.message}`)
      })
      s.on('disconnect', (reason: string) => setStatus((st) => ({ ...st, state: 'disconnected', reason })))
      s.onAny((event: string, ...args: unknown[]) => note('event', `event "${event}" ${args.map(show).join(', ')}`))
    },
    [cid, note, stop],
  )

  const disconnect = useCallback(() => {
    const s = socket.current
    if (s?.connected) s.disconnect()
    else stop()
    setStatus((st) => (st.state === 'idle' ? st : { ...st, state: 'disconnected', reason: st.reason ?? 'io client disconnect' }))
  }, [stop])

  const emit = useCallback(
    (request: EmitRequest) => {
      const s = socket.current
      if (!s?.connected) return false
      if (request.ack) {
        s.emit(request.event, request.payload, (reply: unknown) => note('ack', `ack for "${request.event}": ${show(reply)}`))
      } else s.emit(request.event, request.payload)
      return true
    },
    [note],
  )

  useEffect(() => stop, [stop])
  return { status, log, connect, disconnect, emit }
}
