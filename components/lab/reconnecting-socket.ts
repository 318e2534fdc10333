/**
 * A WebSocket that comes back: opened at once, reopened after a close with backoff (0.5 s
 * doubling to 10 s, ±20 % jitter), closed for good by `dispose()`. Used by the page's long-lived
 * lines to the server (/ws/inspect, /ws/exercise). StrictMode-safe: a socket still connecting
 * when disposed closes itself as soon as it opens (closing a CONNECTING socket makes Chromium log
 * an error).
 */
export type ReconnectingStatus = 'connecting' | 'open' | 'reconnecting'

export interface ReconnectingHandlers {
  readonly onStatus: (status: ReconnectingStatus) => void
  /** The socket is open (the first time and after every reconnect). */
  readonly onOpen?: (socket: WebSocket) => void
  /** A text message (binary ones are ignored). */
  readonly onText: (text: string) => void
  /** The socket closed and a new one will be opened. */
  readonly onDrop?: () => void
}

export interface ReconnectingSocket {
  /** The open socket, or null between sockets. */
  current(): WebSocket | null
  dispose(): void
}

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 10_000] as const

export function openReconnecting(url: () => string, handlers: ReconnectingHandlers, goodbye: string): ReconnectingSocket {
  let disposed = false
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let socket: WebSocket | null = null

  const open = () => {
    handlers.onStatus(attempt === 0 ? 'connecting' : 'reconnecting')
    const ws = new WebSocket(url())
    socket = ws
    ws.onopen = () => {
      if (disposed) return ws.close(1000, goodbye)
      attempt = 0
      handlers.onStatus('open')
      handlers.onOpen?.(ws)
    }
    ws.onmessage = (event: MessageEvent) => {
      if (!disposed && typeof event.data === 'string') handlers.onText(event.data)
    }
    ws.onclose = () => {
      if (socket === ws) socket = null
      if (disposed) return
      handlers.onDrop?.()
      const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]
      attempt += 1
      handlers.onStatus('reconnecting')
      timer = setTimeout(open, base * (0.8 + Math.random() * 0.4))
    }
  }
  open()

  return {
    current: () => (socket?.readyState === WebSocket.OPEN ? socket : null),
    dispose() {
      disposed = true
      if (timer !== undefined) clearTimeout(timer)
      if (socket && socket.readyState === WebSocket.OPEN) socket.close(1000, goodbye)
      socket = null
    },
  }
}
