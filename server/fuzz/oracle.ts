/**
 * The fuzzer's oracle: what the broker MUST do with a byte stream, decided by the codec's own
 * parser (lib/stomp StompParser, with the server's limits) and validateFrame — independently of
 * the broker's code.
 *
 * Every case stream is followed by probes (a SEND with a fresh receipt) until one parses as its own
 * frame, so a connection that survives proves it is still usable by answering the last probe. If
 * the stream is stuck mid-frame (a content-length larger than what follows), a flush of NULs longer
 * than any frame ends it in a parse error: no case may leave a connection waiting.
 *
 * Verdicts, walking the parsed events in order:
 * - `error`: a parse error, an invalid frame (validateFrame), a frame before CONNECT, a second
 *   CONNECT, no common version → ERROR (with `message`), then the server closes (checklist 70, 72).
 * - `disconnect`: a valid DISCONNECT → the server closes (after its RECEIPT, checklist 66).
 * - `usable`: every frame valid → the last probe's RECEIPT, no ERROR.
 * Frames that are valid on the wire but may be refused for what they mean (unknown destination,
 * ACK of an id the client never got, unknown transaction, a wildcard subscription that can
 * receive other cases' traffic …) set `mayError`: an ERROR then close is then also acceptable.
 */
import { getHeader, type Frame, type StompVersion } from '../../lib/stomp/frame'
import { StompParser, type ParseEvent } from '../../lib/stomp/parser'
import { validateFrame } from '../../lib/stomp/validate'
import { handshakeVersion } from '../../lib/stomp/negotiate'
import { encodeProblem } from '../../lib/stomp/serializer'
import type { ParserLimits } from '../broker/options'

const enc = new TextEncoder()
const MAX_PROBES = 3

export interface CaseContext {
  readonly limits: ParserLimits
  readonly versions: readonly StompVersion[]
  /** The CONNECT the runner sends (and awaits CONNECTED for) before the case; null = pre-connect case. */
  readonly prelude: Uint8Array | null
  /** Unique per case: names the probes. */
  readonly ns: string
}

export type Expectation =
  | { readonly kind: 'error'; readonly reason: string }
  | { readonly kind: 'usable'; readonly probeReceipt: string; readonly mayError: string | null }
  | { readonly kind: 'disconnect'; readonly receipt: string | null; readonly mayError: string | null }

export interface Plan {
  /** Case bytes + probes (+ flush): exactly what the runner sends after the prelude. */
  readonly stream: Uint8Array
  readonly expectation: Expectation
  readonly probes: number
  readonly flushed: boolean
  /** Complete frames the oracle parsed in the stream. */
  readonly frames: number
}

export function probeFrame(ns: string, k: number): { readonly bytes: Uint8Array; readonly receipt: string } {
  const receipt = `probe-${ns}-${k}`
  return { bytes: enc.encode(`SEND\ndestination:/topic/fuzz-probe.${ns}\nreceipt:${receipt}\n\nprobe\0`), receipt }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/** The parser the broker's session builds (server/broker/session.ts), mirrored. */
function sessionParser(ctx: CaseContext): StompParser {
  const { limits } = ctx
  return new StompParser({
    maxFrameBytes: Math.min(limits.maxFrameBytes, limits.maxPreConnectFrameBytes),
    maxHeaders: limits.maxHeaders,
    maxHeaderLineBytes: limits.maxHeaderLineBytes,
    maxBodyBytes: limits.maxBodyBytes,
    version: null,
    negotiate: ctx.versions,
  })
}

function lastNonHeartbeat(events: readonly ParseEvent[]): ParseEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (events[i].type !== 'heartbeat') return events[i]
  return undefined
}

export function planCase(caseBytes: Uint8Array, ctx: CaseContext): Plan {
  const parser = sessionParser(ctx)
  if (ctx.prelude !== null) {
    const pre = parser.push(ctx.prelude)
    if (pre.length !== 1 || pre[0].type !== 'frame') throw new Error('fuzz oracle: the prelude must be exactly one CONNECT frame')
    parser.setLimits({ maxFrameBytes: ctx.limits.maxFrameBytes }) // session.connected()
  }
  const parts: Uint8Array[] = [caseBytes]
  const events: ParseEvent[] = [...parser.push(caseBytes)]
  let probes = 0
  let complete = false
  while (!parser.failed && probes < MAX_PROBES) {
    probes += 1
    const probe = probeFrame(ctx.ns, probes)
    parts.push(probe.bytes)
    const got = parser.push(probe.bytes)
    events.push(...got)
    const last = lastNonHeartbeat(got)
    if (last?.type === 'frame' && getHeader(last.frame, 'receipt') === probe.receipt) {
      complete = true
      break
    }
  }
  let flushed = false
  if (!complete && !parser.failed) {
    // Stuck mid-frame: NULs fill any pending body, then a NUL-only "command line" exceeds the
    // line limit — the parser (and the broker) must end in an error.
    const flush = new Uint8Array(ctx.limits.maxBodyBytes + ctx.limits.maxHeaderLineBytes + 4)
    parts.push(flush)
    events.push(...parser.push(flush))
    flushed = true
    if (!parser.failed) throw new Error('fuzz oracle: the flush did not end the stream in an error')
  }
  const frames = events.filter((e) => e.type === 'frame').length
  return { stream: concat(parts), expectation: judge(events, ctx), probes, flushed, frames }
}

interface WalkState {
  connected: boolean
  version: StompVersion
  readonly subs: Set<string>
  readonly txs: Set<string>
  mayError: string | null
}

function judge(events: readonly ParseEvent[], ctx: CaseContext): Expectation {
  const st: WalkState = { connected: ctx.prelude !== null, version: '1.2', subs: new Set(), txs: new Set(), mayError: null }
  if (ctx.prelude !== null) {
    const pre = sessionParser(ctx).push(ctx.prelude)
    const first = pre[0]
    st.version = (first.type === 'frame' && handshakeVersion(first.frame, ctx.versions)) || '1.2'
  }
  let lastReceipt: string | null = null
  for (const e of events) {
    if (e.type === 'heartbeat') continue
    if (e.type === 'error') return { kind: 'error', reason: `parse: ${e.problem.code}` }
    const f = e.frame
    const verdict = st.connected ? judgeConnected(f, st) : judgeHandshake(f, st, ctx)
    if (verdict !== null) return verdict
    lastReceipt = getHeader(f, 'receipt') ?? null
  }
  if (lastReceipt === null || !lastReceipt.startsWith(`probe-${ctx.ns}-`)) throw new Error('fuzz oracle: stream ended without a probe frame')
  return { kind: 'usable', probeReceipt: lastReceipt, mayError: st.mayError }
}

function errors(f: Frame, version: StompVersion): string[] {
  return validateFrame(f, { version, role: 'client' }).filter((i) => i.severity === 'error').map((i) => i.problem.code)
}

function judgeHandshake(f: Frame, st: WalkState, ctx: CaseContext): Expectation | null {
  if (f.command !== 'CONNECT' && f.command !== 'STOMP') return { kind: 'error', reason: `${JSON.stringify(f.command)} before CONNECT` }
  const version = handshakeVersion(f, ctx.versions)
  if (version === null) return { kind: 'error', reason: 'no common version' }
  const bad = errors(f, version)
  if (bad.length > 0) return { kind: 'error', reason: `invalid ${f.command}: ${bad.join(',')}` }
  st.connected = true
  st.version = version
  return null
}

function maybe(st: WalkState, why: string): null {
  st.mayError ??= why
  return null
}

const resolvable = (d: string | undefined) => d !== undefined && /^\/(topic|queue)\/./.test(d)

function judgeConnected(f: Frame, st: WalkState): Expectation | null {
  if (f.command === 'CONNECT' || f.command === 'STOMP') return { kind: 'error', reason: 'second CONNECT' }
  const bad = errors(f, st.version)
  if (bad.length > 0) return { kind: 'error', reason: `invalid ${JSON.stringify(f.command)}: ${bad.join(',')}` }
  const h = (n: string) => getHeader(f, n)
  switch (f.command) {
    case 'SEND': {
      const dest = h('destination')
      if (!resolvable(dest)) return maybe(st, `SEND to ${JSON.stringify(dest)}`)
      const tx = h('transaction')
      if (tx !== undefined && !st.txs.has(tx)) return maybe(st, `SEND in unknown transaction ${JSON.stringify(tx)}`)
      for (const sub of st.subs) {
        // the session may receive its own message: a header its version cannot carry → ERROR
        const headers = [...f.headers.filter(([n]) => n !== 'content-length'), ['subscription', sub] as const, ['message-id', 'm-1'] as const]
        if (encodeProblem({ command: 'MESSAGE', headers, body: new Uint8Array(0) }, st.version) !== null) return maybe(st, 'MESSAGE to itself not encodable')
      }
      return null
    }
    case 'SUBSCRIBE': {
      const dest = h('destination')
      const key = h('id') ?? dest ?? ''
      if (!resolvable(dest)) return maybe(st, `SUBSCRIBE to ${JSON.stringify(dest)}`)
      if (st.subs.has(key)) return maybe(st, `duplicate subscription ${JSON.stringify(key)}`)
      if (dest !== undefined && dest.startsWith('/topic/') && /(^|\.)[*#](\.|$)/.test(dest.slice(7))) return maybe(st, 'wildcard subscription')
      st.subs.add(key)
      return null
    }
    case 'UNSUBSCRIBE': {
      const key = h('id') ?? h('destination') ?? ''
      if (!st.subs.has(key)) return maybe(st, `UNSUBSCRIBE ${JSON.stringify(key)}`)
      st.subs.delete(key)
      return null
    }
    case 'BEGIN': {
      const tx = h('transaction') ?? ''
      if (st.txs.has(tx)) return maybe(st, `BEGIN ${JSON.stringify(tx)} again`)
      st.txs.add(tx)
      return null
    }
    case 'COMMIT':
    case 'ABORT': {
      const tx = h('transaction') ?? ''
      if (!st.txs.has(tx)) return maybe(st, `${f.command} unknown ${JSON.stringify(tx)}`)
      st.txs.delete(tx)
      return null
    }
    case 'DISCONNECT':
      return { kind: 'disconnect', receipt: h('receipt') ?? null, mayError: st.mayError }
    default:
      return maybe(st, `${f.command} (ids the oracle does not track)`) // ACK, NACK
  }
}
