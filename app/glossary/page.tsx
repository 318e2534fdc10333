import type { Metadata } from 'next'
import { Glossary } from '@/components/layout/Glossary'
import { glossary } from '@/lib/glossary/terms'
import { getCourse } from '../_lib/load-course'
import styles from './glossary.module.css'

export const metadata: Metadata = { title: 'Glossary', description: 'The terms of the Wirelab course, from CRLF to heart-beat, each with the lesson that explains it.' }

export default function GlossaryPage() {
  const titles: Record<string, string> = {}
  for (const lesson of getCourse().lessons) titles[lesson.slug] = lesson.title
  return (
    <main id="main" tabIndex={-1} className={styles.main}>
      <h1 className={styles.title}>Glossary</h1>
      <p className={styles.lead}>The words the lessons use, in one line each. A dotted underline in a lesson links here.</p>
      <Glossary terms={glossary} lessonTitles={titles} />
    </main>
  )
}
