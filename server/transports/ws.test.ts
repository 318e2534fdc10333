import { connect } from 'node:net'
import { Versions } from '@stomp/stompjs'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, type RawData } from 'ws'
import { wsMaxPayload, type Stack } from '../stack'
import { RecordingBroker, echoBroker, startRecordingStack } from '../testing/recording-broker'
import { closeReason, selectStompProtocol } from './ws'

const stacks: Stack<RecordingBroker>[] = []
const clients: WebSocket[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.terminate()
  for (const s of stacks.splice(0)) await s.close()
})

async function start(broker = new RecordingBroker(), limits?: { maxFrameBytes: number }) {
  const stack = await startRecordingStack(broker, { tcpPort: null, limits })
  stacks.push(stack)
  return { broker, url: `ws://127.0.0.1:${stack.httpPort}/ws/stomp`, port: stack.httpPort }
}

function open(url: string, protocols?: string[]): Promise<WebSocket> {
  const ws = new WebSocket(url, protocols)
  clients.push(ws)
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

interface Received { data: Buffer; isBinary: boolean }
function collect(ws: WebSocket): Received[] {
  const got: Received[] = []
  ws.on('message', (data: RawData, isBinary) => got.push({ data: data as Buffer, isBinary }))
  return got
}

const until = (condition: () => boolean) => expect.poll(condition, { timeout: 5000 }).toBe(true)

describe('WebSocket subprotocols (checklist 74)', () => {
  it('checklist 74: selects v12.stomp from the offer @stomp/stompjs makes', async () => {
    const { url } = await start()
    const offer = Versions.default.protocolVersions()
    expect(offer).toEqual(['v12.stomp', 'v11.stomp', 'v10.stomp'])
    expect((await open(url, offer)).protocol).toBe('v12.stomp')
  })

  it('checklist 74: picks the highest STOMP version offered, whatever the order', async () => {
    const { url } = await start()
    expect((await open(url, ['v10.stomp', 'v11.stomp'])).protocol).toBe('v11.stomp')
    expect((await open(url, ['x-other', 'v10.stomp'])).protocol).toBe('v10.stomp')
    expect(selectStompProtocol(new Set(['stomp']))).toBe(false)
  })

  it('checklist 74: a client offering no subprotocol connects and reaches the broker', async () => {
    const { url, broker } = await start()
    const ws = await open(url)
    expect(ws.protocol).toBe('')
    ws.send('CONNECT\n\n\0')
    const a = await broker.connection(0)
    await until(() => a.text() === 'CONNECT\n\n\0')
    expect(a.conn.transport).toBe('ws')
    expect(a.conn.id).toMatch(/^ws-\d+$/)
    expect(a.conn.remote).toMatch(/^127\.0\.0\.1:\d+$/)
  })

  it('checklist 74: a client offering only "stomp" is still upgraded, with no protocol echoed', async () => {
    const { port, broker } = await start()
    const response = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1')
      let text = ''
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1')
        if (text.includes('\r\n\r\n')) {
          socket.destroy()
          resolve(text)
        }
      })
      socket.on('error', reject)
      socket.write(
        `GET /ws/stomp HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: stomp\r\n\r\n',
      )
    })
    expect(response).toMatch(/^HTTP\/1\.1 101 /)
    expect(response.toLowerCase()).not.toContain('sec-websocket-protocol')
    await broker.connection(0)
  })
})

describe('WebSocket messages in (checklist 75)', () => {
  it('checklist 75: several STOMP frames in one message and one frame split across messages arrive in order, text and binary alike', async () => {
    const { url, broker } = await start()
    const ws = await open(url, ['v12.stomp'])
    const frames = 'CONNECT\naccept-version:1.2\n\n\0SEND\ndestination:/queue/a\n\nhé\0SUBSCRIBE\nid:1\ndestination:/queue/a\n\n\0'
    const bytes = Buffer.from(frames, 'utf8')
    ws.send(bytes.subarray(0, 40).toString('utf8')) // CONNECT + half of SEND, as text
    ws.send(bytes.subarray(40, 52), { binary: true }) // cut mid-header, as binary
    ws.send(bytes.subarray(52)) // the rest, in one binary message
    const a = await broker.connection(0)
    await until(() => a.bytes().length === bytes.length)
    expect(a.bytes().equals(bytes)).toBe(true)
  })

  it('a message a little over STOMP_MAX_FRAME_BYTES reaches the broker (its parser answers with ERROR, checklist 19)', async () => {
    const { url, broker } = await start(new RecordingBroker(), { maxFrameBytes: 1024 })
    const ws = await open(url)
    ws.send(Buffer.alloc(2048, 0x41))
    const a = await broker.connection(0)
    await until(() => a.bytes().length === 2048)
  })

  it('a message over the WebSocket limit (twice the frame limit + 64 KiB) closes the socket with 1009 when the broker does not listen for refusals (the real one answers ERROR: c-limits)', async () => {
    const { url } = await start(new RecordingBroker(), { maxFrameBytes: 1024 })
    const ws = await open(url)
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    ws.send(Buffer.alloc(wsMaxPayload(1024) + 1, 0x41))
    expect(await closed).toBe(1009)
  })
})

describe('WebSocket messages out (checklists 76, 67)', () => {
  it('checklist 76: each send() is one WS message, binary when the broker says the body is not UTF-8', async () => {
    const { url, broker } = await start()
    const ws = await open(url, ['v12.stomp'])
    const got = collect(ws)
    const a = await broker.connection(0)
    const binary = Buffer.concat([Buffer.from('MESSAGE\ndestination:/queue/a\ncontent-length:3\n\n'), Buffer.from([0xff, 0x00, 0xfe]), Buffer.from([0])])
    a.conn.send(new TextEncoder().encode('CONNECTED\nversion:1.2\n\n\0'), 'text')
    a.conn.send(binary, 'binary')
    a.conn.send(new TextEncoder().encode('\n'), 'text')
    await until(() => got.length === 3)
    expect(got.map((m) => m.isBinary)).toEqual([false, true, false])
    expect(got[0].data.toString()).toBe('CONNECTED\nversion:1.2\n\n\0')
    expect(got[1].data.equals(binary)).toBe(true)
    expect(got[2].data.toString()).toBe('\n')
  })

  it('checklist 67: close() flushes the last frame before the close frame, with code and reason', async () => {
    const { url, broker } = await start()
    const ws = await open(url, ['v12.stomp'])
    const got = collect(ws)
    const closed = new Promise<[number, string]>((resolve) => ws.on('close', (code, reason) => resolve([code, reason.toString()])))
    const a = await broker.connection(0)
    const big = Buffer.alloc(4 * 1024 * 1024, 0x61) // larger than any socket buffer: must still arrive whole
    a.conn.send(big, 'text')
    a.conn.send(new TextEncoder().encode('ERROR\nmessage:bye\n\n\0'), 'text')
    expect(a.conn.bufferedAmount).toBeGreaterThan(0)
    a.conn.close(1002, 'STOMP protocol error')
    expect(await closed).toEqual([1002, 'STOMP protocol error'])
    expect(got).toHaveLength(2)
    expect(got[0].data.length).toBe(big.length)
    expect(got[1].data.toString()).toBe('ERROR\nmessage:bye\n\n\0')
    await until(() => a.closedReason !== null)
    expect(a.closedReason).toContain('1002')
  })

  it('onDrain fires once buffered bytes have been written', async () => {
    const { url, broker } = await start()
    await open(url)
    const a = await broker.connection(0)
    let drains = 0
    a.conn.onDrain?.(() => (drains += 1))
    a.conn.send(Buffer.alloc(2 * 1024 * 1024, 0x62), 'text')
    await until(() => drains > 0)
    expect(a.conn.bufferedAmount).toBe(0)
  })

  it('echo round trip and a close reason longer than 123 bytes is cut, not thrown', async () => {
    const { url, broker } = await start(echoBroker())
    const ws = await open(url)
    const got = collect(ws)
    ws.send('ping')
    await until(() => got.length === 1)
    expect(got[0].data.toString()).toBe('ping')
    const closed = new Promise<string>((resolve) => ws.on('close', (_code, reason) => resolve(reason.toString())))
    ;(await broker.connection(0)).conn.close(1008, 'é'.repeat(100))
    const reason = await closed
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123)
    expect(reason).toBe(closeReason('é'.repeat(100)))
  })
})
