import type { ReactNode } from 'react'
import { findTerm } from '@/lib/glossary/terms'
import styles from './mdx.module.css'

/**
 * `<Term id="keep-alive">keep-alive</Term>`: a word of the glossary, linked to its entry on
 * /glossary; its definition is the link's description (hover, and screen readers read it).
 * The validator checks the id exists.
 */
export function Term({ id, children }: { id?: string; children?: ReactNode }) {
  const term = id ? findTerm(id) : undefined
  if (!term) return <>{children}</>
  return (
    <a href={`/glossary#${term.id}`} className={styles.term} title={term.definition.replaceAll('`', '')}>
      {children ?? term.term}
    </a>
  )
}
