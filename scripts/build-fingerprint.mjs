// Decides whether the production build in .next is current: a SHA-1 over every input that
// changes what `next build` emits (sources, content, config, lockfile). Tests are excluded.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = new URL('..', import.meta.url).pathname
const DIRS = ['app', 'components', 'lib', 'content', 'public']
const FILES = ['next.config.ts', 'mdx-components.tsx', 'package-lock.json', 'tsconfig.json', 'package.json']
const STAMP = join(ROOT, '.next', 'wirelab-build.json')

function walk(dir, out) {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, out)
    else if (!/\.test\.tsx?$/.test(name)) out.push(full)
  }
}

export function fingerprint() {
  const files = []
  for (const d of DIRS) walk(join(ROOT, d), files)
  for (const f of FILES) if (existsSync(join(ROOT, f))) files.push(join(ROOT, f))
  files.sort()
  const hash = createHash('sha1')
  for (const f of files) hash.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0')
  return hash.digest('hex')
}

export function buildIsCurrent() {
  if (!existsSync(join(ROOT, '.next', 'BUILD_ID')) || !existsSync(STAMP)) return false
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).fingerprint === fingerprint()
  } catch {
    return false
  }
}

export function recordBuild() {
  writeFileSync(STAMP, JSON.stringify({ fingerprint: fingerprint(), at: new Date().toISOString() }) + '\n')
}
