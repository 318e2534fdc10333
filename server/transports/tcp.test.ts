import { connect, createServer, type AddressInfo, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../log'
import type { Stack } from '../stack'
import { RecordingBroker, echoBroker, startRecordingStack } from '../testing/recording-broker'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function start(broker = new RecordingBroker(), options: Parameters<typeof startRecordingStack>[1] = {}): Promise<Stack<RecordingBroker>> {
  const stack = await startRecordingStack(broker, options)
  cleanups.push(() => stack.close())
  return stack
}

function dial(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.on('error', reject)
    cleanups.push(() => void socket.destroy())
  })
}

/** Everything the server sends until EOF (or until the socket is gone). */
function readToEnd(socket: Socket): Promise<Buffer> {
  const chunks: Buffer[] = []
  socket.on('data', (c: Buffer) => chunks.push(c))
  socket.on('error', () => {})
  return new Promise((resolve) => {
    socket.once('end', () => resolve(Buffer.concat(chunks)))
    socket.once('close', () => resolve(Buffer.concat(chunks)))
  })
}

const until = (condition: () => boolean) => expect.poll(condition, { timeout: 5000 }).toBe(true)

describe('STOMP over TCP', () => {
  it('bytes reach the broker in order, split or packed; the connection says who it is', async () => {
    const stack = await start()
    const socket = await dial(stack.tcpPort ?? 0)
    socket.write('CONNECT\naccept-version:1.2\nhost:x\n\n\0SEN')
    socket.write('D\ndestination:/queue/a\n\nhi\0')
    const a = await stack.broker.connection(0)
    await until(() => a.text() === 'CONNECT\naccept-version:1.2\nhost:x\n\n\0SEND\ndestination:/queue/a\n\nhi\0')
    expect(a.conn.transport).toBe('tcp')
    expect(a.conn.id).toMatch(/^tcp-\d+$/)
    expect(a.conn.remote).toMatch(/^127\.0\.0\.1:\d+$/)
  })

  it('checklist 67: close() after an ERROR half-closes: every byte arrives before EOF', async () => {
    const broker = new RecordingBroker()
    const body = 'x'.repeat(16 * 1024 * 1024) // far more than the kernel buffers hold while the peer is not reading
    const error = Buffer.from(`ERROR\nmessage:bad frame\ncontent-length:${body.length}\n\n${body}\0`)
    broker.onChunk = (a) => {
      a.conn.send(error, 'text')
      a.conn.close()
    }
    const stack = await start(broker)
    const socket = await dial(stack.tcpPort ?? 0)
    socket.write('FOO\n\n\0')
    const a = await stack.broker.connection(0)
    await until(() => a.chunks.length > 0)
    await new Promise((r) => setTimeout(r, 100)) // the peer reads late: close() must not drop what is queued
    const bytes = await readToEnd(socket)
    expect(bytes.length).toBe(error.length)
    expect(bytes.equals(error)).toBe(true)
    socket.end()
    await until(() => a.closedReason !== null)
  })

  it('bytes sent by the peer after close() are not handed to the broker (1.2 §DISCONNECT)', async () => {
    const stack = await start()
    const socket = await dial(stack.tcpPort ?? 0)
    socket.write('DISCONNECT\n\n\0')
    const a = await stack.broker.connection(0)
    await until(() => a.chunks.length === 1)
    a.conn.close()
    await new Promise((r) => socket.once('end', r))
    socket.write('SEND\n\n\0')
    await new Promise((r) => setTimeout(r, 50))
    expect(a.text()).toBe('DISCONNECT\n\n\0')
  })

  it('back-pressure: bufferedAmount grows while the peer does not read, and drain fires when it does', async () => {
    const stack = await start()
    const socket = await dial(stack.tcpPort ?? 0)
    socket.pause()
    const a = await stack.broker.connection(0)
    let drains = 0
    a.conn.onDrain?.(() => (drains += 1))
    for (let i = 0; i < 64; i += 1) a.conn.send(Buffer.alloc(256 * 1024, 0x6d), 'text')
    await new Promise((r) => setTimeout(r, 50))
    expect(a.conn.bufferedAmount).toBeGreaterThan(1024 * 1024)
    expect(drains).toBe(0)
    socket.resume()
    await until(() => drains > 0)
    expect(a.conn.bufferedAmount).toBe(0)
  })

  it('a busy STOMP_TCP_PORT is one log line and the web is served without TCP', async () => {
    const squatter = createServer()
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => squatter.close(() => resolve())))
    const busyPort = (squatter.address() as AddressInfo).port
    const log = memoryLogger('info')
    const stack = await start(echoBroker(), { tcpPort: busyPort, log })
    expect(stack.tcpPort).toBeNull()
    const busyLines = log.lines.filter((l) => l.event === 'tcp.port_busy')
    expect(busyLines).toHaveLength(1)
    expect(busyLines[0]).toMatchObject({ level: 'warn', port: busyPort })
    expect(String(busyLines[0].message)).toContain(`STOMP TCP port ${busyPort} is busy`)
    expect(log.lines.filter((l) => l.level === 'warn' || l.level === 'error')).toHaveLength(1)
    const info = await fetch(`http://127.0.0.1:${stack.httpPort}/sockjs/stomp/info`)
    expect(info.status).toBe(200)
  })

  it('STOMP_TCP_PORT=off starts no TCP listener', async () => {
    const stack = await start(new RecordingBroker(), { tcpPort: null })
    expect(stack.tcpPort).toBeNull()
    expect(stack.transports.tcp).toBeNull()
  })
})
