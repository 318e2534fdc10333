// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SELF, STOMP_SESSION } from '@/lib/inspect/fixtures'
import type { ServerMessage } from '@/lib/inspect/protocol'
import { CLIENT_ID_STORAGE_KEY } from './useClientId'

const api = vi.hoisted(() => ({
  initialize: vi.fn(),
  render: vi.fn(async (id: string, text: string) => ({ svg: `<svg id="${id}"><desc>${text.split('\n').length} lines</desc></svg>` })),
}))
vi.mock('mermaid', () => ({ default: api }))

import { SequenceDiagram } from './SequenceDiagram'

class FakeSocket {
  static readonly OPEN = 1
  static last: FakeSocket | undefined
  readyState = 0
  sent: unknown[] = []
  onopen: (() => void) | null = null
  onmessage: ((event: { data: string }) => void) | null = null
  onclose: (() => void) | null = null
  constructor(readonly url: string) {
    FakeSocket.last = this
  }
  send(text: string) {
    this.sent.push(JSON.parse(text))
  }
  close() {
    this.readyState = 3
  }
  say(message: ServerMessage) {
    act(() => this.onmessage?.({ data: JSON.stringify(message) }))
  }
}

const source = () => screen.getByText((_, el) => el?.tagName === 'PRE').textContent ?? ''

describe('SequenceDiagram', () => {
  beforeEach(() => {
    sessionStorage.setItem(CLIENT_ID_STORAGE_KEY, SELF)
    FakeSocket.last = undefined
    vi.stubGlobal('WebSocket', FakeSocket)
  })
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it('draws recorded events; every control has an accessible name; static mode has no pause or clear', async () => {
    render(<SequenceDiagram events={STOMP_SESSION} />)
    expect(await screen.findByRole('figure', { name: /Sequence diagram: \d+ messages/ })).toBeTruthy()
    const toolbar = screen.getByRole('toolbar', { name: 'Sequence diagram controls' })
    expect(within(toolbar).getByRole('checkbox', { name: 'Hide heart-beats' })).toBeTruthy()
    expect(within(toolbar).getByRole('button', { name: 'Copy mermaid source' })).toBeTruthy()
    expect(within(toolbar).queryByRole('button', { name: 'Pause' })).toBeNull()
    expect(within(toolbar).queryByRole('button', { name: 'Clear' })).toBeNull()
    expect(FakeSocket.last).toBeUndefined()
    expect(source()).toContain('participant C1 as Browser')
  })

  it('hide heart-beats removes them from the diagram source', () => {
    render(<SequenceDiagram events={STOMP_SESSION} />)
    expect(source()).toContain('heart-beat (EOL)')
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hide heart-beats' }))
    expect(source()).not.toContain('heart-beat (EOL)')
  })

  it('copy puts the mermaid source on the clipboard and says so', async () => {
    const writeText = vi.fn(async () => {})
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    render(<SequenceDiagram events={STOMP_SESSION} />)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy mermaid source' })))
    expect(writeText).toHaveBeenCalledWith(source())
    expect(screen.getByText('Copied to the clipboard')).toBeTruthy()
  })

  it('live: watches this tab’s cid (with its earlier traffic), draws what arrives, shows the dropped count, pauses and clears', async () => {
    render(<SequenceDiagram />)
    expect(screen.getByText(/No traffic yet/)).toBeTruthy()
    const socket = FakeSocket.last!
    act(() => {
      socket.readyState = 1
      socket.onopen?.()
    })
    socket.say({ type: 'hello', allowAll: true, now: 0, maxBuffered: 2000 })
    expect(socket.sent).toEqual([{ type: 'watch', filter: { clients: [SELF] }, replay: true }])
    expect(screen.getByRole('status').textContent).toContain('live')

    socket.say({ type: 'events', events: STOMP_SESSION.slice(0, 6) })
    expect(source()).toContain('CONNECTED version:1.2')
    socket.say({ type: 'dropped', count: 42 })
    expect(screen.getByText('42 events dropped (the viewer fell behind)')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }))
    socket.say({ type: 'events', events: STOMP_SESSION.slice(6, 10) })
    expect(source()).not.toContain('SUBSCRIBE')
    expect(screen.getByRole('status').textContent).toContain('paused · 4 new')
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }))
    expect(source()).toContain('SUBSCRIBE /topic/chat')

    fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    expect(screen.getByText(/No traffic yet/)).toBeTruthy()
    expect(screen.queryByText(/events dropped/)).toBeNull()
  })

  it('a given filter is watched instead of the tab', () => {
    render(<SequenceDiagram filter={{ destinations: ['/topic/chat'] }} />)
    const socket = FakeSocket.last!
    act(() => {
      socket.readyState = 1
      socket.onopen?.()
    })
    socket.say({ type: 'hello', allowAll: true, now: 0, maxBuffered: 2000 })
    expect(socket.sent).toEqual([{ type: 'watch', filter: { destinations: ['/topic/chat'] }, replay: true }])
  })

  it('draws the tab’s earlier traffic the server replays, then the live events after it, and says when older ones were not kept', () => {
    render(<SequenceDiagram />)
    const socket = FakeSocket.last!
    act(() => {
      socket.readyState = 1
      socket.onopen?.()
    })
    socket.say({ type: 'hello', allowAll: true, now: 0, maxBuffered: 2000 })
    socket.say({ type: 'snapshot', broker: { sessions: [], subscriptions: [], destinations: [] }, now: 50 })
    expect(screen.getByText(/No traffic yet/)).toBeTruthy()
    socket.say({ type: 'replay', events: STOMP_SESSION.slice(0, 8), omitted: 0 })
    expect(source()).toContain('CONNECTED version:1.2')
    expect(source()).toContain('SUBSCRIBE /topic/chat')
    expect(screen.queryByText(/older not shown/)).toBeNull()
    socket.say({ type: 'events', events: STOMP_SESSION.slice(9, 10) })
    expect(source()).toContain('SEND /topic/chat')

    // A reconnect replays again: the same events are not drawn twice.
    const lines = source().split('\n').length
    socket.say({ type: 'replay', events: STOMP_SESSION.slice(0, 10), omitted: 17 })
    expect(source().split('\n').length).toBe(lines)
    expect(screen.getByText(/17 older not shown/)).toBeTruthy()
  })
})
