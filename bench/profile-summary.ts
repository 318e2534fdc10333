/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, and the
 * self time per source file. tsx hands V8 transpiled code, so the profile's line numbers are not
 * the .ts lines: each function is located in its source file by name instead (`file:line`).
 *
 *   node_modules/.bin/tsx bench/profile-summary.ts <file.cpuprofile> [top]
 */
import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'

interface CallFrame {
  readonly functionName: string
  readonly url: string
  readonly lineNumber: number
}
interface ProfileNode {
  readonly id: number
  readonly callFrame: CallFrame
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
  readonly startTime: number
  readonly endTime: number
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

export interface HotSpot {
  readonly name: string
  readonly location: string
  readonly selfMs: number
  readonly pct: number
}

export interface ProfileSummary {
  readonly totalMs: number
  readonly idleMs: number
  readonly functions: readonly HotSpot[]
  readonly files: readonly HotSpot[]
}

const sourceCache = new Map<string, string[] | null>()

function sourceLines(path: string): string[] | null {
  if (!sourceCache.has(path)) sourceCache.set(path, existsSync(path) ? readFileSync(path, 'utf8').split('\n') : null)
  return sourceCache.get(path) ?? null
}

/** Where `name` is defined in the source file (1-based line), or null. */
function findDefinition(path: string, name: string): number | null {
  const lines = sourceLines(path)
  if (!lines || !/^[\w$]+$/.test(name)) return null
  const def = new RegExp(
    `(function\\*?\\s+${name}\\b|^\\s*(?:(?:export|private|public|protected|static|async|override|readonly|get|set)\\s+)*${name}\\s*[(<]|\\b${name}\\s*[:=]\\s*(?:async\\s*)?(?:\\(|function)|class\\s+${name}\\b)`,
  )
  const index = lines.findIndex((line) => def.test(line))
  return index < 0 ? null : index + 1
}

function locate(frame: CallFrame, root: string): string {
  if (!frame.url) return '(native)'
  if (!frame.url.startsWith('file://')) return frame.url
  const path = fileURLToPath(frame.url)
  const rel = relative(root, path)
  const line = findDefinition(path, frame.functionName)
  return line === null ? `${rel} (js line ${frame.lineNumber + 1})` : `${rel}:${line}`
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)'])

export function summariseProfile(file: string, root: string, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))

  const fns = new Map<string, { name: string; location: string; us: number }>()
  const files = new Map<string, number>()
  let totalUs = 0
  let idleUs = 0
  for (const [id, us] of selfUs) {
    const frame = (byId.get(id) as ProfileNode).callFrame
    totalUs += us
    if (frame.functionName === '(idle)') {
      idleUs += us
      continue
    }
    const name = frame.functionName || '(anonymous)'
    const location = SPECIAL.has(name) ? '' : locate(frame, root)
    const key = `${name}@${location}`
    const entry = fns.get(key) ?? { name, location, us: 0 }
    entry.us += us
    fns.set(key, entry)
    const fileKey = SPECIAL.has(name) ? name : frame.url ? relative(root, frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url) : '(native)'
    files.set(fileKey, (files.get(fileKey) ?? 0) + us)
  }
  const busyUs = totalUs - idleUs
  const pct = (us: number): number => (busyUs > 0 ? (us / busyUs) * 100 : 0)
  return {
    totalMs: totalUs / 1000,
    idleMs: idleUs / 1000,
    functions: [...fns.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, location: f.location, selfMs: f.us / 1000, pct: pct(f.us) })),
    files: [...files.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, location: name, selfMs: us / 1000, pct: pct(us) })),
  }
}

export function profileMarkdown(summary: ProfileSummary): string {
  const lines = [
    `Sampled ${(summary.totalMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s; % of busy time.`,
    '',
    '| self ms | % busy | function | where |',
    '|--:|--:|---|---|',
    ...summary.functions.map((f) => `| ${f.selfMs.toFixed(0)} | ${f.pct.toFixed(1)} | \`${f.name}\` | ${f.location} |`),
    '',
    '| self ms | % busy | file |',
    '|--:|--:|---|',
    ...summary.files.map((f) => `| ${f.selfMs.toFixed(0)} | ${f.pct.toFixed(1)} | ${f.name} |`),
  ]
  return lines.join('\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, top] = process.argv.slice(2)
  if (!file) {
    process.stderr.write('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]\n')
    process.exit(2)
  }
  const root = fileURLToPath(new URL('..', import.meta.url))
  process.stdout.write(`${profileMarkdown(summariseProfile(file, root, top ? Number(top) : 25))}\n`)
}
