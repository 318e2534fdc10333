/**
 * The load generator: one process hosting N subscribers and M publishers of one scenario against
 * one server (Wirelab or the raw ws ceiling). Spawned by bench/run.ts with its config as JSON in
 * argv[2]; writes JSON lines on stdout: `{"event":"phase",...}` at each phase boundary (the
 * orchestrator samples the server's CPU there) and one `{"event":"result",...}` at the end.
 *
 * Phases, on the same connections:
 *  1. warm-up   closed loop (JIT, buffers), not measured.
 *  2. capacity  closed loop with bounded in-flight: each publisher keeps at most `window`
 *               messages whose fan-out is not complete (not yet received by every subscriber).
 *               The server is never idle and never flooded: deliveries/s here is its throughput.
 *  3. latency   open loop at a fixed offered rate (messages/s, all publishers together), sent on
 *               a 1 ms schedule whatever the server does; latency = receive time − send time,
 *               both performance.now() of this process.
 *  4. drain     wait until every subscriber has every message, as long as deliveries keep
 *               arriving (a late message is late, not lost); once nothing arrived for
 *               `drainMs`, what is missing is lost.
 */
import { performance } from 'node:perf_hooks'
import { openClient, openMany, type TargetKind } from './clients'
import { LatencyHistogram, type LatencySummary } from './histogram'
import { classifyStomp, describeFrame, makeBody, readStamp, sendFrameTemplate, stampBody, type Stamp } from './protocol'
import type { BenchSocket } from './ws-client'

export interface LoadConfig {
  readonly target: TargetKind
  readonly url: string
  readonly subscribers: number
  readonly publishers: number
  readonly bodyBytes: number
  readonly warmupMs: number
  readonly capacityMs: number
  readonly latencyMs: number
  /** Offered messages/s in the latency phase; 0 = half of this run's own capacity. */
  readonly latencyRate: number
  /** The latency phase never offers more than this fraction of the capacity just measured. */
  readonly latencyCapFraction: number
  /** Closed-loop bound, in deliveries (messages in flight × subscribers), split over publishers. */
  readonly inFlightDeliveries: number
  /** Drain: give up once no delivery arrived for this long (and after 60 s in any case). */
  readonly drainMs: number
}

export interface PhaseResult {
  readonly durationMs: number
  readonly deliveries: number
  readonly deliveriesPerSec: number
  readonly messagesPerSec: number
  /** By send time: messages sent in this phase. */
  readonly latency: LatencySummary
  readonly loaderCpuPct: number
}

export interface LoadResult {
  readonly event: 'result'
  readonly target: TargetKind
  readonly window: number
  readonly capacity: PhaseResult
  readonly latency: PhaseResult & { readonly offeredRate: number; readonly overloaded: boolean }
  readonly sent: number
  readonly expectedPerSubscriber: number
  readonly lost: number
  readonly outOfOrder: number
  readonly disconnects: number
  readonly errors: readonly string[]
}

const RING = 1 << 16
const RING_MASK = RING - 1
type Phase = 'setup' | 'warmup' | 'capacity' | 'settle' | 'latency' | 'drain' | 'done'

const config = JSON.parse(process.argv[2] ?? '{}') as LoadConfig
const N = config.subscribers
const M = config.publishers
const emit = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`)
const errors: string[] = []
const note = (error: string): void => {
  if (errors.length < 10) errors.push(error)
}

let phase: Phase = 'setup'
const window = Math.max(2, Math.ceil(config.inFlightDeliveries / N / M))
const pubs = Array.from({ length: M }, () => ({ seq: 0, inFlight: 0, counts: new Uint32Array(RING) }))
const received = new Float64Array(N)
const lastSeq = Array.from({ length: N }, () => new Float64Array(M).fill(-1))
let outOfOrder = 0
let disconnects = 0
let deliveredTotal = 0
const hist = { capacity: new LatencyHistogram(), latency: new LatencyHistogram() }
const starts = { capacity: Infinity, latency: Infinity }
let closingOnPurpose = false

// ---- publishing ----
let publishers: BenchSocket[] = []
const templates = Array.from({ length: M }, () =>
  config.target === 'wirelab' ? sendFrameTemplate(config.bodyBytes) : { frame: makeBody(config.bodyBytes), bodyOffset: 0 },
)

function publish(p: number): void {
  const pub = pubs[p]
  const { frame, bodyOffset } = templates[p]
  stampBody(frame, bodyOffset, p, pub.seq, performance.now())
  pub.seq += 1
  pub.inFlight += 1
  publishers[p].send(frame)
}

function pump(p: number): void {
  if (phase !== 'warmup' && phase !== 'capacity') return
  if (pubs[p].inFlight >= window) return
  publishers[p].cork()
  while (pubs[p].inFlight < window) publish(p)
  publishers[p].uncork()
}

// ---- receiving ----
const stamp: Stamp = { pub: 0, seq: 0, sentMs: 0 }

function onDelivery(sub: number, data: Buffer, bodyOffset: number): void {
  const now = performance.now()
  readStamp(data, bodyOffset, stamp)
  received[sub] += 1
  deliveredTotal += 1
  const last = lastSeq[sub]
  if (stamp.seq !== last[stamp.pub] + 1) outOfOrder += 1
  last[stamp.pub] = stamp.seq
  if (stamp.sentMs >= starts.latency) hist.latency.record(now - stamp.sentMs)
  else if (stamp.sentMs >= starts.capacity) hist.capacity.record(now - stamp.sentMs)
  const pub = pubs[stamp.pub]
  const slot = stamp.seq & RING_MASK
  pub.counts[slot] += 1
  if (pub.counts[slot] === N) {
    pub.counts[slot] = 0
    pub.inFlight -= 1
    pump(stamp.pub)
  }
}

function listen(ws: BenchSocket, sub: number): void {
  ws.onMessage((data) => {
    if (config.target === 'raw') return onDelivery(sub, data, 0)
    const inbound = classifyStomp(data)
    if (inbound.kind === 'message') onDelivery(sub, data, inbound.bodyOffset)
    else if (inbound.kind === 'other') note(`subscriber ${sub}: ${describeFrame(data)}`)
  })
}

function watchClose(ws: BenchSocket, who: string): void {
  ws.onClose((code, reason) => {
    if (closingOnPurpose) return
    disconnects += 1
    note(`${who} closed ${code} ${reason}`.trim())
  })
}

// ---- phases ----
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const totalSent = (): number => pubs.reduce((s, p) => s + p.seq, 0)
const outstanding = (): number => totalSent() * N - deliveredTotal

function enter(next: Phase): number {
  phase = next
  const at = performance.now()
  emit({ event: 'phase', phase: next, at })
  return at
}

async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms
  while (!condition()) {
    if (performance.now() > deadline) return false
    await sleep(5)
  }
  return true
}

/** Wait for the backlog, as long as it shrinks: stop when empty, or after `drainMs` without progress. */
async function drain(): Promise<void> {
  const deadline = performance.now() + 60_000
  let last = deliveredTotal
  let lastProgress = performance.now()
  while (outstanding() > 0 && performance.now() < deadline) {
    await sleep(20)
    if (deliveredTotal !== last) {
      last = deliveredTotal
      lastProgress = performance.now()
    } else if (performance.now() - lastProgress > config.drainMs) return
  }
}

interface Meter { t0: number; delivered0: number; sent0: number; cpu0: NodeJS.CpuUsage }
const meter = (t0: number): Meter => ({ t0, delivered0: deliveredTotal, sent0: totalSent(), cpu0: process.cpuUsage() })
function measure(m: Meter, latency: LatencySummary): PhaseResult {
  const durationMs = performance.now() - m.t0
  const cpu = process.cpuUsage(m.cpu0)
  const deliveries = deliveredTotal - m.delivered0
  return {
    durationMs,
    deliveries,
    deliveriesPerSec: (deliveries * 1000) / durationMs,
    messagesPerSec: ((totalSent() - m.sent0) * 1000) / durationMs,
    latency,
    loaderCpuPct: ((cpu.user + cpu.system) / 1000 / durationMs) * 100,
  }
}

async function openLoop(rate: number, ms: number): Promise<boolean> {
  const perPub = rate / M
  const t0 = performance.now()
  const base = pubs.map((p) => p.seq)
  const backlogLimit = Math.max(rate * N * 2, N * 100)
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - t0
      // publishers are staggered by 1/M of their interval, so their messages do not arrive together
      for (let p = 0; p < M; p += 1) {
        const due = Math.floor((Math.min(elapsed, ms) / 1000) * perPub + p / M)
        if (pubs[p].seq - base[p] >= due) continue
        publishers[p].cork()
        while (pubs[p].seq - base[p] < due) publish(p)
        publishers[p].uncork()
      }
      if (outstanding() > backlogLimit) {
        clearInterval(timer)
        resolve(true)
      } else if (elapsed >= ms) {
        clearInterval(timer)
        resolve(false)
      }
    }, 1)
  })
}

async function main(): Promise<void> {
  const subs = await openMany(N, 50, (i) => openClient({ target: config.target, url: config.url, role: 'sub' }).then((ws) => {
    listen(ws, i)
    watchClose(ws, `subscriber ${i}`)
    return ws
  }))
  publishers = await openMany(M, M, (i) => openClient({ target: config.target, url: config.url, role: 'pub' }).then((ws) => {
    watchClose(ws, `publisher ${i}`)
    ws.onMessage((data) => note(`publisher ${i}: ${describeFrame(data)}`))
    return ws
  }))
  emit({ event: 'ready', pid: process.pid, subscribers: subs.length, publishers: publishers.length, window })

  enter('warmup')
  for (let p = 0; p < M; p += 1) pump(p)
  await sleep(config.warmupMs)

  const capacityMeter = meter(enter('capacity'))
  starts.capacity = capacityMeter.t0
  for (let p = 0; p < M; p += 1) pump(p)
  await sleep(config.capacityMs)
  const capacity = measure(capacityMeter, { count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 })

  enter('settle')
  await waitUntil(() => outstanding() === 0, 5000)

  const ownHalf = capacity.messagesPerSec / 2
  const wanted = config.latencyRate > 0 ? config.latencyRate : ownHalf
  const offeredRate = Math.max(1, Math.min(wanted, capacity.messagesPerSec * config.latencyCapFraction))
  const latencyMeter = meter(enter('latency'))
  starts.latency = latencyMeter.t0
  const overloaded = await openLoop(offeredRate, config.latencyMs)
  const latencyPhase = measure(latencyMeter, { count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 })

  enter('drain')
  await drain()
  enter('done')

  const sent = totalSent()
  let lost = 0
  for (let i = 0; i < N; i += 1) lost += Math.max(0, sent - received[i])
  const result: LoadResult = {
    event: 'result',
    target: config.target,
    window,
    capacity: { ...capacity, latency: hist.capacity.summary() },
    latency: { ...latencyPhase, latency: hist.latency.summary(), offeredRate, overloaded },
    sent,
    expectedPerSubscriber: sent,
    lost,
    outOfOrder,
    disconnects,
    errors,
  }
  emit(result)
  closingOnPurpose = true
  for (const ws of [...subs, ...publishers]) ws.terminate()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    emit({ event: 'error', message: error instanceof Error ? error.message : String(error), errors })
    process.exit(1)
  },
)
