import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { evaluate } from './evaluate'
import { stompConnectByHand as ex } from './stomp-frames'
import { messages, statuses } from './testing'
import { GOOD_CONNECT, brokerError, handshake, session, stomp } from './stomp-testing'
import { arbitraryEvents } from './testing/stomp-arbitrary'

const solved = [
  ...handshake('ws-1', GOOD_CONNECT),
  stomp('in', 'SEND', [['content-type', 'text/plain']], 'oops', 'ws-1'),
  ...brokerError('ws-1', 'STOMP_ERR_MISSING_HEADER', 'Missing header: destination', 'This "SEND" frame has no "destination" header. SEND needs a destination.'),
  ...handshake('ws-2', GOOD_CONNECT),
  stomp('in', 'SEND', [['destination', '/topic/hello'], ['content-type', 'text/plain']], 'hello, STOMP', 'ws-2'),
]

describe('exercise stomp-connect-by-hand (lesson 09)', () => {
  it('nothing yet: every step is to do', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo'])
  })

  it('the solution completes it, each step pointing at the frame', () => {
    const verdict = evaluate(ex, solved)
    expect(verdict.done).toBe(true)
    expect(verdict.steps[0].message).toMatch(/version:1\.2/)
    expect(verdict.steps[0].evidence?.summary).toMatch(/^received CONNECTED version:1.2/)
    expect(verdict.steps[1].message).toMatch(/Missing header: destination.*to your `SEND`/)
    expect(verdict.steps[2].message).toMatch(/ws-1 is gone.*ws-2/)
  })

  it('no accept-version: CONNECTED 1.0 is explained', () => {
    const events = handshake('ws-1', [['host', 'localhost']])
    expect(statuses(ex, events)[0]).toBe('wrong')
    expect(messages(ex, events)[0]).toMatch(/no `accept-version`.*1\.0 client/)
  })

  it('an offer without 1.2 and a missing host are explained', () => {
    expect(messages(ex, handshake('ws-1', [['accept-version', '1.1'], ['host', 'x']]))[0]).toMatch(/`accept-version:1\.1`.*1\.1/)
    expect(messages(ex, handshake('ws-1', [['accept-version', '1.2']]))[0]).toMatch(/no `host` header/)
  })

  it('a lower-case command gets the ERROR explained: commands are case-sensitive', () => {
    const events = [session('ws-1', 'open'), ...brokerError('ws-1', 'STOMP_ERR_BAD_COMMAND', 'Unknown command: "connect"', '"connect" is not a STOMP command. Commands are case-sensitive: did you mean CONNECT?')]
    expect(statuses(ex, events)).toEqual(['wrong', 'todo', 'todo'])
    expect(messages(ex, events)[0]).toMatch(/case-sensitive upper-case words: write `CONNECT`/)
  })

  it('a frame before CONNECT, a version nobody speaks, a CONNECT without its NUL', () => {
    const before = [session('ws-1', 'open'), stomp('in', 'SEND', [['destination', '/topic/x']], 'hi'), ...brokerError('ws-1', 'STOMP_ERR_NOT_CONNECTED', 'Not connected')]
    expect(messages(ex, before)[0]).toMatch(/You sent `SEND` before CONNECT/)
    const mismatch = [session('ws-1', 'open'), stomp('in', 'CONNECT', [['accept-version', '2.0']]), ...brokerError('ws-1', 'STOMP_ERR_VERSION_MISMATCH', 'No common version')]
    expect(messages(ex, mismatch)[0]).toMatch(/offered none of them/)
    const timeout = [session('ws-1', 'open'), ...brokerError('ws-1', 'STOMP_ERR_CONNECT_TIMEOUT', 'No CONNECT in time: send CONNECT first')]
    expect(messages(ex, timeout)[0]).toMatch(/10 s to start its session.*Write the CONNECT first.*end the frame with `\^@`/)
  })

  it('a failed try, then a good one: done (the latest good CONNECTED wins)', () => {
    const events = [...handshake('ws-1', [['host', 'x']]), ...handshake('ws-2', GOOD_CONNECT)]
    expect(statuses(ex, events)[0]).toBe('done')
  })

  it('errors before the session was open do not count as the deliberate mistake', () => {
    const events = [session('ws-0', 'open'), ...brokerError('ws-0', 'STOMP_ERR_BAD_COMMAND', 'Unknown command'), ...handshake('ws-1', GOOD_CONNECT)]
    expect(statuses(ex, events)).toEqual(['done', 'todo', 'todo'])
  })

  it('reconnect: waits for the close, then for a new session, and explains a SEND that fails too', () => {
    const upToError = solved.slice(0, 9)
    expect(statuses(ex, upToError.slice(0, -1))).toEqual(['done', 'done', 'todo'])
    expect(messages(ex, upToError)[2]).toMatch(/closed ws-1.*Press Connect/)
    const bad = [...upToError, ...handshake('ws-2', GOOD_CONNECT), stomp('in', 'SEND', [], 'x', 'ws-2'), ...brokerError('ws-2', 'STOMP_ERR_MISSING_HEADER', 'Missing header: destination', 'This SEND has no destination.')]
    expect(statuses(ex, bad)[2]).toBe('wrong')
    expect(messages(ex, bad)[2]).toMatch(/got `ERROR` “Missing header: destination”/)
  })

  it('never throws, whatever the events', () => {
    fc.assert(
      fc.property(arbitraryEvents(), (events) => {
        const verdict = evaluate(ex, events)
        expect(verdict.steps).toHaveLength(3)
        expect(verdict.steps[0].message ?? '').not.toMatch(/could not check/)
      }),
      { numRuns: 300 },
    )
  })
})
