import { LessonError, START, sortProblems, type LessonProblem } from './lesson-error'
import { validateLesson } from './validate-lesson'

/**
 * A lesson as read from disk: its folder name (`01-how-http-talks`), its MDX text, and the
 * folder's translations (`index.ko.mdx` → locale `ko`), each one more file in the same folder.
 */
export type LessonFile = { dir: string; source: string; translations?: readonly { file: string; source: string }[] }

/** A translation of a lesson: the same lesson (slug, number, exercises) in another language. */
export type LessonTranslation = {
  /** BCP 47 tag in lower case, from the file name: `ko`, `pt-br`. */
  locale: string
  path: string
  title: string
  summary: string
  part: string
  source: string
}

export type Lesson = {
  /** NN from the folder name: the lesson's place in the course. */
  number: number
  /** The folder name without `NN-`: the URL is /learn/<slug>. */
  slug: string
  /** Repository-relative path of the MDX file, used in error messages. */
  path: string
  title: string
  summary: string
  part: string
  /** The lesson's exercise ids (front matter), in page order: done when all are done. */
  exercises: readonly string[]
  /** The MDX text (front matter included), compiled by the lesson page. */
  source: string
  /** Other languages of this lesson, by locale (served at /learn/<slug>/<locale>). */
  translations: readonly LessonTranslation[]
}

/** What the course map, the sidebar and prev/next links need: no MDX source. */
export type LessonSummary = Pick<Lesson, 'number' | 'slug' | 'title' | 'summary' | 'part' | 'exercises'>

export type Part = { title: string; lessons: LessonSummary[] }

export type Course = { lessons: Lesson[]; parts: Part[] }

export const LESSONS_DIR = 'content/lessons'
const DIR_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/

export const lessonPath = (dir: string, file = 'index.mdx') => `${LESSONS_DIR}/${dir}/${file}`
/** `index.ko.mdx`, `index.pt-br.mdx`: a translation's file name and its locale. */
export const TRANSLATION_FILE = /^index\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.mdx$/

/**
 * Builds the course from lesson files in any order: validates each, orders by NN, and checks
 * that numbers and slugs are unique and that each part's lessons are consecutive. Throws one
 * LessonError listing every problem (the first line names the first file:line:col).
 */
export function buildCourse(files: readonly LessonFile[]): Course {
  const problems: LessonProblem[] = []
  const lessons: (Lesson & { partAt: LessonProblem['position'] })[] = []

  for (const { dir, source, translations = [] } of files) {
    const path = lessonPath(dir)
    const match = DIR_NAME.exec(dir)
    if (!match) {
      problems.push({ path, position: START, message: `folder name \`${dir}\` is not NN-slug: name it with two digits, a dash and lower-case words joined by dashes, e.g. 03-long-polling` })
      continue
    }
    const { frontMatter, problems: found } = validateLesson(path, source)
    problems.push(...found)
    if (!frontMatter) continue
    const { title, summary, part, positions, exercises } = frontMatter
    const translated = translations.flatMap((t) => checkTranslation(dir, t, exercises, problems))
    lessons.push({ number: Number(match[1]), slug: match[2], path, title, summary, part, exercises, source, translations: translated, partAt: positions.part })
  }

  lessons.sort((a, b) => a.number - b.number || a.slug.localeCompare(b.slug))

  const byNumber = new Map<number, string>()
  const bySlug = new Map<string, string>()
  for (const lesson of lessons) {
    const nn = String(lesson.number).padStart(2, '0')
    const sameNumber = byNumber.get(lesson.number)
    if (sameNumber) problems.push({ path: lesson.path, position: START, message: `lesson number ${nn} is used twice (also ${sameNumber}): give each lesson its own NN and renumber the folders after it` })
    else byNumber.set(lesson.number, lesson.path)
    const sameSlug = bySlug.get(lesson.slug)
    if (sameSlug) problems.push({ path: lesson.path, position: START, message: `slug \`${lesson.slug}\` is used twice (also ${sameSlug}): two lessons cannot share the URL /learn/${lesson.slug}; rename one folder` })
    else bySlug.set(lesson.slug, lesson.path)
  }

  const parts: Part[] = []
  for (const lesson of lessons) {
    const last = parts.at(-1)
    if (last?.title === lesson.part) {
      last.lessons.push(summaryOf(lesson))
      continue
    }
    if (parts.some((p) => p.title === lesson.part)) {
      problems.push({ path: lesson.path, position: lesson.partAt, message: `part "${lesson.part}" is split: its lessons must be consecutive, but this one comes after part "${last?.title}". Renumber the lesson or change its part` })
    }
    parts.push({ title: lesson.part, lessons: [summaryOf(lesson)] })
  }

  if (problems.length > 0) throw new LessonError(sortProblems(problems))
  return { lessons: lessons.map(({ partAt: _partAt, ...lesson }) => lesson), parts }
}

/** A translation is validated like the lesson and must name the same exercises (progress is shared). */
function checkTranslation(dir: string, file: { file: string; source: string }, exercises: readonly string[], problems: LessonProblem[]): LessonTranslation[] {
  const path = lessonPath(dir, file.file)
  const locale = TRANSLATION_FILE.exec(file.file)?.[1]
  if (!locale || locale === 'en') {
    problems.push({ path, position: START, message: `\`${file.file}\` is not a translation file name: name it index.<language>.mdx with a lower-case BCP 47 tag (index.ko.mdx, index.pt-br.mdx); English is index.mdx` })
    return []
  }
  const { frontMatter, problems: found } = validateLesson(path, file.source)
  problems.push(...found)
  if (!frontMatter) return []
  if (frontMatter.exercises.join() !== exercises.join()) {
    problems.push({ path, position: frontMatter.positions.exercises, message: `a translation has the same exercises as index.mdx (${exercises.join(', ') || 'none'}), in the same order: progress is shared between languages` })
  }
  return [{ locale, path, title: frontMatter.title, summary: frontMatter.summary, part: frontMatter.part, source: file.source }]
}

export function summaryOf({ number, slug, title, summary, part, exercises }: LessonSummary): LessonSummary {
  return { number, slug, title, summary, part, exercises }
}

export function findLesson(course: Course, slug: string): Lesson | undefined {
  return course.lessons.find((lesson) => lesson.slug === slug)
}

/** The lessons before and after `slug` in course order (undefined at either end). */
export function neighbours(course: Course, slug: string): { previous?: LessonSummary; next?: LessonSummary } {
  const index = course.lessons.findIndex((lesson) => lesson.slug === slug)
  if (index < 0) return {}
  const previous = course.lessons[index - 1]
  const next = course.lessons[index + 1]
  return { previous: previous && summaryOf(previous), next: next && summaryOf(next) }
}
