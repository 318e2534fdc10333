/**
 * Bytes on a socket, per exchange. A keep-alive socket carries several HTTP exchanges one after
 * the other (and may end in a WebSocket upgrade), so each exchange is measured from where the
 * previous one ended: the socket's `bytesRead`/`bytesWritten` at that moment are its mark.
 *
 * markExchanges() keeps the mark current for EVERY request on the server (Next pages too), so a
 * lab request never inherits the bytes of a page fetched on the same socket before it. Bytes are
 * socket counts: request line, headers, body, chunk framing, status line and response headers
 * are all in them. (`bytesWritten` includes what is still queued in the socket's buffer: written
 * by the server, not yet necessarily received.)
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

interface Mark {
  read: number
  written: number
}

const marks = new WeakMap<Socket, Mark>()

function markOf(socket: Socket): Mark {
  return marks.get(socket) ?? { read: 0, written: 0 }
}

function setMark(socket: Socket): Mark {
  const mark = { read: socket.bytesRead, written: socket.bytesWritten }
  marks.set(socket, mark)
  return mark
}

/** Moves the socket's mark to the end of this exchange when its response finishes or is cut. */
export function markExchanges(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket
  let done = false
  const end = (): void => {
    if (done) return
    done = true
    setMark(socket)
  }
  res.once('finish', end)
  res.once('close', end)
}

export class SocketMeter {
  private readonly start: Mark
  private final: { up: number; down: number } | null = null

  constructor(private readonly socket: Socket) {
    this.start = markOf(socket)
  }

  /** Bytes since the mark: up = read from the client, down = written to it. */
  current(): { up: number; down: number } {
    if (this.final) return this.final
    return { up: this.socket.bytesRead - this.start.read, down: this.socket.bytesWritten - this.start.written }
  }

  /** The exchange is over: its bytes are fixed and the socket's next exchange starts here. */
  finish(): { up: number; down: number } {
    if (this.final) return this.final
    const mark = setMark(this.socket)
    this.final = { up: mark.read - this.start.read, down: mark.written - this.start.written }
    return this.final
  }
}
