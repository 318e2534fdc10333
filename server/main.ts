/**
 * Wirelab's process: `npm start` / `npm run dev` run this with tsx. The only file that imports
 * 'next'. Next gets a private EventEmitter as its `httpServer`, so it never sees an upgrade it
 * should not answer; our upgrade router forwards it /_next/* only (toolchain-notes §2, P5).
 * Everything else — settings, the stack, start-up lines, signals, exit codes — is run-server.ts.
 */
import { EventEmitter } from 'node:events'
import type { Server } from 'node:http'
import { runServer } from './run-server'

await runServer(async ({ config, log, die }) => {
  // Wirelab works offline and sends nothing anywhere: no Next telemetry unless explicitly enabled.
  process.env.NEXT_TELEMETRY_DISABLED ??= '1'
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
  return {
    // Only dev has a WebSocket under /_next/ (HMR). In production Next's listener ignores upgrades,
    // which would leave them hanging (P6): there the router refuses /_next/ with a 404.
    upgrades: dev ? nextUpgrades : undefined,
    fallback: (req, res) => {
      handle(req, res).catch((error: unknown) => {
        log.error('next.request_failed', { method: req.method, url: req.url, error })
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end('Internal Server Error\n')
      })
    },
    close: () => app.close(),
  }
})
