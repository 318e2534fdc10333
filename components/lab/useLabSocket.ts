'use client'

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { WsFrameEvent, WsHandshakeEvent } from '@/lib/inspect/events'
import type { WatchFilter } from '@/lib/inspect/protocol'
import { useClientId, withClientId } from './useClientId'
import { useInspect, type InspectStatus } from './useInspect'

/**
 * One WebSocket of the learner's own (to /ws/echo or /ws/stomp) plus what the server's inspector
 * saw of it: its `ws.handshake` and its `ws.frame`s. The socket URL carries the tab's cid and a
 * random `tag`, so among the tab's connections this one is recognised by the request line of its
 * handshake, and its connection id (`conn`) then picks out its frames.
 *
 * The socket opens only once the inspector watches (after its first snapshot), so the handshake
 * event cannot be missed. `send` records each data message it sends (and the socket records each
 * one it receives), so views can pair them with the server's frames and show complete payloads.
 */
export type LabEndpoint = 'echo' | 'stomp'
export type LabSocketStatus = 'waiting' | 'connecting' | 'open' | 'closed'

export interface LabSocket {
  readonly status: LabSocketStatus
  readonly inspectStatus: InspectStatus
  readonly url: string | null
  readonly handshake: WsHandshakeEvent | null
  readonly conn: string | null
  /** This connection's frames as the server decoded them, oldest first. */
  readonly frames: readonly WsFrameEvent[]
  /** Data messages this page sent / received on the socket, in order, as octets. */
  readonly sent: readonly Uint8Array[]
  readonly received: readonly Uint8Array[]
  readonly closeInfo: string | null
  /** Events the inspector dropped for this viewer (a gap in `frames`). */
  readonly dropped: number
  /** Open for a while, yet the inspector reported no handshake for it (the endpoint is not tapped). */
  readonly unreported: boolean
  send(text: string): boolean
  /** Sends a binary message (opcode 2). */
  sendBinary(bytes: Uint8Array): boolean
  /**
   * Closes the socket from the browser (`WebSocket.close(code, reason)`). Returns the browser's
   * own error when it refuses (a code other than 1000 or 3000-4999, a reason over 123 octets),
   * `'not open'` when there is nothing to close, else null.
   */
  close(code?: number, reason?: string): string | null
  /** Close (when open) and open a fresh connection: a new key, a new handshake. */
  reconnect(): void
}

export interface LabSocketOptions {
  /** Called once the socket is open (e.g. to send a STOMP CONNECT). */
  readonly onOpen?: (send: (text: string) => void) => void
  /** Sent before a deliberate close (e.g. a STOMP DISCONNECT). */
  readonly goodbye?: string
}

const TYPES = ['ws.handshake', 'ws.frame'] as const
/** How long an open socket may wait for its handshake event before the view says it is missing. */
const REPORT_WAIT_MS = 3000
const encoder = new TextEncoder()

function randomTag(): string {
  const bytes = new Uint8Array(6)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('')
}

export function labSocketUrl(endpoint: LabEndpoint, cid: string, tag: string): string {
  const { protocol, host } = window.location
  return withClientId(`${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws/${endpoint}?tag=${tag}`, cid)
}

async function toBytes(data: unknown): Promise<Uint8Array> {
  if (typeof data === 'string') return encoder.encode(data)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (data instanceof Blob) return new Uint8Array(await data.arrayBuffer())
  return new Uint8Array(0)
}

export function useLabSocket(endpoint: LabEndpoint, options: LabSocketOptions = {}): LabSocket {
  const cid = useClientId()
  const filter = useMemo<WatchFilter | null>(() => (cid ? { clients: [cid], types: [...TYPES] } : null), [cid])
  const inspect = useInspect(filter, { maxEvents: 600 })
  const [generation, setGeneration] = useState(0)
  const [status, setStatus] = useState<LabSocketStatus>('waiting')
  const [url, setUrl] = useState<string | null>(null)
  const [sent, setSent] = useState<readonly Uint8Array[]>([])
  const [received, setReceived] = useState<readonly Uint8Array[]>([])
  const [closeInfo, setCloseInfo] = useState<string | null>(null)
  const socketRef = useRef<WebSocket | null>(null)
  const optionsRef = useRef(options)
  optionsRef.current = options

  const watching = inspect.snapshots > 0
  useEffect(() => {
    if (!cid || !watching) return
    const tag = randomTag()
    const target = labSocketUrl(endpoint, cid, tag)
    let disposed = false
    setUrl(target)
    setSent([])
    setReceived([])
    setCloseInfo(null)
    setStatus('connecting')
    const socket = new WebSocket(target)
    socket.binaryType = 'arraybuffer'
    socketRef.current = socket
    const rawSend = (text: string) => {
      socket.send(text)
      setSent((list) => [...list, encoder.encode(text)])
    }
    socket.onopen = () => {
      if (disposed) return socket.close(1000, 'view gone')
      setStatus('open')
      optionsRef.current.onOpen?.(rawSend)
    }
    socket.onmessage = (event: MessageEvent) => {
      void toBytes(event.data).then((bytes) => {
        if (!disposed) setReceived((list) => [...list, bytes])
      })
    }
    socket.onclose = (event: CloseEvent) => {
      if (socketRef.current === socket) socketRef.current = null
      if (disposed) return
      setStatus('closed')
      setCloseInfo(`closed: ${event.code}${event.reason ? ` ${event.reason}` : ''}`)
    }
    return () => {
      disposed = true
      if (socketRef.current === socket) socketRef.current = null
      // Closing a CONNECTING socket makes Chromium log an error: onopen closes it instead.
      if (socket.readyState === WebSocket.OPEN) {
        const bye = optionsRef.current.goodbye
        if (bye !== undefined) socket.send(bye)
        socket.close(1000, 'view gone')
      }
    }
  }, [cid, watching, endpoint, generation])

  const send = useCallback((text: string) => {
    const socket = socketRef.current
    if (socket?.readyState !== WebSocket.OPEN) return false
    socket.send(text)
    setSent((list) => [...list, encoder.encode(text)])
    return true
  }, [])

  const sendBinary = useCallback((bytes: Uint8Array) => {
    const socket = socketRef.current
    if (socket?.readyState !== WebSocket.OPEN) return false
    const copy = bytes.slice()
    socket.send(copy)
    setSent((list) => [...list, copy])
    return true
  }, [])

  const close = useCallback((code?: number, reason?: string) => {
    const socket = socketRef.current
    if (socket?.readyState !== WebSocket.OPEN) return 'not open'
    try {
      // As the page would call it: no arguments, a code, or a code (maybe none) and a reason.
      if (code === undefined && reason === undefined) socket.close()
      else if (reason === undefined) socket.close(code)
      else socket.close(code, reason)
      return null
    } catch (error) {
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    }
  }, [])

  const reconnect = useCallback(() => setGeneration((g) => g + 1), [])

  const { events } = inspect
  const handshake = useMemo(() => {
    if (!url) return null
    const tag = new URL(url).searchParams.get('tag')
    for (const ev of events) {
      if (ev.type === 'ws.handshake' && tag && ev.requestLine.includes(`tag=${tag}`)) return ev
    }
    return null
  }, [events, url])
  const conn = handshake?.conn ?? null
  const [overdue, setOverdue] = useState(false)
  useEffect(() => {
    setOverdue(false)
    if (status !== 'open') return
    const timer = setTimeout(() => setOverdue(true), REPORT_WAIT_MS)
    return () => clearTimeout(timer)
  }, [status, url])
  const frames = useMemo(() => (conn ? events.filter((ev): ev is WsFrameEvent => ev.type === 'ws.frame' && ev.conn === conn) : []), [events, conn])

  const unreported = overdue && handshake === null
  return { status, inspectStatus: inspect.status, url, handshake, conn, frames, sent, received, closeInfo, dropped: inspect.dropped, unreported, send, sendBinary, close, reconnect }
}
