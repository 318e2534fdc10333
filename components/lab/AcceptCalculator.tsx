'use client'

import { useId, useMemo, useState, type FormEvent } from 'react'
import type { Header } from '@/lib/stomp/frame'
import type { WsFrameEvent } from '@/lib/inspect/events'
import { acceptSteps, WS_GUID } from '@/lib/websocket/accept'
import { base64Encode } from '@/lib/websocket/base64'
import { toHex } from '@/lib/websocket/frame-header'
import { isHexError, parseHexOctets } from '@/lib/websocket/hex-octets'
import { sha1 } from '@/lib/websocket/sha1'
import { useFillTarget } from './exercise/LessonContext'
import { useLabSocket } from './useLabSocket'
import styles from './AcceptCalculator.module.css'

/**
 * "Compute the Accept yourself" (lesson 05): the learner's own WebSocket to /ws/echo, its upgrade
 * request as the server read it (the key highlighted), the 101 answer with the server's
 * `Sec-WebSocket-Accept` hidden until asked for, and two small tools, SHA-1 of a text and base64
 * of hex octets, that compute whatever they are given: which text to hash and which octets to
 * encode is the learner's part. A message box sends the result on that same connection.
 */
const encoder = new TextEncoder()
const MAX_SHOWN = 6

function pairs(hex: string): string {
  return hex.replace(/(..)(?=.)/g, '$1 ')
}

function HeadLines({ first, headers, hide }: { first: string; headers: readonly Header[]; hide?: boolean }) {
  return (
    <pre className={styles.pre} tabIndex={0}>
      <span className={styles.startLine}>{first}</span>
      {'\n'}
      {headers.map(([name, value], i) => {
        const lower = name.toLowerCase()
        const isKey = lower === 'sec-websocket-key'
        const isAccept = lower === 'sec-websocket-accept'
        return (
          <span key={i} className={isKey ? styles.keyLine : isAccept ? styles.acceptLine : undefined}>
            <span className={styles.hName}>{name}</span>:{' '}
            {isAccept && hide ? (
              <span className={styles.hidden} data-testid="calc-accept-hidden">
                hidden until you ask for it
              </span>
            ) : (
              <span data-testid={isAccept ? 'calc-server-accept' : isKey ? 'calc-key' : undefined}>{value}</span>
            )}
            {'\n'}
          </span>
        )
      })}
    </pre>
  )
}

function whitespaceNote(text: string): string | null {
  if (text === '') return null
  if (/^\s/.test(text) || /\s$/.test(text)) return 'Note: your text starts or ends with a space or line break, and it is hashed too.'
  if (/\s/.test(text)) return 'Note: your text contains a space or line break, and it is hashed too.'
  return null
}

export function AcceptCalculator() {
  const socket = useLabSocket('echo')
  const hs = socket.handshake
  const id = useId()
  const [toHash, setToHash] = useState('')
  const [hex, setHex] = useState('')
  const [message, setMessage] = useState('')
  const [revealed, setRevealed] = useState<string | null>(null)

  const serverAccept = hs ? (hs.responseHeaders.find(([n]) => n.toLowerCase() === 'sec-websocket-accept')?.[1] ?? hs.accept) : null
  const digest = useMemo(() => (toHash === '' ? null : toHex(sha1(encoder.encode(toHash)))), [toHash])
  const octets = useMemo(() => (hex.trim() === '' ? null : parseHexOctets(hex)), [hex])
  const base64 = octets && !isHexError(octets) ? base64Encode(octets.bytes) : null
  const texts = useMemo(() => socket.frames.filter((f): f is WsFrameEvent => f.opcode === 1 && f.fin).slice(-MAX_SHOWN), [socket.frames])
  const matched = serverAccept !== null && socket.frames.some((f) => f.dir === 'in' && f.preview.trim() === serverAccept)
  const show = hs !== null && (revealed === hs.conn || matched)

  useFillTarget('ws', undefined, () => {
    if (!hs) return
    const steps = acceptSteps(hs.key)
    setToHash(steps.concatenated)
    setHex(pairs(steps.sha1Hex))
    setMessage(steps.accept)
  })

  const send = (e: FormEvent) => {
    e.preventDefault()
    if (message !== '' && socket.send(message)) setMessage('')
  }
  const state = socket.status === 'open' ? 'open' : socket.status === 'closed' ? (socket.closeInfo ?? 'closed') : socket.status === 'connecting' ? 'connecting…' : 'starting the inspector…'
  const note = whitespaceNote(toHash)

  return (
    <div className={styles.calc} data-widget="accept-calculator">
      <div className={styles.bar}>
        <p className={styles.status}>
          <span className={`${styles.dot} ${socket.status === 'open' ? styles.dotOpen : ''}`} aria-hidden />
          WebSocket to <code>/ws/echo</code>: <span data-testid="calc-state">{state}</span>
          {hs ? (
            <span className={styles.muted}>
              {' '}
              · connection <code data-testid="calc-conn">{hs.conn}</code>
            </span>
          ) : null}
        </p>
        <button type="button" className={styles.button} onClick={socket.reconnect} disabled={socket.status === 'connecting' || socket.status === 'waiting'}>
          New connection
        </button>
      </div>

      {hs ? (
        <div className={styles.exchange}>
          <section className={`${styles.message} ${styles.up}`} aria-label="Your browser's upgrade request, as the server read it">
            <p className={styles.messageTitle}>Browser → server: the upgrade request</p>
            <HeadLines first={hs.requestLine} headers={hs.requestHeaders} />
          </section>
          <section className={`${styles.message} ${styles.down}`} aria-label="The server's answer">
            <p className={styles.messageTitle}>Server → browser: the answer</p>
            <HeadLines first={hs.statusLine} headers={hs.responseHeaders} hide={!show} />
            <div className={styles.reveal}>
              {show ? (
                matched ? (
                  <span className={styles.ok} data-testid="calc-match">
                    ✓ You sent this very value on {hs.conn}.
                  </span>
                ) : null
              ) : (
                <button type="button" className={styles.linkButton} onClick={() => setRevealed(hs.conn)}>
                  Show the server&apos;s Accept (it gives the answer away)
                </button>
              )}
            </div>
          </section>
        </div>
      ) : (
        <div className={styles.waiting} role="status">
          {socket.status === 'closed'
            ? `The connection closed before the inspector reported its handshake (${socket.closeInfo ?? 'closed'}).`
            : socket.unreported
              ? 'Your connection to /ws/echo is open, but the server\'s inspector has not reported its handshake.'
              : 'Waiting for the handshake of your connection to cross the wire…'}
        </div>
      )}

      <section className={styles.tools} aria-labelledby={`${id}-tools`}>
        <p id={`${id}-tools`} className={styles.toolsTitle}>
          Your calculator
        </p>
        <p className={styles.guid}>
          The GUID of RFC 6455 §1.3: <code className={styles.select}>{WS_GUID}</code>
        </p>

        <div className={styles.tool}>
          <label htmlFor={`${id}-hash`} className={styles.toolLabel}>
            <span className={styles.stepNo} aria-hidden>
              1
            </span>
            SHA-1 of a text (hashes exactly what you type)
          </label>
          <textarea id={`${id}-hash`} className={styles.input} rows={2} value={toHash} onChange={(e) => setToHash(e.target.value)} spellCheck={false} autoComplete="off" placeholder="the text to hash" />
          <p className={styles.result}>
            <span className={styles.muted}>
              {encoder.encode(toHash).length} octets in → SHA-1, 20 octets (hex):
            </span>{' '}
            <code className={`${styles.select} ${styles.value}`} data-testid="calc-sha1">
              {digest ? pairs(digest) : '—'}
            </code>
          </p>
          {note ? <p className={styles.warn}>{note}</p> : null}
        </div>

        <div className={styles.tool}>
          <label htmlFor={`${id}-hex`} className={styles.toolLabel}>
            <span className={styles.stepNo} aria-hidden>
              2
            </span>
            base64 of octets written in hex
          </label>
          <input id={`${id}-hex`} className={styles.input} value={hex} onChange={(e) => setHex(e.target.value)} spellCheck={false} autoComplete="off" placeholder="e.g. 01 02 ff" />
          <p className={styles.result}>
            <span className={styles.muted}>{octets && !isHexError(octets) ? `${octets.bytes.length} octets` : 'octets'} → base64:</span>{' '}
            <code className={`${styles.select} ${styles.value}`} data-testid="calc-base64">
              {base64 ?? '—'}
            </code>
          </p>
          {octets && isHexError(octets) ? (
            <p className={styles.warn} role="alert">
              {octets.error.replace(/`/g, '')}
            </p>
          ) : null}
        </div>

        <form className={styles.tool} onSubmit={send}>
          <label htmlFor={`${id}-msg`} className={styles.toolLabel}>
            <span className={styles.stepNo} aria-hidden>
              3
            </span>
            A text message for this connection{hs ? ` (${hs.conn})` : ''}
          </label>
          <div className={styles.row}>
            <input id={`${id}-msg`} className={styles.input} value={message} onChange={(e) => setMessage(e.target.value)} spellCheck={false} autoComplete="off" placeholder="your Accept" />
            <button type="submit" className={styles.primary} disabled={socket.status !== 'open' || message === ''}>
              Send
            </button>
          </div>
        </form>
      </section>

      <section aria-label="Text messages on this connection" className={styles.log}>
        {texts.length === 0 ? (
          <p className={styles.muted}>No message yet on this connection. What you send comes back: /ws/echo echoes it.</p>
        ) : (
          <ol className={styles.frames}>
            {texts.map((f, i) => (
              <li key={`${f.t}-${i}`} className={f.dir === 'in' ? styles.sent : styles.echoed}>
                <span className={styles.dir}>{f.dir === 'in' ? '↑ you sent' : '↓ echoed'}</span> <code>{f.preview}</code>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  )
}
