import { describe, expect, it } from 'vitest'
import { labTransportOf } from './http-tap'

describe('labTransportOf', () => {
  it.each([
    ['/lab/echo', 'echo'],
    ['/lab/feeds/lobby/poll?since=3&cid=x', 'short-poll'],
    ['/lab/feeds/lobby/long-poll?since=3', 'long-poll'],
    ['/lab/feeds/ticker-a/stream', 'stream'],
    ['/lab/feeds/lobby/sse', 'sse'],
    ['/lab/feeds/lobby/messages', 'send'],
    ['/lab/counters?cid=x', 'counters'],
    ['/sockjs/stomp/000/abc/xhr_streaming?cid=x', 'sockjs'],
    ['/socket.io/?EIO=4&transport=polling', 'socketio'],
    ['/lessons/websocket', null],
    ['/_next/static/chunks/x.js', null],
    ['/laboratory', null],
  ])('%s → %s', (url, lab) => {
    expect(labTransportOf(url)).toBe(lab)
  })
})
