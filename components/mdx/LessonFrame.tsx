import type { ReactNode } from 'react'
import styles from './mdx.module.css'

/**
 * The fixed frame of every lesson (the validator requires both): what the learner will get out
 * of it, at the top, and what to keep, at the end. Their content is Markdown (usually a list).
 */
export function YouWillLearn({ children }: { children?: ReactNode }) {
  return (
    <section className={`${styles.frameBox} ${styles.learn}`} aria-label="You will learn">
      <p className={styles.frameTitle}>You will learn</p>
      {children}
    </section>
  )
}

/** The recap is a section of the page: its heading is an h2 like every section's. */
export function Recap({ children }: { children?: ReactNode }) {
  return (
    <section className={`${styles.frameBox} ${styles.recap}`} aria-labelledby="recap">
      <h2 id="recap" className={styles.frameHeading}>
        Recap
      </h2>
      {children}
    </section>
  )
}
