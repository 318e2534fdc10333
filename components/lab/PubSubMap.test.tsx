// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SELF, busySnapshot, route } from '@/lib/inspect/fixtures'
import type { ServerMessage } from '@/lib/inspect/protocol'
import { CLIENT_ID_STORAGE_KEY } from './useClientId'
import { PubSubMap } from './PubSubMap'

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
  open() {
    act(() => {
      this.readyState = 1
      this.onopen?.()
    })
  }
  say(message: ServerMessage) {
    act(() => this.onmessage?.({ data: JSON.stringify(message) }))
  }
}

const row = (name: string) => screen.getByText(name, { selector: 'span' }).closest('li') as HTMLElement
const everyone = (n: number) => Array.from({ length: n }, (_, i): [string, string] => [`ws-${i + 1}`, 'sub-0'])

describe('PubSubMap', () => {
  beforeEach(() => {
    sessionStorage.setItem(CLIENT_ID_STORAGE_KEY, SELF)
    FakeSocket.last = undefined
    vi.stubGlobal('WebSocket', FakeSocket)
  })
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it('50 clients stay readable: 6 subscribers drawn, "+ 44 more subscribers", this tab first and marked', () => {
    render(<PubSubMap snapshot={busySnapshot(50)} events={[route(1, 'ws-51', '/topic/chat', 'm-1', everyone(50))]} />)
    const chat = row('/topic/chat')
    const subscribers = within(chat).getByRole('list', { name: 'Subscribers of /topic/chat' })
    const items = within(subscribers).getAllByRole('listitem')
    expect(items).toHaveLength(7)
    expect(items[0].textContent).toContain('you')
    expect(items[0].dataset.self).toBe('true')
    expect(items[6].textContent).toBe('+ 44 more subscribersgot 44')
    expect(items[6].getAttribute('title')).toBe('44 more subscribers received 44 messages')
    expect(within(chat).getByText('1 published · 50 delivered')).toBeTruthy()
  })

  it('queue and topic are told apart in text, not only by colour; queue depth is shown', () => {
    render(<PubSubMap snapshot={busySnapshot(3)} />)
    expect(row('/topic/chat').dataset.kind).toBe('topic')
    expect(within(row('/topic/chat')).getByText('topic')).toBeTruthy()
    const orders = row('/queue/orders')
    expect(orders.dataset.kind).toBe('queue')
    expect(within(orders).getByText('queue')).toBeTruthy()
    expect(within(orders).getByText('depth 12')).toBeTruthy()
    expect(within(orders).getByText('no consumer: messages wait here')).toBeTruthy()
  })

  it('static mode opens no connection; an empty broker says what to do', () => {
    render(<PubSubMap snapshot={{ sessions: [], subscriptions: [], destinations: [] }} />)
    expect(FakeSocket.last).toBeUndefined()
    expect(screen.getByText(/No destinations yet/)).toBeTruthy()
  })

  it('live: watches broker events of everyone (or this tab), starts from the snapshot, counts and pulses each delivery', () => {
    const { container } = render(<PubSubMap />)
    const socket = FakeSocket.last!
    socket.open()
    socket.say({ type: 'hello', allowAll: true, now: 0, maxBuffered: 2000 })
    expect(socket.sent).toEqual([{ type: 'watch', filter: { all: true, clients: [SELF], types: ['broker.session', 'broker.subscription', 'broker.route'] } }])
    socket.say({ type: 'snapshot', broker: busySnapshot(2), now: 1 })
    expect(within(row('/topic/chat')).getByText('0 published · 0 delivered')).toBeTruthy()
    expect(container.querySelectorAll('[class*="flash"]')).toHaveLength(0)

    socket.say({ type: 'events', events: [route(5, 'ws-3', '/topic/chat', 'm-1', everyone(2))] })
    const chat = row('/topic/chat')
    expect(within(chat).getByText('1 published · 2 delivered')).toBeTruthy()
    expect(within(chat).getAllByText('got 1')).toHaveLength(2)
    expect(within(chat).getByText('sent 1')).toBeTruthy()
    // each subscriber chip, the publisher chip and the destination flash; dashes travel along the curves
    expect(chat.querySelectorAll('[class*="flash"]').length).toBe(4)
    expect(chat.querySelectorAll('path[class*="packet"]').length).toBe(3) // 2 subscriber curves + the new publisher's

    socket.say({ type: 'events', events: [route(6, 'ws-3', '/queue/jobs', 'm-2', [], { queued: true })] })
    expect(within(row('/queue/jobs')).getByText('depth 4')).toBeTruthy()
  })

  it('live with destinations: only those are watched', () => {
    render(<PubSubMap destinations={['/queue/jobs']} />)
    const socket = FakeSocket.last!
    socket.open()
    socket.say({ type: 'hello', allowAll: false, now: 0, maxBuffered: 2000 })
    expect(socket.sent).toEqual([{ type: 'watch', filter: { destinations: ['/queue/jobs'], types: ['broker.session', 'broker.subscription', 'broker.route'] } }])
  })
})
