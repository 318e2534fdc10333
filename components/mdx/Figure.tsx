import type { ReactNode } from 'react'
import styles from './mdx.module.css'

type FigureProps = { src?: string; alt?: string; caption?: string; children?: ReactNode }

/**
 * `<Figure src alt caption />` for an image, or `<Figure caption="…">…</Figure>` around a code
 * block, a table or a diagram. The validator requires `alt` whenever `src` is given.
 */
export function Figure({ src, alt, caption, children }: FigureProps) {
  return (
    <figure className={styles.figure}>
      {src ? <img src={src} alt={alt ?? ''} loading="lazy" className={styles.figureImage} /> : null}
      {children}
      {caption ? <figcaption className={styles.caption}>{caption}</figcaption> : null}
    </figure>
  )
}
