import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

/**
 * The lessons as the tests expect to see them, read straight from content/lessons (folder
 * NN-slug, YAML front matter), independently of the app's loader.
 */
export type ExpectedLesson = { number: number; slug: string; title: string; summary: string; part: string }

const ROOT = join(import.meta.dirname, '..')
const LESSONS = join(ROOT, 'content', 'lessons')

export function expectedLessons(): ExpectedLesson[] {
  return readdirSync(LESSONS)
    .filter((dir) => /^\d{2}-/.test(dir) && existsSync(join(LESSONS, dir, 'index.mdx')))
    .sort()
    .map((dir) => {
      const source = readFileSync(join(LESSONS, dir, 'index.mdx'), 'utf8')
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)
      const data = parse(front?.[1] ?? '') as Record<string, string>
      return { number: Number(dir.slice(0, 2)), slug: dir.slice(3), title: data.title, summary: data.summary, part: data.part }
    })
}

/** Whether the app has a page for a top-level section (the top bar links only to those). */
export function hasPage(route: string): boolean {
  return ['page.tsx', 'page.ts', 'page.mdx'].some((file) => existsSync(join(ROOT, 'app', route, file)))
}
