import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { InspectEvent } from '../inspect/events'
import { evaluate } from './evaluate'
import { longPoll, post } from './feed-testing'
import { longPollHeld as ex } from './long-polling'
import { messages, statuses } from './testing'

const ROOM = 'room-learner'

/** The solution: a held request answered by the learner's post, the re-ask that times out empty. */
function solved(): InspectEvent[] {
  return [post(ROOM, 1), longPoll(ROOM, null, 5000, 1, [], 5000), post(ROOM, 2), longPoll(ROOM, 1, 5000, 2, [2], 1800), longPoll(ROOM, 2, 5000, 2, [], 5001)]
}

describe('exercise long-poll-held (lesson 03)', () => {
  it('nothing sent yet: every step is to do', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo'])
  })

  it('the solution is done: held until the post, asked again with the cursor, which then timed out empty', () => {
    const verdict = evaluate(ex, solved())
    expect(verdict.done).toBe(true)
    expect(verdict.steps[0].message).toBe('Held 1.8 s, then answered with #2 as soon as it was published.')
    expect(verdict.steps[1].message).toMatch(/^It asked `since=2` \d+ ms after the answer/)
    expect(verdict.steps[2].message).toMatch(/^Held 5\.0 s \(`timeout=5000`\), then `200` with no messages and `cursor: 2`/)
    // steps 2 and 3 point at the same request
    expect(verdict.steps[1].evidence).toEqual(verdict.steps[2].evidence)
  })

  it('since=0 is explained: answered at once, never held', () => {
    const events = [post(ROOM, 1), longPoll(ROOM, 0, 5000, 1, [1], 2), longPoll(ROOM, 0, 5000, 1, [1], 2)]
    expect(statuses(ex, events)[0]).toBe('wrong')
    expect(messages(ex, events)[0]).toMatch(/^Answered in 2 ms with #1: `since=0` asks for everything/)
  })

  it('a stale cursor answered at once with a repeat is explained', () => {
    const events = [longPoll(ROOM, null, 5000, 3, [3], 900), longPoll(ROOM, 2, 5000, 3, [3], 1)]
    expect(messages(ex, events)[0]).toMatch(/^Answered at once with #3 again: this request asked `since=2`/)
  })

  it('timeout=0, a server error, or no post yet each get their message', () => {
    expect(messages(ex, [longPoll(ROOM, null, 0, 0, [], 1)])[0]).toMatch(/`timeout=0` makes the server answer at once/)
    expect(messages(ex, [longPoll(ROOM, null, 40000, 0, [], 1, { status: 400, body: '{"error":"timeout=\\"40000\\" is not a long-poll timeout"}' })])[0]).toMatch(/`400 Bad Request`\. The server said: timeout="40000"/)
    expect(statuses(ex, [longPoll(ROOM, null, 5000, 0, [], 5000)])[0]).toBe('todo')
    expect(messages(ex, [longPoll(ROOM, null, 5000, 0, [], 5000)])[0]).toMatch(/came back empty at its timeout\. Now post/)
  })

  it('a message that arrived just before the request was not held: not yet, and why', () => {
    const events = [post(ROOM, 1), longPoll(ROOM, 0, 5000, 1, [1], 3)]
    // since=0 with the learner's own message: explained as since=0
    expect(messages(ex, events)[0]).toMatch(/`since=0`/)
    const justBefore = [post(ROOM, 1), longPoll(ROOM, null, 5000, 1, [1], 120)]
    expect(statuses(ex, justBefore)[0]).toBe('todo')
    expect(messages(ex, justBefore)[0]).toMatch(/held only 120 ms/)
  })

  it('someone else\'s message answering the poll does not count', () => {
    const events = [longPoll('lobby', 7, 5000, 8, [8], 2000)]
    expect(statuses(ex, events)[0]).toBe('todo')
    expect(messages(ex, events)[0]).toMatch(/Someone else's message \(#8\)/)
  })

  it('the re-ask without since, or with the old cursor, is explained', () => {
    const held = [post(ROOM, 1), longPoll(ROOM, 0, 5000, 1, [1], 1500)]
    expect(messages(ex, [...held, longPoll(ROOM, null, 5000, 1, [], 5000)])[1]).toMatch(/without `since`, i\.e\. "from now".*`since=1`/)
    expect(messages(ex, [...held, longPoll(ROOM, 0, 5000, 1, [1], 2)])[1]).toMatch(/asked `since=0`, but the answer before said `cursor: 1`/)
    expect(messages(ex, held)[1]).toMatch(/being held/)
  })

  it('a timeout too short is explained; a long enough one later still counts', () => {
    const base = [post(ROOM, 1), longPoll(ROOM, null, 500, 1, [1], 300), longPoll(ROOM, 1, 500, 1, [], 501)]
    expect(statuses(ex, base)).toEqual(['done', 'done', 'wrong'])
    expect(messages(ex, base)[2]).toMatch(/timed out after 500 ms.*about 120 requests a minute/)
    expect(statuses(ex, [...base, longPoll(ROOM, 1, 3000, 1, [], 3002)])).toEqual(['done', 'done', 'done'])
  })

  it('never throws on random sequences of long polls and posts', () => {
    const exchange = fc.oneof(
      fc
        .tuple(fc.constantFrom(ROOM, 'lobby'), fc.option(fc.nat(5), { nil: null }), fc.option(fc.nat(8000), { nil: null }), fc.nat(5), fc.array(fc.nat(5), { maxLength: 3 }), fc.nat(9000))
        .map(([f, s, t, c, ids, d]) => longPoll(f, s, t, c, ids, d)),
      fc.tuple(fc.constantFrom(ROOM, 'lobby'), fc.nat(5)).map(([f, id]) => post(f, id)),
      fc.tuple(fc.string(), fc.nat(9000)).map(([body, d]) => longPoll(ROOM, 1, 5000, 1, [], d, { body })),
    )
    fc.assert(
      fc.property(fc.array(exchange, { maxLength: 12 }), (events) => {
        const verdict = evaluate(ex, events)
        expect(verdict.steps).toHaveLength(3)
        expect(verdict.steps[0].message ?? '').not.toMatch(/could not check/)
      }),
    )
  })
})
