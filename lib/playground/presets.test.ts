import { describe, expect, it } from 'vitest'
import { PRESETS, dialUrl, isWirelabUrl, presetFor, urlProblem } from './presets'

const page = { protocol: 'http:', host: '127.0.0.1:3000' }

describe('connection presets and URLs', () => {
  it('resolves Wirelab paths against the page and adds the tab’s cid', () => {
    expect(dialUrl('/ws/stomp', 'ws', page, 'abcDEF1234')).toBe('ws://127.0.0.1:3000/ws/stomp?cid=abcDEF1234')
    expect(dialUrl('/sockjs/stomp', 'sockjs', page, 'abcDEF1234')).toBe('http://127.0.0.1:3000/sockjs/stomp?cid=abcDEF1234')
    expect(dialUrl('/ws/stomp', 'ws', { protocol: 'https:', host: 'lab.example' }, null)).toBe('wss://lab.example/ws/stomp')
    expect(dialUrl('ws://127.0.0.1:3000/ws/stomp?x=1', 'ws', page, 'c')).toBe('ws://127.0.0.1:3000/ws/stomp?x=1&cid=c')
  })

  it('dials any other URL exactly as typed (no cid leaks to other servers)', () => {
    expect(dialUrl('ws://127.0.0.1:15674/ws', 'ws', page, 'abcDEF1234')).toBe('ws://127.0.0.1:15674/ws')
    expect(isWirelabUrl('ws://127.0.0.1:15674/ws', page.host)).toBe(false)
    expect(isWirelabUrl('/ws/echo', page.host)).toBe(false)
    expect(isWirelabUrl('/sockjs/stomp', page.host)).toBe(true)
  })

  it('names the preset a URL belongs to', () => {
    expect(PRESETS.map((p) => presetFor(p.url, p.transport))).toEqual(['wirelab-ws', 'wirelab-sockjs', 'rabbitmq', 'custom'])
    expect(presetFor('/ws/stomp', 'sockjs')).toBe('custom')
  })

  it('explains URLs the browser would refuse', () => {
    expect(urlProblem('', 'ws', page)).toMatch(/Enter a URL/)
    expect(urlProblem('localhost:61613', 'ws', page)).toMatch(/ws:\/\/ or wss:\/\/, not localhost:/)
    expect(urlProblem('http://x/ws', 'ws', page)).toMatch(/ws:\/\/ or wss:\/\//)
    expect(urlProblem('ws://x/ws', 'sockjs', page)).toMatch(/SockJS URL starts with http/)
    expect(urlProblem('ws://x/ws#a', 'ws', page)).toMatch(/fragment/)
    expect(urlProblem('ws://broker.example/ws', 'ws', { protocol: 'https:', host: 'x' })).toMatch(/mixed content/)
    expect(urlProblem('not a url', 'ws', page)).toMatch(/is not a URL/)
    expect(urlProblem('wss://broker.example/ws', 'ws', page)).toBeNull()
    expect(urlProblem('/ws/stomp', 'ws', page)).toBeNull()
  })
})
