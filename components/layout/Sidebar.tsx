import Link from 'next/link'
import { lessonHref, lessonNumber, type CoursePart } from './course-types'
import { LessonProgress } from './LessonProgress'
import { SidebarDisclosure } from './SidebarDisclosure'
import styles from './layout.module.css'

/** The course outline beside a lesson, by part, with the current lesson marked (aria-current). */
export function Sidebar({ parts, currentSlug }: { parts: readonly CoursePart[]; currentSlug: string }) {
  return (
    <SidebarDisclosure label="Course contents">
      <nav aria-label="Course" className={styles.courseNav}>
        {parts.map((part) => (
          <section key={part.title} className={styles.sidebarPart}>
            <h2 className={styles.sidebarPartTitle}>{part.title}</h2>
            <ol className={styles.sidebarLessons}>
              {part.lessons.map((lesson) => {
                const current = lesson.slug === currentSlug
                return (
                  <li key={lesson.slug}>
                    <Link href={lessonHref(lesson.slug)} aria-current={current ? 'page' : undefined} className={styles.sidebarLink}>
                      <span className={styles.sidebarNumber}>{lessonNumber(lesson.number)}</span>
                      <span>{lesson.title}</span>
                      <LessonProgress exercises={lesson.exercises} variant="sidebar" />
                    </Link>
                  </li>
                )
              })}
            </ol>
          </section>
        ))}
      </nav>
    </SidebarDisclosure>
  )
}
