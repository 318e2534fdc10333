'use client'

import { useId, useMemo } from 'react'
import { acceptSteps, WS_GUID } from '@/lib/websocket/accept'
import styles from '../HandshakeView.module.css'

function pairs(hex: string): string {
  return hex.replace(/(..)(?=.)/g, '$1 ')
}

/**
 * The Accept computed in this browser (lib/websocket's SHA-1 and base64, RFC 6455 §4.2.2 step 5.4)
 * from the key the server reported, beside the value the server sent.
 */
export function AcceptSteps({ wsKey, serverAccept }: { wsKey: string; serverAccept: string }) {
  const steps = useMemo(() => acceptSteps(wsKey), [wsKey])
  const match = steps.accept === serverAccept
  const titleId = useId()
  return (
    <section className={styles.steps} aria-labelledby={titleId}>
      <p id={titleId} className={styles.stepsTitle}>
        Sec-WebSocket-Accept, computed in your browser
      </p>
      <ol className={styles.stepList}>
        <li>
          <span className={styles.stepNo} aria-hidden>1</span>
          <span className={styles.stepName}>The key your browser sent</span>
          <code className={`${styles.stepValue} ${styles.keyValue}`} data-testid="accept-key">
            {steps.key}
          </code>
        </li>
        <li>
          <span className={styles.stepNo} aria-hidden>2</span>
          <span className={styles.stepName}>+ the fixed GUID of RFC 6455</span>
          <code className={styles.stepValue}>
            <span className={styles.keyValue}>{steps.key}</span>
            <span className={styles.guid}>{WS_GUID}</span>
          </code>
        </li>
        <li>
          <span className={styles.stepNo} aria-hidden>3</span>
          <span className={styles.stepName}>SHA-1 of that string (20 octets, hex)</span>
          <code className={styles.stepValue} data-testid="accept-sha1">
            {pairs(steps.sha1Hex)}
          </code>
        </li>
        <li>
          <span className={styles.stepNo} aria-hidden>4</span>
          <span className={styles.stepName}>base64 of the 20 octets</span>
          <code className={`${styles.stepValue} ${styles.acceptValue}`} data-testid="accept-computed">
            {steps.accept}
          </code>
        </li>
      </ol>
      <p className={styles.verdict} data-testid="accept-verdict" data-match={String(match)}>
        <span className={styles.stepNo} aria-hidden>
          =
        </span>
        <span className={styles.stepName}>The server sent</span>
        <code className={`${styles.stepValue} ${styles.acceptValue}`} data-testid="accept-server">
          {serverAccept}
        </code>
        {match ? <span className={styles.ok}>✓ match</span> : <span className={styles.bad}>✗ different: the browser would refuse this connection</span>}
      </p>
      <p className={styles.note}>
        The Accept proves the server read <em>this</em> request as a WebSocket handshake (a cache or a plain HTTP server
        could not answer it). It is not security: anyone can compute it, as you just did.
      </p>
    </section>
  )
}
