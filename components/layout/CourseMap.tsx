import Link from 'next/link'
import { lessonHref, lessonNumber, type CoursePart } from './course-types'
import { LessonProgress } from './LessonProgress'
import styles from './CourseMap.module.css'

/** The course map: each part with its lessons (number, title, one-line summary, Start link). */
export function CourseMap({ parts }: { parts: readonly CoursePart[] }) {
  if (parts.length === 0) return <p>No lessons yet: add one under content/lessons/.</p>
  return (
    <div className={styles.courseMap}>
      {parts.map((part, index) => (
        <section key={part.title} className={styles.part} aria-labelledby={`part-${index + 1}`}>
          <h3 id={`part-${index + 1}`} className={styles.partTitle}>
            <span className={styles.partNumber}>Part {index + 1}</span> {part.title}
          </h3>
          <ol className={styles.lessonCards}>
            {part.lessons.map((lesson) => (
              <li key={lesson.slug} className={styles.lessonCard} data-lesson={lesson.slug}>
                <p className={styles.lessonNumber}>
                  Lesson {lessonNumber(lesson.number)} <LessonProgress exercises={lesson.exercises} variant="card" />
                </p>
                <h4 className={styles.lessonTitle}>{lesson.title}</h4>
                <p className={styles.lessonSummary}>{lesson.summary}</p>
                <Link href={lessonHref(lesson.slug)} className={styles.startLink} aria-label={`Start: ${lesson.title}`}>
                  Start <span aria-hidden="true">→</span>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  )
}
