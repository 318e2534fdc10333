/**
 * Wirelab's real process (server/run-server.ts: settings from the environment, the stack, the
 * start-up lines, SIGINT/SIGTERM, exit codes) with a 404 front end instead of Next, so a test can
 * spawn it, signal it and read its exit code without a production build or a dev compiler:
 *
 *   PORT=3456 STOMP_TCP_PORT=off node --import tsx server/testing/serve-without-next.ts
 *
 * Only the pages are missing: /lab/*, /ws/*, /sockjs/* and /socket.io/ are all there.
 */
import { runServer } from '../run-server'

await runServer(async () => ({
  fallback: (_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('Not found (Wirelab without Next: no pages)\n')
  },
  close: async () => {},
}))
