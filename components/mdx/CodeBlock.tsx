import { isValidElement, type ComponentPropsWithoutRef, type ReactElement } from 'react'
import { codeLanguages, languageFromClassName } from './code-languages'
import { CopyButton } from './CopyButton'
import styles from './mdx.module.css'

type CodeChild = ReactElement<{ className?: string }>

/**
 * A fenced code block: a language label, a copy button, and the code (already highlighted at
 * build time by rehype-highlight). Long lines scroll inside the block, never the page; the
 * block is focusable so keyboard users can scroll it too.
 */
export function CodeBlock({ children, ...rest }: ComponentPropsWithoutRef<'pre'>) {
  const className = isValidElement(children) ? (children as CodeChild).props.className : undefined
  const language = languageFromClassName(className)
  const label = language ? codeLanguages[language].label : 'Code'
  return (
    <div className={styles.codeBlock} data-code-block="">
      <div className={styles.codeBar}>
        <span className={styles.codeLabel} data-language={language ?? ''}>
          {label}
        </span>
        <CopyButton />
      </div>
      <pre {...rest} className={styles.pre} tabIndex={0}>
        {children}
      </pre>
    </div>
  )
}

/** Inline `code` and the code element inside a block share this: the class carries the language. */
export function Code(props: ComponentPropsWithoutRef<'code'>) {
  return <code {...props} />
}
