/**
 * Checklist N (items 74-78): transport obligations (WebSocket subprotocols and framing, heart-beats
 * over WS and SockJS, trailing EOLs), and the slow-consumer bound over TCP and WebSocket.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import WebSocket from 'ws'
import { startTestServer } from '../testing/harness'
import { clientPool, frame, frameBytes, openWs, TRANSPORTS, uniq, type WireClient } from '../testing/wire-client'

let srv: Awaited<ReturnType<typeof startTestServer>>
let slow: Awaited<ReturnType<typeof startTestServer>>
const pool = clientPool(() => srv)
const slowPool = clientPool(() => slow)
beforeAll(async () => {
  srv = await startTestServer({ heartBeat: [100, 100], sockjsHeartbeatDelayMs: 200 })
  slow = await startTestServer({ maxOutboundBytes: 256 * 1024 })
})
afterAll(async () => { await Promise.all([srv?.close(), slow?.close()]) })
afterEach(() => { pool.closeAll(); slowPool.closeAll() })

const enc = new TextEncoder()
const dec = new TextDecoder()
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const connectFrame = frame('CONNECT', { 'accept-version': '1.2', host: 'wirelab' })

async function ws(protocols?: string[]): Promise<WireClient> {
  const c = await openWs(srv.wsUrl, protocols)
  opened.push(c)
  return c
}
const opened: WireClient[] = []
afterEach(() => { for (const c of opened.splice(0)) c.close() })

describe('WebSocket', () => {
  it.each([
    [['v12.stomp', 'v11.stomp', 'v10.stomp'], 'v12.stomp'],
    [['v10.stomp', 'v11.stomp', 'v12.stomp'], 'v12.stomp'],
    [['v11.stomp'], 'v11.stomp'],
    [['v10.stomp'], 'v10.stomp'],
    [['mqtt', 'v12.stomp'], 'v12.stomp'],
  ])('checklist 74: offered %j, the server selects %s', async (offered, selected) => {
    const c = await ws(offered)
    expect(c.protocol).toBe(selected)
    await c.connect()
  })

  it('checklist 74: a WebSocket without any subprotocol is accepted too', async () => {
    const c = await ws([])
    expect(c.protocol).toBe('')
    await c.connect()
  })

  it('checklist 75: several STOMP frames in one WS message are all processed', async () => {
    const q = uniq('/queue/n75')
    const c = await ws()
    c.sendRaw(connectFrame + frame('SUBSCRIBE', { destination: q, id: 's' }) + frame('SEND', { destination: q }, 'packed'))
    expect((await c.nextFrame()).command).toBe('CONNECTED')
    expect((await c.expect('MESSAGE')).text).toBe('packed')
  })

  it('checklist 75: one STOMP frame split across several WS messages (text and binary mixed) is reassembled', async () => {
    const q = uniq('/queue/n75split')
    const c = await ws()
    await c.connect()
    await c.subscribe(q, 's')
    const text = frame('SEND', { destination: q, 'x-h': 'split' }, 'across messages')
    c.sendRaw(text.slice(0, 7))
    c.sendRaw(enc.encode(text.slice(7, 20)), { binary: true })
    c.sendRaw(text.slice(20, -1))
    c.sendRaw(enc.encode('\0'), { binary: true })
    const m = await c.expect('MESSAGE')
    expect([m.header('x-h'), m.text]).toEqual(['split', 'across messages'])
  })

  it('checklist 75: binary WS messages are accepted for whole frames', async () => {
    const c = await ws()
    c.sendRaw(enc.encode(connectFrame), { binary: true })
    expect((await c.nextFrame()).command).toBe('CONNECTED')
  })

  it('checklist 76: each outgoing STOMP frame is exactly one WS message; text for a UTF-8 body, binary otherwise', async () => {
    const q = uniq('/queue/n76')
    const c = await ws()
    await c.connect()
    await c.subscribe(q, 's')
    const before = c.wsMessages.length
    c.send('SEND', { destination: q }, 'utf-8 text ✓')
    const binary = new Uint8Array([0xff, 0xfe, 0x00, 0x80, 0xc3])
    c.sendRaw(frameBytes('SEND', { destination: q, 'content-length': String(binary.length) }, binary))
    await c.expect('MESSAGE')
    const second = await c.expect('MESSAGE')
    expect(Array.from(second.body)).toEqual(Array.from(binary))
    const msgs = c.wsMessages.slice(before).filter((m) => m.data.length > 2) // skip heart-beats, if any
    expect(msgs.map((m) => m.type)).toEqual(['text', 'binary'])
    for (const m of msgs) {
      expect(dec.decode(m.data.subarray(0, 8))).toBe('MESSAGE\n') // starts with the command …
      const nul = m.data.at(-1) === 0 ? m.data.length - 1 : m.data.length - 2
      expect(m.data[nul]).toBe(0) // … ends with its NUL (and at most one EOL) …
      expect(dec.decode(m.data).split('MESSAGE\n').length).toBe(2) // … and holds one frame
    }
  })

  it('checklist 77: heart-beats over WebSocket are plain "\\n" text messages', async () => {
    const c = await ws()
    await c.connect({ 'heart-beat': '0,100' })
    const before = c.wsMessages.length
    await pause(500)
    const beats = c.wsMessages.slice(before)
    expect(beats.length).toBeGreaterThanOrEqual(2)
    for (const m of beats) expect([m.type, dec.decode(m.data)]).toEqual(['text', '\n'])
  })
})

/** The raw SockJS WebSocket transport: `o`, `h`, `a[...]`, `c[...]` frames as text. */
async function sockjsRaw(): Promise<{ frames: string[]; stomp: () => string; send: (s: string) => void; socket: WebSocket }> {
  const url = `${srv.sockjsUrl.replace(/^http/, 'ws')}/000/${Math.random().toString(36).slice(2, 10)}/websocket`
  const socket = new WebSocket(url)
  const frames: string[] = []
  socket.on('message', (d: Buffer) => frames.push(d.toString('utf8')))
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject) })
  return {
    frames,
    socket,
    stomp: () => frames.filter((f) => f.startsWith('a')).flatMap((f) => JSON.parse(f.slice(1)) as string[]).join(''),
    send: (s) => socket.send(JSON.stringify([s])),
  }
}

describe('SockJS', () => {
  async function connectedSockjs(heartBeat: string): Promise<Awaited<ReturnType<typeof sockjsRaw>>> {
    const s = await sockjsRaw()
    s.send(frame('CONNECT', { 'accept-version': '1.2', host: 'wirelab', 'heart-beat': heartBeat }))
    for (let i = 0; i < 100 && !s.stomp().includes('\0'); i++) await pause(20)
    expect(s.stomp().startsWith('CONNECTED')).toBe(true)
    return s
  }

  it('checklist 77: over SockJS, STOMP heart-beats ride inside a[...] frames', async () => {
    const s = await connectedSockjs('0,100')
    try {
      const at = s.frames.length
      await pause(600)
      const later = s.frames.slice(at)
      expect(later.filter((f) => f === 'a["\\n"]').length).toBeGreaterThanOrEqual(2)
      expect(later.filter((f) => f !== 'h' && f !== 'a["\\n"]')).toEqual([])
    } finally {
      s.socket.close()
    }
  })

  it('checklist 77: an idle SockJS session (STOMP heart-beats off) gets SockJS h frames (xhr-streaming)', async () => {
    // (over the SockJS websocket transport, sockjs-node replaces h frames by WebSocket pings)
    const base = `${srv.sockjsUrl}/000/${Math.random().toString(36).slice(2, 10)}`
    const lines: string[] = []
    const req = request(`${base}/xhr_streaming`, { method: 'POST' })
    const opened = new Promise<void>((resolve, reject) => {
      req.on('response', (res) => {
        let pending = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          pending += chunk
          const parts = pending.split('\n')
          pending = parts.pop() ?? ''
          lines.push(...parts.filter((l) => !/^h{2048}$/.test(l)))
          if (lines.includes('o')) resolve()
        })
      })
      req.on('error', reject)
    })
    req.end()
    try {
      await opened
      const sent = await fetch(`${base}/xhr_send`, {
        method: 'POST',
        body: JSON.stringify([frame('CONNECT', { 'accept-version': '1.2', host: 'wirelab', 'heart-beat': '0,0' })]),
      })
      expect(sent.status).toBe(204)
      for (let i = 0; i < 100 && !lines.some((l) => l.startsWith('a["CONNECTED')); i++) await pause(20)
      const at = lines.length
      await pause(700)
      const later = lines.slice(at)
      expect(later).toContain('h')
      expect(later.filter((l) => l !== 'h')).toEqual([])
    } finally {
      req.destroy()
    }
  })
})

describe.each(TRANSPORTS)('%s', (kind) => {
  it(`checklist 78: client frames followed by a trailing LF or CRLF after the NUL are accepted (${kind})`, async () => {
    const q = uniq('/queue/n78')
    const c = await pool.open(kind)
    c.sendRaw(connectFrame + '\n')
    expect((await c.nextFrame()).command).toBe('CONNECTED')
    c.sendRaw(frame('SUBSCRIBE', { destination: q, id: 's' }) + '\r\n' + frame('SEND', { destination: q }, 'x') + '\n')
    expect((await c.expect('MESSAGE')).text).toBe('x')
  })

  it(`checklist 78: every server frame ends with NUL; anything between frames is only EOLs (${kind})`, async () => {
    const q = uniq('/queue/n78out')
    const c = await pool.open(kind)
    await c.connect()
    await c.subscribe(q, 's')
    c.send('SEND', { destination: q }, 'a')
    await c.expect('MESSAGE')
    const raw = dec.decode(c.rawReceived)
    const between = raw.split('\0').slice(1).map((chunk) => chunk.match(/^(\r?\n)*/)?.[0] ?? '')
    for (const gap of between) expect(gap).toMatch(/^(\r?\n)*$/)
    expect(raw.startsWith('CONNECTED\n')).toBe(true)
    expect(c.parseProblems).toEqual([])
  })

  it(`slow consumer (issue 3): a reader that never reads is cut off (ERROR/close) while other subscribers get every message (${kind})`, async () => {
    const t = uniq('/topic/nslow')
    const stalled = await slowPool.open(kind)
    await stalled.connect()
    await stalled.subscribe(t, 'stalled')
    stalled.pauseReading()
    const healthy = await slowPool.open(kind)
    await healthy.connect()
    await healthy.subscribe(t, 'healthy')
    const p = await slowPool.open(kind)
    await p.connect()
    const body = 'w'.repeat(4000)
    const total = 2500 // 10 MB: more than the kernel buffers plus the 256 KiB bound
    for (let i = 0; i < total; i += 50) {
      let burst = ''
      for (let k = i; k < i + 50; k++) burst += frame('SEND', { destination: t, n: String(k) }, body)
      await p.sendAndReceipt('BEGIN', { transaction: `sync-${i}` }) // pace the publisher
      p.sendRaw(burst)
    }
    await p.sendAndReceipt('BEGIN', { transaction: 'done' })
    let received = 0
    while (received < total) {
      const m = await healthy.expect('MESSAGE', {}, 15000)
      expect(m.header('n')).toBe(String(received))
      received++
    }
    stalled.pauseReading(false)
    await stalled.closed
    const got = stalled.frames.filter((f) => f.command === 'MESSAGE').length
    expect(got).toBeLessThan(total)
    const err = stalled.frames.find((f) => f.command === 'ERROR')
    if (err) expect(`${err.header('message')} ${err.text}`.toLowerCase()).toContain('slow')
  }, 60_000)
})
