/**
 * The real broker behind each real transport, started by the harness the conformance suites use.
 * Byte-level and transport-level facts only; the broker's behaviour is the conformance suites' job.
 */
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket, type RawData } from 'ws'
import { startTestServer, type TestServer } from '../testing/harness'

let srv: TestServer
beforeAll(async () => {
  srv = await startTestServer({ heartBeat: [0, 0] })
})
afterAll(async () => {
  await srv?.close()
})

const CONNECT = 'CONNECT\naccept-version:1.2\nhost:wirelab\n\n\0'
const until = (condition: () => boolean) => expect.poll(condition, { timeout: 5000 }).toBe(true)

interface WsMsg { text: string; data: Buffer; isBinary: boolean }
async function openWs(protocols: string[] = ['v12.stomp', 'v11.stomp', 'v10.stomp']): Promise<{ ws: WebSocket; got: WsMsg[] }> {
  const ws = new WebSocket(srv.wsUrl, protocols)
  const got: WsMsg[] = []
  ws.on('message', (data: RawData, isBinary) => {
    const buf = data as Buffer
    got.push({ text: buf.toString('utf8'), data: buf, isBinary })
  })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  return { ws, got }
}

function openTcp(): Promise<{ socket: Socket; text: () => string; bytes: () => Buffer }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect(srv.tcpPort, '127.0.0.1', () =>
      resolve({ socket, text: () => Buffer.concat(chunks).toString('utf8'), bytes: () => Buffer.concat(chunks) }),
    )
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('error', reject)
  })
}

describe('CONNECT → CONNECTED over each transport (real broker)', () => {
  it('WebSocket /ws/stomp with v12.stomp', async () => {
    const { ws, got } = await openWs()
    expect(ws.protocol).toBe('v12.stomp')
    ws.send(CONNECT)
    await until(() => got.length > 0)
    expect(got[0].text).toMatch(/^CONNECTED\n/)
    expect(got[0].text).toContain('version:1.2\n')
    ws.close()
  })

  it('raw TCP', async () => {
    const c = await openTcp()
    c.socket.write(CONNECT)
    await until(() => c.text().includes('\0'))
    expect(c.text()).toMatch(/^CONNECTED\n/)
    c.socket.destroy()
  })

  it('SockJS (websocket transport through the upgrade router, then xhr-polling)', async () => {
    const wsUrl = `${srv.sockjsUrl.replace('http:', 'ws:')}/000/e2e1/websocket`
    const ws = new WebSocket(wsUrl)
    const frames: string[] = []
    ws.on('message', (d) => frames.push(String(d)))
    await until(() => frames[0] === 'o')
    ws.send(JSON.stringify([CONNECT]))
    await until(() => frames.length > 1)
    const [stomp] = JSON.parse(frames[1].slice(1)) as string[]
    expect(stomp).toMatch(/^CONNECTED\n/)
    ws.close()

    const session = `${srv.sockjsUrl}/000/e2e2`
    expect(await (await fetch(`${session}/xhr`, { method: 'POST' })).text()).toBe('o\n')
    expect((await fetch(`${session}/xhr_send`, { method: 'POST', body: JSON.stringify([CONNECT]) })).status).toBe(204)
    const poll = await (await fetch(`${session}/xhr`, { method: 'POST' })).text()
    expect(JSON.parse(poll.slice(1)) as string[]).toEqual([expect.stringMatching(/^CONNECTED\n/)])
  })
})

describe('WebSocket framing is independent of STOMP framing (checklists 75, 76)', () => {
  it('checklist 75: CONNECT split over three messages, then SUBSCRIBE + SEND packed into one, reach the broker intact', async () => {
    const { ws, got } = await openWs()
    ws.send(CONNECT.slice(0, 5))
    ws.send(Buffer.from(CONNECT.slice(5, 20)), { binary: true })
    ws.send(CONNECT.slice(20))
    await until(() => got.some((m) => m.text.startsWith('CONNECTED')))
    ws.send('SUBSCRIBE\nid:s1\ndestination:/queue/e2e-75\n\n\0SEND\ndestination:/queue/e2e-75\n\nhello 75\0')
    await until(() => got.some((m) => m.text.startsWith('MESSAGE')))
    const message = got.find((m) => m.text.startsWith('MESSAGE'))
    expect(message?.text.endsWith('\n\nhello 75\0') || message?.text.endsWith('\n\nhello 75\0\n')).toBe(true)
    ws.close()
  })

  it('checklist 76: a body that is not UTF-8 goes out as a binary message, a text body as text', async () => {
    const { ws, got } = await openWs()
    ws.send(CONNECT)
    ws.send('SUBSCRIBE\nid:s1\ndestination:/queue/e2e-76\nreceipt:r1\n\n\0')
    await until(() => got.some((m) => m.text.startsWith('RECEIPT')))
    const producer = await openTcp()
    const body = Buffer.from([0xff, 0xfe, 0x00, 0x80])
    producer.socket.write(CONNECT)
    producer.socket.write(Buffer.concat([Buffer.from(`SEND\ndestination:/queue/e2e-76\ncontent-length:${body.length}\n\n`), body, Buffer.from([0])]))
    producer.socket.write('SEND\ndestination:/queue/e2e-76\n\nplain text\0')
    await until(() => got.filter((m) => m.text.startsWith('MESSAGE')).length === 2)
    const [binary, text] = got.filter((m) => m.text.startsWith('MESSAGE'))
    expect(binary.isBinary).toBe(true)
    const start = binary.data.indexOf('\n\n') + 2
    expect(binary.data.subarray(start, start + body.length).equals(body)).toBe(true)
    expect(text.isBinary).toBe(false)
    producer.socket.destroy()
    ws.close()
  })
})

describe('ERROR then close, per transport (checklists 67, 70)', () => {
  it('checklist 67: TCP gets the whole ERROR frame, then EOF', async () => {
    const c = await openTcp()
    const ended = new Promise((resolve) => c.socket.once('end', resolve))
    c.socket.write('FOO\n\n\0')
    await ended
    expect(c.text()).toMatch(/^ERROR\n/)
    expect(c.text()).toContain('\0')
    c.socket.destroy()
  })

  it('checklist 67: WebSocket gets the ERROR message, then a close frame', async () => {
    const { ws, got } = await openWs()
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    ws.send('FOO\n\n\0')
    const code = await closed
    expect(got[0]?.text).toMatch(/^ERROR\n/)
    expect(code).not.toBe(1006)
  })
})

describe('graceful shutdown (what SIGINT/SIGTERM run in main.ts)', () => {
  it('close(): sessions on every transport are closed cleanly, then nothing more is accepted', async () => {
    const own = await startTestServer({ heartBeat: [0, 0] })
    const ws = new WebSocket(own.wsUrl, ['v12.stomp'])
    const wsGot: string[] = []
    ws.on('message', (d) => wsGot.push(String(d)))
    const wsClosed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    await new Promise((resolve) => ws.once('open', resolve))
    ws.send(CONNECT)
    const tcpChunks: Buffer[] = []
    const tcp = connect(own.tcpPort, '127.0.0.1', () => tcp.write(CONNECT))
    tcp.on('data', (c: Buffer) => tcpChunks.push(c))
    const tcpEnded = new Promise((resolve) => tcp.once('end', resolve))
    await until(() => wsGot.length > 0 && Buffer.concat(tcpChunks).includes(0))
    expect(own.broker.sessionCount).toBe(2)

    const started = Date.now()
    await own.close()
    expect(Date.now() - started).toBeLessThan(2500)
    expect(await wsClosed).toBe(1001) // going away, not an abnormal 1006
    await tcpEnded // a FIN, after whatever was queued
    tcp.destroy()
    expect(own.broker.sessionCount).toBe(0)

    const refused = await new Promise<string>((resolve) => {
      const again = connect(own.tcpPort, '127.0.0.1')
      again.once('connect', () => { again.destroy(); resolve('accepted') })
      again.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
    })
    expect(refused).toBe('ECONNREFUSED')
    await expect(fetch(`${own.httpUrl}/sockjs/stomp/info`)).rejects.toThrow()
  })
})
