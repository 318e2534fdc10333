'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * A real `EventSource` (HTML Standard §9.2) on a lab SSE URL, and what the page itself observes:
 * `open` each time a connection is established (the first, then every automatic reconnect),
 * each `message` with its `lastEventId`, `error` when the stream drops (readyState back to
 * CONNECTING: the browser retries by itself) or fails for good (CLOSED). The browser's own
 * reconnects are its business: this hook never reopens anything.
 *
 * Bounded so a forgotten tab does not loop for ever against a server that cuts every stream:
 * closed after 10 connections or 5 minutes, saying so.
 */
export type SourceState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed' | 'failed'

export interface ReceivedEvent {
  readonly n: number
  /** `MessageEvent.lastEventId`: the id in force for this event. */
  readonly lastEventId: string
  readonly type: string
  readonly data: string
  /** Which connection of this EventSource brought it (1 = the first). */
  readonly connection: number
  /** Which EventSource (the learner's Open presses, from 1). */
  readonly source: number
}

const MAX_CONNECTIONS = 10
const MAX_OPEN_MS = 5 * 60_000
const KEPT = 200

export function useEventSource() {
  const [state, setState] = useState<SourceState>('idle')
  const [events, setEvents] = useState<readonly ReceivedEvent[]>([])
  const [connections, setConnections] = useState(0)
  const [droppedAt, setDroppedAt] = useState<number | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const sourceRef = useRef<EventSource | null>(null)
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null)
  const counter = useRef({ events: 0, sources: 0 })

  const close = useCallback((why?: string) => {
    sourceRef.current?.close()
    sourceRef.current = null
    if (timerRef.current) clearTimeout(timerRef.current)
    timerRef.current = null
    setState((s) => (s === 'idle' ? s : 'closed'))
    setDroppedAt(null)
    setNote(why ?? null)
  }, [])

  const open = useCallback(
    (url: string) => {
      close()
      const source = new EventSource(url)
      sourceRef.current = source
      const sourceNo = ++counter.current.sources
      let connection = 0
      setState('connecting')
      setConnections(0)
      setNote(null)
      timerRef.current = setTimeout(() => close('Closed after 5 minutes, so a forgotten tab does not keep a stream open for ever. Open it again to go on.'), MAX_OPEN_MS)
      source.onopen = () => {
        if (sourceRef.current !== source) return
        connection += 1
        setConnections(connection)
        setState('open')
        setDroppedAt(null)
        if (connection > MAX_CONNECTIONS) close(`Closed after ${MAX_CONNECTIONS} connections, so this page does not reconnect for ever. Open it again to go on.`)
      }
      source.onmessage = (e: MessageEvent) => {
        if (sourceRef.current !== source) return
        const received: ReceivedEvent = { n: ++counter.current.events, lastEventId: e.lastEventId, type: e.type, data: typeof e.data === 'string' ? e.data : '', connection, source: sourceNo }
        setEvents((list) => [...list.slice(-(KEPT - 1)), received])
      }
      source.onerror = () => {
        if (sourceRef.current !== source) return
        if (source.readyState === EventSource.CONNECTING) {
          setState('reconnecting')
          setDroppedAt(performance.now())
        } else {
          setState('failed')
          setNote('The browser gave up on this stream (the server refused it, e.g. a 4xx, or its type was not text/event-stream). It will not reconnect by itself.')
          sourceRef.current = null
        }
      }
    },
    [close],
  )

  const clear = useCallback(() => setEvents([]), [])

  useEffect(
    () => () => {
      sourceRef.current?.close()
      if (timerRef.current) clearTimeout(timerRef.current)
    },
    [],
  )

  return { state, events, connections, droppedAt, note, open, close, clear }
}
