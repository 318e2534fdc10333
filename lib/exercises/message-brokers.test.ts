import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { InspectEvent } from '../inspect/events'
import { arbitraryEvents } from './testing/arbitrary-events'
import { evaluate } from './evaluate'
import { userDestinations as ex } from './message-brokers'
import { messages, statuses, stomp } from './testing'
import { connected, errorFrames, sent, subscribed, subscription } from './testing-sessions'

const laptop = [...connected('ws-1', { login: 'alice' }), ...subscribed('ws-1', '/user/queue/inbox')]
const phone = [...connected('ws-2', { login: 'alice' }), ...subscribed('ws-2', '/user/queue/inbox')]
const bob = [...connected('ws-3', { login: 'bob' }), ...subscribed('ws-3', '/user/queue/inbox')]
const setup = [...laptop, ...phone, ...bob]

describe('exercise user-destinations (lesson 13)', () => {
  it('nothing yet: every step is to do', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo', 'todo'])
  })

  it('the solution: two alice connections and bob subscribed, bob sends to /user/alice/queue/inbox, both alice get it', () => {
    const events = [...setup, ...sent('ws-3', '/user/alice/queue/inbox', 'Lunch at noon?', ['ws-1', 'ws-2'], { delivered: '/user/queue/inbox' })]
    const verdict = evaluate(ex, events)
    expect(verdict.done).toBe(true)
    expect(verdict.steps[0].message).toBe('ws-1 and ws-2 are both logged in as alice.')
    expect(verdict.steps[3].message).toBe('Delivered to ws-1 and ws-2, both alice. ws-3 (bob), subscribed to the same `/user/queue/inbox`, got nothing: that is another user\'s inbox.')
    expect(verdict.steps[3].evidence?.summary).toMatch(/routed m-\d+ on \/user\/queue\/inbox to 2 subscription/)
  })

  it('one alice connection so far: to do, saying who is subscribed', () => {
    expect(statuses(ex, laptop)).toEqual(['todo', 'todo', 'todo', 'todo'])
    expect(messages(ex, [...laptop, ...bob])[0]).toBe('Subscribed so far: ws-1 (alice); ws-3 (bob). A second connection of the same user must subscribe too.')
  })

  it('subscribing to the /user/<login>/ form is explained (the broker refuses it)', () => {
    const events = [
      ...connected('ws-1', { login: 'alice' }),
      ...[{ ...subscribed('ws-1', '/user/alice/queue/inbox')[0] }],
      ...errorFrames('ws-1', 'STOMP_ERR_BAD_DESTINATION', 'Unknown destination', 'You cannot subscribe to another user\'s queue'),
    ]
    expect(statuses(ex, events)[0]).toBe('wrong')
    expect(messages(ex, events)[0]).toMatch(/is the address a sender uses\. Subscribe to the generic `\/user\/queue\/inbox`/)
  })

  it('a plain /queue/inbox subscription, different logins, a missing login: each explained', () => {
    const plain = [...connected('ws-1', { login: 'alice' }), ...subscribed('ws-1', '/queue/inbox')]
    expect(messages(ex, plain)[0]).toMatch(/`\/queue\/inbox` is an ordinary destination shared by everyone/)
    const cased = [...laptop, ...connected('ws-2', { login: 'Alice' }), ...subscribed('ws-2', '/user/queue/inbox')]
    expect(messages(ex, cased)[0]).toMatch(/logged in as `alice`, the other as `Alice`: user names are compared exactly/)
    const anon = [...laptop, ...connected('ws-2'), ...subscribed('ws-2', '/user/queue/inbox')]
    expect(messages(ex, anon)[0]).toMatch(/ws-2 sent no `login`/)
  })

  it('an unsubscribe in between: the two subscriptions must overlap', () => {
    const events = [...laptop, subscription('ws-1', '/user/queue/inbox', 'remove'), ...phone]
    expect(statuses(ex, events)[0]).toBe('todo')
    expect(statuses(ex, [...events, ...subscribed('ws-1', '/user/queue/inbox', 'again')])[0]).toBe('done')
  })

  it('sending to /user/queue/inbox (the sender\'s own inbox) is the typical mistake, and is explained', () => {
    const events = [...setup, ...sent('ws-3', '/user/queue/inbox', 'hi', ['ws-3'])]
    expect(statuses(ex, events)).toEqual(['done', 'done', 'wrong', 'todo'])
    expect(messages(ex, events)[2]).toBe('`/user/queue/inbox` means the sender\'s own inbox: it went to bob\'s connections, not to alice\'s. To reach alice, name them: `/user/alice/queue/inbox`.')
  })

  it('other wrong addresses: a plain queue, a misspelt login, another queue name', () => {
    const say = (destination: string) => messages(ex, [...setup, ...sent('ws-3', destination, 'hi', [])])[2]
    expect(say('/queue/inbox')).toMatch(/plain queue: at most one consumer/)
    expect(say('/user/Alice/queue/inbox')).toMatch(/Logins are case-sensitive/)
    expect(say('/user/alice/queue/mail')).toMatch(/subscribed to `\/user\/queue\/inbox`, not `\/user\/queue\/mail`/)
    expect(say('/topic/inbox')).toMatch(/Address alice as a user/)
  })

  it('"Send all" twice: the duplicate SUBSCRIBE is refused and the message says how to send only the SEND', () => {
    const events = [...setup, stomp('in', 'SUBSCRIBE', [['id', 'inbox'], ['destination', '/user/queue/inbox']], '', 'ws-3'), ...errorFrames('ws-3', 'STOMP_ERR_DUPLICATE_SUBSCRIPTION', 'Duplicate subscription id: "inbox"', 'A subscription with id…')]
    expect(statuses(ex, events)).toEqual(['done', 'done', 'wrong', 'todo'])
    expect(messages(ex, events)[2]).toMatch(/^The broker answered ws-3 \(bob\) with ERROR "Duplicate subscription id: "inbox"" and closed the connection\. "Send all" sent the SUBSCRIBE a second time.*Ctrl\+Enter/)
  })

  it('a send before the subscriptions does not count; one alice connection gone when routed is explained', () => {
    const early = [...sent('ws-3', '/user/alice/queue/inbox', 'hi', []), ...setup]
    expect(statuses(ex, early)).toEqual(['done', 'done', 'todo', 'todo'])
    const gone = [...setup, subscription('ws-2', '/user/queue/inbox', 'remove'), ...sent('ws-3', '/user/alice/queue/inbox', 'hi', ['ws-1'], { delivered: '/user/queue/inbox' })]
    expect(statuses(ex, gone)).toEqual(['done', 'done', 'done', 'wrong'])
    expect(messages(ex, gone)[3]).toMatch(/^Only ws-1 got it: when the message was routed, alice had 1 connection/)
  })

  it('deliveries to other tabs\' connections (another learner\'s alice) are not held against this one', () => {
    // the checker records only this tab's frames: the route names ws-77, its MESSAGE is not seen
    const events = [...setup, ...sent('ws-3', '/user/alice/queue/inbox', 'hi', ['ws-1', 'ws-2'], { delivered: '/user/queue/inbox' }).map((e) =>
      e.type === 'broker.route' ? { ...e, deliveredTo: [...e.deliveredTo, { conn: 'ws-77', subscription: 'inbox', messageId: e.messageId }] } : e)]
    expect(statuses(ex, events)).toEqual(['done', 'done', 'done', 'done'])
  })

  it('random and garbage event sequences never throw and never report a later step done before an earlier one', () => {
    const pieces: InspectEvent[][] = [laptop, phone, bob, sent('ws-3', '/user/alice/queue/inbox', 'x', ['ws-1', 'ws-2']), sent('ws-1', '/user/queue/inbox', 'x', ['ws-1']), [subscription('ws-2', '/user/queue/inbox', 'remove')], errorFrames('ws-9', 'X', 'y', ''), connected('ws-9')]
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: pieces.length - 1 }), { maxLength: 12 }), (picks) => {
        const events = picks.flatMap((i) => pieces[i])
        const s = statuses(ex, events)
        const firstNotDone = s.findIndex((x) => x !== 'done')
        if (firstNotDone >= 0) expect(s.slice(firstNotDone + 1).every((x) => x === 'todo')).toBe(true)
      }),
    )
    fc.assert(fc.property(arbitraryEvents, (events) => {
      expect(() => ex.check(events)).not.toThrow()
      expect(ex.check(events)).toHaveLength(4)
    }))
  })
})
