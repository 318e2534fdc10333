'use client'

import type { ReactNode } from 'react'
import type { HttpExchangeEvent } from '@/lib/inspect/events'
import styles from './FeedLab.module.css'

/** An octet count as people read it: 612 B, 8.4 kB. */
export function octets(n: number): string {
  return n < 1000 ? `${n} B` : `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)} kB`
}

function Head({ first, headers }: { first: string; headers: readonly (readonly [string, string])[] }) {
  return (
    <>
      <span className={styles.startLine}>{first}</span>
      <span className={styles.eol}>\r\n</span>
      {'\n'}
      {headers.map(([name, value], i) => (
        <span key={i}>
          <span className={styles.hName}>{name}</span>: {value}
          <span className={styles.eol}>\r\n</span>
          {'\n'}
        </span>
      ))}
      <span className={styles.eol}>\r\n</span>
      {'\n'}
    </>
  )
}

/**
 * One exchange as it crossed the wire: the request head as the server read it, the response head
 * as the server wrote it, and the start of the body (the tap's preview), with the octet counts
 * that show how much of the cost is headers.
 */
export function ExchangeBytes({ exchange: e, body }: { exchange: HttpExchangeEvent; body?: ReactNode }) {
  const shownBody = body ?? e.responseBodyPreview ?? ''
  const bodyOctets = e.responseBodyBytes
  return (
    <div className={styles.bytes}>
      <section aria-label="Request as the server read it" className={styles.bytesPart}>
        <p className={styles.bytesTitle}>
          Request · {octets(e.bytesIn)} up{e.requestBodyBytes ? `, ${e.requestBodyBytes} B of body` : ', no body'}
        </p>
        <pre className={styles.pre} tabIndex={0}>
          <Head first={`${e.method} ${e.url} HTTP/${e.httpVersion}`} headers={e.requestHeaders} />
        </pre>
      </section>
      <section aria-label="Response as the server wrote it" className={styles.bytesPart}>
        <p className={styles.bytesTitle}>
          Response · {octets(e.bytesOut)} down, {bodyOctets} B of body ({Math.round((100 * (e.bytesOut - bodyOctets)) / Math.max(1, e.bytesOut))}% head and framing)
        </p>
        <pre className={styles.pre} tabIndex={0}>
          <Head first={`HTTP/${e.httpVersion} ${e.status} ${e.statusText}`} headers={e.responseHeaders} />
          {shownBody}
          {e.responseBodyTruncated ? <span className={styles.eol}> … (preview ends here)</span> : null}
        </pre>
      </section>
    </div>
  )
}
