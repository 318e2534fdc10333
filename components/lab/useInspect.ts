'use client'

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ViewerMessage, WatchFilter } from '@/lib/inspect/protocol'
import { openReconnecting, type ReconnectingSocket } from './reconnecting-socket'
import {
  DEFAULT_MAX_EVENTS,
  EMPTY_VIEW,
  clearEvents,
  parseServerMessage,
  reduceServerMessage,
  type InspectViewState,
} from '@/lib/inspect/reduce'

/**
 * A live view of /ws/inspect (lib/inspect/protocol.ts). Connects to the same origin (ws: or
 * wss: as the page), waits for `hello`, sends `watch` with the filter (again whenever the filter
 * changes, on the same socket), and keeps the latest broker snapshot, the newest `maxEvents`
 * events and the server's dropped count. Reconnects with backoff (0.5 s doubling to 10 s, with
 * jitter) when the socket closes; closes it on unmount (StrictMode's double mount is safe: a
 * socket still connecting is closed as soon as it opens, so the browser logs no error).
 *
 * Pause keeps receiving but freezes the view: the returned state stops changing, events keep
 * being folded into a hidden copy (bounded too), `pending` counts what arrived meanwhile, and
 * resume shows it all at once. Nothing the server sent is lost up to `maxEvents`.
 *
 * `filter: null` = not connected (e.g. until the tab's cid is known). A filter with `all: true`
 * on a server that does not allow it (`hello.allowAll` false) is sent without `all`.
 *
 * With `replay: true` each watch asks for the watched tabs' recent events too (the server's
 * `replay` message): they are merged in front of the live ones, replacing any the view already
 * had from the same time on (a reconnect), so nothing shows twice.
 */
export type InspectStatus = 'idle' | 'connecting' | 'open' | 'reconnecting'

export interface UseInspectOptions {
  /** Events kept (default 2,000). */
  readonly maxEvents?: number
  /** Override the endpoint (tests); default `ws(s)://<this host>/ws/inspect`. */
  readonly url?: string
  /**
   * Ask for the watched tabs' recent traffic with every `watch` (the server's replay, sent after
   * the snapshot): a view that opens late still shows what happened before it.
   */
  readonly replay?: boolean
}

export interface InspectHandle extends InspectViewState {
  readonly status: InspectStatus
  readonly paused: boolean
  /** Events received while paused, not shown yet. */
  readonly pending: number
  pause(): void
  resume(): void
  /** Forget the events and the dropped count (snapshot kept). */
  clear(): void
  /** Ask the server for a fresh broker snapshot. */
  requestSnapshot(): void
}

export function inspectUrl(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws/inspect`
}

/** The filter as sent: `all` dropped when the server does not allow it. */
export function effectiveFilter(filter: WatchFilter, allowAll: boolean | null): WatchFilter {
  if (!filter.all || allowAll !== false) return filter
  const rest: { -readonly [K in keyof WatchFilter]: WatchFilter[K] } = { ...filter }
  delete rest.all
  return rest
}

export function useInspect(filter: WatchFilter | null, options: UseInspectOptions = {}): InspectHandle {
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS
  const filterKey = filter === null ? null : JSON.stringify(filter)
  const [shown, setShown] = useState<InspectViewState>(EMPTY_VIEW)
  const [status, setStatus] = useState<InspectStatus>('idle')
  const [paused, setPaused] = useState(false)
  const [pending, setPending] = useState(0)

  const live = useRef<InspectViewState>(EMPTY_VIEW)
  const pausedRef = useRef(false)
  const lineRef = useRef<ReconnectingSocket | null>(null)
  const filterRef = useRef<WatchFilter | null>(filter)
  filterRef.current = filter

  const shownReceived = useRef(0)
  const publish = useCallback(() => {
    if (pausedRef.current) setPending(live.current.received - shownReceived.current)
    else {
      shownReceived.current = live.current.received
      setShown(live.current)
    }
  }, [])

  const send = useCallback((message: ViewerMessage) => {
    lineRef.current?.current()?.send(JSON.stringify(message))
  }, [])

  const replay = options.replay === true
  const sendWatch = useCallback(() => {
    const current = filterRef.current
    if (current === null || live.current.allowAll === null) return // before hello: sent on hello
    send({ type: 'watch', filter: effectiveFilter(current, live.current.allowAll), ...(replay ? { replay: true } : {}) })
  }, [send, replay])

  const connected = filterKey !== null
  const url = options.url
  useEffect(() => {
    if (!connected) return
    const line = openReconnecting(() => url ?? inspectUrl(), {
      onStatus: setStatus,
      onText: (text) => {
        const message = parseServerMessage(text)
        if (message === null) return
        live.current = reduceServerMessage(live.current, message, maxEvents)
        if (message.type === 'hello') sendWatch()
        publish()
      },
      onDrop: () => {
        live.current = { ...live.current, allowAll: null } // the next socket says hello again
      },
    }, 'viewer gone')
    lineRef.current = line
    return () => {
      line.dispose()
      if (lineRef.current === line) lineRef.current = null
      setStatus('idle')
    }
  }, [connected, url, maxEvents, publish, sendWatch])

  // A new filter on the open socket: forget what the old one showed and watch again (the server
  // answers with a snapshot).
  const watchedKey = useRef(filterKey)
  useEffect(() => {
    if (filterKey === null || filterKey === watchedKey.current) return
    if (watchedKey.current !== null) {
      live.current = clearEvents(live.current)
      shownReceived.current = 0
      setPending(0)
      setShown(live.current)
    }
    watchedKey.current = filterKey
    sendWatch()
  }, [filterKey, sendWatch])

  const pause = useCallback(() => {
    pausedRef.current = true
    setPaused(true)
  }, [])
  const resume = useCallback(() => {
    pausedRef.current = false
    setPaused(false)
    setPending(0)
    shownReceived.current = live.current.received
    setShown(live.current)
  }, [])
  const clear = useCallback(() => {
    live.current = clearEvents(live.current)
    shownReceived.current = 0
    setPending(0)
    setShown(live.current)
  }, [])
  const requestSnapshot = useCallback(() => send({ type: 'snapshot' }), [send])

  return useMemo(
    () => ({ ...shown, status, paused, pending, pause, resume, clear, requestSnapshot }),
    [shown, status, paused, pending, pause, resume, clear, requestSnapshot],
  )
}
