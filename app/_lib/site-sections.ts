import { existsSync } from 'node:fs'
import { join } from 'node:path'

export type SiteLink = { href: string; label: string }

/**
 * The top bar's links. Learn always exists (the course map); Lab and Playground appear only
 * once their page exists in app/ (checked on the filesystem when the layout is built), so the
 * site never links to a placeholder.
 */
export function siteLinks(root: string = process.cwd()): SiteLink[] {
  const has = (route: string) => ['page.tsx', 'page.ts', 'page.mdx'].some((file) => existsSync(join(/* turbopackIgnore: true */ root, 'app', route, file)))
  const links: SiteLink[] = [{ href: '/#course', label: 'Learn' }]
  if (has('lab')) links.push({ href: '/lab', label: 'Lab' })
  if (has('playground')) links.push({ href: '/playground', label: 'Playground' })
  return links
}
