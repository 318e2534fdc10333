/**
 * `npm run bench -- [options]`: which scenarios, how long, and the targets they are judged by.
 */

export interface Scenario {
  readonly subscribers: number
  readonly publishers: number
  readonly bodyBytes: number
}

/** The scenarios: (subscribers, publishers, body bytes). */
export const DEFAULT_SCENARIOS: readonly Scenario[] = [
  { subscribers: 10, publishers: 1, bodyBytes: 128 },
  { subscribers: 100, publishers: 4, bodyBytes: 128 },
  { subscribers: 500, publishers: 4, bodyBytes: 128 },
  { subscribers: 100, publishers: 4, bodyBytes: 4096 },
]

export const TARGETS = {
  /** Wirelab deliveries/s ÷ raw ws deliveries/s, each scenario. */
  minRatio: 0.5,
  /** p99 latency at this many subscribers or more (ms). */
  maxP99Ms: 50,
  p99AtSubscribers: 500,
  /** Idle: server RSS with 10,000 connections holding 10 s heart-beats (MiB). */
  maxIdleRssMiB: 400,
} as const

export interface Timings {
  readonly warmupMs: number
  readonly capacityMs: number
  readonly latencyMs: number
  readonly drainMs: number
}

export interface BenchOptions {
  readonly scenarios: readonly Scenario[]
  readonly throughput: boolean
  readonly idle: boolean
  readonly idleConnections: number
  readonly idleHoldMs: number
  readonly idleHeartBeatMs: number
  readonly timings: Timings
  /** Re-run a scenario pair when other processes took more than `maxOtherCpuPct` of the machine. */
  readonly retries: number
  readonly maxOtherCpuPct: number
  /** Before each run, wait up to this long for a quiet second (other processes < 25 % of a core). */
  readonly quietWaitMs: number
  /** Run the Wirelab server with --cpu-prof and summarise the profile. */
  readonly profile: boolean
  /** A /ws/inspect viewer watches everything during each Wirelab throughput run (bench/watch-all.ts). */
  readonly watchAll: boolean
  readonly quick: boolean
}

export const USAGE = `npm run bench -- [options]
  --scenario S,P,B     run only this scenario (subscribers,publishers,body bytes); repeatable; skips idle unless --idle
  --quick              short phases (0.5 s warm-up, 2 s capacity, 2 s latency), idle with 2,000 connections for 11 s
  --idle               run the idle scenario (alone, unless --scenario is given too)
  --no-idle            skip the idle scenario
  --idle-connections N idle connections (default 10000)
  --hold SECONDS       idle hold time (default 20)
  --retries N          re-run a scenario when other processes used > --max-other % CPU (default 1)
  --max-other PCT      other processes' CPU, % of one core, tolerated during a run (default 30)
  --quiet-wait SECONDS before each run, wait up to this long for a quiet machine (default 15; 0 = never wait)
  --profile            run the Wirelab server with node --cpu-prof; summarise the hottest functions
  --watch-all          during Wirelab's throughput runs, a /ws/inspect viewer watches everything (taps' cost)
  --help`

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n\n${USAGE}\n`)
  process.exit(2)
}

function parseScenario(raw: string | undefined): Scenario {
  const m = /^(\d+),(\d+),(\d+)$/.exec(raw ?? '')
  if (!m) fail(`--scenario needs subscribers,publishers,bytes (e.g. 500,4,128), got ${JSON.stringify(raw)}`)
  const [subscribers, publishers, bodyBytes] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (subscribers < 1 || publishers < 1 || publishers > 999) fail('--scenario needs ≥ 1 subscriber and 1-999 publishers')
  if (bodyBytes < 27) fail('--scenario body must be at least 27 bytes (publisher, sequence, timestamp)')
  return { subscribers, publishers, bodyBytes }
}

function parseNumber(flag: string, raw: string | undefined): number {
  if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw)) fail(`${flag} needs a number, got ${JSON.stringify(raw)}`)
  return Number(raw)
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const scenarios: Scenario[] = []
  let quick = false
  let idleFlag: boolean | null = null
  let idleConnections: number | null = null
  let holdS: number | null = null
  let retries = 1
  let maxOtherCpuPct = 30
  let profile = false
  let watchAll = false
  let quietWaitS = 15
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]
    switch (flag) {
      case '--scenario': scenarios.push(parseScenario(argv[++i])); break
      case '--quick': quick = true; break
      case '--idle': idleFlag = true; break
      case '--no-idle': idleFlag = false; break
      case '--idle-connections': idleConnections = parseNumber(flag, argv[++i]); break
      case '--hold': holdS = parseNumber(flag, argv[++i]); break
      case '--retries': retries = parseNumber(flag, argv[++i]); break
      case '--max-other': maxOtherCpuPct = parseNumber(flag, argv[++i]); break
      case '--quiet-wait': quietWaitS = parseNumber(flag, argv[++i]); break
      case '--profile': profile = true; break
      case '--watch-all': watchAll = true; break
      case '--help': case '-h':
        process.stdout.write(`${USAGE}\n`)
        process.exit(0)
        break
      default: fail(`unknown option ${JSON.stringify(flag)}`)
    }
  }
  const onlyIdle = idleFlag === true && scenarios.length === 0
  return {
    scenarios: scenarios.length > 0 ? scenarios : DEFAULT_SCENARIOS,
    throughput: !onlyIdle,
    idle: idleFlag ?? scenarios.length === 0,
    idleConnections: idleConnections ?? (quick ? 2000 : 10_000),
    idleHoldMs: (holdS ?? (quick ? 11 : 20)) * 1000,
    idleHeartBeatMs: 10_000,
    timings: quick
      ? { warmupMs: 500, capacityMs: 2000, latencyMs: 2000, drainMs: 2000 }
      : { warmupMs: 2000, capacityMs: 5000, latencyMs: 5000, drainMs: 3000 },
    retries,
    maxOtherCpuPct,
    quietWaitMs: quietWaitS * 1000,
    profile,
    watchAll,
    quick,
  }
}

export function scenarioLabel(s: Scenario): string {
  return `${s.subscribers},${s.publishers},${s.bodyBytes}`
}
