import Link from 'next/link'
import type { GlossaryTerm } from '@/lib/glossary/terms'
import { InlineText } from '../ui/InlineText'
import { lessonHref } from './course-types'
import styles from './Glossary.module.css'

/** The glossary: every term lessons link with <Term>, its definition, and the lesson that explains it. */
export function Glossary({ terms, lessonTitles }: { terms: readonly GlossaryTerm[]; lessonTitles: Readonly<Record<string, string>> }) {
  return (
    <dl className={styles.list}>
      {terms.map((term) => {
        const title = term.lesson ? lessonTitles[term.lesson] : undefined
        return (
          <div key={term.id} id={term.id} className={styles.entry}>
            <dt className={styles.term}>{term.term}</dt>
            <dd className={styles.definition}>
              <InlineText text={term.definition} />
              {title && term.lesson ? (
                <>
                  {' '}
                  <Link href={lessonHref(term.lesson)} className={styles.lesson}>
                    Lesson: {title}
                  </Link>
                </>
              ) : null}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
