/**
 * Raw STOMP over TCP (STOMP_TCP_PORT, default 61613, bound to HOST). The byte stream goes to the
 * broker untouched; TCP segment boundaries carry no meaning.
 *
 * close() is "write, then end()" — a half-close after every queued byte (STOMP 1.2 §Connection
 * Lingering — checklist 67) — never destroy() right after a write. A peer that never closes its
 * side is destroyed after a linger period.
 *
 * If the port is busy the transport logs one line and the server serves the web without it.
 */
import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import type { Connection } from '../broker/connection'
import type { Logger } from '../log'
import { ConnectionEvents, nextConnectionId, remoteOf } from './connection-base'

/** After our FIN, how long the peer has to close its side before the socket is destroyed. */
const LINGER_MS = 5000

class TcpConnection implements Connection {
  readonly id = nextConnectionId('tcp')
  readonly transport = 'tcp' as const
  readonly remote: string
  private readonly events = new ConnectionEvents()
  private ending = false

  constructor(
    private readonly socket: Socket,
    private readonly log: Logger,
  ) {
    this.remote = remoteOf(socket.remoteAddress, socket.remotePort)
    socket.setNoDelay(true) // one STOMP frame should leave now, not wait for Nagle
    socket.setKeepAlive(true, 30_000) // notice vanished peers even when STOMP heart-beats are off
    socket.on('data', (chunk: Buffer) => {
      // Clients MUST NOT send after DISCONNECT (1.2 §DISCONNECT): bytes after close() are ignored.
      if (!this.ending) this.events.data(chunk)
    })
    socket.on('drain', () => this.events.drain())
    socket.on('error', (error) => this.log.debug('tcp.error', { conn: this.id, error }))
    socket.on('close', (hadError) => this.events.close(hadError ? 'tcp socket error' : 'tcp socket closed'))
  }

  get bufferedAmount(): number {
    return this.socket.writableLength
  }

  send(data: Uint8Array): void {
    if (this.ending || !this.socket.writable) return
    this.socket.write(data)
  }

  close(): void {
    if (this.ending) return
    this.ending = true
    this.socket.end()
    const timer = setTimeout(() => this.socket.destroy(), LINGER_MS)
    timer.unref()
    this.socket.once('close', () => clearTimeout(timer))
  }

  destroy(): void {
    this.ending = true
    this.socket.destroy()
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.events.onData(listener)
  }

  onClose(listener: (reason: string) => void): void {
    this.events.onClose(listener)
  }

  onDrain(listener: () => void): void {
    this.events.onDrain(listener)
  }
}

export interface TcpTransportOptions {
  readonly host: string
  /** 0 = any free port (tests). */
  readonly port: number
  readonly accept: (conn: Connection) => void
  readonly log: Logger
}

export interface TcpTransport {
  /** The port actually listened on, or `null` when the port was busy (or unavailable). */
  readonly port: number | null
  readonly connectionCount: number
  /** Stops accepting new connections; open ones go on. */
  stopAccepting(): void
  /** Stops listening and destroys sockets still open (the broker closed its sessions before). */
  close(): Promise<void>
}

export async function startTcpTransport(options: TcpTransportOptions): Promise<TcpTransport> {
  const { accept, log } = options
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    const conn = new TcpConnection(socket, log)
    log.debug('tcp.open', { conn: conn.id, remote: conn.remote })
    accept(conn)
  })

  const listening = await new Promise<boolean>((resolve) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const busy = error.code === 'EADDRINUSE'
      log.warn(busy ? 'tcp.port_busy' : 'tcp.listen_failed', {
        host: options.host,
        port: options.port,
        code: error.code,
        message: busy
          ? `STOMP TCP port ${options.port} is busy: serving the web without STOMP over TCP (set STOMP_TCP_PORT to another port or off)`
          : `STOMP over TCP could not listen on ${options.host}:${options.port} (${error.message}): serving the web without it`,
      })
      resolve(false)
    }
    server.once('error', onError)
    server.listen(options.port, options.host, () => {
      server.off('error', onError)
      server.on('error', (error) => log.error('tcp.server_error', { error }))
      resolve(true)
    })
  })
  const port = listening ? (server.address() as AddressInfo).port : null
  const serverClosed = listening ? new Promise<void>((resolve) => server.once('close', () => resolve())) : Promise.resolve()

  return {
    port,
    get connectionCount() {
      return sockets.size
    },
    stopAccepting() {
      if (server.listening) server.close()
    },
    close() {
      if (server.listening) server.close()
      for (const socket of sockets) socket.destroy()
      return serverClosed
    },
  }
}
