import { describe, expect, it } from 'vitest'
import type { Header } from '../stomp/frame'
import fc from 'fast-check'
import { evaluate } from './evaluate'
import { ackRedelivery, receiptsAndTransactions } from './not-losing-messages'
import { messages, statuses } from './testing'
import { GOOD_CONNECT, brokerError, handshake, message, publish, route, session, stomp, subscription } from './stomp-testing'
import { arbitraryEvents } from './testing/stomp-arbitrary'

const T = '/topic/greetings'
const base = [...handshake('ws-1', GOOD_CONNECT), subscription('ws-1', '0', T, 'client-individual')]
const two = [...publish('ws-1', T, 'm-1', [['ws-1', '0', 'ack-1']], 'first'), ...publish('ws-1', T, 'm-2', [['ws-1', '0', 'ack-2']], 'second')]
const ack = (id: string) => stomp('in', 'ACK', [['id', id]], '', 'ws-1')
const nack = (id: string) => stomp('in', 'NACK', [['id', id]], '', 'ws-1')

describe('exercise ack-redelivery (lesson 11)', () => {
  const ex = ackRedelivery

  it('the solution: ACK the second, NACK the first, the first comes back redelivered', () => {
    const events = [...base, ...two, ack('ack-2'), nack('ack-1'), message('ws-1', T, 'm-1', '0', 'first', 'ack-3', true)]
    const verdict = evaluate(ex, events)
    expect(verdict.done).toBe(true)
    expect(verdict.steps[1].message).toMatch(/`m-1` with `ack:ack-1` and `m-2` with `ack:ack-2`/)
    expect(verdict.steps[2].message).toMatch(/acknowledged `m-2` and left `m-1` \(`ack:ack-1`\) open/)
    expect(verdict.steps[3].message).toMatch(/`m-1` came back with `redelivered:true`.*`ack:ack-3`/)
  })

  it('ack:auto and ack:client are explained', () => {
    const auto = [...handshake('ws-1', GOOD_CONNECT), subscription('ws-1', '0', T, 'auto')]
    expect(statuses(ex, auto)[0]).toBe('wrong')
    expect(messages(ex, auto)[0]).toMatch(/`ack:auto`.*nothing to redeliver/)
    const client = [...handshake('ws-1', GOOD_CONNECT), subscription('ws-1', '0', T, 'client')]
    expect(messages(ex, client)[0]).toMatch(/cumulative/)
    // a later client-individual subscription makes it right
    expect(statuses(ex, [...client, subscription('ws-1', '1', T, 'client-individual')])[0]).toBe('done')
  })

  it('one message so far: send another', () => {
    expect(messages(ex, [...base, ...two.slice(0, 3)])[1]).toMatch(/One so far: `m-1`/)
  })

  it('ACK with the message-id instead of the ack header: the ERROR and the right id', () => {
    const events = [...base, ...two, ack('m-2'), ...brokerError('ws-1', 'STOMP_ERR_UNKNOWN_ACK', 'Unknown id: "m-2"')]
    expect(statuses(ex, events)).toEqual(['done', 'done', 'wrong', 'todo'])
    expect(messages(ex, events)[2]).toMatch(/named the `message-id`.*`id:ack-2`/)
  })

  it('ACKing the first (the oldest open) is not what is asked; then a later ACK completes the step', () => {
    const events = [...base, ...two, ack('ack-1')]
    expect(messages(ex, events)[2]).toMatch(/oldest open message/)
    const more = [...events, ...publish('ws-1', T, 'm-3', [['ws-1', '0', 'ack-3']]), ack('ack-3')]
    expect(statuses(ex, more)[2]).toBe('done')
    expect(messages(ex, more)[2]).toMatch(/left `m-2`/)
  })

  it('the first ACKed too, or the session closed on a topic: nothing comes back, and why', () => {
    const both = [...base, ...two, ack('ack-2'), ack('ack-1')]
    expect(messages(ex, both)[3]).toMatch(/ACKed `m-1` as well/)
    const closed = [...base, ...two, ack('ack-2'), session('ws-1', 'closed', { reason: 'bye' })]
    expect(messages(ex, closed)[3]).toMatch(/On a topic an unacknowledged copy ends with its subscription/)
  })

  it('never throws, whatever the events', () => {
    fc.assert(fc.property(arbitraryEvents(), (events) => {
      expect(evaluate(ex, events).steps[0].message ?? '').not.toMatch(/could not check/)
    }), { numRuns: 300 })
  })
})

describe('exercise receipts-and-transactions (lesson 11)', () => {
  const ex = receiptsAndTransactions
  const Q = '/queue/orders'
  const subscribed = [...handshake('ws-1', GOOD_CONNECT), stomp('in', 'SUBSCRIBE', [['id', 'orders'], ['destination', Q], ['receipt', 'sub-1']], '', 'ws-1'), subscription('ws-1', 'orders', Q), stomp('out', 'RECEIPT', [['receipt-id', 'sub-1']], '', 'ws-1')]
  const f = (command: string, headers: Header[], body = '') => stomp('in', command, headers, body, 'ws-1')
  const tx1 = [f('BEGIN', [['transaction', 'tx-1']]), f('SEND', [['destination', Q], ['transaction', 'tx-1']], 'order 1'), f('COMMIT', [['transaction', 'tx-1']]), message('ws-1', Q, 'm-1', 'orders', 'order 1'), route('ws-1', Q, 'm-1', [['ws-1', 'orders']])]
  const tx2 = [f('BEGIN', [['transaction', 'tx-2']]), f('SEND', [['destination', Q], ['transaction', 'tx-2']], 'order 2'), f('ABORT', [['transaction', 'tx-2']])]

  it('the solution completes it', () => {
    const verdict = evaluate(ex, [...subscribed, ...tx1, ...tx2])
    expect(verdict.done).toBe(true)
    expect(verdict.steps[0].message).toBe('`RECEIPT receipt-id:sub-1`: the broker has processed your SUBSCRIBE.')
    expect(verdict.steps[1].message).toMatch(/`m-1` was delivered only after your COMMIT of `tx-1`/)
    expect(verdict.steps[2].message).toMatch(/ABORT of `tx-2`: the broker dropped its SEND/)
  })

  it('a receipt on CONNECT is not allowed', () => {
    const events = [session('ws-1', 'open'), f('CONNECT', [...GOOD_CONNECT, ['receipt', 'r-1']]), stomp('out', 'CONNECTED', [['version', '1.2']], '', 'ws-1')]
    expect(messages(ex, events)[0]).toMatch(/on CONNECT is not allowed/)
  })

  it('a SEND without the transaction header is delivered at once: explained', () => {
    const events = [...subscribed, f('BEGIN', [['transaction', 'tx-1']]), ...publish('ws-1', Q, 'm-1', [['ws-1', 'orders']]), f('COMMIT', [['transaction', 'tx-1']])]
    expect(statuses(ex, events)).toEqual(['done', 'wrong', 'todo'])
    expect(messages(ex, events)[1]).toMatch(/had no `transaction:tx-1` header.*delivered it at once/)
  })

  it('a SEND in a transaction never begun: the ERROR is shown', () => {
    const events = [...subscribed, f('BEGIN', [['transaction', 'tx-1']]), f('SEND', [['destination', Q], ['transaction', 'tx-1']]), ...brokerError('ws-1', 'STOMP_ERR_UNKNOWN_TRANSACTION', 'Unknown transaction: "tx-1"', 'SEND names transaction "tx-1", which is not open on this connection.')]
    expect(messages(ex, events)[1]).toMatch(/Unknown transaction/)
  })

  it('committed, but not subscribed: you could not see it', () => {
    const events = [...subscribed, f('BEGIN', [['transaction', 'tx-1']]), f('SEND', [['destination', '/queue/other'], ['transaction', 'tx-1']]), f('COMMIT', [['transaction', 'tx-1']]), route('ws-1', '/queue/other', 'm-1', [], { queued: true })]
    expect(messages(ex, events)[1]).toMatch(/none of your subscriptions is there/)
  })

  it('an empty ABORT is not yet the abort step', () => {
    const events = [...subscribed, ...tx1, f('BEGIN', [['transaction', 'tx-2']]), f('ABORT', [['transaction', 'tx-2']])]
    expect(statuses(ex, events)).toEqual(['done', 'done', 'todo'])
    expect(messages(ex, events)[2]).toMatch(/aborted with nothing in it/)
  })

  it('never throws, whatever the events', () => {
    fc.assert(fc.property(arbitraryEvents(), (events) => {
      expect(evaluate(ex, events).steps[0].message ?? '').not.toMatch(/could not check/)
    }), { numRuns: 300 })
  })
})
