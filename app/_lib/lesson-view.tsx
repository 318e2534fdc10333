import { LessonProvider } from '@/components/lab/exercise/LessonContext'
import { ResetLesson } from '@/components/lab/exercise/ResetLesson'
import { lessonNumber } from '@/components/layout/course-types'
import { PrevNext } from '@/components/layout/PrevNext'
import { Sidebar } from '@/components/layout/Sidebar'
import styles from '../learn/[slug]/lesson.module.css'
import { neighbours, type Course, type Lesson, type LessonTranslation } from './course'
import { LessonBody } from './render-lesson'

/** The language's own name for itself (`ko` → 한국어), or the tag when the runtime does not know it. */
function languageName(locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale
  } catch {
    return locale
  }
}

/**
 * One lesson page: the course sidebar, the lesson (its translation when `translation` is given:
 * same slug, exercises and progress, another language), prev/next. Shared by /learn/<slug> and
 * /learn/<slug>/<locale>.
 */
export function LessonView({ course, lesson, translation }: { course: Course; lesson: Lesson; translation?: LessonTranslation }) {
  const { previous, next } = neighbours(course, lesson.slug)
  const shown = translation ?? lesson
  return (
    <div className={styles.layout}>
      <aside className={styles.aside}>
        <Sidebar key={lesson.slug} parts={course.parts} currentSlug={lesson.slug} />
      </aside>
      <main id="main" tabIndex={-1} className={styles.main}>
        <LessonProvider slug={lesson.slug} exercises={lesson.exercises}>
          <article className={styles.article} lang={translation?.locale}>
            <header className={styles.header}>
              <p className={styles.kicker}>
                {shown.part} · Lesson {lessonNumber(lesson.number)}
              </p>
              <h1 className={styles.title}>{shown.title}</h1>
              <p className={styles.summary}>{shown.summary}</p>
              {lesson.translations.length > 0 && (
                <nav aria-label="Languages" className={styles.languages}>
                  {[{ locale: 'en', href: `/learn/${lesson.slug}` }, ...lesson.translations.map((t) => ({ locale: t.locale, href: `/learn/${lesson.slug}/${t.locale}` }))].map(({ locale, href }) => (
                    <a key={locale} href={href} lang={locale} hrefLang={locale} aria-current={(translation?.locale ?? 'en') === locale ? 'page' : undefined}>
                      {languageName(locale)}
                    </a>
                  ))}
                </nav>
              )}
            </header>
            <div className={styles.prose}>
              <LessonBody lesson={shown} />
            </div>
            <ResetLesson exercises={lesson.exercises} title={shown.title} />
          </article>
        </LessonProvider>
        <PrevNext previous={previous} next={next} />
      </main>
    </div>
  )
}
