/**
 * Every setting of the server, read once from the environment, validated once, with defaults.
 * `configDocs` is the README's table (a test keeps them in step). A bad value throws a
 * ConfigError whose message is one line naming the variable, the value and what is accepted:
 *
 *   PORT="abc" is not a port number (1-65535)
 */
import { isIP } from 'node:net'
import type { BrokerOptions, ParserLimits } from './broker/options'
import { demoRealmVirtualHosts, type DemoRealm } from './broker/demo-realm'
import { LOG_LEVELS, type LogLevel } from './log'

export type RunMode = 'dev' | 'prod'

export interface Config {
  /** HTTP port (Next, /ws/*, /sockjs/*). 0 = any free port (tests only; the env needs 1-65535). */
  readonly port: number
  readonly host: string
  readonly mode: RunMode
  /** Raw STOMP over TCP; `null` = off. 0 = any free port (tests only). */
  readonly tcpPort: number | null
  /** The URL printed for learners instead of the one derived from HOST/PORT. */
  readonly publicUrl: string | null
  readonly logLevel: LogLevel
  readonly broker: BrokerOptions
  /** The demo realm (lesson 14): a virtual host with demo users; `null` = off. */
  readonly demoRealm: DemoRealm | null
  /** The inspector stream /ws/inspect (server/inspect/viewer.ts). */
  readonly inspect: InspectConfig
}

export interface InspectConfig {
  /** A viewer may watch everything (`all: true`). */
  readonly allowAll: boolean
  /** Events queued per viewer before the oldest are dropped. */
  readonly maxBuffered: number
  /** Recent events kept per watched tab for views that start later (server/inspect/replay.ts); 0 = off. */
  readonly replayEvents: number
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message)
  }
}

export interface ConfigDoc {
  readonly name: string
  /** The default as you would write it in the environment ('' = unset). */
  readonly default: string
  readonly description: string
}

const KiB = 1024
const MiB = 1024 * KiB
export const SERVER_NAME = 'Wirelab/0.1'
/** Highest preferred (STOMP 1.2 §Protocol Negotiation — checklist 21). */
export const STOMP_VERSIONS_SPOKEN = ['1.2', '1.1', '1.0'] as const

export const configDocs: readonly ConfigDoc[] = [
  { name: 'PORT', default: '3000', description: 'HTTP port: the site, /ws/stomp and /sockjs/stomp.' },
  { name: 'HOST', default: '127.0.0.1', description: 'Interface to bind (HTTP and STOMP TCP). 0.0.0.0 serves a classroom: every learner on the network can connect.' },
  { name: 'NODE_ENV', default: 'development', description: 'production (serves the build in .next) or development (hot reload). npm start sets production, npm run dev development; test counts as development.' },
  { name: 'PUBLIC_URL', default: '', description: 'The URL printed for learners, e.g. http://wirelab.school.lan:3000 (default: derived from HOST and PORT).' },
  { name: 'LOG_LEVEL', default: 'info', description: 'debug, info, warn, error or silent. Logs are one JSON object per line on stdout.' },
  { name: 'STOMP_TCP_PORT', default: '61613', description: 'Raw STOMP over TCP, bound to HOST; off disables it. If the port is busy the server says so and serves the web without it.' },
  { name: 'STOMP_MAX_FRAME_BYTES', default: '1114112', description: 'Largest frame (command + headers + body) in bytes: 1 MiB body + 64 KiB of headers. Sizes accept KiB/MiB suffixes.' },
  { name: 'STOMP_MAX_PRECONNECT_FRAME_BYTES', default: '65536', description: 'Largest frame before the session is CONNECTED (64 KiB, as RabbitMQ).' },
  { name: 'STOMP_MAX_HEADERS', default: '100', description: 'Most headers in one frame.' },
  { name: 'STOMP_MAX_HEADER_LINE_BYTES', default: '16384', description: 'Longest header line (name:value, escaped) in bytes.' },
  { name: 'STOMP_MAX_BODY_BYTES', default: '1048576', description: 'Largest frame body in bytes (1 MiB).' },
  { name: 'STOMP_HEARTBEAT', default: '1000,1000', description: 'The server\'s heart-beat offer sx,sy in ms (0 = none). A client asking 0,1000 gets a heart-beat every max(sx,1000) ms.' },
  { name: 'STOMP_HEARTBEAT_GRACE', default: '2', description: 'A silent client is closed after its negotiated heart-beat interval times this multiplier.' },
  { name: 'STOMP_CONNECT_TIMEOUT_MS', default: '10000', description: 'A connection that has not sent CONNECT after this many ms gets an ERROR and is closed (0 = wait forever).' },
  { name: 'STOMP_MAX_SUBSCRIPTIONS', default: '256', description: 'Most subscriptions per session.' },
  { name: 'STOMP_PREFETCH', default: '100', description: 'Most unacknowledged messages per client / client-individual subscription.' },
  { name: 'STOMP_QUEUE_MAX_MESSAGES', default: '1000', description: 'Most messages held per /queue/ destination; a SEND beyond it gets an ERROR.' },
  { name: 'STOMP_MAX_OUTBOUND_BYTES', default: '8388608', description: 'Bytes buffered for one slow reader (8 MiB) before it gets an ERROR and is closed.' },
  { name: 'STOMP_USERS', default: '', description: 'login:passcode pairs separated by commas (alice:secret,bob:hunter2) for the default virtual host (every CONNECT host but STOMP_DEMO_HOST). Empty: authentication off, any login is accepted as the user name.' },
  { name: 'STOMP_DEMO_HOST', default: 'secure', description: 'The demo realm of the Security lesson: CONNECT with this host header selects a virtual host of its own where a login from STOMP_DEMO_USERS is required and destinations are authorized per user (server/broker/demo-realm.ts). Every other host value keeps the default virtual host (STOMP_USERS). off disables it.' },
  { name: 'STOMP_DEMO_USERS', default: 'alice:wonderland,bob:builder,admin:open-sesame', description: 'login:passcode pairs of the demo realm (demo values, published in the lesson: never reuse them).' },
  { name: 'STOMP_DEMO_ADMINS', default: 'admin', description: 'Logins of the demo realm, separated by commas, that may SEND to /topic/announcements there.' },
  { name: 'INSPECT_ALLOW_ALL', default: 'on', description: 'on: an inspector viewer (/ws/inspect) may watch every connection (all: true), e.g. an instructor dashboard. off: viewers see only the tabs, connections or destinations they name.' },
  { name: 'INSPECT_MAX_BUFFERED', default: '2000', description: 'Events queued per inspector viewer; a viewer that falls behind loses the oldest and is told how many were dropped.' },
  { name: 'INSPECT_REPLAY_EVENTS', default: '250', description: 'Recent events kept per watched browser tab and replayed to a view that opens later in it (the lab\'s sequence diagram shows what the handshake view and the X-rays did); kept only while the tab is watched and 30 s after, at most 100 tabs. 0 turns the replay off.' },
]

/** The environment: `process.env` or a plain record (NodeJS.ProcessEnv without Next's required NODE_ENV). */
export type Env = Readonly<Record<string, string | undefined>>

function fail(name: string, raw: string, accepts: string): never {
  throw new ConfigError(name, `${name}=${JSON.stringify(raw)} is not ${accepts}`)
}

function read(env: Env, name: string): string {
  const doc = configDocs.find((d) => d.name === name)
  if (!doc) throw new Error(`config: ${name} has no entry in configDocs`)
  const raw = env[name]
  return raw === undefined || raw.trim() === '' ? doc.default : raw.trim()
}

const PORT_ACCEPTS = 'a port number (1-65535)'
function parsePort(name: string, raw: string, accepts = PORT_ACCEPTS): number {
  if (!/^\d{1,5}$/.test(raw)) fail(name, raw, accepts)
  const n = Number(raw)
  if (n < 1 || n > 65535) fail(name, raw, accepts)
  return n
}

function parseCount(name: string, raw: string, max: number, min = 1): number {
  const accepts = `a whole number from ${min} to ${max}`
  if (!/^\d+$/.test(raw)) fail(name, raw, accepts)
  const n = Number(raw)
  if (n < min || n > max) fail(name, raw, accepts)
  return n
}

const SIZE_ACCEPTS = 'a size in bytes (a whole number, optionally with KiB or MiB, e.g. 65536 or 64KiB)'
function parseBytes(name: string, raw: string): number {
  const m = /^(\d+)\s*(KiB|MiB)?$/i.exec(raw)
  if (!m) fail(name, raw, SIZE_ACCEPTS)
  const unit = m[2]?.toLowerCase()
  const n = Number(m[1]) * (unit === 'mib' ? MiB : unit === 'kib' ? KiB : 1)
  if (n < 1 || n > 1024 * MiB) fail(name, raw, `${SIZE_ACCEPTS} between 1 byte and 1024MiB`)
  return n
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/
function parseHost(raw: string): string {
  if (isIP(raw) !== 0 || HOSTNAME.test(raw)) return raw
  return fail('HOST', raw, 'an IP address or host name (127.0.0.1, 0.0.0.0, ::, localhost …)')
}

function parseMode(raw: string): RunMode {
  if (raw === 'production') return 'prod'
  if (raw === 'development' || raw === 'test') return 'dev'
  return fail('NODE_ENV', raw, 'one of production, development, test')
}

function parseTcpPort(raw: string): number | null {
  if (raw.toLowerCase() === 'off') return null
  return parsePort('STOMP_TCP_PORT', raw, `${PORT_ACCEPTS} or "off"`)
}

function parsePublicUrl(raw: string): string | null {
  if (raw === '') return null
  const accepts = 'an http:// or https:// URL (e.g. http://wirelab.school.lan:3000)'
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return fail('PUBLIC_URL', raw, accepts)
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) fail('PUBLIC_URL', raw, accepts)
  return url.href.replace(/\/+$/, '')
}

function parseLogLevel(raw: string): LogLevel {
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase())
  return level ?? fail('LOG_LEVEL', raw, `one of ${LOG_LEVELS.join(', ')}`)
}

const MAX_HEARTBEAT_MS = 3_600_000
function parseHeartBeat(raw: string): readonly [number, number] {
  const accepts = `two whole numbers of milliseconds "sx,sy", each 0-${MAX_HEARTBEAT_MS} (0 = none), e.g. 1000,1000`
  const m = /^(\d+)\s*,\s*(\d+)$/.exec(raw)
  if (!m) fail('STOMP_HEARTBEAT', raw, accepts)
  const sx = Number(m[1])
  const sy = Number(m[2])
  if (sx > MAX_HEARTBEAT_MS || sy > MAX_HEARTBEAT_MS) fail('STOMP_HEARTBEAT', raw, accepts)
  return [sx, sy]
}

function parseGrace(raw: string): number {
  const accepts = 'a number from 1 to 100 (e.g. 2 or 1.5)'
  if (!/^\d+(\.\d+)?$/.test(raw)) fail('STOMP_HEARTBEAT_GRACE', raw, accepts)
  const n = Number(raw)
  if (n < 1 || n > 100) fail('STOMP_HEARTBEAT_GRACE', raw, accepts)
  return n
}

/** Passcodes never appear in an error message; the entry is named by its position and login. */
function parseUsers(raw: string, name = 'STOMP_USERS'): ReadonlyMap<string, string> | null {
  if (raw === '') return null
  const expected = '(expected login:passcode pairs separated by commas, e.g. alice:secret,bob:hunter2)'
  const users = new Map<string, string>()
  raw.split(',').forEach((part, i) => {
    const entry = part.trim()
    const where = `${name} entry ${i + 1}`
    if (entry === '') throw new ConfigError(name, `${where} is empty ${expected}`)
    const colon = entry.indexOf(':')
    if (colon < 0) throw new ConfigError(name, `${where} ${JSON.stringify(entry)} has no ":passcode" ${expected}`)
    const login = entry.slice(0, colon)
    if (login === '') throw new ConfigError(name, `${where} has an empty login ${expected}`)
    if (users.has(login)) throw new ConfigError(name, `${where} repeats the login ${JSON.stringify(login)} ${expected}`)
    users.set(login, entry.slice(colon + 1))
  })
  return users
}

const DEMO_HOST = /^[A-Za-z0-9._-]{1,64}$/
/** STOMP_DEMO_HOST, _USERS and _ADMINS: the lesson 14 realm, or null when the host is `off`. */
function parseDemoRealm(env: Env): DemoRealm | null {
  const host = read(env, 'STOMP_DEMO_HOST')
  if (host.toLowerCase() === 'off') return null
  if (!DEMO_HOST.test(host)) fail('STOMP_DEMO_HOST', host, 'a virtual host name of 1-64 letters, digits, ".", "_" or "-" (e.g. secure), or "off"')
  const users = parseUsers(read(env, 'STOMP_DEMO_USERS'), 'STOMP_DEMO_USERS') ?? new Map<string, string>()
  const admins = new Set<string>()
  for (const part of read(env, 'STOMP_DEMO_ADMINS').split(',')) {
    const login = part.trim()
    if (login === '') continue
    if (!users.has(login)) throw new ConfigError('STOMP_DEMO_ADMINS', `STOMP_DEMO_ADMINS names ${JSON.stringify(login)}, who is not a login of STOMP_DEMO_USERS`)
    admins.add(login)
  }
  return { host, users, admins }
}

function parseOnOff(name: string, raw: string): boolean {
  const value = raw.toLowerCase()
  if (value === 'on') return true
  if (value === 'off') return false
  return fail(name, raw, 'on or off')
}

function atMost(smallName: string, small: number, bigName: string, big: number, why: string): void {
  if (small > big) throw new ConfigError(smallName, `${smallName}=${small} is larger than ${bigName}=${big} (${why})`)
}

function parseLimits(env: Env): ParserLimits {
  const limits: ParserLimits = {
    maxFrameBytes: parseBytes('STOMP_MAX_FRAME_BYTES', read(env, 'STOMP_MAX_FRAME_BYTES')),
    maxPreConnectFrameBytes: parseBytes('STOMP_MAX_PRECONNECT_FRAME_BYTES', read(env, 'STOMP_MAX_PRECONNECT_FRAME_BYTES')),
    maxHeaders: parseCount('STOMP_MAX_HEADERS', read(env, 'STOMP_MAX_HEADERS'), 10_000),
    maxHeaderLineBytes: parseBytes('STOMP_MAX_HEADER_LINE_BYTES', read(env, 'STOMP_MAX_HEADER_LINE_BYTES')),
    maxBodyBytes: parseBytes('STOMP_MAX_BODY_BYTES', read(env, 'STOMP_MAX_BODY_BYTES')),
  }
  const frame = limits.maxFrameBytes
  atMost('STOMP_MAX_BODY_BYTES', limits.maxBodyBytes, 'STOMP_MAX_FRAME_BYTES', frame, 'a body must fit in a frame')
  atMost('STOMP_MAX_PRECONNECT_FRAME_BYTES', limits.maxPreConnectFrameBytes, 'STOMP_MAX_FRAME_BYTES', frame, 'the pre-connect limit is the stricter one')
  atMost('STOMP_MAX_HEADER_LINE_BYTES', limits.maxHeaderLineBytes, 'STOMP_MAX_FRAME_BYTES', frame, 'a header line must fit in a frame')
  return limits
}

export function loadConfig(env: Env): Config {
  // Validated in the order of configDocs, so the first bad variable is the one reported.
  const port = parsePort('PORT', read(env, 'PORT'))
  const host = parseHost(read(env, 'HOST'))
  const mode = parseMode(read(env, 'NODE_ENV'))
  const publicUrl = parsePublicUrl(read(env, 'PUBLIC_URL'))
  const logLevel = parseLogLevel(read(env, 'LOG_LEVEL'))
  const tcpPort = parseTcpPort(read(env, 'STOMP_TCP_PORT'))
  const limits = parseLimits(env)
  const heartBeat = parseHeartBeat(read(env, 'STOMP_HEARTBEAT'))
  const heartBeatGraceMultiplier = parseGrace(read(env, 'STOMP_HEARTBEAT_GRACE'))
  const connectTimeoutMs = parseCount('STOMP_CONNECT_TIMEOUT_MS', read(env, 'STOMP_CONNECT_TIMEOUT_MS'), 3_600_000, 0)
  const maxSubscriptionsPerSession = parseCount('STOMP_MAX_SUBSCRIPTIONS', read(env, 'STOMP_MAX_SUBSCRIPTIONS'), 1_000_000)
  const prefetch = parseCount('STOMP_PREFETCH', read(env, 'STOMP_PREFETCH'), 1_000_000)
  const queueMaxMessages = parseCount('STOMP_QUEUE_MAX_MESSAGES', read(env, 'STOMP_QUEUE_MAX_MESSAGES'), 100_000_000)
  const maxOutboundBytes = parseBytes('STOMP_MAX_OUTBOUND_BYTES', read(env, 'STOMP_MAX_OUTBOUND_BYTES'))
  atMost('STOMP_MAX_FRAME_BYTES', limits.maxFrameBytes, 'STOMP_MAX_OUTBOUND_BYTES', maxOutboundBytes, 'a reader must be able to buffer one whole frame')
  const users = parseUsers(read(env, 'STOMP_USERS'))
  const demoRealm = parseDemoRealm(env)
  const inspect: InspectConfig = {
    allowAll: parseOnOff('INSPECT_ALLOW_ALL', read(env, 'INSPECT_ALLOW_ALL')),
    maxBuffered: parseCount('INSPECT_MAX_BUFFERED', read(env, 'INSPECT_MAX_BUFFERED'), 1_000_000, 10),
    replayEvents: parseCount('INSPECT_REPLAY_EVENTS', read(env, 'INSPECT_REPLAY_EVENTS'), 100_000, 0),
  }
  const broker: BrokerOptions = {
    limits,
    versions: STOMP_VERSIONS_SPOKEN,
    heartBeat,
    heartBeatGraceMultiplier,
    connectTimeoutMs,
    maxSubscriptionsPerSession,
    prefetch,
    queueMaxMessages,
    maxOutboundBytes,
    users,
    virtualHosts: demoRealmVirtualHosts(demoRealm),
    serverName: SERVER_NAME,
  }
  return { port, host, mode, tcpPort, publicUrl, logLevel, broker, demoRealm, inspect }
}

/** Every default, as loadConfig gives it for an empty environment. */
export const DEFAULT_CONFIG: Config = loadConfig({})

/** configDocs as the README's Markdown table (what sits between the config-table markers). */
export function configTableMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|')
  const rows = configDocs.map((d) => `| \`${d.name}\` | ${d.default === '' ? '(unset)' : `\`${cell(d.default)}\``} | ${cell(d.description)} |`)
  return ['| Variable | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n')
}
