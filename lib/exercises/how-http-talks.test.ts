import { describe, expect, it } from 'vitest'
import { evaluate } from './evaluate'
import { httpRawRequest as ex } from './how-http-talks'
import { http, messages, statuses } from './testing'

const json: [string, string][] = [['Content-Type', 'application/json']]

describe('exercise http-raw-request (lesson 01)', () => {
  it('nothing sent yet: every step is to do', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo'])
    expect(evaluate(ex, []).done).toBe(false)
  })

  it('the solution sent twice on one connection completes it, pointing at the requests', () => {
    const events = [
      http('POST', '/lab/echo', { headers: [...json, ['X-Hello', 'wire']], body: 17, conn: 'http-4' }),
      http('POST', '/lab/echo', { headers: [...json, ['X-Hello', 'wire']], body: 17, conn: 'http-4' }),
    ]
    const verdict = evaluate(ex, events)
    expect(verdict.done).toBe(true)
    expect(verdict.steps[0].evidence?.summary).toBe('POST /lab/echo → 200 OK')
    expect(verdict.steps[2].message).toContain('http-4')
  })

  it('a GET is explained: the method to send data is POST', () => {
    expect(statuses(ex, [http('GET', '/lab/echo')])).toEqual(['wrong', 'todo', 'todo'])
    expect(messages(ex, [http('GET', '/lab/echo')])[0]).toContain('`POST`')
  })

  it('a POST without a body, or without Content-Type, says which is missing', () => {
    expect(messages(ex, [http('POST', '/lab/echo', { headers: json, body: 0 })])[0]).toMatch(/empty body/)
    expect(messages(ex, [http('POST', '/lab/echo', { body: 5 })])[0]).toMatch(/without a `Content-Type`/)
    expect(messages(ex, [http('POST', '/lab/echo', { body: 5, headers: [['Content-Type', 'text/plain']] })])[0]).toMatch(/declared as `text\/plain`/)
  })

  it('a misspelt header or a different value is pointed out', () => {
    const post = http('POST', '/lab/echo', { headers: json, body: 5 })
    expect(messages(ex, [post, http('GET', '/lab/echo', { headers: [['X-Helo', 'wire']] })])[1]).toMatch(/header `X-Helo`, not `X-Hello`/)
    expect(statuses(ex, [post, http('GET', '/lab/echo', { headers: [['Accept', 'wire']] })])[1]).toBe('todo')
    expect(messages(ex, [post, http('GET', '/lab/echo', { headers: [['Hello', 'wire']] })])[1]).toMatch(/not `X-Hello`/)
    expect(messages(ex, [post, http('GET', '/lab/echo', { headers: [['x-hello', 'Wire']] })])[1]).toMatch(/value `Wire`/)
    // case-insensitive names: x-hello: wire counts
    expect(statuses(ex, [post, http('GET', '/lab/echo', { headers: [['x-hello', 'wire']] })]).slice(0, 2)).toEqual(['done', 'done'])
  })

  it('keep-alive: two requests on different connections are explained; on the same one, done', () => {
    const post = http('POST', '/lab/echo', { headers: [...json, ['X-Hello', 'wire']], body: 5, conn: 'http-1' })
    const other = http('GET', '/lab/echo', { conn: 'http-2' })
    expect(statuses(ex, [post, other])).toEqual(['done', 'done', 'wrong'])
    expect(messages(ex, [post, other])[2]).toMatch(/different connections \(http-1, then http-2\)/)
    expect(statuses(ex, [post, other, http('GET', '/lab/echo', { conn: 'http-2' })])).toEqual(['done', 'done', 'done'])
  })

  it('other lab requests do not count as echo requests', () => {
    const poll = http('POST', '/lab/feeds/lobby/messages', { headers: json, body: 5, lab: 'send' })
    expect(statuses(ex, [poll])).toEqual(['todo', 'todo', 'todo'])
  })
})
