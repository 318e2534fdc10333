/**
 * The Wirelab broker stack (WebSocket + SockJS transports, the real Broker, no Next) as a process
 * of its own, for `npm run bench`. bench/ may not import server/ (ARCHITECTURE.md), so it spawns
 *
 *   node_modules/.bin/tsx server/testing/serve-for-bench.ts [--heart-beat 1000,1000]
 *       [--max-outbound-bytes 67108864] [--prefetch 100]
 *
 * and reads ONE JSON line on stdout: {"wsUrl":"ws://127.0.0.1:<port>/ws/stomp","pid":<pid>}.
 * `pid` is this process (tsx runs the script in a child of its own CLI process): the bench samples
 * its /proc/<pid>/status for RSS. SIGTERM or SIGINT → graceful close, exit 0.
 *
 * Everything not given keeps the defaults of server/config.ts; TCP STOMP is off, logs are silent
 * (WIRELAB_TEST_LOG=info turns them on: one JSON line each on stdout; the bench reads the line
 * that has `wsUrl` and ignores the others).
 */
import { startTestServer, type TestServerOptions } from './harness'

interface BenchServerArgs {
  heartBeat?: readonly [number, number]
  maxOutboundBytes?: number
  prefetch?: number
}

function fail(message: string): never {
  process.stderr.write(`serve-for-bench: ${message}\n`)
  process.exit(2)
}

function count(flag: string, raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw)) fail(`${flag} needs a whole number, got ${JSON.stringify(raw)}`)
  return Number(raw)
}

function parseArgs(argv: readonly string[]): BenchServerArgs {
  const args: BenchServerArgs = {}
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]]
    switch (flag) {
      case '--heart-beat': {
        const m = /^(\d+),(\d+)$/.exec(value ?? '')
        if (!m) fail(`--heart-beat needs sx,sy in ms, got ${JSON.stringify(value)}`)
        args.heartBeat = [Number(m[1]), Number(m[2])]
        break
      }
      case '--max-outbound-bytes':
        args.maxOutboundBytes = count(flag, value)
        break
      case '--prefetch':
        args.prefetch = count(flag, value)
        break
      default:
        fail(`unknown option ${JSON.stringify(flag)} (known: --heart-beat, --max-outbound-bytes, --prefetch)`)
    }
  }
  return args
}

const args = parseArgs(process.argv.slice(2))
const options: TestServerOptions = {
  tcp: false,
  ...(args.heartBeat ? { heartBeat: args.heartBeat } : {}),
  ...(args.maxOutboundBytes !== undefined ? { maxOutboundBytes: args.maxOutboundBytes } : {}),
  ...(args.prefetch !== undefined ? { prefetch: args.prefetch } : {}),
}
const server = await startTestServer(options)

let stopping = false
const stop = (): void => {
  if (stopping) return
  stopping = true
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

process.stdout.write(`${JSON.stringify({ wsUrl: server.wsUrl, pid: process.pid })}\n`)
