import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { cache } from 'react'
import { buildCourse, LESSONS_DIR, lessonPath, type Course, type LessonFile } from './course'
import { LessonError } from './lesson-error'

/** How the loader sees the lessons folder; tests pass a fake to control readdir order. */
export type LessonReader = {
  /** Folder names directly under content/lessons (in whatever order the OS gives). */
  dirs(): string[]
  /** The text of content/lessons/<dir>/index.mdx, or undefined if it does not exist. */
  read(dir: string): string | undefined
  /** The folder's other `index.*.mdx` files (translations), by file name. */
  translations?(dir: string): { file: string; source: string }[]
}

export function fileReader(root: string = process.cwd()): LessonReader {
  const base = join(/* turbopackIgnore: true */ root, LESSONS_DIR)
  return {
    dirs: () => readdirSync(/* turbopackIgnore: true */ base).filter((name) => statSync(join(/* turbopackIgnore: true */ base, name)).isDirectory()),
    read: (dir) => {
      const file = join(/* turbopackIgnore: true */ base, dir, 'index.mdx')
      return existsSync(/* turbopackIgnore: true */ file) ? readFileSync(/* turbopackIgnore: true */ file, 'utf8') : undefined
    },
    translations: (dir) =>
      readdirSync(/* turbopackIgnore: true */ join(/* turbopackIgnore: true */ base, dir))
        .filter((name) => name !== 'index.mdx' && name.startsWith('index.') && name.endsWith('.mdx'))
        .sort()
        .map((file) => ({ file, source: readFileSync(/* turbopackIgnore: true */ join(/* turbopackIgnore: true */ base, dir, file), 'utf8') })),
  }
}

export function loadCourse(reader: LessonReader = fileReader()): Course {
  const files: LessonFile[] = []
  const missing: string[] = []
  for (const dir of reader.dirs()) {
    const source = reader.read(dir)
    if (source === undefined) missing.push(dir)
    else files.push({ dir, source, translations: reader.translations?.(dir) ?? [] })
  }
  if (missing.length > 0) {
    throw new LessonError(missing.map((dir) => ({ path: lessonPath(dir), position: { line: 1, column: 1 }, message: 'file missing: every lesson folder needs an index.mdx (or remove the folder)' })))
  }
  return buildCourse(files)
}

/** The course, read once per render (build: once per page). Throws LessonError on a bad lesson. */
export const getCourse = cache((): Course => loadCourse())
