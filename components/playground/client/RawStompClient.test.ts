import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeFrame } from '@/lib/stomp/frame'
import { serializeFrame } from '@/lib/stomp/serializer'
import type { ClientSettings, WireEntry } from '../types'
import { RawStompClient } from './RawStompClient'
import type { SocketFactory, SocketHandlers, WireSocket } from './socket'

/**
 * The client's own bookkeeping, with a scripted peer standing in for the socket (the real broker
 * is exercised in e2e/playground.spec.ts, in Chromium, since this client uses the browser's
 * WebSocket and components/ may not import server/).
 */
const SETTINGS: ClientSettings = {
  name: 'Alice', url: 'ws://peer/ws', transport: 'ws', sockjsTransports: [], subprotocols: ['v12.stomp'],
  versions: ['1.1', '1.2'], login: '', passcode: '', host: '/', heartBeat: [1000, 1000],
}
const enc = (s: string) => new TextEncoder().encode(s)
const asText = (d: string | Uint8Array | undefined) => (typeof d === 'string' ? d : new TextDecoder().decode(d))

function peer() {
  const sent: Array<string | Uint8Array> = []
  let h: SocketHandlers | null = null
  let open = false
  const closes: Array<[number | undefined, string | undefined]> = []
  const factory: SocketFactory = async (_url, _s, handlers) => {
    h = handlers
    const socket: WireSocket = {
      kind: 'ws', protocol: 'v12.stomp', transport: null,
      get open() {
        return open
      },
      send: (d) => sent.push(d),
      close: (code, reason) => closes.push([code, reason]),
    }
    return socket
  }
  return {
    factory, sent, closes,
    async open() {
      await Promise.resolve()
      open = true
      h?.onOpen()
    },
    data: (d: string | Uint8Array) => h?.onData(d),
    close(code: number, reason: string) {
      open = false
      h?.onClose(code, reason, true)
    },
  }
}

const frames = (entries: readonly WireEntry[], dir: 'sent' | 'received') =>
  entries.flatMap((e) => (e.kind === 'frame' && e.dir === dir ? [e.frame.command] : []))

afterEach(() => vi.useRealTimers())

describe('RawStompClient', () => {
  it('sends CONNECT from its settings on open and learns the session from CONNECTED', async () => {
    const p = peer()
    const c = new RawStompClient(SETTINGS, { socketFactory: p.factory })
    c.connect()
    await p.open()
    expect(asText(p.sent[0])).toBe(
      'CONNECT\naccept-version:1.2,1.1\nhost:/\nheart-beat:1000,1000\n\n\u0000',
    )
    p.data('CONNECTED\nversion:1.2\nheart-beat:5000,500\nsession:ws-7\nserver:Wirelab/1\n\n\u0000')
    expect(c.status).toMatchObject({ state: 'connected', negotiatedVersion: '1.2', session: 'ws-7', server: 'Wirelab/1', subprotocol: 'v12.stomp' })
    // checklist 29: client→server max(1000, 500) = 1000; server→client max(5000, 1000) = 5000
    expect(c.status.heartBeat).toEqual([1000, 5000])
    expect(frames(c.entries, 'sent')).toEqual(['CONNECT'])
    expect(frames(c.entries, 'received')).toEqual(['CONNECTED'])
    c.dispose()
  })

  it('keeps the exact received octets per frame and per heart-beat, whatever the message boundaries', async () => {
    const p = peer()
    const c = new RawStompClient(SETTINGS, { socketFactory: p.factory })
    c.connect()
    await p.open()
    const msg = serializeFrame(makeFrame('MESSAGE', [['destination', '/topic/a'], ['message-id', '1'], ['subscription', '0']], 'hé'), '1.2')
    const stream = new Uint8Array([...enc('CONNECTED\nversion:1.2\n\n\u0000'), 10, ...msg, 13, 10])
    for (let i = 0; i < stream.length; i += 7) p.data(stream.subarray(i, i + 7))
    const wire = c.entries.filter((e) => e.kind !== 'event' && e.dir === 'received')
    expect(wire.map((e) => e.kind)).toEqual(['frame', 'heartbeat', 'frame', 'heartbeat'])
    expect(wire.flatMap((e) => (e.kind === 'event' ? [] : [...e.raw]))).toEqual([...stream])
    c.dispose()
  })

  it('logs a deliberately broken frame as raw bytes with the reason, and sends it anyway', async () => {
    const p = peer()
    const c = new RawStompClient(SETTINGS, { socketFactory: p.factory })
    c.connect()
    await p.open()
    p.data('CONNECTED\nversion:1.2\n\n\u0000')
    c.sendRaw(enc('SEND\ndestination:/queue/a\nbad\\tescape:x\n\nhi\u0000'))
    c.sendRaw(enc('SEND\ndestination:/queue/a\n\nno terminator'))
    const raws = c.entries.filter((e) => e.kind === 'raw')
    expect(raws.map((e) => (e.kind === 'raw' ? e.note : ''))).toEqual([expect.stringMatching(/^a broken frame: /), expect.stringMatching(/unterminated frame/)])
    expect(p.sent).toHaveLength(3)
    c.dispose()
  })

  it('refuses to send when not connected and says so', () => {
    const c = new RawStompClient(SETTINGS, { socketFactory: peer().factory })
    c.sendFrame(makeFrame('SEND', [['destination', '/q']]))
    expect(c.entries.at(-1)).toMatchObject({ kind: 'event', level: 'error', text: expect.stringMatching(/Not connected/) })
  })

  it('shows the close code with its meaning and refuses codes a browser may not send', async () => {
    const p = peer()
    const c = new RawStompClient(SETTINGS, { socketFactory: p.factory })
    c.connect()
    await p.open()
    c.close(1001)
    expect(p.closes).toEqual([])
    expect(c.entries.at(-1)).toMatchObject({ level: 'error', text: expect.stringMatching(/only close with 1000 or 3000-4999/) })
    c.close(4001, 'done')
    expect(p.closes).toEqual([[4001, 'done']])
    p.close(4001, 'done')
    expect(c.status).toMatchObject({ state: 'closed', closeCode: 4001, closeReason: 'done' })
    expect(c.entries.at(-1)).toMatchObject({ kind: 'event', text: expect.stringMatching(/4001 Application — .*Reason: “done”/) })
  })

  it('beats its heart per the negotiated interval only when it has nothing else to send', async () => {
    vi.useFakeTimers()
    const p = peer()
    const c = new RawStompClient(SETTINGS, { socketFactory: p.factory })
    c.connect()
    await p.open()
    p.data('CONNECTED\nversion:1.2\nheart-beat:0,1000\n\n\u0000')
    vi.advanceTimersByTime(2100)
    const beats = c.entries.filter((e) => e.kind === 'heartbeat' && e.dir === 'sent')
    expect(beats.length).toBeGreaterThanOrEqual(2)
    expect(beats.length).toBeLessThanOrEqual(4)
    expect(p.sent.slice(1).every((d) => d === '\n')).toBe(true)
    c.dispose()
  })

  it('pauses its heart-beats on request, socket kept open, and a new connection starts unpaused', async () => {
    vi.useFakeTimers()
    const p = peer()
    const c = new RawStompClient(SETTINGS, { socketFactory: p.factory })
    c.connect()
    await p.open()
    p.data('CONNECTED\nversion:1.2\nheart-beat:0,1000\n\n\u0000')
    c.pauseHeartbeats(true)
    expect(c.heartbeatsPaused).toBe(true)
    expect(c.entries.at(-1)).toMatchObject({ kind: 'event', text: expect.stringMatching(/^Heart-beats paused/) })
    vi.advanceTimersByTime(3100)
    expect(p.sent).toHaveLength(1) // the CONNECT only
    expect(c.entries.some((e) => e.kind === 'heartbeat' && e.dir === 'sent')).toBe(false)
    expect(p.closes).toEqual([])
    c.pauseHeartbeats(false)
    vi.advanceTimersByTime(1100)
    expect(p.sent.slice(1)).toContain('\n')
    c.pauseHeartbeats(true)
    c.connect() // refused (still connected) but …
    p.close(1000, 'bye')
    c.connect()
    expect(c.heartbeatsPaused).toBe(false)
    c.dispose()
  })

  it('caps the log and counts what it dropped', async () => {
    const p = peer()
    const c = new RawStompClient(SETTINGS, { socketFactory: p.factory, maxEntries: 100 })
    c.connect()
    await p.open()
    for (let i = 0; i < 300; i++) p.data('\n')
    expect(c.entries.length).toBeLessThanOrEqual(110)
    expect(c.dropped + c.entries.length).toBe(303) // 300 beats + connecting + open events + CONNECT
  })
})
