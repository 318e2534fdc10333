import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../config'
import { demoRealmVirtualHosts, type DemoRealm } from './demo-realm'
import { TestClient, testBroker } from './testing/test-client'

/** The lesson 14 realm, as the defaults configure it (STOMP_DEMO_*). */
const realm: DemoRealm = {
  host: 'secure',
  users: new Map([['alice', 'wonderland'], ['bob', 'builder'], ['admin', 'open-sesame']]),
  admins: new Set(['admin']),
}
const broker = () => testBroker({ virtualHosts: demoRealmVirtualHosts(realm) })

async function login(b: ReturnType<typeof broker>['broker'], user: string, passcode = realm.users.get(user) ?? ''): Promise<TestClient> {
  const c = TestClient.open(b)
  await c.connect({ host: 'secure', login: user, passcode })
  return c
}

describe('virtual hosts and the demo realm (lesson 14)', () => {
  it('is on by default: STOMP_DEMO_HOST=secure with alice, bob and admin', () => {
    expect(DEFAULT_CONFIG.demoRealm?.host).toBe('secure')
    expect([...(DEFAULT_CONFIG.demoRealm?.users.keys() ?? [])]).toEqual(['alice', 'bob', 'admin'])
    expect(DEFAULT_CONFIG.broker.virtualHosts?.has('secure')).toBe(true)
    // authentication stays off in the default virtual host
    expect(DEFAULT_CONFIG.broker.users).toBeNull()
  })

  it('checklist 24, 25: host:secure requires a login; a wrong passcode and an unknown login get the same ERROR, then close', async () => {
    const { broker: b } = broker()
    const wrong = TestClient.open(b)
    wrong.frame('CONNECT', { 'accept-version': '1.2', host: 'secure', login: 'alice', passcode: 'guess' })
    const e1 = await wrong.expectErrorThenClose()
    expect(e1.header('code')).toBe('STOMP_ERR_ACCESS_REFUSED')
    expect(e1.text).toContain('The login "alice" and the passcode given were not accepted by virtual host "secure".')
    // an attacker learns nothing about which logins exist
    const unknown = TestClient.open(b)
    unknown.frame('CONNECT', { 'accept-version': '1.2', host: 'secure', login: 'mallory', passcode: 'guess' })
    const e2 = await unknown.expectErrorThenClose()
    expect(e2.text.replace('mallory', 'alice')).toBe(e1.text)
    expect(e1.text).not.toContain('wonderland')
    const none = TestClient.open(b)
    none.frame('CONNECT', { 'accept-version': '1.2', host: 'secure' })
    expect((await none.expectErrorThenClose()).text).toContain('Virtual host "secure" requires a login and passcode in CONNECT.')
  })

  it('checklist 24, 25: the right passcode connects to the realm; every other host stays open (any login)', async () => {
    const { broker: b } = broker()
    const alice = await login(b, 'alice')
    expect(alice.frames[0].header('user-name')).toBe('alice')
    const open = TestClient.open(b)
    expect((await open.connect({ host: 'localhost', login: 'alice', passcode: 'anything' })).header('user-name')).toBe('alice')
  })

  it('authorization: only an administrator may SEND to /topic/announcements; the ERROR names the rule', async () => {
    const { broker: b, events } = broker()
    const reader = await login(b, 'bob')
    reader.frame('SUBSCRIBE', { id: 's', destination: '/topic/announcements' })
    const alice = await login(b, 'alice')
    alice.frame('SEND', { destination: '/topic/announcements', receipt: 'r-1' }, 'hello all')
    const err = await alice.expectErrorThenClose()
    expect(err.header('code')).toBe('STOMP_ERR_ACCESS_REFUSED')
    expect(err.header('receipt-id')).toBe('r-1')
    expect(err.text).toContain('Only an administrator ("admin") may SEND to /topic/announcements in virtual host "secure"')
    expect(err.text).toContain('rule "announcements: administrators send, everyone reads"')
    expect(err.text).toContain('you are logged in as "alice"')
    expect(events.some((e) => e.type === 'broker.route' && e.refused?.includes('Only an administrator') === true)).toBe(true)
    const admin = await login(b, 'admin')
    admin.frame('SEND', { destination: '/topic/announcements' }, 'maintenance at noon')
    expect((await reader.expect('MESSAGE')).text).toBe('maintenance at noon')
  })

  it('authorization: a private queue is read by its owner only; anyone in the realm may send to it', async () => {
    const { broker: b } = broker()
    const alice = await login(b, 'alice')
    alice.frame('SUBSCRIBE', { id: 'mine', destination: '/queue/private.alice', receipt: 'r-sub' })
    expect((await alice.expect('RECEIPT')).header('receipt-id')).toBe('r-sub')
    const bob = await login(b, 'bob')
    bob.frame('SEND', { destination: '/queue/private.alice' }, 'for alice only')
    expect((await alice.expect('MESSAGE')).text).toBe('for alice only')
    bob.frame('SUBSCRIBE', { id: 'peek', destination: '/queue/private.alice' })
    const err = await bob.expectErrorThenClose()
    expect(err.text).toContain('/queue/private.alice is the private queue of "alice": only its owner may SUBSCRIBE to it')
    expect(err.text).toContain('yours is /queue/private.bob')
  })

  it('a virtual host has destinations of its own: the open host cannot read the realm\'s private queue', async () => {
    const { broker: b } = broker()
    // a fake "alice" in the default virtual host (auth off there) subscribes to the same name
    const fake = TestClient.open(b)
    await fake.connect({ host: 'localhost', login: 'alice' })
    fake.frame('SUBSCRIBE', { id: 'x', destination: '/queue/private.alice' })
    fake.frame('SUBSCRIBE', { id: 'y', destination: '/user/queue/inbox' })
    const realAlice = await login(b, 'alice')
    realAlice.frame('SUBSCRIBE', { id: 'y', destination: '/user/queue/inbox' })
    const bob = await login(b, 'bob')
    bob.frame('SEND', { destination: '/queue/private.alice' }, 'secret')
    bob.frame('SEND', { destination: '/user/alice/queue/inbox' }, 'also secret')
    expect((await realAlice.expect('MESSAGE')).text).toBe('also secret')
    expect(await fake.quiet(60)).toEqual([])
    // the realm's queue holds the message for its owner; the snapshot lists both worlds' destinations
    const names = b.snapshot().destinations.map((d) => d.name)
    expect(names.filter((n) => n === '/queue/private.alice')).toHaveLength(2)
  })

  it('STOMP_DEMO_HOST=off: host:secure is an ordinary host again', async () => {
    const { broker: b } = testBroker({ virtualHosts: demoRealmVirtualHosts(null) })
    const c = TestClient.open(b)
    expect((await c.connect({ host: 'secure', login: 'anyone' })).header('user-name')).toBe('anyone')
  })
})
