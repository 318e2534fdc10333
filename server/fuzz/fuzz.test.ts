/**
 * Robustness: the fuzzer against a live server (startTestServer: the real broker behind the real
 * TCP and WebSocket transports). Default: a bounded run (FUZZ_CASES, default 400) with a fixed
 * seed (FUZZ_SEED=random draws one); a failure prints the seed and the case, and
 *
 *   FUZZ_SEED=<seed> FUZZ_CASES=<n> [FUZZ_ONLY=<index>] npx vitest run server/fuzz
 *
 * replays it. FUZZ_CASES=20000 is the soak; FUZZ_REPORT_FILE=<path> writes the whole report (every
 * failing case) as JSON.
 */
import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../config'
import { startTestServer } from '../testing/harness'
import { openTcp, openWs } from '../testing/wire-client'
import type { ParserLimits } from '../broker/options'
import { explicitCase, generateCase, preludeFor, runCase, runFuzz, type FuzzOptions } from './fuzzer'
import { planCase, probeFrame } from './oracle'
import { randomSeed } from './prng'

/**
 * Small limits so oversize cases are cheap. The pre-connect frame limit equals the frame limit:
 * the broker raises the limit after CONNECTED, which makes a frame pipelined behind CONNECT
 * depend on TCP chunking — the oracle could not know (that limit has its own conformance test).
 */
const LIMITS: ParserLimits = { maxFrameBytes: 16_384, maxPreConnectFrameBytes: 16_384, maxHeaders: 24, maxHeaderLineBytes: 1024, maxBodyBytes: 8192 }
const VERSIONS = DEFAULT_CONFIG.broker.versions

const envInt = (name: string): number | undefined => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return undefined
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}=${raw} is not a whole number`)
  return n
}
/** Fixed by default so `npm test` is repeatable; FUZZ_SEED=random explores (the seed is printed). */
const DEFAULT_SEED = 20261121
const SEED = process.env.FUZZ_SEED === 'random' ? randomSeed() : (envInt('FUZZ_SEED') ?? DEFAULT_SEED)
const CASES = envInt('FUZZ_CASES') ?? 400
const ONLY = envInt('FUZZ_ONLY')

const enc = new TextEncoder()
const ctx = (prelude: Uint8Array | null) => ({ limits: LIMITS, versions: VERSIONS, prelude, ns: 'n1' })
const v12 = preludeFor('1.2')

describe('fuzz oracle (what the broker must do with a stream)', () => {
  it('a valid SEND is followed by one probe and must stay usable', () => {
    const plan = planCase(enc.encode('SEND\ndestination:/topic/a\n\nhi\0'), ctx(v12))
    expect(plan.expectation).toEqual({ kind: 'usable', probeReceipt: probeFrame('n1', 1).receipt, mayError: null })
    expect(plan.probes).toBe(1)
  })

  it('checklist 4, 13, 6: lower-case command, undefined escape, header without colon → ERROR then close', () => {
    for (const bad of ['send\ndestination:/topic/a\n\n\0', 'SEND\ndestination:/topic/a\nk:a\\tb\n\n\0', 'SEND\ndestination /topic/a\n\n\0']) {
      expect(planCase(enc.encode(bad), ctx(v12)).expectation.kind, bad).toBe('error')
    }
  })

  it('checklist 15: an undefined escape in CONNECT is not an error (CONNECT is never unescaped)', () => {
    const plan = planCase(enc.encode('CONNECT\naccept-version:1.2\nhost:h\npasscode:a\\tb\n\n\0'), ctx(null))
    expect(plan.expectation.kind).toBe('usable')
  })

  it('a missing NUL swallows the first probe into the body; the second probe proves the session', () => {
    const plan = planCase(enc.encode('SEND\ndestination:/topic/a\n\nno nul'), ctx(v12))
    expect(plan.probes).toBe(2)
    expect(plan.expectation).toEqual({ kind: 'usable', probeReceipt: probeFrame('n1', 2).receipt, mayError: null })
  })

  it('checklist 8, 19: a content-length larger than what follows is flushed into an error; over the body limit is an error at once', () => {
    const waiting = planCase(enc.encode('SEND\ndestination:/topic/a\ncontent-length:2000\n\nshort'), ctx(v12))
    expect(waiting.flushed).toBe(true)
    expect(waiting.expectation.kind).toBe('error')
    const huge = planCase(enc.encode(`SEND\ndestination:/topic/a\ncontent-length:${LIMITS.maxBodyBytes + 1}\n\n`), ctx(v12))
    expect(huge.flushed).toBe(false)
    expect(huge.expectation).toEqual({ kind: 'error', reason: 'parse: STOMP_ERR_BODY_TOO_LARGE' })
  })

  it('frames the broker may refuse for what they mean are valid-but-refusable; DISCONNECT ends the case', () => {
    expect(planCase(enc.encode('SEND\ndestination:/nowhere\n\n\0'), ctx(v12)).expectation).toMatchObject({ kind: 'usable', mayError: 'SEND to "/nowhere"' })
    expect(planCase(enc.encode('ACK\nid:x\n\n\0'), ctx(v12)).expectation).toMatchObject({ kind: 'usable', mayError: expect.stringContaining('ACK') })
    expect(planCase(enc.encode('DISCONNECT\nreceipt:9\n\n\0'), ctx(v12)).expectation).toEqual({ kind: 'disconnect', receipt: '9', mayError: null })
    expect(planCase(enc.encode('SEND\ndestination:/topic/a\n\n\0'), ctx(null)).expectation.kind).toBe('error') // before CONNECT
    expect(planCase(enc.encode('NACK\nmessage-id:1\n\n\0'), ctx(preludeFor('1.0'))).expectation.kind).toBe('error') // checklist 55
  })

  it('the same seed generates the same cases', () => {
    const opts: FuzzOptions = { seed: 42, cases: 5, concurrency: 1, healthySessions: 0, healthyIntervalMs: 10, limits: LIMITS, versions: VERSIONS }
    for (let i = 0; i < 20; i++) expect(generateCase(opts, i).plan.stream).toEqual(generateCase(opts, i).plan.stream)
  })
})

/** Streams a fuzz run found where the broker and the codec's oracle disagreed, replayed exactly. */
const FINDINGS: ReadonlyArray<readonly [title: string, stream: string]> = [
  [
    'checklist 28: a STOMP 1.0 CONNECT with a malformed heart-beat is accepted (1.0 has no heart-beating) — broker and validateFrame once disagreed (seed 7, case 13366)',
    'CONNECT\naccept-version:1.0\nhost:wirelab\nheart-beat:10000,100\\00\n\n\0',
  ],
]

describe('fuzz findings, replayed (broker and oracle must agree)', () => {
  for (const [title, stream] of FINDINGS) {
    it.each(['tcp', 'ws'] as const)(`${title} over %s`, async (transport) => {
      const srv = await startTestServer({ heartBeat: [0, 0], limits: LIMITS })
      try {
        const opts: FuzzOptions = { seed: 0, cases: 1, concurrency: 1, healthySessions: 0, healthyIntervalMs: 10, limits: LIMITS, versions: VERSIONS }
        const r = await runCase(explicitCase(opts, 0, enc.encode(stream), transport, null), srv)
        expect(r.failure, r.failure ?? '').toBeNull()
      } finally {
        await srv.close()
      }
    })
  }
})

describe('fuzzing a live server', () => {
  it(
    `random and mutated frames over TCP and WebSocket (FUZZ_CASES=${CASES}${ONLY !== undefined ? `, FUZZ_ONLY=${ONLY}` : ''}): server up, ERROR then close for every bad frame, healthy sessions lose nothing`,
    async () => {
      const srv = await startTestServer({ heartBeat: [0, 0], limits: LIMITS })
      try {
        const report = await runFuzz(srv, {
          seed: SEED, cases: CASES, concurrency: 8, healthySessions: 4, healthyIntervalMs: 20, limits: LIMITS, versions: VERSIONS, only: ONLY,
        })
        const replay = `replay: FUZZ_SEED=${SEED} FUZZ_CASES=${CASES} npx vitest run server/fuzz`
        console.info(`fuzz: ${JSON.stringify({ ...report, failures: report.failures.length, healthy: { ...report.healthy, failures: report.healthy.failures.length } })}`)
        if (process.env.FUZZ_REPORT_FILE) writeFileSync(process.env.FUZZ_REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`)
        expect(report.failures.slice(0, 10), `${report.failures.length} failing cases, seed ${SEED} (${replay})`).toEqual([])
        expect(report.healthy.failures, `healthy sessions, seed ${SEED} (${replay})`).toEqual([])
        expect(report.healthy.delivered).toBeGreaterThan(0)

        // the server is still up: new sessions over both transports get CONNECTED
        for (const client of [await openTcp(srv.tcpPort), await openWs(srv.wsUrl, ['v12.stomp'])]) {
          const connected = await client.connect()
          expect(connected.header('version')).toBe('1.2')
          client.close()
        }
        // no connection left behind: every session closes (TCP linger is 5 s at most)
        await expect.poll(() => srv.broker.sessionCount, { timeout: 8000, message: `sessions left open, seed ${SEED}` }).toBe(0)
      } finally {
        await srv.close()
      }
    },
    Math.max(60_000, CASES * 60),
  )
})
