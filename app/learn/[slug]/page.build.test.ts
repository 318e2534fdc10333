/**
 * A bad lesson fails the real build. A copy of the site (app/, components/, lib/, content/,
 * public/ and the root configs, node_modules hard-linked) gets three lessons with one mistake
 * each, then `next build --debug-build-paths <every page under app/learn>` runs on it: Turbopack
 * compiles the lesson routes (and the root layout), TypeScript checks the project, and "Collecting
 * page data" calls generateStaticParams → getCourse, which must throw and fail the build with
 * each lesson's file:line:col. Building only this route keeps it to ~25 s on a quiet 2-core machine.
 *
 * Runs in the vitest project "build", after every other test (vitest.config.ts), so its ~1.5 GB
 * compile does not compete with them.
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BAD_LESSONS } from '../../_lib/testing/bad-lessons'

const ROOT = join(import.meta.dirname, '../../..')
const COPIED = ['app', 'components', 'lib', 'content', 'public', 'next.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json']
let copy: string | null = null

/** The site's sources in a fresh folder with node_modules hard-linked (Turbopack refuses a symlink out of its root). */
function copySite(): string {
  const attempt = (parent: string): string | null => {
    mkdirSync(parent, { recursive: true })
    const dir = mkdtempSync(join(parent, 'wirelab-build-check-'))
    const linked = spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')], { stdio: 'pipe' })
    if (linked.status === 0) return dir
    rmSync(dir, { recursive: true, force: true })
    return null
  }
  // /tmp unless it is another filesystem than the project (no hard links across): then .next/.
  const dir = attempt(tmpdir()) ?? attempt(join(ROOT, '.next'))
  if (dir === null) throw new Error('could not hard-link node_modules into a temporary copy')
  for (const entry of COPIED) {
    if (!existsSync(join(ROOT, entry))) continue
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (src) => !/\.test\.tsx?$/.test(src) })
  }
  return dir
}

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true })
})

describe('next build with a bad lesson', () => {
  it('fails, naming content/lessons/NN-x/index.mdx:LINE:COL of each mistake (missing title, unknown tag, import)', async () => {
    copy = copySite()
    for (const bad of BAD_LESSONS) {
      mkdirSync(join(copy, 'content/lessons', bad.dir), { recursive: true })
      writeFileSync(join(copy, 'content/lessons', bad.dir, 'index.mdx'), bad.source)
    }
    const build = spawn(join(copy, 'node_modules/.bin/next'), ['build', '--debug-build-paths', 'app/learn/**/page.tsx'], {
      cwd: copy,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    build.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    build.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => build.once('exit', (c) => resolve(c)))

    expect(code, output).not.toBe(0)
    expect(output).toContain('Compiled successfully') // it got as far as the page data, not stuck on something else
    expect(output).toMatch(/Failed to collect page data for \/learn\/\[slug\]/)
    for (const bad of BAD_LESSONS) expect(output).toContain(bad.expected)
  }, 900_000)
})
