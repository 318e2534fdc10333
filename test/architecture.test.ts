import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFile, formatViolation } from './architecture'

const ROOT = join(import.meta.dirname, '..')

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) sources(full, out)
    else if (/\.(ts|tsx|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(full)
  }
  return out
}

describe('the import rules themselves', () => {
  const cases: Array<[string, string, string | null]> = [
    ['lib/stomp/x.ts', "import { a } from '../inspect/events'", null],
    ['lib/stomp/x.ts', "import { Server } from '../../server/broker/broker'", 'nothing outside server/ imports server/'],
    ['lib/stomp/x.ts', "import React from 'react'", 'lib/ imports only lib/ (no packages)'],
    ['lib/stomp/x.ts', "import { readFileSync } from 'node:fs'", 'lib/ is pure: no node:* builtins'],
    ['lib/stomp/x.test.ts', "import fc from 'fast-check'", null],
    ['lib/stomp/x.ts', 'const b = Buffer.from("x")', 'lib/ is pure: no Buffer, timers, process, DOM'],
    ['lib/stomp/x.ts', 'setTimeout(() => {}, 1)', 'lib/ is pure: no Buffer, timers, process, DOM'],
    ['lib/stomp/x.ts', '// setTimeout(() => {}, 1) in a comment is fine', null],
    ['server/broker/x.ts', "import { Nav } from '../../components/layout/Nav'", 'server/ imports only server/ and lib/'],
    ['server/broker/x.ts', "import next from 'next'", "only server/main.ts imports 'next'"],
    ['server/main.ts', "import next from 'next'", null],
    ['components/lab/X.tsx', "import { bus } from '@/server/inspect/bus'", 'nothing outside server/ imports server/'],
    ['components/lab/X.tsx', "import { load } from '@/app/_lib/lessons'", 'components/ imports only components/ and lib/'],
    ['components/lab/X.tsx', "const m = await import('node:fs')", 'components/ talk to the server over the wire: no node:* builtins'],
    ['app/page.tsx', "import {\n  Broker,\n} from '../server/broker/broker'", 'nothing outside server/ imports server/'],
    ['app/page.tsx', "import { Lesson } from '@/components/mdx/registry'", null],
  ]
  it.each(cases)('%s: %s', (file, src, rule) => {
    const found = checkFile(file, src)
    if (rule === null) expect(found).toEqual([])
    else expect(found.map((v) => v.rule)).toContain(rule)
  })

  it('names the file, line and specifier of the offending import', () => {
    const [v] = checkFile('server/broker/x.ts', "\n\nimport next from 'next'\n")
    expect(formatViolation(v)).toBe("server/broker/x.ts:3 imports 'next' — only server/main.ts imports 'next'")
  })
})

describe('the tree follows the import rules of ARCHITECTURE.md', () => {
  it('has no violations in app/, components/, lib/, server/', () => {
    const files = ['app', 'components', 'lib', 'server'].flatMap((d) => sources(join(ROOT, d)))
    expect(files.length).toBeGreaterThan(0)
    const violations = files.flatMap((f) =>
      checkFile(relative(ROOT, f).split('\\').join('/'), readFileSync(f, 'utf8')).map(formatViolation),
    )
    expect(violations).toEqual([])
  })
})
