import { describe, expect, it } from 'vitest'
import type { InspectEvent } from '../inspect/events'
import recordedJson from '../exercises/recorded/sockjs-fallbacks.json'
import { parseTransportList, sessionView, unknownTransports } from './session-view'
import { parseSockjsUrl } from './urls'

const recorded = recordedJson as unknown as Record<'websocket' | 'xhrStreaming' | 'xhrPolling' | 'misspelt', InspectEvent[]>

describe('parseSockjsUrl', () => {
  it('info, session endpoints and their transports; anything else is not SockJS', () => {
    expect(parseSockjsUrl('/sockjs/feed/info?cid=x')).toEqual({ kind: 'info', prefix: '/sockjs/feed' })
    expect(parseSockjsUrl('/sockjs/feed/721/0ewjsdt5/xhr?cid=x')).toMatchObject({ kind: 'session', server: '721', session: '0ewjsdt5', endpoint: 'xhr', transport: 'xhr-polling', send: false })
    expect(parseSockjsUrl('/sockjs/feed/721/0ewjsdt5/xhr_send')).toMatchObject({ transport: 'xhr_send', send: true })
    expect(parseSockjsUrl('/sockjs/stomp/1/a/xhr_streaming')).toMatchObject({ prefix: '/sockjs/stomp', transport: 'xhr-streaming' })
    expect(parseSockjsUrl('/sockjs/feed/iframe.html')).toEqual({ kind: 'iframe', prefix: '/sockjs/feed' })
    expect(parseSockjsUrl('/sockjs/feed/1/a/nope')).toBeNull()
    expect(parseSockjsUrl('/lab/echo')).toBeNull()
  })
})

const session = (events: InspectEvent[]) => {
  for (const e of events) {
    const r = e.type === 'http.exchange' ? parseSockjsUrl(e.url) : e.type === 'ws.handshake' ? parseSockjsUrl(e.path) : null
    if (r?.kind === 'session') return r.session
  }
  throw new Error('no session')
}

describe('sessionView', () => {
  it('websocket: /info, the upgrade, the frames of its connection', () => {
    const v = sessionView(recorded.websocket, session(recorded.websocket))
    expect(v).toMatchObject({ transport: 'websocket', messages: 2 })
    expect(v.requests.map((r) => [r.endpoint, r.status])).toEqual([['info', 200], ['websocket', 101]])
    expect(v.frames.map((f) => f.kind)).toEqual(['o', 'a', 'a'])
  })

  it('xhr-streaming: the open stream counts as one request until its exchange is reported', () => {
    const all = recorded.xhrStreaming
    const open = all.filter((e) => !(e.type === 'http.exchange' && e.url.includes('xhr_streaming')))
    expect(sessionView(open, session(all)).requests.map((r) => [r.endpoint, r.status])).toEqual([['info', 200], ['xhr_streaming', null]])
    expect(sessionView(all, session(all)).requests.map((r) => [r.endpoint, r.status])).toEqual([['info', 200], ['xhr_streaming', 200]])
  })

  it('xhr-polling: a request per delivery and one per send', () => {
    const v = sessionView(recorded.xhrPolling, session(recorded.xhrPolling))
    expect(v.requests.map((r) => r.endpoint)).toEqual(['info', 'xhr', 'xhr', 'xhr', 'xhr', 'xhr_send'])
    expect(v.frames.filter((f) => f.dir === 'in').map((f) => f.preview)).toEqual(['["hello over polling"]'])
    expect(v.messages).toBe(3)
  })

  it('no session yet: nothing but the /info', () => {
    expect(sessionView(recorded.misspelt, 'abc')).toMatchObject({ conn: null, transport: null, frames: [], messages: 0 })
  })
})

describe('the transports field', () => {
  it('splits on commas and spaces, quotes allowed', () => {
    expect(parseTransportList(" 'xhr-polling', eventsource ")).toEqual(['xhr-polling', 'eventsource'])
    expect(parseTransportList('')).toEqual([])
  })
  it('unknown names get a guess when one is close', () => {
    expect(unknownTransports(['xhr_polling', 'websocket', 'XHR-Streaming', 'foo'])).toEqual([{ name: 'xhr_polling', guess: 'xhr-polling' }, { name: 'XHR-Streaming', guess: 'xhr-streaming' }, { name: 'foo' }])
    expect(unknownTransports(['xhrpolling'])).toEqual([{ name: 'xhrpolling', guess: 'xhr-polling' }])
  })
})
