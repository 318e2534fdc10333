import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { findLesson } from '../../../_lib/course'
import { getCourse } from '../../../_lib/load-course'
import { LessonView } from '../../../_lib/lesson-view'

// A translation of a lesson: content/lessons/NN-slug/index.<locale>.mdx, served at
// /learn/<slug>/<locale>. Only the translations that exist are built; others are a 404.
export const dynamicParams = false

export function generateStaticParams() {
  return getCourse().lessons.flatMap((lesson) => lesson.translations.map((t) => ({ slug: lesson.slug, locale: t.locale })))
}

export async function generateMetadata({ params }: PageProps<'/learn/[slug]/[locale]'>): Promise<Metadata> {
  const { slug, locale } = await params
  const translation = findLesson(getCourse(), slug)?.translations.find((t) => t.locale === locale)
  return translation ? { title: translation.title, description: translation.summary } : {}
}

export default async function TranslatedLessonPage({ params }: PageProps<'/learn/[slug]/[locale]'>) {
  const { slug, locale } = await params
  const course = getCourse()
  const lesson = findLesson(course, slug)
  const translation = lesson?.translations.find((t) => t.locale === locale)
  if (!lesson || !translation) notFound()
  return <LessonView course={course} lesson={lesson} translation={translation} />
}
