import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { InspectEvent } from '../inspect/events'
import { evaluate } from './evaluate'
import { poll, post } from './feed-testing'
import { shortPollCursor as ex } from './short-polling'
import { http, messages, statuses } from './testing'

const ROOM = 'room-learner'

/** The solution: polls with the cursor, a post, the poll that brings it, one more. */
function solved(): InspectEvent[] {
  return [poll(ROOM, null, 0), poll(ROOM, 0, 0), poll(ROOM, 0, 0), poll(ROOM, 0, 0), post(ROOM, 1), poll(ROOM, 0, 1, [1]), poll(ROOM, 1, 1)]
}

describe('exercise short-poll-cursor (lesson 02)', () => {
  it('nothing sent yet: every step is to do', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo'])
  })

  it('the solution is done, and the last step counts the empty polls and their octets', () => {
    const verdict = evaluate(ex, solved())
    expect(verdict.done).toBe(true)
    expect(verdict.steps[0].evidence?.summary).toMatch(/^GET \/lab\/feeds\/room-learner\/poll\?since=0 → 200 OK$/)
    expect(verdict.steps[1].message).toBe('Posted message #1 to `room-learner`.')
    // 6 polls, 5 of them empty, 700 octets each way in the builders
    expect(verdict.steps[2].message).toMatch(/#1 came back once, \d+ ms after you posted it, and not again\. Of your 6 polls of `room-learner`, 5 came back empty: 3,500 octets/)
  })

  it('polls without since are explained: each asks "from now", and the posted message is lost', () => {
    const events = [poll(ROOM, null, 0), poll(ROOM, null, 0)]
    expect(statuses(ex, events)[0]).toBe('wrong')
    expect(messages(ex, events)[0]).toMatch(/carry no `since`/)
  })

  it('since=0 every time is explained: the feed is downloaded again', () => {
    const events = [poll(ROOM, 0, 2, [1, 2]), poll(ROOM, 0, 2, [1, 2])]
    expect(messages(ex, events)[0]).toMatch(/`since=0` asks for everything.*#1 and #2 again.*`since=2`/)
  })

  it('a stale or invented cursor is explained', () => {
    expect(messages(ex, [poll(ROOM, 0, 5, [4, 5]), poll(ROOM, 3, 5, [4, 5])])[0]).toMatch(/asked `since=3`.*`cursor: 5`.*already had/)
    expect(messages(ex, [poll(ROOM, 0, 5, [5]), poll(ROOM, 9, 5, [], { status: 400, body: '{"error":"since=9 is ahead of feed"}' })])[0]).toMatch(/`400 Bad Request`\. The server said: since=9 is ahead/)
  })

  it('the chain must be three polls of one feed; another feed in between does not break it', () => {
    const events = [poll(ROOM, null, 0), poll('lobby', null, 40), poll(ROOM, 0, 0), poll(ROOM, 0, 0)]
    expect(statuses(ex, events)[0]).toBe('done')
    expect(statuses(ex, [poll(ROOM, null, 0), poll(ROOM, 0, 0)])[0]).toBe('todo')
    expect(messages(ex, [poll(ROOM, null, 0), poll(ROOM, 0, 0)])[0]).toMatch(/2 polls of `room-learner` so far/)
  })

  it('a post to another feed is pointed out', () => {
    const events = [poll(ROOM, null, 0), poll(ROOM, 0, 0), poll(ROOM, 0, 0), post('lobby', 41)]
    expect(statuses(ex, events)).toEqual(['done', 'wrong', 'todo'])
    expect(messages(ex, events)[1]).toMatch(/posted to `lobby`, but you are polling `room-learner`/)
  })

  it('a message fetched twice is explained, pointing at the second poll', () => {
    const base = [poll(ROOM, null, 0), poll(ROOM, 0, 0), poll(ROOM, 0, 0), post(ROOM, 1)]
    const twice = [...base, poll(ROOM, 0, 1, [1]), poll(ROOM, 0, 1, [1])]
    const verdict = evaluate(ex, twice)
    expect(verdict.steps[2].status).toBe('wrong')
    expect(verdict.steps[2].message).toMatch(/#1 came back twice: this poll asked `since=0`.*`since=1`/)
  })

  it('switching to polls without since after the post: the message is missed, and the check says so', () => {
    const base = [poll(ROOM, null, 0), poll(ROOM, 0, 0), poll(ROOM, 0, 0), post(ROOM, 1)]
    const blind = [...base, poll(ROOM, null, 1), poll(ROOM, null, 1)]
    expect(statuses(ex, blind)[2]).toBe('wrong')
    expect(messages(ex, blind)[2]).toMatch(/no poll will ever return it/)
    // one poll after it so far: not yet, says what it waits for
    expect(messages(ex, [...base, poll(ROOM, 0, 1, [1])])[2]).toMatch(/one more poll/)
  })

  it('other lab requests are ignored', () => {
    expect(statuses(ex, [http('GET', '/lab/echo'), http('GET', '/lab/feeds/lobby/sse', { lab: 'sse' })])).toEqual(['todo', 'todo', 'todo'])
  })

  it('never throws on random sequences of feed requests', () => {
    const exchange = fc.oneof(
      fc.tuple(fc.constantFrom(ROOM, 'lobby'), fc.option(fc.nat(6), { nil: null }), fc.nat(6), fc.array(fc.nat(6), { maxLength: 3 })).map(([f, s, c, ids]) => poll(f, s, c, ids)),
      fc.tuple(fc.constantFrom(ROOM, 'lobby'), fc.nat(6)).map(([f, id]) => post(f, id)),
      fc.tuple(fc.constantFrom(ROOM, 'lobby'), fc.string()).map(([f, body]) => poll(f, 1, 1, [], { body })),
    )
    fc.assert(
      fc.property(fc.array(exchange, { maxLength: 14 }), (events) => {
        const verdict = evaluate(ex, events)
        expect(verdict.steps).toHaveLength(3)
        expect(verdict.steps[0].message ?? '').not.toMatch(/could not check/)
      }),
    )
  })
})
