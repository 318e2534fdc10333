/**
 * The fuzzer: random byte strings and mutated valid conversations thrown at a live server over
 * many TCP and WebSocket connections (one per case, several at once), split at random points,
 * while healthy sessions publish and subscribe (healthy.ts). Each case is judged against the
 * oracle's verdict (oracle.ts); anything else is a failure naming the seed and case index:
 *
 *   FUZZ_SEED=<seed> FUZZ_CASES=<n> [FUZZ_ONLY=<index>] npx vitest run server/fuzz
 */
import type { StompVersion } from '../../lib/stomp/frame'
import { isValidUtf8 } from '../../lib/stomp/utf8'
import type { ParserLimits } from '../broker/options'
import type { TestServer } from '../testing/harness'
import { openTcp, openWs, type WireClient } from '../testing/wire-client'
import { connectedConversation, frameText, preConnectConversation } from './corpus'
import { startHealthy, type HealthyReport } from './healthy'
import { mutate, randomBytes } from './mutate'
import { planCase, type Expectation, type Plan } from './oracle'
import { Prng } from './prng'

const enc = new TextEncoder()
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })
const WAIT_MS = 5000

export interface FuzzOptions {
  readonly seed: number
  readonly cases: number
  readonly concurrency: number
  readonly healthySessions: number
  readonly healthyIntervalMs: number
  readonly limits: ParserLimits
  readonly versions: readonly StompVersion[]
  /** Run only this case index (reproduce one failure). */
  readonly only?: number
}

export interface FuzzCase {
  readonly index: number
  readonly ns: string
  readonly transport: 'tcp' | 'ws'
  readonly kind: 'random' | 'mutated' | 'valid'
  readonly preConnect: boolean
  readonly prelude: Uint8Array | null
  readonly label: string
  readonly plan: Plan
  readonly chunks: ReadonlyArray<{ readonly bytes: Uint8Array; readonly text: boolean; readonly pause: boolean }>
}

export interface FuzzReport {
  readonly seed: number
  readonly cases: number
  readonly connections: number
  readonly bytesSent: number
  /** Oracle verdicts: error / usable / disconnect, and how many were valid-but-may-be-refused. */
  readonly verdicts: Record<string, number>
  readonly kinds: Record<string, number>
  readonly errorsReceived: number
  /** ERRORs on cases the oracle judged valid but refusable (unknown destination …). */
  readonly semanticErrors: number
  readonly probesAnswered: number
  readonly flushes: number
  readonly healthy: HealthyReport
  readonly failures: string[]
  readonly durationMs: number
}

export function preludeFor(version: StompVersion): Uint8Array {
  return enc.encode(frameText('CONNECT', [['accept-version', version], ['host', 'fuzz'], ['heart-beat', '0,0']]))
}

function split(stream: Uint8Array, rng: Prng, transport: 'tcp' | 'ws', maxMessage: number): FuzzCase['chunks'] {
  const cuts = new Set<number>()
  if (stream.length <= 64 && rng.chance(0.1)) for (let i = 1; i < stream.length; i++) cuts.add(i)
  else for (let n = rng.pick([0, 0, 1, 2, 5, 12]); n > 0 && stream.length > 1; n--) cuts.add(rng.int(1, stream.length - 1))
  // keep WebSocket messages within maxFrameBytes: the transport's maxPayload (above that) refuses larger ones with 1009
  for (let at = maxMessage; transport === 'ws' && at < stream.length; at += maxMessage) cuts.add(at)
  const points = [0, ...[...cuts].sort((a, b) => a - b), stream.length]
  const chunks: Array<{ bytes: Uint8Array; text: boolean; pause: boolean }> = []
  for (let i = 0; i + 1 < points.length; i++) {
    const bytes = stream.subarray(points[i], points[i + 1])
    // text WebSocket messages must be valid UTF-8 (else the WebSocket layer closes 1007)
    chunks.push({ bytes, text: transport === 'ws' && isValidUtf8(bytes) && rng.chance(0.3), pause: rng.chance(0.2) })
  }
  return chunks
}

export function generateCase(opts: FuzzOptions, index: number): FuzzCase {
  const rng = Prng.forCase(opts.seed, index)
  const ns = `c${index}x${rng.int(0, 0xffffff).toString(36)}`
  const transport = rng.chance(0.5) ? 'tcp' : 'ws'
  const preConnect = rng.chance(0.25)
  const version: StompVersion = rng.pick(['1.2', '1.2', '1.2', '1.1', '1.0'])
  const prelude = preConnect ? null : preludeFor(version)
  const roll = rng.next()
  const kind = roll < 0.3 ? 'random' : roll < 0.85 ? 'mutated' : 'valid'
  let bytes: Uint8Array
  let label: string
  if (kind === 'random') {
    ;({ bytes, label } = randomBytes(rng, 300))
  } else {
    const frames = preConnect ? preConnectConversation(ns, rng) : connectedConversation(ns, rng)
    const base = enc.encode(frames.join(''))
    ;({ bytes, label } = kind === 'mutated' ? mutate(base, rng, opts.limits) : { bytes: base, label: 'valid' })
  }
  const plan = planCase(bytes, { limits: opts.limits, versions: opts.versions, prelude, ns })
  return {
    index, ns, transport, kind, preConnect, prelude, plan,
    label: `${preConnect ? 'pre-connect' : `v${version}`} ${label}`,
    chunks: split(plan.stream, rng, transport, opts.limits.maxFrameBytes),
  }
}

/** A case from given bytes (regression tests replay what a fuzz run found). */
export function explicitCase(opts: FuzzOptions, index: number, bytes: Uint8Array, transport: 'tcp' | 'ws', version: StompVersion | null): FuzzCase {
  const ns = `x${index}`
  const prelude = version === null ? null : preludeFor(version)
  const plan = planCase(bytes, { limits: opts.limits, versions: opts.versions, prelude, ns })
  return { index, ns, transport, kind: 'mutated', preConnect: prelude === null, prelude, plan, label: 'explicit', chunks: [{ bytes: plan.stream, text: false, pause: false }] }
}

async function until(cond: () => boolean, timeoutMs = WAIT_MS): Promise<boolean> {
  const deadline = performance.now() + timeoutMs
  while (!cond()) {
    if (performance.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 2))
  }
  return true
}

export interface CaseResult {
  readonly failure: string | null
  readonly errors: number
  readonly semanticError: boolean
  readonly probeAnswered: boolean
}

function show(bytes: Uint8Array): string {
  const s = JSON.stringify(utf8.decode(bytes))
  return s.length > 400 ? `${s.slice(0, 400)}…(${bytes.length} bytes)` : s
}

export async function runCase(c: FuzzCase, srv: TestServer): Promise<CaseResult> {
  const client: WireClient = c.transport === 'tcp' ? await openTcp(srv.tcpPort) : await openWs(srv.wsUrl, ['v12.stomp'])
  const fail = (why: string, e: Expectation): CaseResult => {
    const got = client.frames.map((f) => `${f.command}${f.header('message') ? `(${f.header('message')})` : ''}${f.header('receipt-id') ? `[${f.header('receipt-id')}]` : ''}`)
    return {
      failure: `case ${c.index} (${c.transport}, ${c.kind}, ${c.label}): ${why}; oracle ${JSON.stringify(e)}; received ${JSON.stringify(got)}; closed=${client.isClosed} ${client.closeNote}; stream ${show(c.plan.stream)}`,
      errors: client.frames.filter((f) => f.command === 'ERROR').length, semanticError: false, probeAnswered: false,
    }
  }
  const e = c.plan.expectation
  try {
    if (c.prelude !== null) {
      client.sendRaw(c.prelude)
      const connected = await client.nextFrame({ timeoutMs: WAIT_MS })
      if (connected.command !== 'CONNECTED') return fail(`prelude answered with ${connected.command}`, e)
    }
    const start = client.frames.length
    for (const chunk of c.chunks) {
      if (client.isClosed) break // the server closed after an ERROR: the rest is never read
      client.sendRaw(chunk.text ? utf8.decode(chunk.bytes) : chunk.bytes.slice(), { binary: !chunk.text })
      if (chunk.pause) await new Promise((r) => setTimeout(r, 1))
    }
    const frames = () => client.frames.slice(start)
    const errorFrame = () => frames().find((f) => f.command === 'ERROR')
    const hasReceipt = (id: string) => frames().some((f) => f.command === 'RECEIPT' && f.header('receipt-id') === id)

    const probeAnswered = () => frames().some((f) => f.command === 'RECEIPT' && f.header('receipt-id')?.startsWith(`probe-${c.ns}-`) === true)
    if (e.kind === 'usable') await until(() => client.isClosed || hasReceipt(e.probeReceipt))
    else if (e.kind === 'error') await until(() => client.isClosed || probeAnswered()) // an answered probe: no ERROR is coming
    else await until(() => client.isClosed)

    const error = errorFrame()
    if (error !== undefined) {
      // checklist 69, 70: ERROR has a message, is the last frame, and the server closes
      if (!error.header('message')) return fail('ERROR without a message header', e)
      if (frames().at(-1) !== error) return fail('frames after ERROR', e)
      if (!(await until(() => client.isClosed))) return fail('ERROR but the connection was not closed', e)
    }
    switch (e.kind) {
      case 'error':
        if (error === undefined && client.isClosed) return fail('closed without an ERROR frame', e)
        if (error === undefined && probeAnswered()) {
          return fail('the broker accepted what the oracle judges invalid (no ERROR, the probe was answered)', e)
        }
        if (error === undefined) return fail('invalid input but no ERROR and no close (hanging)', e)
        break
      case 'usable':
        if (error !== undefined && e.mayError === null) return fail('ERROR on a valid stream', e)
        if (error === undefined && !hasReceipt(e.probeReceipt)) return fail(client.isClosed ? 'closed without ERROR on a valid stream' : 'no RECEIPT for the probe (hanging)', e)
        if (error === undefined && client.isClosed) return fail('closed after a valid stream', e)
        break
      case 'disconnect':
        if (!client.isClosed) return fail('DISCONNECT but the connection was not closed', e)
        if (error !== undefined && e.mayError === null) return fail('ERROR on a valid stream ending in DISCONNECT', e)
        if (error === undefined && e.mayError === null && e.receipt !== null && !hasReceipt(e.receipt)) return fail('DISCONNECT receipt missing (checklist 66)', e)
        break
    }
    return { failure: null, errors: error ? 1 : 0, semanticError: error !== undefined && e.kind !== 'error', probeAnswered: e.kind === 'usable' && hasReceipt(e.probeReceipt) }
  } catch (err) {
    return fail(`runner: ${(err as Error).message}`, e)
  } finally {
    if (!client.isClosed) client.close()
  }
}

/** Runs the cases against `srv` with healthy traffic alongside. */
export async function runFuzz(srv: TestServer, opts: FuzzOptions): Promise<FuzzReport> {
  const t0 = performance.now()
  const healthy = await startHealthy(srv, opts.healthySessions, opts.healthyIntervalMs)
  const indices = opts.only !== undefined ? [opts.only] : Array.from({ length: opts.cases }, (_, i) => i)
  const failures: string[] = []
  const verdicts: Record<string, number> = {}
  const kinds: Record<string, number> = {}
  let next = 0
  let errorsReceived = 0
  let semanticErrors = 0
  let probesAnswered = 0
  let flushes = 0
  let bytesSent = 0
  const worker = async () => {
    while (next < indices.length) {
      const index = indices[next++]
      let c: FuzzCase
      try {
        c = generateCase(opts, index)
      } catch (err) {
        failures.push(`seed ${opts.seed} case ${index}: generator/oracle threw ${(err as Error).stack ?? String(err)}`)
        continue
      }
      const e = c.plan.expectation
      const verdict = e.kind === 'error' ? 'error' : `${e.kind}${e.mayError ? '?' : ''}`
      verdicts[verdict] = (verdicts[verdict] ?? 0) + 1
      kinds[c.kind] = (kinds[c.kind] ?? 0) + 1
      if (c.plan.flushed) flushes += 1
      bytesSent += c.plan.stream.length
      const r = await runCase(c, srv)
      if (r.failure) failures.push(`seed ${opts.seed} ${r.failure}`)
      errorsReceived += r.errors
      if (r.semanticError) semanticErrors += 1
      if (r.probeAnswered) probesAnswered += 1
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, worker))
  const healthyReport = await healthy.finish()
  return {
    seed: opts.seed, cases: indices.length, connections: indices.length + opts.healthySessions, bytesSent,
    verdicts, kinds, errorsReceived, semanticErrors, probesAnswered, flushes,
    healthy: healthyReport, failures, durationMs: Math.round(performance.now() - t0),
  }
}
