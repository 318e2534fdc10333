import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { LessonProvider } from '@/components/lab/exercise/LessonContext'
import { ResetLesson } from '@/components/lab/exercise/ResetLesson'
import { lessonNumber } from '@/components/layout/course-types'
import { PrevNext } from '@/components/layout/PrevNext'
import { Sidebar } from '@/components/layout/Sidebar'
import { findLesson, neighbours } from '../../_lib/course'
import { getCourse } from '../../_lib/load-course'
import { LessonBody } from '../../_lib/render-lesson'
import styles from './lesson.module.css'

// Lessons are static: one page per content/lessons/NN-slug, built by `next build`; any other
// /learn/<slug> is a 404. A bad lesson throws here, so the build fails naming file:line:col.
export const dynamicParams = false

export function generateStaticParams() {
  return getCourse().lessons.map((lesson) => ({ slug: lesson.slug }))
}

export async function generateMetadata({ params }: PageProps<'/learn/[slug]'>): Promise<Metadata> {
  const { slug } = await params
  const lesson = findLesson(getCourse(), slug)
  return lesson ? { title: lesson.title, description: lesson.summary } : {}
}

export default async function LessonPage({ params }: PageProps<'/learn/[slug]'>) {
  const { slug } = await params
  const course = getCourse()
  const lesson = findLesson(course, slug)
  if (!lesson) notFound()
  const { previous, next } = neighbours(course, slug)
  return (
    <div className={styles.layout}>
      <aside className={styles.aside}>
        <Sidebar key={slug} parts={course.parts} currentSlug={slug} />
      </aside>
      <main id="main" tabIndex={-1} className={styles.main}>
        <LessonProvider slug={slug} exercises={lesson.exercises}>
        <article className={styles.article}>
          <header className={styles.header}>
            <p className={styles.kicker}>
              {lesson.part} · Lesson {lessonNumber(lesson.number)}
            </p>
            <h1 className={styles.title}>{lesson.title}</h1>
            <p className={styles.summary}>{lesson.summary}</p>
          </header>
          <div className={styles.prose}>
            <LessonBody lesson={lesson} />
          </div>
          <ResetLesson exercises={lesson.exercises} title={lesson.title} />
        </article>
        </LessonProvider>
        <PrevNext previous={previous} next={next} />
      </main>
    </div>
  )
}
