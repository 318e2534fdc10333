/**
 * The build path of a lesson, without a build: `next build` calls this page's generateStaticParams,
 * which reads content/lessons through getCourse. Run here against a lessons root of our own
 * (process.cwd() is where the loader looks), one bad lesson at a time. The real `next build` is
 * page.build.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BAD_LESSONS } from '../../_lib/testing/bad-lessons'
import { generateStaticParams } from './page'

const ROOT = join(import.meta.dirname, '../../..')
const REAL_LESSONS = join(ROOT, 'content/lessons')
const roots: string[] = []

/** A project root whose content/lessons holds the real lessons plus `extra`. */
function lessonsRoot(extra: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'wirelab-lessons-'))
  roots.push(root)
  for (const dir of readdirSync(REAL_LESSONS, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    mkdirSync(join(root, 'content/lessons', dir.name), { recursive: true })
    writeFileSync(join(root, 'content/lessons', dir.name, 'index.mdx'), readFileSync(join(REAL_LESSONS, dir.name, 'index.mdx')))
  }
  for (const [dir, source] of Object.entries(extra)) {
    mkdirSync(join(root, 'content/lessons', dir), { recursive: true })
    writeFileSync(join(root, 'content/lessons', dir, 'index.mdx'), source)
  }
  vi.spyOn(process, 'cwd').mockReturnValue(root)
  return root
}

afterEach(() => {
  vi.restoreAllMocks()
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('generateStaticParams of /learn/[slug] (what next build runs)', () => {
  it('lists a page per lesson when every lesson is valid', () => {
    lessonsRoot({})
    const slugs = generateStaticParams().map((p) => p.slug)
    expect(slugs.length).toBeGreaterThan(0)
    expect(slugs).toContain('how-http-talks')
  })

  it.each(BAD_LESSONS.map((b) => [b.dir, b] as const))('%s: throws, naming the file:line:col first', (_dir, bad) => {
    lessonsRoot({ [bad.dir]: bad.source })
    let thrown: unknown
    try {
      generateStaticParams()
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(Error)
    expect((thrown as Error).message.split('\n')[0]).toContain(bad.expected)
  })
})
