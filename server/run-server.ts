/**
 * Wirelab's process around a front end: settings, logging, the stack (broker, transports, lab,
 * inspector), the start-up lines, and SIGINT/SIGTERM. main.ts runs it with Next as the front end;
 * server/testing/serve-without-next.ts runs the same code with a 404 front end, so tests can
 * start, signal and watch the real process without a build (server/process.test.ts).
 *
 * Exit codes: 0 after SIGINT/SIGTERM (graceful, hard limit ~3 s); 1 on a bad setting, a HOST that
 * cannot be bound, a busy PORT or a front end that cannot start — each said in one line on stderr.
 */
import type { EventEmitter } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { networkInterfaces } from 'node:os'
import { announcement } from './announce'
import { Broker } from './broker/broker'
import { ConfigError, loadConfig, type Config } from './config'
import { TapBus } from './inspect/bus'
import { listenErrorMessage } from './listen-errors'
import { createLogger, type Logger } from './log'
import { startStack } from './stack'

const HARD_EXIT_MS = 3000
/** The front end's own close (dev Next: Turbopack, watchers) may take seconds; we exit anyway after this. */
const FRONTEND_CLOSE_MS = 800

/** What serves everything the server's own handlers do not: Next's pages in main.ts. */
export interface Frontend {
  /** Requests that are neither the lab, SockJS nor the sockjs-client script. */
  readonly fallback: (req: IncomingMessage, res: ServerResponse) => void
  /** The private EventEmitter given to `next({ httpServer })`, when its upgrades are wanted (dev HMR). */
  readonly upgrades?: EventEmitter
  /** Stop it (given at most FRONTEND_CLOSE_MS on shutdown). */
  close(): Promise<void>
}

export interface FrontendContext {
  readonly config: Config
  readonly log: Logger
  /** Print `wirelab: <message>` on stderr and exit 1. */
  readonly die: (message: string) => never
}

export function die(message: string): never {
  process.stderr.write(`wirelab: ${message}\n`)
  process.exit(1)
}

function readConfig(): Config {
  try {
    return loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) die(error.message)
    throw error
  }
}

export async function runServer(startFrontend: (ctx: FrontendContext) => Promise<Frontend>): Promise<void> {
  const config = readConfig()
  const log = createLogger({ level: config.logLevel })
  process.on('unhandledRejection', (reason) => log.error('process.unhandled_rejection', { reason }))
  process.on('uncaughtException', (error) => {
    log.error('process.uncaught_exception', { error })
    process.exit(1)
  })

  // Started after the config is valid: a typo in the environment fails fast, without loading Next.
  const frontend = await startFrontend({ config, log, die })

  const bus = new TapBus()
  const broker = new Broker(config.broker, bus)
  const stack = await startStack({
    config,
    log,
    broker,
    nextUpgrades: frontend.upgrades,
    fallback: frontend.fallback,
  }).catch((error: unknown) => {
    const message = listenErrorMessage(error, config)
    if (message !== null) die(message)
    throw error
  })

  process.stdout.write(
    `${announcement({
      host: config.host,
      httpPort: stack.httpPort,
      tcpPort: stack.tcpPort,
      tcpRequested: config.tcpPort,
      publicUrl: config.publicUrl,
      interfaces: networkInterfaces(),
    }).join('\n')}\n`,
  )

  let stopping = false
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log.warn('server.forced_exit', { signal })
      process.exit(0)
    }
    stopping = true
    log.info('server.stopping', { signal, sessions: broker.sessionCount })
    const hard = setTimeout(() => {
      log.warn('server.shutdown_timeout', { ms: HARD_EXIT_MS })
      process.exit(0)
    }, HARD_EXIT_MS)
    hard.unref()
    stack
      .close(`Server shutting down (${signal})`)
      .then(() => Promise.race([frontend.close(), new Promise((resolve) => setTimeout(resolve, FRONTEND_CLOSE_MS))]))
      .catch((error: unknown) => log.error('server.shutdown_failed', { error }))
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}
