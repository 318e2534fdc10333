import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { InspectEvent } from '../inspect/events'
import { evaluate } from './evaluate'
import recordedJson from './recorded/sockjs-fallbacks.json'
import { costs, sockjsFallbacks as ex } from './sockjs-fallbacks'
import { messages, statuses } from './testing'

/** Real sessions recorded against a test server (server/inspect/testing/record-lesson-events.ts sockjs). */
const recorded = recordedJson as unknown as Record<'websocket' | 'xhrStreaming' | 'xhrPolling' | 'misspelt', InspectEvent[]>
const { websocket, xhrStreaming, xhrPolling, misspelt } = recorded

describe('exercise sockjs-fallbacks (lesson 07)', () => {
  it('nothing yet: every step is to do', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo', 'todo'])
  })

  it('websocket, then xhr-streaming, then xhr-polling with a send: done, with the bill per transport', () => {
    const verdict = evaluate(ex, [...websocket, ...xhrStreaming, ...xhrPolling])
    expect(verdict.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done'])
    expect(verdict.done).toBe(true)
    expect(verdict.steps[0].evidence?.summary).toMatch(/^SockJS a frame over websocket a\["/)
    const bill = verdict.steps[3].message ?? ''
    expect(bill).toContain('went up as its own POST (`xhr_send`)')
    expect(bill).toContain('websocket: 2 HTTP requests (1 /info + 1 upgrade) for 2 messages')
    expect(bill).toContain('xhr-streaming: 2 HTTP requests (1 /info + 1 receiving request) for 2 messages')
    expect(bill).toContain('xhr-polling: 6 HTTP requests (1 /info + 4 receiving requests + 1 send) for 3 messages')
  })

  it('expecting a fallback while WebSocket works: SockJS picked websocket again', () => {
    expect(statuses(ex, [...websocket, ...websocket])).toEqual(['done', 'wrong', 'todo', 'todo'])
    expect(messages(ex, [...websocket, ...websocket])[1]).toMatch(/picked `websocket` again: it falls back only when WebSocket fails/)
    expect(evaluate(ex, [...websocket, ...websocket]).steps[1].evidence?.summary).toBe('SockJS o frame over websocket o')
    // the same at the polling step
    expect(messages(ex, [...websocket, ...xhrStreaming, ...websocket])[2]).toMatch(/Allow only `xhr-polling`/)
  })

  it('forcing a transport before the first step is explained', () => {
    expect(statuses(ex, xhrPolling)[0]).toBe('wrong')
    expect(messages(ex, xhrPolling)[0]).toMatch(/ran over `xhr-polling`, because your client allowed only that/)
  })

  it('the wrong fallback for a step names the one it wants', () => {
    expect(messages(ex, [...websocket, ...xhrPolling])[1]).toMatch(/ran over `xhr-polling`; this step asks for `xhr-streaming`/)
  })

  it('a misspelt transport: /info and then nothing — the spelling is pointed at', () => {
    const v = evaluate(ex, [...websocket, ...misspelt])
    expect(v.steps[1].status).toBe('todo')
    expect(v.steps[1].message).toMatch(/opened no session.*All transports failed.*check the spelling/)
    // the latest attempt decides: after a wrong websocket session, the misspelt one is what is explained
    expect(evaluate(ex, [...websocket, ...websocket, ...misspelt]).steps[1]).toMatchObject({ status: 'todo', message: expect.stringMatching(/check the spelling/) })
    // once a session opens after it, the note goes away
    expect(evaluate(ex, [...websocket, ...misspelt, ...xhrStreaming]).steps[1].status).toBe('done')
  })

  it('one message over xhr-polling is not yet two', () => {
    const cut = xhrPolling.slice(0, xhrPolling.findIndex((e) => e.type === 'sockjs.frame' && e.kind === 'a') + 1)
    expect(messages(ex, [...websocket, ...xhrStreaming, ...cut])[2]).toMatch(/1 message over xhr-polling so far/)
  })

  it('a send over the WebSocket does not count for the polling step', () => {
    const wsSend: InspectEvent = { type: 'sockjs.frame', t: 1e6, conn: 'sockjs-9', client: 'learnerTab1', dir: 'in', transport: 'websocket', kind: 'm', preview: '["hi"]', bytes: 6 }
    const upToPolling = [...websocket, ...xhrStreaming, ...xhrPolling.slice(0, 6)]
    expect(statuses(ex, [...upToPolling, wsSend])[3]).toBe('wrong')
  })

  it('costs: an open stream counts as one request before its exchange is reported', () => {
    const open = xhrStreaming.filter((e) => e.type !== 'http.exchange' || e.url.includes('/info'))
    expect(costs(open).find((c) => c.transport === 'xhr-streaming')).toMatchObject({ sessions: 1, receive: 1, messages: 2 })
  })

  it('never throws on shuffled or damaged real events', () => {
    const all = [...websocket, ...xhrStreaming, ...xhrPolling, ...misspelt]
    const damaged = fc.tuple(fc.constantFrom(...all), fc.string(), fc.string()).map(([e, preview, url]): InspectEvent => {
      if (e.type === 'sockjs.frame') return { ...e, preview, kind: (['o', 'h', 'a', 'c', 'm'] as const)[preview.length % 5] }
      if (e.type === 'http.exchange') return { ...e, url: `/sockjs/feed/${url}` }
      if (e.type === 'ws.handshake') return { ...e, path: `/sockjs/feed/${url}` }
      return e
    })
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...all), damaged), { maxLength: 40 }), (events) => {
        const v = evaluate(ex, events)
        expect(v.steps).toHaveLength(4)
        expect(v.steps[0].message ?? '').not.toContain('could not check')
      }),
    )
  })
})
