import type { ReactNode } from 'react'
import styles from './mdx.module.css'

export const calloutTypes = {
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  misconception: 'Common misconception',
} as const

export type CalloutType = keyof typeof calloutTypes

type CalloutProps = { type?: CalloutType; title?: string; children?: ReactNode }

/**
 * A highlighted aside in the flow of a lesson. The kind is spelled out in text (not only a
 * colour or an icon), and role="note" tells assistive technology it is supplementary.
 */
export function Callout({ type = 'note', title, children }: CalloutProps) {
  const kind = Object.hasOwn(calloutTypes, type) ? type : 'note'
  return (
    <div role="note" className={`${styles.callout} ${styles[kind]}`} data-callout={kind}>
      <p className={styles.calloutTitle}>
        <span className={styles.calloutKind}>{calloutTypes[kind]}</span>
        {title ? (
          <>
            <span className="visually-hidden">: </span>
            <span className={styles.calloutHeading}>{title}</span>
          </>
        ) : null}
      </p>
      <div className={styles.calloutBody}>{children}</div>
    </div>
  )
}
