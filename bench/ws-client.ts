/**
 * A minimal RFC 6455 client for the load generator, over a plain net.Socket. The load generator
 * shares two cores with the server it measures, so every microsecond it spends receiving is taken
 * from the server: this client hands each message to its listener as a view into the socket's
 * chunk (no stream machinery, no copies, no UTF-8 validation), for both servers alike.
 *
 * - Handshake: GET with Sec-WebSocket-Key/Version (and subprotocols), 101 + accept checked.
 * - Receive: unfragmented text/binary messages (what `ws` servers send), close, ping → pong.
 * - Send: one masked frame per message (RFC 6455 §5.3: the masking key is the client's choice;
 *   a zero key leaves the payload as is and saves the XOR; servers must accept any key).
 */
import { createHash, randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
const OP_TEXT = 0x1
const OP_BINARY = 0x2
const OP_CLOSE = 0x8
const OP_PING = 0x9
const OP_PONG = 0xa

/** Called with a view of one message's payload (valid only during the call). */
export type MessageListener = (payload: Buffer) => void
export type CloseListener = (code: number, reason: string) => void

function frameHeader(opcode: number, length: number): Buffer {
  // FIN + opcode, MASK bit + length, then a zero 4-byte masking key
  if (length < 126) return Buffer.from([0x80 | opcode, 0x80 | length, 0, 0, 0, 0])
  if (length < 65536) return Buffer.from([0x80 | opcode, 0x80 | 126, length >> 8, length & 0xff, 0, 0, 0, 0])
  const h = Buffer.alloc(14)
  h[0] = 0x80 | opcode
  h[1] = 0x80 | 127
  h.writeUInt32BE(Math.floor(length / 2 ** 32), 2)
  h.writeUInt32BE(length >>> 0, 6)
  return h
}

export class BenchSocket {
  private pending: Buffer | null = null
  private messageListener: MessageListener = () => {}
  private closeListener: CloseListener = () => {}
  private closed = false
  readonly protocol: string

  private constructor(
    private readonly socket: Socket,
    protocol: string,
    rest: Buffer,
  ) {
    this.protocol = protocol
    socket.on('data', (chunk: Buffer) => this.onData(chunk))
    socket.on('close', () => this.finish(1006, 'connection closed'))
    socket.on('error', () => this.finish(1006, 'socket error'))
    // bytes that came with the 101 are parsed once someone listens
    if (rest.length > 0) this.pending = rest
  }

  static open(url: string, protocols: readonly string[] = [], timeoutMs = 15000): Promise<BenchSocket> {
    const { hostname, port, pathname, search } = new URL(url)
    const key = randomBytes(16).toString('base64')
    const expected = createHash('sha1').update(key + GUID).digest('base64')
    return new Promise((resolve, reject) => {
      const socket = connect({ host: hostname, port: Number(port) })
      socket.setNoDelay(true)
      const timer = setTimeout(() => {
        socket.destroy()
        reject(new Error(`WebSocket handshake to ${url} timed out`))
      }, timeoutMs)
      let head: Buffer = Buffer.alloc(0)
      const onError = (error: Error): void => {
        clearTimeout(timer)
        reject(error)
      }
      const onData = (chunk: Buffer): void => {
        head = head.length === 0 ? chunk : Buffer.concat([head, chunk])
        const end = head.indexOf('\r\n\r\n')
        if (end < 0) return
        clearTimeout(timer)
        socket.off('data', onData)
        socket.off('error', onError)
        const lines = head.toString('latin1', 0, end).split('\r\n')
        const headers = new Map(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
        if (!/^HTTP\/1\.1 101/.test(lines[0]) || headers.get('sec-websocket-accept') !== expected) {
          socket.destroy()
          reject(new Error(`WebSocket handshake refused: ${lines[0]}`))
          return
        }
        resolve(new BenchSocket(socket, headers.get('sec-websocket-protocol') ?? '', head.subarray(end + 4)))
      }
      socket.on('data', onData)
      socket.on('error', onError)
      socket.once('connect', () => {
        socket.write(
          `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n` +
            (protocols.length > 0 ? `Sec-WebSocket-Protocol: ${protocols.join(', ')}\r\n` : '') +
            '\r\n',
        )
      })
    })
  }

  get isOpen(): boolean {
    return !this.closed
  }

  /** Bytes queued in user space, not yet handed to the kernel. */
  get bufferedAmount(): number {
    return this.socket.writableLength
  }

  onMessage(listener: MessageListener): void {
    this.messageListener = listener
    if (this.pending && this.pending.length >= 2) this.onData(Buffer.alloc(0))
  }

  onClose(listener: CloseListener): void {
    this.closeListener = listener
  }

  /** One text (or binary) message. The payload is copied: the caller may reuse its buffer. */
  send(payload: Buffer | string, binary = false): void {
    if (this.closed) return
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload
    const header = frameHeader(binary ? OP_BINARY : OP_TEXT, body.length)
    const frame = Buffer.allocUnsafe(header.length + body.length)
    header.copy(frame, 0)
    body.copy(frame, header.length)
    this.socket.write(frame)
  }

  /** Batch the following sends into one write (socket.cork/uncork). */
  cork(): void {
    this.socket.cork()
  }

  uncork(): void {
    this.socket.uncork()
  }

  terminate(): void {
    this.closed = true
    this.socket.destroy()
  }

  private finish(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.closeListener(code, reason)
  }

  private onData(chunk: Buffer): void {
    let buf = chunk
    if (this.pending) {
      buf = Buffer.concat([this.pending, chunk])
      this.pending = null
    }
    let at = 0
    while (at + 2 <= buf.length) {
      const opcode = buf[at] & 0x0f
      let length = buf[at + 1] & 0x7f
      let start = at + 2
      if (length === 126) {
        if (start + 2 > buf.length) break
        length = buf.readUInt16BE(start)
        start += 2
      } else if (length === 127) {
        if (start + 8 > buf.length) break
        length = buf.readUInt32BE(start) * 2 ** 32 + buf.readUInt32BE(start + 4)
        start += 8
      }
      if (buf[at + 1] & 0x80) start += 4 // servers do not mask; tolerate it anyway (payload left as is)
      if (start + length > buf.length) break
      const payload = buf.subarray(start, start + length)
      at = start + length
      if (opcode === OP_TEXT || opcode === OP_BINARY) this.messageListener(payload)
      else if (opcode === OP_PING) {
        const header = frameHeader(OP_PONG, payload.length)
        this.socket.write(Buffer.concat([header, payload]))
      } else if (opcode === OP_CLOSE) {
        const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005
        this.finish(code, payload.toString('utf8', 2))
        this.socket.end()
        return
      }
    }
    if (at < buf.length) this.pending = buf.subarray(at)
  }
}
