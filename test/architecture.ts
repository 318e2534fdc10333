/**
 * The import rules of ARCHITECTURE.md as a pure check over source texts, so the rules themselves
 * are unit tested (architecture.test.ts) and then applied to the real tree.
 */
import { posix } from 'node:path'

export interface Violation {
  readonly file: string
  readonly line: number
  readonly specifier: string
  readonly rule: string
}

const IMPORT_RE =
  /(?:^|[\n;])\s*(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"\n]+)['"]|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)|\brequire\(\s*['"]([^'"\n]+)['"]\s*\)/g

const NODE_BUILTINS = new Set([
  'assert', 'buffer', 'child_process', 'crypto', 'dgram', 'dns', 'events', 'fs', 'http', 'http2', 'https', 'net',
  'os', 'path', 'perf_hooks', 'process', 'querystring', 'readline', 'stream', 'string_decoder', 'timers', 'tls',
  'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib', 'fs/promises', 'stream/promises', 'timers/promises',
])

/** Test-only packages that lib/ tests may use. */
const LIB_TEST_PACKAGES = new Set(['vitest', 'fast-check'])

type Area = 'app' | 'components' | 'lib' | 'server' | 'other'

function areaOf(path: string): Area {
  const top = path.split('/')[0]
  return top === 'app' || top === 'components' || top === 'lib' || top === 'server' ? top : 'other'
}

function isTest(path: string): boolean {
  return /\.test\.tsx?$/.test(path) || path.includes('/testing/')
}

function stripComments(src: string): string {
  // Block comments and line comments that start a line or follow code after whitespace.
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|\s)\/\/[^\n]*/g, '$1')
}

/** Resolve a specifier to a repo-relative path, or null for a package / builtin. */
function resolveLocal(from: string, spec: string): string | null {
  if (spec.startsWith('@/')) return posix.normalize(spec.slice(2))
  if (spec.startsWith('./') || spec.startsWith('../')) return posix.normalize(posix.join(posix.dirname(from), spec))
  return null
}

export function checkFile(file: string, source: string): Violation[] {
  const out: Violation[] = []
  const area = areaOf(file)
  if (area === 'other') return out
  const code = stripComments(source)
  const lineAt = (index: number) => code.slice(0, index).split('\n').length
  for (const m of code.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3]
    if (!spec) continue
    const offset = (m.index ?? 0) + m[0].indexOf(spec)
    const add = (rule: string) => out.push({ file, line: lineAt(offset), specifier: spec, rule })
    const local = resolveLocal(file, spec)
    const target: Area | 'package' | 'builtin' = local
      ? areaOf(local)
      : spec.startsWith('node:') || NODE_BUILTINS.has(spec)
        ? 'builtin'
        : 'package'

    if (target === 'server' && area !== 'server') add('nothing outside server/ imports server/')
    if ((spec === 'next' || spec.startsWith('next/')) && area === 'server' && file !== 'server/main.ts')
      add("only server/main.ts imports 'next'")
    switch (area) {
      case 'lib':
        if (target === 'package' && !(isTest(file) && LIB_TEST_PACKAGES.has(spec)))
          add('lib/ imports only lib/ (no packages)')
        else if (target === 'builtin' && !isTest(file)) add('lib/ is pure: no node:* builtins')
        else if (target !== 'lib' && target !== 'package' && target !== 'builtin') add('lib/ imports only lib/')
        break
      case 'server':
        if (target === 'app' || target === 'components') add('server/ imports only server/ and lib/')
        break
      case 'components':
        if (target === 'app') add('components/ imports only components/ and lib/')
        if (target === 'builtin') add('components/ talk to the server over the wire: no node:* builtins')
        break
      case 'app':
        break
    }
  }
  if (area === 'lib' && !isTest(file)) {
    const lines = code.split('\n')
    lines.forEach((text, i) => {
      const hit = /\b(Buffer\s*\.|new\s+Buffer\b|setTimeout\s*\(|setInterval\s*\(|process\.|window\.|document\.|require\s*\()/.exec(text)
      if (hit) out.push({ file, line: i + 1, specifier: hit[1].trim(), rule: 'lib/ is pure: no Buffer, timers, process, DOM' })
    })
  }
  return out
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line} imports '${v.specifier}' — ${v.rule}`
}
