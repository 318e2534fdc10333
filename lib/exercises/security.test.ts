import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraryEvents } from './testing/arbitrary-events'
import { evaluate } from './evaluate'
import { securityRealm as ex } from './security'
import { messages, statuses } from './testing'
import { connected, errorFrames, refusedConnect, sent, subscribed } from './testing-sessions'
import { stomp } from './testing'

const wrongLogin = refusedConnect('ws-1', { host: 'secure', login: 'alice', passcode: 'guess' }, 'The login "alice" and the passcode given were not accepted by virtual host "secure".\n\nSpec: …')
const alice = connected('ws-2', { host: 'secure', login: 'alice', passcode: 'wonderland' })
const ownQueue = subscribed('ws-2', '/queue/private.alice', 'mine')
const announce = [
  stomp('in', 'SEND', [['destination', '/topic/announcements']], 'Hello, everyone!', 'ws-2'),
  ...errorFrames('ws-2', 'STOMP_ERR_ACCESS_REFUSED', 'Access refused', 'Only an administrator ("admin") may SEND to /topic/announcements in virtual host "secure" (rule "announcements: administrators send, everyone reads"); you are logged in as "alice".\n\nSpec: …'),
]

describe('exercise security-realm (lesson 14)', () => {
  it('nothing yet: every step is to do', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo', 'todo'])
  })

  it('the solution: refused, logged in, own private queue, refused announcement — each quoting the broker', () => {
    const verdict = evaluate(ex, [...wrongLogin, ...alice, ...ownQueue, ...announce])
    expect(verdict.done).toBe(true)
    expect(verdict.steps[0].message).toBe('The broker answered ERROR "Access refused: The login "alice" and the passcode given were not accepted by virtual host "secure"." then closed the connection. It does not say whether the login or the passcode was wrong.'.replace('." then', '.", then'))
    expect(verdict.steps[1].message).toBe('ws-2 is logged in to virtual host "secure" as alice.')
    expect(verdict.steps[2].message).toBe('Accepted: /queue/private.alice is yours, so the rule lets you read it.')
    expect(verdict.steps[3].message).toMatch(/^The broker refused it: "Access refused: Only an administrator \("admin"\) may SEND/)
    expect(verdict.steps[3].evidence?.summary).toMatch(/^received ERROR message:Access refused code:STOMP_ERR_ACCESS_REFUSED/)
  })

  it('a CONNECT without host:secure is the typical first mistake: the default virtual host accepts anyone', () => {
    const open = connected('ws-1', { host: 'localhost', login: 'alice', passcode: 'guess' })
    expect(statuses(ex, open)[0]).toBe('wrong')
    expect(messages(ex, open)[0]).toBe('ws-1 sent CONNECT with `host:localhost`, so it reached the default virtual host, where any login is accepted (it was). Put the line `host:secure` in CONNECT to ask for the demo realm.')
    expect(messages(ex, connected('ws-1', { login: 'x' }))[0]).toMatch(/^ws-1 sent CONNECT with no `host` header/)
  })

  it('logging in right away is not wrong, but the refusal is still to be seen', () => {
    expect(statuses(ex, alice)).toEqual(['todo', 'todo', 'todo', 'todo'])
    expect(messages(ex, alice)[0]).toMatch(/logged in at once\. Try a wrong passcode first/)
  })

  it('step 2: refused again, or connected to the wrong host, is explained', () => {
    const again = [...wrongLogin, ...refusedConnect('ws-2', { host: 'secure', login: 'alice', passcode: 'Wonderland' }, 'The login "alice" and the passcode given were not accepted by virtual host "secure".')]
    expect(statuses(ex, again)).toEqual(['done', 'wrong', 'todo', 'todo'])
    expect(messages(ex, again)[1]).toMatch(/Refused again: .* passcodes are compared exactly, case included\./)
    const open = [...wrongLogin, ...connected('ws-2', { login: 'alice', passcode: 'wonderland' })]
    expect(messages(ex, open)[1]).toMatch(/went to the default virtual host \(no `host:secure`\)/)
  })

  it('step 3: someone else\'s private queue is refused and explained; a queue in the open host does not count', () => {
    const peek = [...wrongLogin, ...alice, stomp('in', 'SUBSCRIBE', [['id', 'x'], ['destination', '/queue/private.bob']], '', 'ws-2'),
      ...errorFrames('ws-2', 'STOMP_ERR_ACCESS_REFUSED', 'Access refused', '/queue/private.bob is the private queue of "bob": only its owner may SUBSCRIBE to it')]
    expect(statuses(ex, peek)).toEqual(['done', 'done', 'wrong', 'todo'])
    expect(messages(ex, peek)[2]).toMatch(/^Refused: "Access refused: \/queue\/private\.bob is the private queue of "bob".*subscribe to your own queue, `\/queue\/private\.alice`/)
    const outside = [...wrongLogin, ...alice, ...connected('ws-3', { login: 'alice' }), ...subscribed('ws-3', '/queue/private.alice')]
    expect(messages(ex, outside)[2]).toMatch(/^ws-3 is in the default virtual host: there `\/queue\/private\.alice` is an ordinary queue/)
    const typo = [...wrongLogin, ...alice, ...subscribed('ws-2', '/queue/alice')]
    expect(messages(ex, typo)[2]).toBe('That SUBSCRIBE was to `/queue/alice`; your private queue is `/queue/private.alice`.')
  })

  it('step 4: an admin may announce, and the open host checks nothing: both explained', () => {
    const admin = [...wrongLogin, ...connected('ws-2', { host: 'secure', login: 'admin' }), ...subscribed('ws-2', '/queue/private.admin'), ...sent('ws-2', '/topic/announcements', 'hi', [])]
    expect(statuses(ex, admin)).toEqual(['done', 'done', 'done', 'wrong'])
    expect(messages(ex, admin)[3]).toMatch(/an administrator: the rule lets you send announcements/)
    const open = [...wrongLogin, ...alice, ...ownQueue, ...connected('ws-3'), ...sent('ws-3', '/topic/announcements', 'hi', [])]
    expect(messages(ex, open)[3]).toMatch(/^ws-3 is in the default virtual host, where nothing is checked/)
    expect(statuses(ex, [...wrongLogin, ...alice, ...ownQueue])[3]).toBe('todo')
  })

  it('random event sequences never throw, and steps stay in order', () => {
    fc.assert(fc.property(arbitraryEvents, (events) => {
      const s = statuses(ex, events)
      const first = s.findIndex((x) => x !== 'done')
      if (first >= 0) expect(s.slice(first + 1).every((x) => x === 'todo')).toBe(true)
    }), { numRuns: 300 })
  })
})
