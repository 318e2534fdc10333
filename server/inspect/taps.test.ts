/**
 * The transport taps on a real server: SockJS sessions (every frame kind, per transport, under
 * the broker's connection id and the tab's cid) and WebSocket frames beyond plain text messages
 * (64-bit lengths, ping/pong, close codes).
 */
import SockJS from 'sockjs-client'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { InspectEvent, SockjsFrameEvent, WsFrameEvent } from '../../lib/inspect/events'
import { startTestServer, type TestServer } from '../testing/harness'
import { StompWs, TestViewer, until } from './testing/viewer-client'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function setup(cid: string): Promise<{ srv: TestServer; viewer: TestViewer }> {
  const srv = await startTestServer({ tcp: false, heartBeat: [0, 0], sockjsDisconnectDelayMs: 200 })
  cleanups.push(() => srv.close())
  const viewer = await TestViewer.open(srv.inspectUrl)
  cleanups.push(() => viewer.close())
  await viewer.watch({ clients: [cid] })
  return { srv, viewer }
}

const sockjsFrames = (events: readonly InspectEvent[]) => events.filter((e): e is SockjsFrameEvent => e.type === 'sockjs.frame')
const wsFrames = (events: readonly InspectEvent[]) => events.filter((e): e is WsFrameEvent => e.type === 'ws.frame')

describe('SockJS sessions (sockjs.frame)', () => {
  it.each([
    ['websocket', 'websocket', 'websocket'],
    ['xhr-streaming', 'xhr-streaming', 'xhr_send'],
    ['xhr-polling', 'xhr-polling', 'xhr_send'],
  ])('over %s: o, the client batch, a[CONNECTED], c — under the STOMP session id and the tab cid', async (forced, outTransport, inTransport) => {
    const cid = `sock-${forced}`
    const { srv, viewer } = await setup(cid)
    const sock = new SockJS(`${srv.sockjsUrl}?cid=${cid}`, null, { transports: [forced] })
    cleanups.push(() => sock.close())
    const received: string[] = []
    sock.onmessage = (m: { data: string }) => received.push(m.data)
    await new Promise<void>((resolve) => (sock.onopen = () => resolve()))
    sock.send('CONNECT\naccept-version:1.2\nhost:x\nheart-beat:0,0\n\n\0')
    await until(() => received.some((r) => r.startsWith('CONNECTED')), 'CONNECTED')
    const session = /\nsession:([^\n]*)/.exec(received[0])?.[1]
    sock.send('DISCONNECT\nreceipt:bye\n\n\0')
    const sends = () => viewer.events().filter((e) => e.type === 'http.exchange' && e.url.includes('/xhr_send')).length
    await until(() => sockjsFrames(viewer.events()).some((e) => e.kind === 'c') && (forced === 'websocket' || sends() === 2), 'the close frame')

    const all = viewer.events()
    expect(session).toMatch(/^sockjs-\d+$/)
    expect(all.filter((e) => e.client !== cid)).toEqual([])
    // the HTTP requests of the session (polling, sends) are http.exchange events of their own TCP connections
    const exchanges = all.filter((e) => e.type === 'http.exchange')
    if (forced === 'websocket') expect(exchanges.map((e) => e.type === 'http.exchange' && e.url.split('?')[0])).toEqual(['/sockjs/stomp/info'])
    else expect(exchanges.filter((e) => e.type === 'http.exchange' && e.url.includes('/xhr_send')).length).toBe(2)
    expect(exchanges.every((e) => e.type === 'http.exchange' && e.lab === 'sockjs' && /^http-\d+$/.test(e.conn))).toBe(true)
    const events = all.filter((e) => e.type !== 'http.exchange')
    expect(new Set(events.map((e) => e.conn))).toEqual(new Set([session]))
    const frames = sockjsFrames(events).filter((e) => e.kind !== 'h')
    expect(frames.map((e) => `${e.dir} ${e.kind} ${e.transport}`)).toEqual([
      `out o ${outTransport}`,
      `in m ${inTransport}`,
      `out a ${outTransport}`,
      `in m ${inTransport}`,
      `out a ${outTransport}`,
      `out c ${outTransport}`,
    ])
    expect(frames[1].preview).toBe('["CONNECT\\naccept-version:1.2\\nhost:x\\nheart-beat:0,0\\n\\n\\u0000"]')
    expect(frames[2].preview).toMatch(/^a\["CONNECTED\\nversion:1\.2\\n/)
    expect(frames[5].preview).toMatch(/^c\[1000,/)
    // the STOMP frames sit inside the SockJS ones
    const order = events.map((e) => (e.type === 'stomp.frame' ? `stomp ${e.command}` : e.type === 'sockjs.frame' ? `sockjs ${e.kind}` : e.type))
    expect(order.indexOf('sockjs m')).toBeLessThan(order.indexOf('stomp CONNECT'))
    expect(order.indexOf('stomp CONNECTED')).toBeLessThan(order.indexOf('sockjs a'))
    if (forced === 'websocket') {
      const handshake = events.find((e) => e.type === 'ws.handshake')
      expect(handshake).toMatchObject({ path: expect.stringMatching(/^\/sockjs\/stomp\/[^/]+\/[^/]+\/websocket$/), statusLine: 'HTTP/1.1 101 Switching Protocols' })
      expect(wsFrames(events).map((f) => `${f.dir} ${f.preview.slice(0, 3)}`).slice(0, 2)).toEqual(['out o', 'in ["C'])
    }
  })
})

describe('WebSocket frames beyond one short text message', () => {
  it('a 64-bit length, ping and pong, and the close handshake with its code and reason', async () => {
    const { srv, viewer } = await setup('frames')
    const c = await StompWs.open(`${srv.wsUrl}?cid=frames`)
    await c.connect()
    c.frame('SUBSCRIBE', { id: 's', destination: '/topic/big' })
    const body = 'é'.repeat(40_000)
    c.frame('SEND', { destination: '/topic/big' }, body)
    await c.expect('MESSAGE')
    c.ws.ping(Buffer.from('are you there'))
    await until(() => wsFrames(viewer.events()).some((f) => f.opcode === 10), 'the pong')
    const closed = new Promise((resolve) => c.ws.once('close', resolve))
    c.ws.close(4000, 'done here')
    await closed
    await until(() => wsFrames(viewer.events()).filter((f) => f.opcode === 8).length === 2, 'both close frames')

    const frames = wsFrames(viewer.events())
    const big = frames.find((f) => f.dir === 'in' && f.preview.startsWith('SEND'))
    expect(big).toMatchObject({ payloadLength: 80_030, headerBytes: 14, truncated: true, previewEncoding: 'text', masked: true })
    expect(big?.preview).toHaveLength(256)
    expect(big?.headerHex.slice(0, 4)).toBe('81ff') // FIN + text, MASK + 127: a 64-bit length follows
    const out = frames.find((f) => f.dir === 'out' && f.preview.startsWith('MESSAGE'))
    expect(out).toMatchObject({ masked: false, maskKey: null, headerBytes: 10, truncated: true })
    expect(frames.find((f) => f.opcode === 9)).toMatchObject({ dir: 'in', preview: 'are you there', masked: true })
    expect(frames.find((f) => f.opcode === 10)).toMatchObject({ dir: 'out', preview: 'are you there', masked: false })
    const closes = frames.filter((f) => f.opcode === 8)
    expect(closes.map((f) => [f.dir, f.closeCode, f.closeReason])).toEqual([
      ['in', 4000, 'done here'],
      ['out', 4000, 'done here'],
    ])
  })

  it('a WebSocket of another library (no cid) is reported under its own id, never under a tab', async () => {
    const { srv, viewer } = await setup('nobody')
    await viewer.watch({ all: true })
    const ws = new WebSocket(srv.wsUrl, ['v12.stomp'])
    cleanups.push(() => ws.terminate())
    await new Promise((r) => ws.once('open', r))
    await until(() => viewer.events().some((e) => e.type === 'ws.handshake'), 'the handshake')
    expect(viewer.events().find((e) => e.type === 'ws.handshake')).not.toHaveProperty('client')
  })
})
