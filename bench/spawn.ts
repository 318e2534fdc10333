/**
 * The bench's child processes, each started with node_modules/.bin/tsx: the server under test
 * (Wirelab via server/testing/serve-for-bench.ts, or bench/raw-ws-server.ts) and the load
 * generators (bench/load.ts, bench/idle.ts), which talk back in JSON lines on stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

export type ServerKind = 'wirelab' | 'raw'

export interface ServerProcess {
  readonly kind: ServerKind
  readonly wsUrl: string
  /** The process that serves (tsx runs the script in a child of its CLI process). */
  readonly pid: number
  stop(): Promise<void>
}

export interface StartServerOptions {
  readonly args?: readonly string[]
  /**
   * Node flags (e.g. --cpu-prof, which NODE_OPTIONS does not allow): the script then runs as
   * `node <flags> --import tsx <script>`, one process, instead of under the tsx CLI.
   */
  readonly nodeArgs?: readonly string[]
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal)
  } catch {
    // already gone
  }
}

export async function startServer(kind: ServerKind, options: StartServerOptions = {}): Promise<ServerProcess> {
  const script = kind === 'wirelab' ? 'server/testing/serve-for-bench.ts' : 'bench/raw-ws-server.ts'
  const args = [script, ...(options.args ?? [])]
  const child = options.nodeArgs
    ? spawn(process.execPath, [...options.nodeArgs, '--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(TSX, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const announced = await new Promise<{ wsUrl: string; pid: number }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
    const timer = setTimeout(() => reject(new Error(`${script} did not announce itself within 30 s`)), 30_000)
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before announcing its URL`)))
    lines.on('line', (line) => {
      if (!line.includes('"wsUrl"')) return
      clearTimeout(timer)
      resolve(JSON.parse(line) as { wsUrl: string; pid: number })
    })
  })
  child.stdout?.resume()
  return {
    kind,
    wsUrl: announced.wsUrl,
    pid: announced.pid,
    async stop() {
      killQuietly(child.pid ?? announced.pid, 'SIGTERM')
      if (await exited(child, 8000)) return
      killQuietly(announced.pid, 'SIGKILL')
      killQuietly(child.pid ?? announced.pid, 'SIGKILL')
      await exited(child, 2000)
    },
  }
}

export interface JsonLine {
  readonly event: string
  readonly [key: string]: unknown
}

/**
 * Runs a load generator with its config as JSON in argv[2]; every stdout line that parses as
 * JSON is handed to `onLine`. Resolves with the line whose event is `result` (rejects on `error`
 * or a missing result).
 */
export function runGenerator(script: string, config: object, onLine: (line: JsonLine) => void = () => {}): Promise<JsonLine> {
  const child = spawn(TSX, [script, JSON.stringify(config)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let result: JsonLine | null = null
    let failure: string | null = null
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
    lines.on('line', (text) => {
      let line: JsonLine
      try {
        line = JSON.parse(text) as JsonLine
      } catch {
        process.stderr.write(`${script}: ${text}\n`)
        return
      }
      if (line.event === 'result') result = line
      else if (line.event === 'error') failure = `${String(line.message)} ${JSON.stringify(line.errors ?? [])}`
      onLine(line)
    })
    // 'close', not 'exit': stdout is fully read by then
    child.once('close', (code) => {
      if (result) resolve(result)
      else reject(new Error(`${script} failed (exit ${code}): ${failure ?? 'no result line'}`))
    })
  })
}
