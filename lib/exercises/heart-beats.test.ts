import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { evaluate } from './evaluate'
import { heartbeatSilence as ex } from './heart-beats'
import { messages, statuses } from './testing'
import { brokerError, handshake, heartbeat, session, stomp } from './stomp-testing'
import { arbitraryEvents } from './testing/stomp-arbitrary'

const connect = (hb?: string, extra: [string, string][] = []) =>
  handshake('ws-1', [['accept-version', '1.2'], ['host', 'localhost'], ...(hb === undefined ? [] : ([['heart-beat', hb]] as [string, string][])), ...extra], [['version', '1.2'], ['heart-beat', '1000,1000'], ['session', 'ws-1']])
const beating = [heartbeat('ws-1', 'out'), heartbeat('ws-1', 'in'), heartbeat('ws-1', 'out'), heartbeat('ws-1', 'in')]
const timeout = brokerError('ws-1', 'STOMP_ERR_HEARTBEAT_TIMEOUT', 'Heart-beat timeout', 'Nothing arrived for 4350 ms although the negotiated heart-beat promised data every 2000 ms. Send a frame or an EOL (heart-beat) in time.')

describe('exercise heartbeat-silence (lesson 12)', () => {
  it('nothing yet', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo'])
  })

  it('the solution: 2000,2000 negotiated with the math, beats seen, then the broker gives up', () => {
    const verdict = evaluate(ex, [...connect('2000,2000'), ...beating, ...timeout])
    expect(verdict.done).toBe(true)
    expect(verdict.steps[0].message).toMatch(/every max\(2000, 1000\) = 2000 ms, and the broker every max\(1000, 2000\) = 2000 ms/)
    expect(verdict.steps[1].message).toMatch(/Two heart-beats.*and 2 went the other way/)
    expect(verdict.steps[2].message).toMatch(/Heart-beat timeout.*Nothing arrived for 4350 ms/)
  })

  it('no heart-beat header, or 0 first: the broker would never notice you fall silent', () => {
    expect(statuses(ex, connect())[0]).toBe('wrong')
    expect(messages(ex, connect())[0]).toMatch(/no header means 0,0.*first number is 0/)
    expect(messages(ex, connect('0,2000'))[0]).toMatch(/first number is 0/)
  })

  it('a long interval works but is not what the exercise asks', () => {
    expect(messages(ex, connect('10000,10000'))[0]).toMatch(/= 10000 ms.*offer `heart-beat:2000,2000`/)
  })

  it('a malformed heart-beat gets its ERROR explained; 1.0 has no heart-beats', () => {
    const bad = [session('ws-1', 'open'), stomp('in', 'CONNECT', [['accept-version', '1.2'], ['heart-beat', '2000, 2000']]), ...brokerError('ws-1', 'STOMP_ERR_BAD_HEART_BEAT', 'Bad heart-beat: "2000, 2000"', 'heart-beat must be two non-negative integers in milliseconds.')]
    expect(messages(ex, bad)[0]).toMatch(/Bad heart-beat/)
    const old = handshake('ws-1', [['host', 'x'], ['heart-beat', '2000,2000']])
    expect(messages(ex, old)[0]).toMatch(/1\.0 has no heart-beats/)
  })

  it('a socket left without CONNECT: the connect timeout is explained', () => {
    const late = [session('ws-1', 'open'), ...brokerError('ws-1', 'STOMP_ERR_CONNECT_TIMEOUT', 'No CONNECT in time: send CONNECT first')]
    expect(statuses(ex, late)[0]).toBe('wrong')
    expect(messages(ex, late)[0]).toMatch(/no CONNECT came within 10 s/)
  })

  it('closed before two beats; one beat so far', () => {
    expect(messages(ex, [...connect('2000,2000'), heartbeat('ws-1', 'in')])[1]).toMatch(/One heart-beat so far/)
    const early = [...connect('2000,2000'), heartbeat('ws-1', 'in'), ...timeout]
    expect(statuses(ex, early)[1]).toBe('wrong')
    expect(messages(ex, early)[1]).toMatch(/before two of your heart-beats/)
  })

  it('a DISCONNECT, or another ERROR, is not the broker detecting silence', () => {
    const bye = [...connect('2000,2000'), ...beating, stomp('in', 'DISCONNECT', [['receipt', 'bye-1']], '', 'ws-1'), stomp('out', 'RECEIPT', [['receipt-id', 'bye-1']], '', 'ws-1'), session('ws-1', 'closed', { reason: 'DISCONNECT' })]
    expect(statuses(ex, bye)[2]).toBe('wrong')
    expect(messages(ex, bye)[2]).toMatch(/You sent DISCONNECT/)
    const other = [...connect('2000,2000'), ...beating, stomp('in', 'SEND', [], 'x', 'ws-1'), ...brokerError('ws-1', 'STOMP_ERR_MISSING_HEADER', 'Missing header: destination')]
    expect(messages(ex, other)[2]).toMatch(/for another reason/)
  })

  it('never throws, whatever the events', () => {
    fc.assert(fc.property(arbitraryEvents(), (events) => {
      expect(evaluate(ex, events).steps[0].message ?? '').not.toMatch(/could not check/)
    }), { numRuns: 300 })
  })
})
