'use client'

import { useEffect, useState } from 'react'
import { computeAcceptSteps, WS_GUID, type AcceptSteps as Steps } from '../accept-steps'
import styles from '../HandshakeView.module.css'

function pairs(hex: string): string {
  return hex.replace(/(..)(?=.)/g, '$1 ')
}

/** The Accept computed in this browser from the key the server reported, beside the server's value. */
export function AcceptSteps({ wsKey, serverAccept }: { wsKey: string; serverAccept: string }) {
  const [steps, setSteps] = useState<Steps | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    computeAcceptSteps(wsKey).then(
      (s) => live && setSteps(s),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    )
    return () => {
      live = false
    }
  }, [wsKey])

  const match = steps !== null && steps.accept === serverAccept
  return (
    <section className={styles.steps} aria-labelledby="accept-steps-title">
      <h4 id="accept-steps-title" className={styles.stepsTitle}>
        Sec-WebSocket-Accept, computed in your browser
      </h4>
      <ol className={styles.stepList}>
        <li>
          <span className={styles.stepNo} aria-hidden>1</span>
          <span className={styles.stepName}>The key your browser sent</span>
          <code className={`${styles.stepValue} ${styles.keyValue}`} data-testid="accept-key">
            {wsKey}
          </code>
        </li>
        <li>
          <span className={styles.stepNo} aria-hidden>2</span>
          <span className={styles.stepName}>+ the fixed GUID of RFC 6455</span>
          <code className={styles.stepValue}>
            <span className={styles.keyValue}>{wsKey}</span>
            <span className={styles.guid}>{WS_GUID}</span>
          </code>
        </li>
        <li>
          <span className={styles.stepNo} aria-hidden>3</span>
          <span className={styles.stepName}>SHA-1 of that string (20 octets, hex)</span>
          <code className={styles.stepValue} data-testid="accept-sha1">
            {steps ? pairs(steps.sha1Hex) : error ? `Web Crypto failed: ${error}` : '…'}
          </code>
        </li>
        <li>
          <span className={styles.stepNo} aria-hidden>4</span>
          <span className={styles.stepName}>base64 of the 20 octets</span>
          <code className={`${styles.stepValue} ${styles.acceptValue}`} data-testid="accept-computed">
            {steps ? steps.accept : '…'}
          </code>
        </li>
      </ol>
      <p className={styles.verdict} data-testid="accept-verdict" data-match={steps ? String(match) : undefined}>
        <span className={styles.stepNo} aria-hidden>
          =
        </span>
        <span className={styles.stepName}>The server sent</span>
        <code className={`${styles.stepValue} ${styles.acceptValue}`} data-testid="accept-server">
          {serverAccept}
        </code>
        {steps ? (
          match ? (
            <span className={styles.ok}>✓ match</span>
          ) : (
            <span className={styles.bad}>✗ different: the browser would refuse this connection</span>
          )
        ) : null}
      </p>
      <p className={styles.note}>
        The Accept proves the server read <em>this</em> request as a WebSocket handshake (a cache or a plain HTTP server
        could not answer it). It is not security: anyone can compute it, as you just did.
      </p>
    </section>
  )
}
