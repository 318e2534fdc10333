import { describe, expect, it } from 'vitest'
import type { InspectEvent } from '../inspect/events'
import type { BrokerSnapshot } from '../inspect/protocol'
import { makeFrame } from '../stomp/frame'
import { EMPTY_TRACK, completionFrom, trackSent } from './session-tracker'
import { MAX_KNOWN_DESTINATIONS, brokerKey, destinationsFromInspect, mergeDestinations } from './known-destinations'
import { completionsAt } from '../stomp/editor/completion'

const sub = (destination: string, action: 'add' | 'remove' = 'add'): InspectEvent => ({ type: 'broker.subscription', t: 1, conn: 'ws-2', action, id: 's', destination, ack: 'auto' })
const route = (destination: string, refused?: string): InspectEvent => ({
  type: 'broker.route', t: 2, conn: 'ws-3', destination, messageId: 'm-1', deliveredTo: [], queued: false, redelivered: false, ...(refused ? { refused } : {}),
})

describe('known destinations (beyond one client)', () => {
  it('merges oldest-first lists: a repeat moves to its newest place, later lists count as newer', () => {
    expect(mergeDestinations(['/a', '/b'], ['/c', '/a'])).toEqual(['/b', '/c', '/a'])
    expect(mergeDestinations(['', '/a'], [])).toEqual(['/a'])
    const many = Array.from({ length: MAX_KNOWN_DESTINATIONS + 5 }, (_, i) => `/q/${i}`)
    expect(mergeDestinations(many)).toEqual(many.slice(5))
  })

  it('reads the broker through the inspector: snapshot destinations and subscriptions, added subscriptions, routed messages', () => {
    const snapshot: BrokerSnapshot = {
      sessions: [],
      subscriptions: [{ session: 'ws-1', id: 's', destination: '/topic/old-sub', ack: 'auto', unacked: 0 }],
      destinations: [{ name: '/queue/old', kind: 'queue', depth: 2, subscribers: 0 }],
    }
    const events = [sub('/topic/chat'), route('/queue/jobs'), sub('/topic/gone', 'remove'), route('/queue/full', 'queue full'), route('/topic/chat')]
    expect(destinationsFromInspect(events, snapshot)).toEqual(['/queue/old', '/topic/old-sub', '/queue/jobs', '/topic/chat'])
    expect(destinationsFromInspect([])).toEqual([])
  })

  it('completionFrom folds them in: the client\'s own destinations rank first, then the broker\'s, newest first', () => {
    const own = [F('SEND', '/queue/mine-old'), F('SEND', '/queue/mine-new')].reduce(trackSent, EMPTY_TRACK)
    const ctx = completionFrom(own, ['1.2'], ['/topic/bob', '/queue/mine-old', '/topic/broker'])
    expect(ctx.destinations).toEqual(['/topic/bob', '/topic/broker', '/queue/mine-old', '/queue/mine-new'])
    // …and the editor offers them in that order (newest first), then the examples
    const labels = completionsAt('SEND\ndestination:', 2, 13, '1.2', ctx).map((c) => c.label)
    expect(labels).toEqual(['/queue/mine-new', '/queue/mine-old', '/topic/broker', '/topic/bob', '/topic/greetings', '/queue/demo'])
  })

  it('a client alone still completes its own destinations, newest first', () => {
    const own = [F('SEND', '/queue/a'), F('SEND', '/queue/b')].reduce(trackSent, EMPTY_TRACK)
    expect(completionFrom(own, ['1.2']).destinations).toEqual(['/queue/a', '/queue/b'])
  })

  it('clients share what they saw only on the same broker: Wirelab over any transport, else the same URL', () => {
    expect(brokerKey('/ws/stomp', true)).toBe(brokerKey('/sockjs/stomp', true))
    expect(brokerKey('ws://127.0.0.1:15674/ws', false)).not.toBe(brokerKey('/ws/stomp', true))
    expect(brokerKey(' ws://h/ws', false)).toBe(brokerKey('ws://h/ws', false))
  })
})

function F(command: string, destination: string) {
  return makeFrame(command, [['destination', destination]])
}
