import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_CONFIG, configDocs, configTableMarkdown, loadConfig, type Env } from './config'

/** The one-line message loadConfig throws for `env`, or a failure if it does not throw. */
function errorFor(env: Env): ConfigError {
  try {
    loadConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    const e = error as ConfigError
    expect(e.message).not.toContain('\n')
    return e
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`)
}

describe('loadConfig defaults', () => {
  it('an empty environment gives the documented defaults', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', mode: 'dev', tcpPort: 61613, publicUrl: null, logLevel: 'info' })
    expect(c.broker.limits).toEqual({
      maxFrameBytes: 1024 * 1024 + 64 * 1024,
      maxPreConnectFrameBytes: 64 * 1024,
      maxHeaders: 100,
      maxHeaderLineBytes: 16 * 1024,
      maxBodyBytes: 1024 * 1024,
    })
    expect(c.broker).toMatchObject({
      versions: ['1.2', '1.1', '1.0'],
      heartBeat: [1000, 1000],
      heartBeatGraceMultiplier: 2,
      maxSubscriptionsPerSession: 256,
      prefetch: 100,
      queueMaxMessages: 1000,
      maxOutboundBytes: 8 * 1024 * 1024,
      users: null,
    })
    expect(DEFAULT_CONFIG).toEqual(c)
  })

  it('empty or blank values mean "use the default"', () => {
    expect(loadConfig({ PORT: '', HOST: '  ', STOMP_USERS: '' })).toMatchObject({ port: 3000, host: '127.0.0.1' })
  })

  it('every documented variable is read and every default in configDocs parses', () => {
    const names = configDocs.map((d) => d.name)
    expect(new Set(names).size).toBe(names.length)
    const env = Object.fromEntries(configDocs.map((d) => [d.name, d.default]))
    expect(loadConfig(env)).toEqual(DEFAULT_CONFIG)
  })

  it('the README table lists every variable with its default', () => {
    const table = configTableMarkdown().split('\n')
    expect(table).toHaveLength(configDocs.length + 2)
    expect(table).toContain('| `PORT` | `3000` | HTTP port: the site, /ws/stomp and /sockjs/stomp. |')
    expect(table.find((row) => row.startsWith('| `STOMP_USERS` |'))).toContain('(unset)')
  })

  it('README.md carries exactly this table between its config-table markers', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const m = /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(readme)
    expect(m, 'README.md lacks the config-table markers').not.toBeNull()
    // To refresh: paste the output of `npx tsx -e "import('./server/config.ts').then(m => console.log(m.configTableMarkdown()))"`
    expect(m?.[1]).toBe(configTableMarkdown())
  })

  it('STOMP_CONNECT_TIMEOUT_MS accepts 0 (off) and rejects negative or fractional values', () => {
    expect(loadConfig({ STOMP_CONNECT_TIMEOUT_MS: '0' }).broker.connectTimeoutMs).toBe(0)
    expect(DEFAULT_CONFIG.broker.connectTimeoutMs).toBe(10_000)
    expect(() => loadConfig({ STOMP_CONNECT_TIMEOUT_MS: '-1' })).toThrow('STOMP_CONNECT_TIMEOUT_MS="-1" is not a whole number from 0 to 3600000')
    expect(() => loadConfig({ STOMP_CONNECT_TIMEOUT_MS: '1.5' })).toThrow(ConfigError)
  })

  it('with the default STOMP_HEARTBEAT a client asking 0,1000 is sent a beat every 1000 ms (checklist 29)', () => {
    const [sx] = DEFAULT_CONFIG.broker.heartBeat
    const cy = 1000
    expect(sx === 0 ? 0 : Math.max(sx, cy)).toBe(1000)
  })
})

describe('loadConfig accepts', () => {
  it('a classroom setup', () => {
    const c = loadConfig({
      PORT: '8080', HOST: '0.0.0.0', NODE_ENV: 'production', STOMP_TCP_PORT: 'off',
      PUBLIC_URL: 'http://wirelab.school.lan:8080/', LOG_LEVEL: 'warn', STOMP_USERS: 'alice:secret, bob:a:b:c',
    })
    expect(c).toMatchObject({ port: 8080, host: '0.0.0.0', mode: 'prod', tcpPort: null, publicUrl: 'http://wirelab.school.lan:8080', logLevel: 'warn' })
    expect([...(c.broker.users ?? [])]).toEqual([['alice', 'secret'], ['bob', 'a:b:c']])
  })

  it('sizes with KiB and MiB suffixes, a decimal grace, NODE_ENV=test as dev, IPv6 and host names', () => {
    const c = loadConfig({
      STOMP_MAX_FRAME_BYTES: '2MiB', STOMP_MAX_BODY_BYTES: '1536KiB', STOMP_HEARTBEAT: '0, 5000',
      STOMP_HEARTBEAT_GRACE: '1.5', NODE_ENV: 'test', HOST: '::',
    })
    expect(c.broker.limits.maxFrameBytes).toBe(2 * 1024 * 1024)
    expect(c.broker.limits.maxBodyBytes).toBe(1536 * 1024)
    expect(c.broker.heartBeat).toEqual([0, 5000])
    expect(c.broker.heartBeatGraceMultiplier).toBe(1.5)
    expect(c.mode).toBe('dev')
    expect(c.host).toBe('::')
    expect(loadConfig({ HOST: 'wirelab.local' }).host).toBe('wirelab.local')
  })
})

describe('loadConfig rejects with one line naming the variable, the value and what is accepted', () => {
  const cases: Array<[Env, string]> = [
    [{ PORT: 'abc' }, 'PORT="abc" is not a port number (1-65535)'],
    [{ PORT: '0' }, 'PORT="0" is not a port number (1-65535)'],
    [{ PORT: '65536' }, 'PORT="65536" is not a port number (1-65535)'],
    [{ PORT: '3000.5' }, 'PORT="3000.5" is not a port number (1-65535)'],
    [{ HOST: 'not a host' }, 'HOST="not a host" is not an IP address or host name'],
    [{ HOST: 'http://x' }, 'HOST="http://x" is not an IP address or host name'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV="staging" is not one of production, development, test'],
    [{ PUBLIC_URL: 'wirelab.lan' }, 'PUBLIC_URL="wirelab.lan" is not an http:// or https:// URL'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL="ftp://x" is not an http:// or https:// URL'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL="verbose" is not one of debug, info, warn, error, silent'],
    [{ STOMP_TCP_PORT: 'no' }, 'STOMP_TCP_PORT="no" is not a port number (1-65535) or "off"'],
    [{ STOMP_TCP_PORT: '70000' }, 'STOMP_TCP_PORT="70000" is not a port number (1-65535) or "off"'],
    [{ STOMP_MAX_FRAME_BYTES: '1MB' }, 'STOMP_MAX_FRAME_BYTES="1MB" is not a size in bytes'],
    [{ STOMP_MAX_FRAME_BYTES: '0' }, 'STOMP_MAX_FRAME_BYTES="0" is not a size in bytes'],
    [{ STOMP_MAX_PRECONNECT_FRAME_BYTES: '-1' }, 'STOMP_MAX_PRECONNECT_FRAME_BYTES="-1" is not a size in bytes'],
    [{ STOMP_MAX_HEADERS: '0' }, 'STOMP_MAX_HEADERS="0" is not a whole number from 1 to 10000'],
    [{ STOMP_MAX_HEADERS: 'ten' }, 'STOMP_MAX_HEADERS="ten" is not a whole number from 1 to 10000'],
    [{ STOMP_MAX_HEADER_LINE_BYTES: '16 kB' }, 'STOMP_MAX_HEADER_LINE_BYTES="16 kB" is not a size in bytes'],
    [{ STOMP_MAX_BODY_BYTES: '1.5MiB' }, 'STOMP_MAX_BODY_BYTES="1.5MiB" is not a size in bytes'],
    [{ STOMP_HEARTBEAT: '1000' }, 'STOMP_HEARTBEAT="1000" is not two whole numbers of milliseconds "sx,sy"'],
    [{ STOMP_HEARTBEAT: '-1,0' }, 'STOMP_HEARTBEAT="-1,0" is not two whole numbers of milliseconds "sx,sy"'],
    [{ STOMP_HEARTBEAT: '0,99999999' }, 'STOMP_HEARTBEAT="0,99999999" is not two whole numbers of milliseconds "sx,sy"'],
    [{ STOMP_HEARTBEAT_GRACE: '0.5' }, 'STOMP_HEARTBEAT_GRACE="0.5" is not a number from 1 to 100'],
    [{ STOMP_HEARTBEAT_GRACE: 'x2' }, 'STOMP_HEARTBEAT_GRACE="x2" is not a number from 1 to 100'],
    [{ STOMP_MAX_SUBSCRIPTIONS: '0' }, 'STOMP_MAX_SUBSCRIPTIONS="0" is not a whole number from 1 to'],
    [{ STOMP_PREFETCH: '1e3' }, 'STOMP_PREFETCH="1e3" is not a whole number from 1 to'],
    [{ STOMP_QUEUE_MAX_MESSAGES: '-5' }, 'STOMP_QUEUE_MAX_MESSAGES="-5" is not a whole number from 1 to'],
    [{ STOMP_MAX_OUTBOUND_BYTES: 'lots' }, 'STOMP_MAX_OUTBOUND_BYTES="lots" is not a size in bytes'],
  ]
  it.each(cases)('%j', (env, expected) => {
    const error = errorFor(env)
    expect(error.message.startsWith(expected)).toBe(true)
    expect(error.variable).toBe(Object.keys(env)[0])
  })

  it('limits that contradict each other name both variables', () => {
    expect(errorFor({ STOMP_MAX_BODY_BYTES: '2MiB' }).message).toBe(
      'STOMP_MAX_BODY_BYTES=2097152 is larger than STOMP_MAX_FRAME_BYTES=1114112 (a body must fit in a frame)',
    )
    expect(errorFor({ STOMP_MAX_PRECONNECT_FRAME_BYTES: '2MiB' }).variable).toBe('STOMP_MAX_PRECONNECT_FRAME_BYTES')
    expect(errorFor({ STOMP_MAX_HEADER_LINE_BYTES: '2MiB' }).variable).toBe('STOMP_MAX_HEADER_LINE_BYTES')
    expect(errorFor({ STOMP_MAX_OUTBOUND_BYTES: '64KiB' }).message).toBe(
      'STOMP_MAX_FRAME_BYTES=1114112 is larger than STOMP_MAX_OUTBOUND_BYTES=65536 (a reader must be able to buffer one whole frame)',
    )
  })

  it('STOMP_USERS errors name the entry and never print a passcode', () => {
    const noColon = errorFor({ STOMP_USERS: 'alice:s3cret,bob' })
    expect(noColon.message).toMatch(/^STOMP_USERS entry 2 "bob" has no ":passcode"/)
    expect(noColon.message).not.toContain('s3cret')
    expect(errorFor({ STOMP_USERS: 'alice:s3cret,,bob:x' }).message).toMatch(/^STOMP_USERS entry 2 is empty/)
    expect(errorFor({ STOMP_USERS: ':s3cret' }).message).toMatch(/^STOMP_USERS entry 1 has an empty login/)
    const dup = errorFor({ STOMP_USERS: 'alice:s3cret,alice:other' })
    expect(dup.message).toMatch(/^STOMP_USERS entry 2 repeats the login "alice"/)
    expect(dup.message).not.toContain('s3cret')
    expect(dup.message).not.toContain('other')
  })

  it('STOMP_DEMO_* (lesson 14 realm): off disables it; a bad host, bad users or an unknown admin are named', () => {
    expect(loadConfig({ STOMP_DEMO_HOST: 'off' }).demoRealm).toBeNull()
    expect(loadConfig({ STOMP_DEMO_HOST: 'off' }).broker.virtualHosts?.size).toBe(0)
    const custom = loadConfig({ STOMP_DEMO_HOST: 'vault', STOMP_DEMO_USERS: 'ann:x,ben:y', STOMP_DEMO_ADMINS: 'ben' })
    expect(custom.demoRealm).toEqual({ host: 'vault', users: new Map([['ann', 'x'], ['ben', 'y']]), admins: new Set(['ben']) })
    expect(custom.broker.virtualHosts?.has('vault')).toBe(true)
    expect(errorFor({ STOMP_DEMO_HOST: 'my host' }).message).toMatch(/^STOMP_DEMO_HOST="my host" is not a virtual host name/)
    expect(errorFor({ STOMP_DEMO_USERS: 'ann' }).message).toMatch(/^STOMP_DEMO_USERS entry 1 "ann" has no ":passcode"/)
    const admin = errorFor({ STOMP_DEMO_USERS: 'ann:x', STOMP_DEMO_ADMINS: 'admin' })
    expect(admin.variable).toBe('STOMP_DEMO_ADMINS')
    expect(admin.message).toBe('STOMP_DEMO_ADMINS names "admin", who is not a login of STOMP_DEMO_USERS')
  })
})
