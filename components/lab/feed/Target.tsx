import { Fragment } from 'react'
import styles from './FeedLab.module.css'

/** A request target that wraps only before `?` and `&`: `long-poll` / `?since=4` / `&timeout=5000`. */
export function Target({ method, target }: { method: string; target: string }) {
  const parts = target.split(/(?=[?&])/)
  return (
    <code className={styles.target}>
      {method}{' '}
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </code>
  )
}
