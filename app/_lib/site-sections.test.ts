import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { siteLinks } from './site-sections'

describe('top bar links', () => {
  it('shows only Learn while app/lab and app/playground have no page', () => {
    const root = mkdtempSync(join(tmpdir(), 'wirelab-links-'))
    mkdirSync(join(root, 'app', 'lab'), { recursive: true }) // a folder without page.tsx is not a page
    expect(siteLinks(root).map((l) => l.label)).toEqual(['Learn'])
  })

  it('adds Lab and Playground once their page.tsx exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'wirelab-links-'))
    for (const route of ['lab', 'playground']) {
      mkdirSync(join(root, 'app', route), { recursive: true })
      writeFileSync(join(root, 'app', route, 'page.tsx'), 'export default function Page() { return null }\n')
    }
    expect(siteLinks(root)).toEqual([
      { href: '/#course', label: 'Learn' },
      { href: '/lab', label: 'Lab' },
      { href: '/playground', label: 'Playground' },
    ])
  })
})
