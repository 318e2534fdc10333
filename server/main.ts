/**
 * Wirelab's process: `npm start` / `npm run dev` run this with tsx. The only file that imports
 * 'next'. Next gets a private EventEmitter as its `httpServer`, so it never sees an upgrade it
 * should not answer; our upgrade router forwards it /_next/* only (toolchain-notes §2, P5).
 *
 * Exit codes: 0 after SIGINT/SIGTERM (graceful, hard limit ~3 s); 1 on a bad setting, a busy
 * PORT or a missing production build — each said in one line on stderr.
 */
import { EventEmitter } from 'node:events'
import type { Server } from 'node:http'
import { networkInterfaces } from 'node:os'
import { announcement } from './announce'
import { Broker } from './broker/broker'
import { ConfigError, loadConfig, type Config } from './config'
import { TapBus } from './inspect/bus'
import { createLogger } from './log'
import { startStack } from './stack'

const HARD_EXIT_MS = 3000
/** Next's own close (dev: Turbopack, watchers) may take seconds; we exit anyway after this. */
const NEXT_CLOSE_MS = 800

function die(message: string): never {
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

const config = readConfig()
const log = createLogger({ level: config.logLevel })
process.on('unhandledRejection', (reason) => log.error('process.unhandled_rejection', { reason }))
process.on('uncaughtException', (error) => {
  log.error('process.uncaught_exception', { error })
  process.exit(1)
})

// Wirelab works offline and sends nothing anywhere: no Next telemetry unless explicitly enabled.
process.env.NEXT_TELEMETRY_DISABLED ??= '1'
// Imported after the config is valid: a typo in the environment fails fast, without loading Next.
const { default: next } = await import('next')
const dev = config.mode === 'dev'
const nextUpgrades = new EventEmitter()
const app = next({
  dev,
  hostname: config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host,
  port: config.port,
  httpServer: nextUpgrades as unknown as Server,
})
try {
  await app.prepare()
} catch (error) {
  const text = error instanceof Error ? error.message : String(error)
  if (!dev && /production build/i.test(text)) die('no production build in .next: run `npm start` (it builds first) or `npm run build`')
  log.error('next.prepare_failed', { error })
  die(`Next failed to start: ${text.split('\n')[0]}`)
}
const handle = app.getRequestHandler()

const bus = new TapBus()
const broker = new Broker(config.broker, bus)
const stack = await startStack({
  config,
  log,
  broker,
  // Only dev has a WebSocket under /_next/ (HMR). In production Next's listener ignores upgrades,
  // which would leave them hanging (P6): there the router refuses /_next/ with a 404.
  nextUpgrades: dev ? nextUpgrades : undefined,
  fallback: (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('next.request_failed', { method: req.method, url: req.url, error })
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Internal Server Error\n')
    })
  },
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') die(`PORT ${config.port} is busy on ${config.host} (is Wirelab already running?); set PORT to another port`)
  if (error.code === 'EACCES') die(`PORT ${config.port} on ${config.host} needs privileges; use a port above 1023`)
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
function shutdown(signal: NodeJS.Signals): void {
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
    .then(() => Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, NEXT_CLOSE_MS))]))
    .catch((error: unknown) => log.error('server.shutdown_failed', { error }))
    .finally(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
