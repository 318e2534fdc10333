import { describe, expect, it } from 'vitest'
import { TestClient, testBroker } from './testing/test-client'

async function negotiated(acceptVersion: string | null): Promise<string | undefined> {
  const { broker } = testBroker()
  const c = TestClient.open(broker)
  c.frame('CONNECT', acceptVersion === null ? { host: 'x' } : { 'accept-version': acceptVersion, host: 'x' })
  return (await c.expect('CONNECTED')).header('version')
}

describe('CONNECT / STOMP', () => {
  it('checklist 21, 23: CONNECTED carries version, server, session', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    const connected = await c.connect()
    expect(connected.header('version')).toBe('1.2')
    expect(connected.header('server')).toBe('wirelab-test/0')
    expect(connected.header('session')).toBe(c.id)
  })

  it('checklist 21: highest common version (none→1.0, 1.0,1.1,2.0→1.1, 1.1,1.2→1.2, 1.2,1.0→1.2)', async () => {
    expect(await negotiated(null)).toBe('1.0')
    expect(await negotiated('1.0,1.1,2.0')).toBe('1.1')
    expect(await negotiated('1.1,1.2')).toBe('1.2')
    expect(await negotiated('1.2,1.0')).toBe('1.2')
  })

  it('checklist 22: no common version → ERROR with version header listing ours, then close', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    c.frame('CONNECT', { 'accept-version': '2.0,2.1', host: 'x' })
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toMatch(/version/i)
    expect(err.header('version')).toBe('1.0,1.1,1.2')
    expect(err.text).toContain('2.0,2.1')
  })

  it('checklist 22: a broker speaking only 1.2 refuses a 1.0-only client', async () => {
    const { broker } = testBroker({ versions: ['1.2'] })
    const c = TestClient.open(broker)
    c.frame('CONNECT', { host: 'x' })
    const err = await c.expectErrorThenClose()
    expect(err.header('version')).toBe('1.2')
  })

  it('checklist 20: STOMP is handled exactly like CONNECT', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    c.frame('STOMP', { 'accept-version': '1.2', host: 'x' })
    expect((await c.expect('CONNECTED')).header('version')).toBe('1.2')
  })

  it('checklist 20: a frame before CONNECT → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    c.frame('SEND', { destination: '/queue/a' }, 'hi')
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toMatch(/CONNECT/)
  })

  it('checklist 20, 4: an unknown command before CONNECT → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    c.frame('connect', { 'accept-version': '1.2' })
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toContain('connect')
    expect(err.text).toContain('CONNECT')
  })

  it('checklist 24: any host value is accepted, and a missing host too', async () => {
    const { broker } = testBroker()
    const a = TestClient.open(broker)
    a.frame('CONNECT', { 'accept-version': '1.2', host: '127.0.0.1' })
    await a.expect('CONNECTED')
    const b = TestClient.open(broker)
    b.frame('CONNECT', { 'accept-version': '1.2' })
    await b.expect('CONNECTED')
  })

  it('checklist 25: auth off by default — any login is accepted and becomes the user name', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    const connected = await c.connect({ login: 'ada', passcode: 'whatever' })
    expect(connected.header('user-name')).toBe('ada')
    expect(broker.snapshot().sessions[0].user).toBe('ada')
  })

  it('checklist 25: with a users list, a wrong passcode → ERROR (explained) then close', async () => {
    const { broker } = testBroker({ users: new Map([['ada', 'secret']]) })
    const c = TestClient.open(broker)
    c.frame('CONNECT', { 'accept-version': '1.2', host: 'x', login: 'ada', passcode: 'nope' })
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toMatch(/refused/i)
    expect(err.text).toContain('ada')
  })

  it('checklist 25: with a users list, the right login/passcode connects; a missing login does not', async () => {
    const { broker } = testBroker({ users: new Map([['ada', 'secret']]) })
    const ok = TestClient.open(broker)
    await ok.connect({ login: 'ada', passcode: 'secret' })
    const anon = TestClient.open(broker)
    anon.frame('CONNECT', { 'accept-version': '1.2', host: 'x' })
    await anon.expectErrorThenClose()
  })

  it('checklist 15: CONNECT headers are never unescaped (passcode a\\cb is 5 literal characters)', async () => {
    const { broker } = testBroker({ users: new Map([['ada', 'a\\cb']]) })
    const c = TestClient.open(broker)
    await c.connect({ login: 'ada', passcode: 'a\\cb' })
  })

  it('checklist 10: in a 1.0 CONNECT, "login: ada" is left-trimmed', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    c.send('CONNECT\nlogin: ada\n\n\0')
    expect((await c.expect('CONNECTED')).header('user-name')).toBe('ada')
  })

  it('checklist 26: a second CONNECT on a connected session → ERROR then close', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    await c.connect()
    await c.connect().catch(() => undefined)
    const err = c.frames.find((f) => f.command === 'ERROR')
    expect(err?.header('message')).toMatch(/already connected/i)
    expect((await c.closed).how).toBe('close')
  })

  it('checklist 27: receipt on CONNECT is ignored (no RECEIPT)', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    await c.connect({ receipt: 'r-0' })
    expect(await c.quiet(50)).toEqual([])
  })

  it('checklist 23: a 1.0 session gets version:1.0 and no heart-beat header', async () => {
    const { broker } = testBroker({ heartBeat: [1000, 1000] })
    const c = TestClient.open(broker)
    c.frame('CONNECT', {})
    const connected = await c.expect('CONNECTED')
    expect(connected.header('version')).toBe('1.0')
    expect(connected.header('heart-beat')).toBeUndefined()
  })

  it('checklist 2: a full CRLF session works', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    c.send('CONNECT\r\naccept-version:1.2\r\nhost:x\r\n\r\n\0')
    await c.expect('CONNECTED')
    c.send('SUBSCRIBE\r\nid:0\r\ndestination:/topic/t\r\n\r\n\0SEND\r\ndestination:/topic/t\r\n\r\nline1\r\nline2\0')
    const m = await c.expect('MESSAGE')
    expect(m.text).toBe('line1\r\nline2')
    expect(m.header('content-length')).toBe('12')
  })

  it('checklist 19: a CONNECT over the pre-connect frame limit → ERROR then close', async () => {
    const { broker } = testBroker({
      limits: { maxFrameBytes: 1 << 20, maxPreConnectFrameBytes: 200, maxHeaders: 100, maxHeaderLineBytes: 8192, maxBodyBytes: 1 << 20 },
    })
    const c = TestClient.open(broker)
    c.frame('CONNECT', { 'accept-version': '1.2', host: 'x', padding: 'p'.repeat(300) })
    const err = await c.expectErrorThenClose()
    expect(err.header('message')).toMatch(/too large|too long/i)
  })
})
