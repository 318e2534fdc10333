// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ServerMessage } from '@/lib/inspect/protocol'
import { useLabSocket } from './useLabSocket'

/**
 * A scripted stand-in for the browser's WebSocket (the test plays both servers: /ws/inspect and
 * the lab endpoint). `close()` refuses codes and reasons the way the WHATWG WebSockets standard
 * says a browser must.
 */
class FakeSocket {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  static all: FakeSocket[] = []
  readyState = FakeSocket.CONNECTING
  binaryType = 'blob'
  sent: unknown[] = []
  closedWith: unknown[] | null = null
  onopen: (() => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null
  constructor(readonly url: string) {
    FakeSocket.all.push(this)
  }
  send(data: unknown) {
    this.sent.push(data)
  }
  close(...args: unknown[]) {
    const [code, reason] = args as [number | undefined, string | undefined]
    if (code !== undefined && code !== 1000 && !(code >= 3000 && code <= 4999)) {
      throw new DOMException(`The close code must be either 1000, or between 3000 and 4999. ${code} is neither.`, 'InvalidAccessError')
    }
    if (reason !== undefined && new TextEncoder().encode(reason).length > 123) throw new DOMException('The close reason must not be greater than 123 UTF-8 bytes.', 'SyntaxError')
    this.closedWith = args
    this.readyState = FakeSocket.CLOSED
    this.onclose?.({ code: code ?? 1005, reason: reason ?? '' })
  }
  accept() {
    this.readyState = FakeSocket.OPEN
    this.onopen?.()
  }
  say(message: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(message) })
  }
}

function openLabSocket() {
  const hook = renderHook(() => useLabSocket('echo'))
  const inspect = FakeSocket.all[0]
  act(() => {
    inspect.accept()
    inspect.say({ type: 'hello', allowAll: false, now: 0, maxBuffered: 2000 })
    inspect.say({ type: 'snapshot', broker: { sessions: [], subscriptions: [], destinations: [] }, now: 1 })
  })
  const lab = FakeSocket.all[1]
  expect(lab.url).toMatch(/\/ws\/echo\?tag=[a-z0-9]{6}&cid=/)
  act(() => lab.accept())
  return { hook, lab }
}

describe('useLabSocket: binary messages and closing from the browser', () => {
  beforeEach(() => {
    FakeSocket.all = []
    vi.stubGlobal('WebSocket', FakeSocket)
  })
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it('sendBinary sends the octets as binary and records them as sent', () => {
    const { hook, lab } = openLabSocket()
    const bytes = Uint8Array.of(1, 2, 3, 255)
    let ok = false
    act(() => {
      ok = hook.result.current.sendBinary(bytes)
    })
    expect(ok).toBe(true)
    expect(lab.sent).toHaveLength(1)
    expect(Array.from(lab.sent[0] as Uint8Array)).toEqual([1, 2, 3, 255])
    expect(hook.result.current.sent.map((b) => Array.from(b))).toEqual([[1, 2, 3, 255]])
  })

  it("close returns the browser's own error for a refused code or reason, and keeps the socket open", () => {
    const { hook, lab } = openLabSocket()
    let error: string | null = null
    act(() => {
      error = hook.result.current.close(1005, 'x')
    })
    expect(error).toMatch(/^InvalidAccessError: The close code must be either 1000, or between 3000 and 4999/)
    act(() => {
      error = hook.result.current.close(4000, 'é'.repeat(62))
    })
    expect(error).toMatch(/^SyntaxError: .*123/)
    expect(lab.closedWith).toBeNull()
    expect(hook.result.current.status).toBe('open')
  })

  it('close with a code and reason the browser allows closes the socket with them', () => {
    const { hook, lab } = openLabSocket()
    let error: string | null = 'unset'
    act(() => {
      error = hook.result.current.close(4000, 'done')
    })
    expect(error).toBeNull()
    expect(lab.closedWith).toEqual([4000, 'done'])
    expect(hook.result.current.status).toBe('closed')
    expect(hook.result.current.closeInfo).toBe('closed: 4000 done')
    // nothing left to close
    act(() => {
      error = hook.result.current.close(4000, 'again')
    })
    expect(error).toBe('not open')
  })

  it('close without a code calls close() with no arguments (an empty Close frame)', () => {
    const { hook, lab } = openLabSocket()
    act(() => void hook.result.current.close())
    expect(lab.closedWith).toEqual([])
  })
})
