// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { InspectEvent } from '@/lib/inspect/events'
import type { ServerMessage, WatchFilter } from '@/lib/inspect/protocol'
import { useInspect } from './useInspect'

/** A scripted stand-in for the browser's WebSocket: the test plays the server. */
class FakeSocket {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  static all: FakeSocket[] = []
  readyState = FakeSocket.CONNECTING
  sent: unknown[] = []
  closedByClient = false
  onopen: (() => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onclose: (() => void) | null = null
  constructor(readonly url: string) {
    FakeSocket.all.push(this)
  }
  send(text: string) {
    this.sent.push(JSON.parse(text))
  }
  close() {
    if (this.readyState === FakeSocket.CONNECTING) throw new Error('closed while CONNECTING (Chromium logs an error)')
    this.closedByClient = true
    this.serverClose()
  }
  // server side
  accept() {
    this.readyState = FakeSocket.OPEN
    this.onopen?.()
  }
  say(message: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(message) })
  }
  serverClose() {
    this.readyState = FakeSocket.CLOSED
    this.onclose?.()
  }
}

const last = () => FakeSocket.all[FakeSocket.all.length - 1]
const frame = (t: number, command: string): InspectEvent => ({
  type: 'stomp.frame', t, conn: 'ws-1', client: 'tab1', dir: 'in', command, headers: [], bodyLength: 0, bodyPreview: '', wireBytes: 10,
})
const mine: WatchFilter = { clients: ['tab1'] }

function openAndHello(socket: FakeSocket, allowAll = true) {
  act(() => {
    socket.accept()
    socket.say({ type: 'hello', allowAll, now: 0, maxBuffered: 2000 })
  })
}

describe('useInspect', () => {
  beforeEach(() => {
    FakeSocket.all = []
    vi.stubGlobal('WebSocket', FakeSocket)
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('connects to /ws/inspect on this host, watches after hello, then shows snapshot and events', () => {
    const { result } = renderHook(() => useInspect(mine))
    const socket = last()
    expect(socket.url).toBe(`ws://${window.location.host}/ws/inspect`)
    expect(result.current.status).toBe('connecting')
    openAndHello(socket)
    expect(result.current.status).toBe('open')
    expect(socket.sent).toEqual([{ type: 'watch', filter: mine }])
    const broker = { sessions: [], subscriptions: [], destinations: [] }
    act(() => {
      socket.say({ type: 'snapshot', broker, now: 1 })
      socket.say({ type: 'events', events: [frame(1, 'CONNECT'), frame(2, 'SUBSCRIBE')] })
      socket.say({ type: 'dropped', count: 7 })
    })
    expect(result.current.snapshot).toEqual(broker)
    expect(result.current.events.map((e) => e.type === 'stomp.frame' && e.command)).toEqual(['CONNECT', 'SUBSCRIBE'])
    expect(result.current.dropped).toBe(7)
  })

  it('keeps only the newest maxEvents', () => {
    const { result } = renderHook(() => useInspect(mine, { maxEvents: 2 }))
    openAndHello(last())
    act(() => last().say({ type: 'events', events: [frame(1, 'A'), frame(2, 'B'), frame(3, 'C')] }))
    expect(result.current.events.map((e) => e.t)).toEqual([2, 3])
    expect(result.current.received).toBe(3)
  })

  it('pause freezes the view but keeps receiving; resume shows what arrived', () => {
    const { result } = renderHook(() => useInspect(mine))
    openAndHello(last())
    act(() => last().say({ type: 'events', events: [frame(1, 'CONNECT')] }))
    act(() => result.current.pause())
    act(() => last().say({ type: 'events', events: [frame(2, 'SEND'), frame(3, 'SEND')] }))
    expect(result.current.paused).toBe(true)
    expect(result.current.events).toHaveLength(1)
    expect(result.current.pending).toBe(2)
    act(() => result.current.resume())
    expect(result.current.events).toHaveLength(3)
    expect(result.current.pending).toBe(0)
  })

  it('clear forgets events and the dropped count', () => {
    const { result } = renderHook(() => useInspect(mine))
    openAndHello(last())
    act(() => {
      last().say({ type: 'events', events: [frame(1, 'CONNECT')] })
      last().say({ type: 'dropped', count: 3 })
    })
    act(() => result.current.clear())
    expect(result.current.events).toEqual([])
    expect(result.current.dropped).toBe(0)
  })

  it('a new filter is sent on the same socket and clears the view; all:true falls back when the server does not allow it', () => {
    const { result, rerender } = renderHook(({ filter }) => useInspect(filter), { initialProps: { filter: { all: true, types: ['broker.route'] } as WatchFilter } })
    openAndHello(last(), false)
    expect(last().sent).toEqual([{ type: 'watch', filter: { types: ['broker.route'] } }])
    act(() => last().say({ type: 'events', events: [frame(1, 'CONNECT')] }))
    rerender({ filter: { all: true, types: ['broker.route'] } }) // same value, new object: nothing sent
    expect(last().sent).toHaveLength(1)
    rerender({ filter: { destinations: ['/topic/a'] } })
    expect(FakeSocket.all).toHaveLength(1)
    expect(last().sent[1]).toEqual({ type: 'watch', filter: { destinations: ['/topic/a'] } })
    expect(result.current.events).toEqual([]) // what the old filter showed is gone
  })

  it('reconnects with backoff after the server goes away, and watches again', () => {
    vi.useFakeTimers()
    const { result } = renderHook(() => useInspect(mine))
    openAndHello(last())
    act(() => last().serverClose())
    expect(result.current.status).toBe('reconnecting')
    expect(FakeSocket.all).toHaveLength(1)
    act(() => vi.advanceTimersByTime(700))
    expect(FakeSocket.all).toHaveLength(2)
    act(() => last().serverClose()) // refused again: waits longer (about 1 s)
    act(() => vi.advanceTimersByTime(700))
    expect(FakeSocket.all).toHaveLength(2)
    act(() => vi.advanceTimersByTime(600))
    expect(FakeSocket.all).toHaveLength(3)
    openAndHello(last())
    expect(result.current.status).toBe('open')
    expect(last().sent).toEqual([{ type: 'watch', filter: mine }])
  })

  it('closes on unmount; StrictMode double mount never closes a connecting socket', () => {
    const { unmount } = renderHook(() => useInspect(mine), { reactStrictMode: true })
    expect(FakeSocket.all).toHaveLength(2)
    const [first, second] = FakeSocket.all
    act(() => first.accept()) // the abandoned one closes itself once open
    expect(first.closedByClient).toBe(true)
    openAndHello(second)
    expect(second.sent).toEqual([{ type: 'watch', filter: mine }])
    unmount()
    expect(second.closedByClient).toBe(true)
  })

  it('does not connect while the filter is null', () => {
    const { result } = renderHook(() => useInspect(null))
    expect(FakeSocket.all).toHaveLength(0)
    expect(result.current.status).toBe('idle')
  })
})
