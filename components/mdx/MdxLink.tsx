import Link from 'next/link'
import type { ComponentPropsWithoutRef } from 'react'
import styles from './mdx.module.css'

const external = /^[a-z][a-z0-9+.-]*:/i

/**
 * Links in lessons: site paths go through next/link; anything with a scheme (RFCs, MDN…) opens
 * in a new tab with rel=noopener and says so to screen readers.
 */
export function MdxLink({ href = '', children, ...rest }: ComponentPropsWithoutRef<'a'>) {
  if (href.startsWith('/')) {
    return (
      <Link href={href} {...rest}>
        {children}
      </Link>
    )
  }
  if (!external.test(href)) {
    return (
      <a href={href} {...rest}>
        {children}
      </a>
    )
  }
  return (
    <a href={href} {...rest} target="_blank" rel="noopener noreferrer" className={styles.external}>
      {children}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  )
}
