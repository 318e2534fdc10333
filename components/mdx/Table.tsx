import type { ComponentPropsWithoutRef } from 'react'
import styles from './mdx.module.css'

/** A table that scrolls inside its own box on narrow screens (focusable, so keyboards can scroll it). */
export function Table(props: ComponentPropsWithoutRef<'table'>) {
  return (
    <div className={styles.tableWrap} tabIndex={0} role="region" aria-label="Table">
      <table {...props} className={styles.table} />
    </div>
  )
}
