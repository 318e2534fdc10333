import { describe, expect, it } from 'vitest'
import { buildCourse, findLesson, neighbours } from './course'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileReader, loadCourse, type LessonReader } from './load-course'

const lesson = (title: string, part: string) =>
  `---\ntitle: "${title}"\nsummary: About ${title}.\npart: ${part}\n---\n\nBody of ${title}.\n\n<YouWillLearn>\n\n- a thing\n\n</YouWillLearn>\n\n<Recap>\n\n- the thing\n\n</Recap>\n`

const FILES: Record<string, string> = {
  '01-how-http-talks': lesson('How HTTP talks', 'Roots'),
  '02-short-polling': lesson('Short polling', 'Roots'),
  '10-stomp-frames': lesson('STOMP frames', 'Messaging'),
  '03-long-polling': lesson('Long polling', 'Roots'),
}

/** A reader that lists folders in exactly the given order (as a filesystem might). */
const reader = (files: Record<string, string | undefined>, order = Object.keys(files)): LessonReader => ({
  dirs: () => order,
  read: (dir) => files[dir],
})

describe('content loader', () => {
  it('orders lessons by NN whatever order readdir returns (10 after 03, not after 01)', () => {
    const orders = [Object.keys(FILES), Object.keys(FILES).reverse(), ['10-stomp-frames', '01-how-http-talks', '03-long-polling', '02-short-polling']]
    for (const order of orders) {
      const course = loadCourse(reader(FILES, order))
      expect(course.lessons.map((l) => l.number)).toEqual([1, 2, 3, 10])
    }
  })

  it('slug is the folder name without NN-, and the lesson keeps its path for errors', () => {
    const course = loadCourse(reader(FILES))
    expect(course.lessons.map((l) => l.slug)).toEqual(['how-http-talks', 'short-polling', 'long-polling', 'stomp-frames'])
    expect(findLesson(course, 'long-polling')).toMatchObject({ title: 'Long polling', path: 'content/lessons/03-long-polling/index.mdx' })
    expect(findLesson(course, 'nope')).toBeUndefined()
  })

  it('groups lessons into parts in course order', () => {
    const course = loadCourse(reader(FILES))
    expect(course.parts.map((p) => [p.title, p.lessons.map((l) => l.slug)])).toEqual([
      ['Roots', ['how-http-talks', 'short-polling', 'long-polling']],
      ['Messaging', ['stomp-frames']],
    ])
  })

  it('prev/next follow course order; the ends have none', () => {
    const course = loadCourse(reader(FILES))
    expect(neighbours(course, 'how-http-talks')).toEqual({ previous: undefined, next: expect.objectContaining({ slug: 'short-polling' }) })
    const middle = neighbours(course, 'long-polling')
    expect(middle.previous?.slug).toBe('short-polling')
    expect(middle.next?.slug).toBe('stomp-frames')
    expect(neighbours(course, 'stomp-frames').next).toBeUndefined()
    expect(neighbours(course, 'unknown')).toEqual({})
  })

  it('a one-lesson course has neither previous nor next', () => {
    const course = loadCourse(reader({ '01-how-http-talks': FILES['01-how-http-talks'] }))
    expect(neighbours(course, 'how-http-talks')).toEqual({ previous: undefined, next: undefined })
  })

  it('duplicate NN → error at the second file naming the first', () => {
    const files = { ...FILES, '02-polling-again': lesson('Polling again', 'Roots') }
    expect(() => loadCourse(reader(files))).toThrow(/^content\/lessons\/02-short-polling\/index\.mdx:1:1: lesson number 02 is used twice \(also content\/lessons\/02-polling-again\/index\.mdx\)/)
  })

  it('duplicate slug → error with the URL they would share', () => {
    const files = { ...FILES, '04-short-polling': lesson('Again', 'Roots') }
    expect(() => loadCourse(reader(files))).toThrow(/^content\/lessons\/04-short-polling\/index\.mdx:1:1: slug `short-polling` is used twice .*\/learn\/short-polling/)
  })

  it('a part split by another part → error at the part line of the lesson that splits it', () => {
    const files = { ...FILES, '11-back-to-roots': lesson('Back', 'Roots') }
    expect(() => loadCourse(reader(files))).toThrow(/^content\/lessons\/11-back-to-roots\/index\.mdx:4:7: part "Roots" is split/)
  })

  it('a folder not named NN-slug → error naming the folder and the pattern', () => {
    expect(() => loadCourse(reader({ ...FILES, '4-Sse': lesson('SSE', 'Roots') }))).toThrow(/^content\/lessons\/4-Sse\/index\.mdx:1:1: folder name `4-Sse` is not NN-slug/)
  })

  it('a folder without index.mdx → error naming the missing file', () => {
    expect(() => loadCourse(reader({ ...FILES, '05-empty': undefined }))).toThrow(/^content\/lessons\/05-empty\/index\.mdx:1:1: file missing/)
  })

  it('problems in several lessons are all reported, ordered by file', () => {
    const files = { '02-b': '---\ntitle: B\n---\n', '01-a': '## no front matter\n' }
    try {
      buildCourse(Object.entries(files).map(([dir, source]) => ({ dir, source })))
      expect.unreachable()
    } catch (error) {
      const lines = (error as Error).message.split('\n')
      expect(lines[0]).toMatch(/^content\/lessons\/01-a\/index\.mdx:1:1: missing front matter/)
      // ordered by file: every problem of 01-a before every problem of 02-b
      const firstB = lines.findIndex((line) => line.startsWith('content/lessons/02-b/'))
      expect(lines.slice(0, firstB).every((line) => line.startsWith('content/lessons/01-a/index.mdx:'))).toBe(true)
      expect(lines.slice(firstB).every((line) => line.startsWith('content/lessons/02-b/index.mdx:'))).toBe(true)
      expect(lines.filter((line) => line.startsWith('content/lessons/02-b/index.mdx:1:1: front matter is missing'))).toHaveLength(2)
    }
  })

  it('the real content/ loads without problems and starts with lesson 01', () => {
    const course = loadCourse()
    expect(course.lessons[0]).toMatchObject({ number: 1, slug: 'how-http-talks' })
  })

  it('a translation is one more file per lesson: index.<locale>.mdx, validated, same exercises', () => {
    const ko = lesson('HTTP는 어떻게 말하는가', '뿌리')
    const course = buildCourse([{ dir: '01-how-http-talks', source: FILES['01-how-http-talks'], translations: [{ file: 'index.ko.mdx', source: ko }] }])
    expect(course.lessons[0].translations).toEqual([expect.objectContaining({ locale: 'ko', title: 'HTTP는 어떻게 말하는가', path: 'content/lessons/01-how-http-talks/index.ko.mdx' })])
    expect(() => buildCourse([{ dir: '01-x', source: FILES['01-how-http-talks'], translations: [{ file: 'index.KO.mdx', source: ko }] }])).toThrow(/^content\/lessons\/01-x\/index\.KO\.mdx:1:1: `index\.KO\.mdx` is not a translation file name/)
    expect(() => buildCourse([{ dir: '01-x', source: FILES['01-how-http-talks'], translations: [{ file: 'index.ko.mdx', source: '---\ntitle: T\n---\n' }] }])).toThrow(/^content\/lessons\/01-x\/index\.ko\.mdx:1:1: front matter is missing `summary`/)
    const withExercise = (extra: string) => `---\ntitle: T\nsummary: S.\npart: P\n${extra}---\n\n<Exercise id="http-raw-request" />\n\n<YouWillLearn>\n\n- x\n\n</YouWillLearn>\n\n<Recap>\n\n- y\n\n</Recap>\n`
    const noExercise = lesson('Übersetzung', 'Teil').replace('Body of', 'Text von')
    expect(() => buildCourse([{ dir: '01-x', source: withExercise('exercises: [http-raw-request]\n'), translations: [{ file: 'index.de.mdx', source: noExercise }] }])).toThrow(/index\.de\.mdx:1:1: a translation has the same exercises as index\.mdx \(http-raw-request\)/)
  })

  it('the file reader finds translations beside index.mdx (and ignores other files)', () => {
    const root = mkdtempSync(join(tmpdir(), 'wirelab-course-'))
    try {
      const dir = join(root, 'content', 'lessons', '01-how-http-talks')
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, 'index.mdx'), FILES['01-how-http-talks'])
      writeFileSync(join(dir, 'index.ko.mdx'), lesson('HTTP 이야기', '뿌리'))
      writeFileSync(join(dir, 'notes.md'), 'not a lesson')
      const course = loadCourse(fileReader(root))
      expect(course.lessons[0].translations.map((t) => [t.locale, t.title])).toEqual([['ko', 'HTTP 이야기']])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
