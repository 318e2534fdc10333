import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { findLesson } from '../../_lib/course'
import { getCourse } from '../../_lib/load-course'
import { LessonView } from '../../_lib/lesson-view'

// Lessons are static: one page per content/lessons/NN-slug, built by `next build`; any other
// /learn/<slug> is a 404. A bad lesson throws here, so the build fails naming file:line:col.
export const dynamicParams = false

export function generateStaticParams() {
  return getCourse().lessons.map((lesson) => ({ slug: lesson.slug }))
}

export async function generateMetadata({ params }: PageProps<'/learn/[slug]'>): Promise<Metadata> {
  const { slug } = await params
  const lesson = findLesson(getCourse(), slug)
  if (!lesson) return {}
  const languages = Object.fromEntries(lesson.translations.map((t) => [t.locale, `/learn/${slug}/${t.locale}`]))
  return { title: lesson.title, description: lesson.summary, alternates: { languages } }
}

export default async function LessonPage({ params }: PageProps<'/learn/[slug]'>) {
  const { slug } = await params
  const course = getCourse()
  const lesson = findLesson(course, slug)
  if (!lesson) notFound()
  return <LessonView course={course} lesson={lesson} />
}
