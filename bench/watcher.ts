/**
 * Runs bench/watch-all.ts beside a Wirelab server (`--watch-all`) and collects what it saw.
 * Its CPU is counted with the load generator's: it is load on the server, not the server.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { ROOT } from './spawn'

export interface WatcherResult {
  readonly messages: number
  readonly events: number
  readonly bytes: number
  readonly dropped: number
}

export interface Watcher {
  readonly pid: number
  /** SIGTERM, then its counts. */
  stop(): Promise<WatcherResult | null>
}

/** `ws://host:port/ws/stomp` → the same server's /ws/inspect. */
export function inspectUrlOf(wsUrl: string): string {
  const url = new URL(wsUrl)
  url.pathname = '/ws/inspect'
  url.search = ''
  return url.href
}

export function startWatcher(wsUrl: string): Promise<Watcher> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['bench/watch-all.ts', inspectUrlOf(wsUrl)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  let result: WatcherResult | null = null
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench/watch-all.ts did not start watching within 30 s')), 30_000)
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
      const line = JSON.parse(text) as { event: string; pid?: number; message?: string } & WatcherResult
      if (line.event === 'error') process.stderr.write(`watch-all: ${line.message}\n`)
      if (line.event === 'result') result = { messages: line.messages, events: line.events, bytes: line.bytes, dropped: line.dropped }
      if (line.event !== 'watching') return
      clearTimeout(timer)
      resolve({
        pid: Number(line.pid),
        async stop() {
          child.kill('SIGTERM')
          await closed
          return result
        },
      })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`bench/watch-all.ts exited (${code}) before watching`))
    })
  })
}
