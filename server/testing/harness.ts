/**
 * A real Wirelab server for tests, without Next: the real broker behind the real transports
 * (WebSocket /ws/stomp, SockJS /sockjs/stomp, raw TCP) and the transport lab, on 127.0.0.1 with free ports.
 * The conformance, interop and fuzz suites use exactly this.
 *
 *   const srv = await startTestServer({ heartBeat: [0, 0], limits: { maxBodyBytes: 1024 } })
 *   … new WebSocket(srv.wsUrl, ['v12.stomp']) / net.connect(srv.tcpPort) / new SockJS(srv.sockjsUrl)
 *   await srv.close()
 *
 * Logs are silent unless WIRELAB_TEST_LOG=debug|info|warn|error.
 */
import { Broker } from '../broker/broker'
import type { BrokerOptions, ParserLimits } from '../broker/options'
import { DEFAULT_CONFIG, type Config, type InspectConfig } from '../config'
import { TapBus } from '../inspect/bus'
import type { InspectEndpoint } from '../inspect/viewer'
import type { Lab } from '../lab/lab'
import { createLogger, LOG_LEVELS, type LogLevel } from '../log'
import { startStack, type StackOptions } from '../stack'

export type TestServerOptions = Omit<Partial<BrokerOptions>, 'limits'> & {
  /** Merged over the defaults of server/config.ts. */
  readonly limits?: Partial<ParserLimits>
  /** Start raw TCP too (default true). */
  readonly tcp?: boolean
  readonly logLevel?: LogLevel
  /** SockJS `h` frame interval and session disconnect delay (sockjs defaults 25 s / 5 s). */
  readonly sockjsHeartbeatDelayMs?: number
  readonly sockjsDisconnectDelayMs?: number
  /** Transport lab settings (e.g. `{ sseHeartbeatMs: 50 }`). */
  readonly lab?: StackOptions<Broker>['lab']
  /** Inspector settings over the defaults (INSPECT_ALLOW_ALL, INSPECT_MAX_BUFFERED, INSPECT_REPLAY_EVENTS). */
  readonly inspect?: Partial<InspectConfig>
  /** The replay's other bounds (a short `graceMs` …), server/inspect/replay.ts. */
  readonly replay?: StackOptions<Broker>['replay']
}

export interface TestServer {
  readonly httpPort: number
  /** Raw STOMP over TCP (0 when started with `tcp: false`). */
  readonly tcpPort: number
  /** `ws://127.0.0.1:<port>/ws/stomp` */
  readonly wsUrl: string
  /** `http://127.0.0.1:<port>/sockjs/stomp` (what `new SockJS(url)` takes) */
  readonly sockjsUrl: string
  /** `http://127.0.0.1:<port>` */
  readonly httpUrl: string
  readonly broker: Broker
  readonly bus: TapBus
  /** `ws://127.0.0.1:<port>/ws/inspect`, and the endpoint itself (viewer stats). */
  readonly inspectUrl: string
  readonly inspect: InspectEndpoint
  /** `ws://127.0.0.1:<port>/ws/exercise` (add `?cid=`): lesson exercises checked on the server's events. */
  readonly exerciseUrl: string
  /** The transport lab (its feeds and counters). */
  readonly lab: Lab
  /** Graceful shutdown: the broker closes its sessions, then every socket is closed. */
  close(): Promise<void>
}

function envLogLevel(): LogLevel {
  const wanted = process.env.WIRELAB_TEST_LOG
  return LOG_LEVELS.find((l) => l === wanted) ?? 'silent'
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { limits, tcp = true, logLevel, sockjsHeartbeatDelayMs, sockjsDisconnectDelayMs, lab, inspect, replay, ...brokerOverrides } = options
  const brokerOptions: BrokerOptions = {
    ...DEFAULT_CONFIG.broker,
    ...brokerOverrides,
    limits: { ...DEFAULT_CONFIG.broker.limits, ...limits },
  }
  const config: Config = {
    ...DEFAULT_CONFIG,
    host: '127.0.0.1',
    port: 0,
    tcpPort: tcp ? 0 : null,
    mode: 'dev',
    broker: brokerOptions,
    inspect: { ...DEFAULT_CONFIG.inspect, ...inspect },
  }
  const log = createLogger({ level: logLevel ?? envLogLevel() })
  const bus = new TapBus()
  const broker = new Broker(brokerOptions, bus)
  const stack = await startStack({
    config,
    log,
    broker,
    fallback: (_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Not found (test server: no Next)\n')
    },
    sockjs: { heartbeatDelayMs: sockjsHeartbeatDelayMs, disconnectDelayMs: sockjsDisconnectDelayMs },
    lab,
    replay,
  })
  const httpUrl = `http://127.0.0.1:${stack.httpPort}`
  return {
    httpPort: stack.httpPort,
    tcpPort: stack.tcpPort ?? 0,
    wsUrl: `ws://127.0.0.1:${stack.httpPort}/ws/stomp`,
    sockjsUrl: `${httpUrl}/sockjs/stomp`,
    httpUrl,
    broker,
    bus,
    inspectUrl: `ws://127.0.0.1:${stack.httpPort}/ws/inspect`,
    inspect: stack.inspect,
    exerciseUrl: `ws://127.0.0.1:${stack.httpPort}/ws/exercise`,
    lab: stack.lab,
    close: () => stack.close('Test server closing'),
  }
}
