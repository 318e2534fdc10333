'use client'

import styles from './FeedLab.module.css'

function lineClass(line: string): string | undefined {
  if (line.startsWith(':')) return styles.lineComment
  if (line.startsWith('id:')) return styles.lineId
  if (line.startsWith('retry:')) return styles.lineRetry
  if (line.startsWith('event:') || line.startsWith('data:')) return styles.lineField
  return undefined
}

/**
 * Stream text exactly as written, one line per line with its `\n` shown, coloured by kind:
 * `id:` lines, `event:`/`data:` fields, `retry:`, comments (`:` lines). Works for NDJSON too
 * (every line plain).
 */
export function RawStream({ text, partial = false }: { text: string; partial?: boolean }) {
  const lines = text.split('\n')
  const rest = lines.pop() ?? ''
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          <span className={lineClass(line)}>{line}</span>
          <span className={styles.eol}>\n</span>
          {'\n'}
        </span>
      ))}
      {rest ? <span className={lineClass(rest)}>{rest}</span> : null}
      {partial ? <span className={styles.eol}> …</span> : null}
    </>
  )
}
