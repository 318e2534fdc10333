/**
 * The real process, not stack.close(): server/run-server.ts (what main.ts runs around Next) spawned
 * as `node --import tsx server/testing/serve-without-next.ts`, exactly as `npm start` spawns
 * main.ts, then signalled. Without Next because production needs a build and dev mode takes Next's dev lock
 * (.next/dev/lock) and a compiler; everything these tests touch is served without it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'

const ROOT = join(import.meta.dirname, '..')
const ENTRY = 'server/testing/serve-without-next.ts'
/** Only a bound against a hang: the server's own hard limit is 3 s. */
const EXIT_BOUND_MS = 15_000

interface Running {
  readonly child: ChildProcess
  readonly stdout: () => string
  readonly stderr: () => string
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

function start(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', STOMP_TCP_PORT: 'off', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  return { child, stdout: () => out, stderr: () => err, exited }
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, bound])
  } finally {
    clearTimeout(timer)
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

describe('a HOST the server cannot bind', () => {
  it.each([
    ['nope', /^wirelab: HOST="nope" (is not a name this machine can resolve|could not be resolved)/],
    // TEST-NET-1 (RFC 5737): never an address of this machine
    ['192.0.2.1', /^wirelab: HOST="192\.0\.2\.1" is not an address of this machine \(EADDRNOTAVAIL\)/],
  ])('HOST=%s: one line naming HOST on stderr, exit 1', async (host, line) => {
    const server = start({ HOST: host, PORT: String(await freePort()) })
    const { code } = await within(server.exited, EXIT_BOUND_MS, 'exit')
    expect(code).toBe(1)
    const lines = server.stderr().trimEnd().split('\n')
    expect(lines, server.stderr()).toHaveLength(1)
    expect(lines[0]).toMatch(line)
    expect(server.stdout()).not.toMatch(/uncaught|getaddrinfo .* at /i)
  })
})

describe.each(['SIGTERM', 'SIGINT'] as const)('%s on the real process', (signal) => {
  it('answers the held long poll 503, ends the SSE stream, closes the STOMP WebSocket 1001, exits 0', async () => {
    const port = await freePort()
    const server = start({ HOST: '127.0.0.1', PORT: String(port) })
    try {
      await until('the start-up line', () => server.stdout().includes('Wirelab is serving'))
      const base = `http://127.0.0.1:${port}`
      const longPollCount = async () => {
        const counters = (await (await fetch(`${base}/lab/counters`)).json()) as { transports: Record<string, { requests: number }> }
        return counters.transports['long-poll']?.requests ?? 0
      }

      // A long poll held by the server (the lobby feed has nothing new for 30 s).
      const longPoll = fetch(`${base}/lab/feeds/lobby/long-poll?timeout=30000`).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: string } }))
      // An SSE stream, open once its head has arrived.
      const sse = await new Promise<{ ended: Promise<void> }>((resolve, reject) => {
        request(`${base}/lab/feeds/lobby/sse`, (res) => {
          res.resume()
          resolve({ ended: new Promise((done) => res.once('end', () => done())) })
        })
          .on('error', reject)
          .end()
      })
      // A STOMP session over /ws/stomp.
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/stomp`, ['v12.stomp'])
      const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
      const connected = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))))
      ws.send('CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\0')
      expect(await within(connected, 10_000, 'CONNECTED')).toMatch(/^CONNECTED\n/)
      await until('the long poll to be held', async () => (await longPollCount()) >= 1)

      const signalled = Date.now()
      server.child.kill(signal)
      const exit = await within(server.exited, EXIT_BOUND_MS, `exit after ${signal}`)
      const exitMs = Date.now() - signalled

      expect(exit).toEqual({ code: 0, signal: null })
      const lp = await within(longPoll, 5_000, 'the long poll')
      expect(lp.status).toBe(503)
      expect(lp.body.error).toMatch(/shutting down/)
      await within(sse.ended, 5_000, 'the end of the SSE stream')
      const close = await within(closed, 5_000, 'the WebSocket close')
      expect(close.code).toBe(1001)
      expect(close.reason).toMatch(new RegExp(`shutting down \\(${signal}\\)`))
      expect(server.stdout()).toContain(`"event":"server.stopping","signal":"${signal}"`)
      expect(server.stderr()).toBe('')
      // Reported, not asserted (speed is the bench's business): how long the graceful stop took.
      console.info(`${signal}: exit 0 after ${exitMs} ms`)
    } finally {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL')
    }
  })
})
