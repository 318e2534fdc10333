import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { evaluate } from './evaluate'
import { pubsubTopicAndQueue as ex } from './publish-subscribe'
import { messages, statuses } from './testing'
import { GOOD_CONNECT, brokerError, handshake, publish, route, stomp, subscription } from './stomp-testing'
import { arbitraryEvents } from './testing/stomp-arbitrary'

const T = '/topic/greetings'
const Q = '/queue/jobs'
const connected = [...handshake('ws-1', GOOD_CONNECT), ...handshake('ws-2', GOOD_CONNECT)]
const topicSubs = [subscription('ws-1', '0', T), subscription('ws-2', '0', T)]
const fanOut = publish('ws-2', T, 'm-1', [['ws-1', '0'], ['ws-2', '0']])
const queueSubs = [subscription('ws-1', '1', Q), subscription('ws-2', '1', Q)]
const roundRobin = [...publish('ws-2', Q, 'm-2', [['ws-1', '1']], 'job 1'), ...publish('ws-2', Q, 'm-3', [['ws-2', '1']], 'job 2')]

describe('exercise pubsub-topic-and-queue (lesson 10)', () => {
  it('nothing yet: every step is to do', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo', 'todo'])
    expect(statuses(ex, connected)).toEqual(['todo', 'todo', 'todo', 'todo'])
  })

  it('the solution completes it: fan-out with one message-id, then one message each', () => {
    const verdict = evaluate(ex, [...connected, ...topicSubs, ...fanOut, ...queueSubs, ...roundRobin])
    expect(verdict.done).toBe(true)
    expect(verdict.steps[0].message).toBe('ws-1 and ws-2 are both subscribed to `/topic/greetings`.')
    expect(verdict.steps[1].message).toMatch(/`message-id:m-1` reached ws-1 and ws-2/)
    expect(verdict.steps[3].message).toMatch(/`m-2` went to ws-1, `m-3` to ws-2/)
  })

  it('one client subscribed, or both on one connection: not yet, and says what is missing', () => {
    expect(messages(ex, [...connected, topicSubs[0]])[0]).toMatch(/ws-1 is subscribed.*now subscribe the other client/)
    expect(messages(ex, [...connected, topicSubs[0], subscription('ws-1', '1', T)])[0]).toMatch(/Both subscriptions are on ws-1/)
  })

  it('two different topic names: a destination is an exact name', () => {
    const events = [...connected, topicSubs[0], subscription('ws-2', '0', '/topic/greeting')]
    expect(statuses(ex, events)[0]).toBe('wrong')
    expect(messages(ex, events)[0]).toMatch(/different topics, `\/topic\/greetings` and `\/topic\/greeting`/)
  })

  it('the same subscription id twice on one connection: the ERROR is explained', () => {
    const events = [...connected, ...topicSubs, ...fanOut, queueSubs[0], subscription('ws-2', '1', Q, 'auto', 'remove'), stomp('in', 'SUBSCRIBE', [['id', '0'], ['destination', Q]], '', 'ws-2'), ...brokerError('ws-2', 'STOMP_ERR_DUPLICATE_SUBSCRIPTION', 'Duplicate subscription id: "0"', 'A subscription with id "0" already exists on this connection.')]
    expect(statuses(ex, events)).toEqual(['done', 'done', 'wrong', 'todo'])
    expect(messages(ex, events)[2]).toMatch(/Duplicate subscription id.*its own `id`/)
  })

  it('a SEND to a misspelt topic reached no one', () => {
    const events = [...connected, ...topicSubs, ...publish('ws-2', '/topic/greeting', 'm-1', [])]
    expect(statuses(ex, events)[1]).toBe('wrong')
    expect(messages(ex, events)[1]).toMatch(/went to `\/topic\/greeting`, which nobody subscribes to.*keeps nothing/)
  })

  it('a topic SEND that reached only one client (the other unsubscribed)', () => {
    const events = [...connected, ...topicSubs, ...publish('ws-2', T, 'm-1', [['ws-1', '0']])]
    expect(messages(ex, events)[1]).toMatch(/reached only ws-1/)
  })

  it('queue: one message so far, both to the same client, and a consumer elsewhere', () => {
    const base = [...connected, ...topicSubs, ...fanOut, ...queueSubs]
    expect(messages(ex, [...base, ...publish('ws-2', Q, 'm-2', [['ws-1', '1']])])[3]).toMatch(/went to ws-1 only.*Send one more/)
    const same = [...base, ...publish('ws-2', Q, 'm-2', [['ws-1', '1']]), ...publish('ws-2', Q, 'm-3', [['ws-1', '1']])]
    expect(statuses(ex, same)[3]).toBe('wrong')
    expect(messages(ex, same)[3]).toMatch(/both went to ws-1/)
    const away = [...base, stomp('in', 'SEND', [['destination', Q]], 'x', 'ws-2'), route('ws-2', Q, 'm-2', [['ws-77', '0']])]
    expect(messages(ex, away)[3]).toMatch(/outside this page.*queue name of your own/)
  })

  it('a message queued while nobody listens is said to wait', () => {
    const base = [...connected, ...topicSubs, ...fanOut, ...queueSubs]
    const queued = [...base, stomp('in', 'SEND', [['destination', Q]], 'x', 'ws-2'), route('ws-2', Q, 'm-2', [], { queued: true })]
    expect(messages(ex, queued)[3]).toMatch(/waiting in `\/queue\/jobs`/)
  })

  it('never throws, whatever the events', () => {
    fc.assert(
      fc.property(arbitraryEvents(), (events) => {
        expect(evaluate(ex, events).steps).toHaveLength(4)
        expect(evaluate(ex, events).steps[0].message ?? '').not.toMatch(/could not check/)
      }),
      { numRuns: 300 },
    )
  })
})
