import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { InspectEvent } from '../inspect/events'
import { evaluate } from './evaluate'
import { sse } from './feed-testing'
import { sseResume as ex } from './server-sent-events'
import { messages, statuses } from './testing'

const T = 'ticker-learner'

/** The solution: a cut stream, the browser's reconnect, a new stream resumed by hand. */
function solved(): InspectEvent[] {
  return [
    sse(T, { drop: 3 }, [1, 2, 3], { cut: true, conn: 'http-3' }),
    sse(T, { drop: 3 }, [4, 5, 6], { cut: true, lastEventId: '3', conn: 'http-3' }),
    sse(T, { drop: 3 }, [7], { lastEventId: '6', conn: 'http-3' }),
    sse(T, { drop: 3, lastEventId: 7 }, [8, 9, 10, 11].slice(0, 3), { cut: true, conn: 'http-4' }),
  ]
}

describe('exercise sse-resume (lesson 04)', () => {
  it('nothing yet: every step is to do', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo'])
  })

  it('the solution is done, each step pointing at its request', () => {
    const verdict = evaluate(ex, solved())
    expect(verdict.done).toBe(true)
    expect(verdict.steps[0].message).toBe('http-3 delivered #1, #2 and #3, then the server ended the response (`drop=3`).')
    expect(verdict.steps[1].message).toMatch(/came back on its own \d+ ms after the cut, with `Last-Event-ID: 3`/)
    expect(verdict.steps[2].message).toBe('Resumed after #7: the new stream began with #8, the very next one. Nothing missed, nothing twice.')
    expect(verdict.steps[2].evidence?.summary).toBe('GET /lab/feeds/ticker-learner/sse?drop=3&lastEventId=7 → 200 OK')
  })

  it('a stream closed by the learner, or refused, is explained', () => {
    expect(messages(ex, [sse(T, {}, [1, 2])])[0]).toMatch(/closed on your side.*"cut after 3 events"/)
    expect(statuses(ex, [sse(T, { drop: 0 }, [], { status: 400, body: '{"error":"drop=\\"0\\" is not a number of events"}' })])[0]).toBe('wrong')
    expect(messages(ex, [sse(T, { drop: 3 }, [])])[0]).toMatch(/before any event came/)
  })

  it('a new EventSource instead of the reconnect is the typical mistake: no Last-Event-ID', () => {
    const events = [sse(T, { drop: 3 }, [1, 2, 3], { cut: true }), sse(T, { drop: 3 }, [4, 5, 6], { cut: true })]
    expect(statuses(ex, events)).toEqual(['done', 'wrong', 'todo'])
    expect(messages(ex, events)[1]).toMatch(/carries no `Last-Event-ID`: it came from a new EventSource/)
    const byHand = [sse(T, { drop: 3 }, [1, 2, 3], { cut: true }), sse(T, { drop: 3, lastEventId: 3 }, [4])]
    expect(messages(ex, byHand)[1]).toMatch(/resumed by hand with `\?lastEventId=`/)
    const off = [sse(T, { drop: 3 }, [1, 2, 3], { cut: true }), sse(T, { drop: 3 }, [3, 4], { lastEventId: '2' })]
    expect(messages(ex, off)[1]).toMatch(/carried `Last-Event-ID: 2`, but the last event of the cut stream had id `3`/)
    // waiting for the reconnect to be reported
    expect(messages(ex, events.slice(0, 1))[1]).toMatch(/reconnects by itself after the `retry` delay/)
  })

  it('resuming by hand: a fresh stream without the id loses events; a wrong id repeats or skips them', () => {
    const first = solved().slice(0, 3) // the last event received: #7
    const fresh = [...first, sse(T, { drop: 3 }, [12, 13])]
    expect(statuses(ex, fresh)[2]).toBe('wrong')
    expect(messages(ex, fresh)[2]).toMatch(/started from now, at #12, but the last event you had was #7: #8, #9, #10 and #11.*`\?lastEventId=7`/)
    const early = [...first, sse(T, { lastEventId: 5 }, [6, 7, 8])]
    expect(messages(ex, early)[2]).toMatch(/resumed after #5, but you had already received up to #7: #6 and #7 came again/)
    const late = [...first, sse(T, { lastEventId: 9 }, [10])]
    expect(messages(ex, late)[2]).toMatch(/resumed after #9, but the last event you received was #7: #8 and #9 will never reach you/)
    // one event written to the closed stream as it closed, never seen by the page: resuming before it is right
    const raced = [...first.slice(0, 2), sse(T, { drop: 3 }, [7, 8], { lastEventId: '6' }), sse(T, { drop: 3, lastEventId: 7 }, [8, 9, 10], { cut: true })]
    expect(statuses(ex, raced)[2]).toBe('done')
    expect(messages(ex, raced)[2]).toMatch(/also written #8 to the stream you closed/)
    const raceAfterCut = [...first.slice(0, 1), sse(T, { drop: 3 }, [4, 5, 6], { cut: true, lastEventId: '3' }), sse(T, { lastEventId: 5 }, [6, 7])]
    expect(statuses(ex, raceAfterCut)[2]).toBe('wrong')
    const empty = [...first, sse(T, { lastEventId: 7 }, [])]
    expect(statuses(ex, empty)[2]).toBe('todo')
  })

  it('never throws on random sequences of streams', () => {
    const stream = fc
      .tuple(
        fc.constantFrom(T, 'lobby'),
        fc.option(fc.constantFrom(1, 3, 'x'), { nil: null }),
        fc.option(fc.nat(9), { nil: null }),
        fc.array(fc.nat(12), { maxLength: 4 }),
        fc.option(fc.constantFrom('3', '0', 'abc', ''), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
      )
      .map(([feed, drop, lastEventId, ids, header, body]) => sse(feed, { drop, lastEventId }, ids, { lastEventId: header, body, cut: true }))
    fc.assert(
      fc.property(fc.array(stream, { maxLength: 10 }), (events) => {
        const verdict = evaluate(ex, events)
        expect(verdict.steps).toHaveLength(3)
        expect(verdict.steps[0].message ?? '').not.toMatch(/could not check/)
      }),
    )
  })
})
