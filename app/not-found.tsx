import type { Metadata } from 'next'
import Link from 'next/link'
import { lessonHref, lessonNumber } from '@/components/layout/course-types'
import { getCourse } from './_lib/load-course'
import styles from './page.module.css'

export const metadata: Metadata = { title: 'Page not found' }

/** The 404 page: says what happened and offers the way back (the course map and every lesson). */
export default function NotFound() {
  const { lessons } = getCourse()
  return (
    <main id="main" tabIndex={-1} className={styles.main}>
      <div className={styles.hero}>
        <p className={styles.eyebrow}>404 Not Found</p>
        <h1 className={styles.title}>This page does not exist</h1>
        <p className={styles.lead}>
          The server answered <code>404 Not Found</code>: there is nothing at this address. It may
          have been mistyped, or the lesson may have a different name.
        </p>
        <p>
          <Link href="/#course">Go to the course map</Link>, or pick a lesson:
        </p>
        <ul className={styles.points}>
          {lessons.map((lesson) => (
            <li key={lesson.slug}>
              <Link href={lessonHref(lesson.slug)}>
                {lessonNumber(lesson.number)}. {lesson.title}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </main>
  )
}
