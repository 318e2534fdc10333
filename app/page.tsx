import Link from 'next/link'
import { CourseMap } from '@/components/layout/CourseMap'
import { lessonHref } from '@/components/layout/course-types'
import { WirePreview } from '@/components/layout/WirePreview'
import { getCourse } from './_lib/load-course'
import styles from './page.module.css'

export default function HomePage() {
  const { lessons, parts } = getCourse()
  const first = lessons[0]
  return (
    <main id="main" tabIndex={-1} className={styles.main}>
      <div className={styles.heroGrid}>
        <section className={styles.hero} aria-labelledby="hero-title">
          <p className={styles.eyebrow}>Real-time web protocols, on the real wire</p>
          <h1 id="hero-title" className={styles.title}>
            See what really crosses the network
          </h1>
          <p className={styles.lead}>
            Wirelab is a course and a playground for HTTP, polling, Server-Sent Events, WebSocket,
            SockJS and STOMP. Nothing is simulated: your browser talks to a real server and a real
            STOMP message broker running right here.
          </p>
          <ul className={styles.points}>
            <li>Short lessons that show the actual bytes, with the RFCs and specs behind every claim.</li>
            <li>
              A lab where you send real requests and frames and watch each one the server receives
              and answers, from a first GET to a STOMP chat room.
            </li>
          </ul>
          {first ? (
            <Link href={lessonHref(first.slug)} className={styles.cta}>
              Start lesson {first.number}
            </Link>
          ) : null}
        </section>
        <WirePreview />
      </div>
      <section aria-labelledby="course">
        <h2 id="course" className={styles.courseHeading}>
          The course
        </h2>
        <CourseMap parts={parts} />
      </section>
    </main>
  )
}
