/**
 * Idle connections: opens `connections` WebSockets to one server (Wirelab: STOMP CONNECT with
 * `heart-beat:<hb>,<hb>`; raw: the `idle` role), holds them for `holdMs` while each one sends an
 * EOL every hb/2 ms (its heart-beat duty, STOMP 1.2 §Heart-beating), and counts what the server
 * sends back: Wirelab must beat every connection at least once per hb and close none.
 * Spawned by bench/run.ts with its config as JSON in argv[2]; JSON lines on stdout, like load.ts.
 */
import { performance } from 'node:perf_hooks'
import { openClient, openMany, type TargetKind } from './clients'
import { classifyStomp, describeFrame } from './protocol'
import type { BenchSocket } from './ws-client'

export interface IdleConfig {
  readonly target: TargetKind
  readonly url: string
  readonly connections: number
  readonly heartBeatMs: number
  readonly holdMs: number
  readonly concurrency: number
}

export interface IdleResult {
  readonly event: 'result'
  readonly target: TargetKind
  readonly connected: number
  readonly connectMs: number
  readonly holdMs: number
  /** Server heart-beats received over all connections during the hold. */
  readonly heartBeats: number
  /** Connections that got no heart-beat during the hold (Wirelab: must be 0 for holds ≥ 1.5 hb). */
  readonly silentConnections: number
  readonly closed: number
  readonly errors: readonly string[]
}

const config = JSON.parse(process.argv[2] ?? '{}') as IdleConfig
const emit = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`)
const errors: string[] = []
const note = (error: string): void => {
  if (errors.length < 10) errors.push(error)
}
const TICK_MS = 100

async function main(): Promise<void> {
  const n = config.connections
  const beats = new Uint32Array(n)
  let closed = 0
  let holding = false
  let ending = false

  emit({ event: 'ready', pid: process.pid })
  const t0 = performance.now()
  const conns: BenchSocket[] = await openMany(n, config.concurrency, (i) =>
    openClient({
      target: config.target,
      url: config.url,
      role: 'idle',
      heartBeat: [config.heartBeatMs, config.heartBeatMs],
      timeoutMs: 60_000,
    }).then((ws) => {
      ws.onMessage((data) => {
        const inbound = config.target === 'wirelab' ? classifyStomp(data) : { kind: 'other' as const, command: data.toString().slice(0, 20) }
        if (inbound.kind === 'heartbeat') {
          if (holding) beats[i] += 1
        } else note(`connection ${i}: ${describeFrame(data)}`)
      })
      ws.onClose((code, reason) => {
        if (ending) return
        closed += 1
        note(`connection ${i} closed ${code} ${reason}`.trim())
      })
      return ws
    }),
  )
  const connectMs = performance.now() - t0
  emit({ event: 'phase', phase: 'connected', connected: conns.length, connectMs })

  // each connection sends an EOL every heartBeatMs/2: spread over ticks so the load is even
  const ticksPerBeat = Math.max(1, Math.floor(config.heartBeatMs / 2 / TICK_MS))
  let tick = 0
  holding = true
  const timer = setInterval(() => {
    for (let i = tick % ticksPerBeat; i < n; i += ticksPerBeat) {
      const ws = conns[i]
      if (ws.isOpen) ws.send('\n')
    }
    tick += 1
  }, TICK_MS)
  await new Promise((r) => setTimeout(r, config.holdMs))
  clearInterval(timer)
  holding = false
  emit({ event: 'phase', phase: 'hold-end' })

  let heartBeats = 0
  let silentConnections = 0
  for (const b of beats) {
    heartBeats += b
    if (b === 0) silentConnections += 1
  }
  const result: IdleResult = {
    event: 'result',
    target: config.target,
    connected: conns.length,
    connectMs,
    holdMs: config.holdMs,
    heartBeats,
    silentConnections,
    closed,
    errors,
  }
  emit(result)
  ending = true
  for (const ws of conns) ws.terminate()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    emit({ event: 'error', message: error instanceof Error ? error.message : String(error), errors })
    process.exit(1)
  },
)
