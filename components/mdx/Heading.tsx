import type { ComponentPropsWithoutRef, ReactNode } from 'react'
import styles from './mdx.module.css'

type Level = 1 | 2 | 3 | 4
type HeadingProps = ComponentPropsWithoutRef<'h2'> & { children?: ReactNode }

/**
 * A heading whose text is a link to itself (rehype-slug gives the id). The "#" is decorative
 * (aria-hidden), so the heading's accessible name is just its text.
 */
function makeHeading(level: Level) {
  const Tag = `h${level}` as const
  function Heading({ id, children, ...rest }: HeadingProps) {
    if (!id) return <Tag {...rest}>{children}</Tag>
    return (
      <Tag id={id} {...rest} className={styles.heading}>
        <a href={`#${id}`} className={styles.anchor}>
          {children}
          <span aria-hidden="true" className={styles.hash}>
            #
          </span>
        </a>
      </Tag>
    )
  }
  Heading.displayName = `MdxH${level}`
  return Heading
}

export const H1 = makeHeading(1)
export const H2 = makeHeading(2)
export const H3 = makeHeading(3)
export const H4 = makeHeading(4)
