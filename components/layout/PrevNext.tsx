import Link from 'next/link'
import { lessonHref, lessonNumber, type CourseLesson } from './course-types'
import styles from './layout.module.css'

type Props = { previous?: CourseLesson; next?: CourseLesson }

/** Links to the lessons before and after this one; nothing at all when there is neither. */
export function PrevNext({ previous, next }: Props) {
  if (!previous && !next) return null
  return (
    <nav aria-label="Previous and next lesson" className={styles.prevNext}>
      {previous ? (
        <Link href={lessonHref(previous.slug)} rel="prev" className={styles.prevLink}>
          <span className={styles.prevNextHint}>Previous</span>
          <span className={styles.prevNextTitle}>
            {lessonNumber(previous.number)}. {previous.title}
          </span>
        </Link>
      ) : null}
      {next ? (
        <Link href={lessonHref(next.slug)} rel="next" className={styles.nextLink}>
          <span className={styles.prevNextHint}>Next</span>
          <span className={styles.prevNextTitle}>
            {lessonNumber(next.number)}. {next.title}
          </span>
        </Link>
      ) : null}
    </nav>
  )
}
