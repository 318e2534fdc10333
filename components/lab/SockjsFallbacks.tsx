'use client'

import { useCallback, useId, useMemo, useRef, useState } from 'react'
import type { SockjsFrameEvent } from '@/lib/inspect/events'
import { newEventsSince } from '@/lib/inspect/reduce'
import { decodeClientMessages, decodeSockjsFrame } from '@/lib/sockjs/frames'
import { parseTransportList, sessionView, unknownTransports } from '@/lib/sockjs/session-view'
import { useFillTarget } from './exercise/LessonContext'
import { useSockjsSession } from './sockjs/useSockjsSession'
import { useClientId } from './useClientId'
import { useInspect } from './useInspect'
import { useStickToBottom } from './useStickToBottom'
import styles from './SockjsFallbacks.module.css'

/**
 * Lesson 07's widget: a sockjs-client session to the lab's /sockjs/feed (a ticker of the tab's
 * own) with the `transports` option the learner types, and what really crossed the wire for it:
 * the SockJS frames the server wrote and the client sent (sockjs.frame) and every HTTP request
 * the session cost (http.exchange, the upgrade's ws.handshake). Solution target `sockjs`:
 * `"<transports>\n<message>"`.
 */
export interface SockjsFallbacksProps {
  /** Ticker period in ms (default 2000). */
  readonly rate?: string
}

const CHOICES = ['', 'websocket', 'xhr-streaming', 'xhr-polling', 'eventsource'] as const
const FRAME_MEANING: Record<SockjsFrameEvent['kind'], string> = { o: 'open', h: 'heartbeat', a: 'messages', c: 'close', m: 'sent by you' }
const CLOSE_MEANING: Record<number, string> = {
  1000: 'closed normally',
  2000: 'none of the allowed transports could be used: sockjs-client skips names it does not know, without a word',
  3000: 'the server closed the session',
}

export function SockjsFallbacks({ rate = '2000' }: SockjsFallbacksProps) {
  const cid = useClientId()
  const id = useId()
  const [transports, setTransports] = useState('')
  const [text, setText] = useState('hello over SockJS')
  const inspect = useInspect(cid === null ? null : { clients: [cid], types: ['sockjs.frame', 'http.exchange', 'ws.handshake'] })
  const receivedRef = useRef(0)
  receivedRef.current = inspect.received
  const received = useCallback(() => receivedRef.current, [])
  const feed = cid === null ? 'lobby' : `ticker-${cid}`
  const { attempt, connect, disconnect, send } = useSockjsSession(cid, feed, rate, received)
  useFillTarget('sockjs', undefined, (value) => {
    const [list, message] = value.split('\n')
    setTransports(list ?? '')
    if (message) setText(message)
  })

  const allowed = useMemo(() => parseTransportList(transports), [transports])
  const unknown = useMemo(() => unknownTransports(allowed), [allowed])
  const session = attempt?.sessions.at(-1)
  const view = useMemo(() => (attempt && session ? sessionView(newEventsSince(inspect, attempt.mark), session) : null), [attempt, session, inspect])
  const open = attempt?.state === 'open'
  const busy = attempt?.state === 'loading' || attempt?.state === 'connecting'
  const frames = view?.frames.slice(-40) ?? []
  const requests = view?.requests ?? []
  const perMessage = view && view.messages > 0 ? (requests.length / view.messages).toFixed(1) : '–'
  const stick = useStickToBottom<HTMLOListElement>(frames.length)
  const stickRequests = useStickToBottom<HTMLOListElement>(requests.length)
  const option = allowed.length === 0 ? '{}' : `{ transports: [${allowed.map((t) => `'${t}'`).join(', ')}] }`

  return (
    <div className={styles.widget} data-widget="sockjs-fallbacks">
      <form
        className={styles.controls}
        onSubmit={(e) => {
          e.preventDefault()
          void connect(allowed)
        }}
      >
        <label className={styles.label} htmlFor={`${id}-transports`}>
          Allowed transports <span className={styles.muted}>(empty: every transport, SockJS picks)</span>
        </label>
        <div className={styles.row}>
          <input id={`${id}-transports`} className={styles.input} value={transports} spellCheck={false} autoComplete="off" placeholder="any" onChange={(e) => setTransports(e.target.value)} aria-describedby={`${id}-code`} />
          <button type="submit" className={styles.primary} disabled={cid === null || busy}>
            {open ? 'Reconnect' : 'Connect'}
          </button>
          <button type="button" className={styles.secondary} disabled={!attempt || attempt.state === 'closed'} onClick={disconnect}>
            Disconnect
          </button>
        </div>
        <div className={styles.chips} role="group" aria-label="Quick choices">
          {CHOICES.map((c) => (
            <button key={c || 'any'} type="button" className={styles.chip} aria-pressed={transports.trim() === c} onClick={() => setTransports(c)}>
              {c || 'any'}
            </button>
          ))}
        </div>
        <code id={`${id}-code`} className={styles.code}>
          new SockJS(&apos;/sockjs/feed?feed=…&amp;cid=…&apos;, null, {option})
        </code>
        {unknown.length > 0 && (
          <p className={styles.warn} role="alert">
            {unknown.map((u) => `“${u.name}” is not a transport sockjs-client knows${u.guess ? ` (did you mean ${u.guess}?)` : ''}`).join('; ')}. It will be skipped
            without an error.
          </p>
        )}
      </form>

      <p className={styles.status} role="status" data-state={attempt?.state ?? 'idle'}>
        <Status attempt={attempt} transport={view?.transport ?? null} />
      </p>

      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault()
          if (text.trim() !== '') send(text)
        }}
      >
        <label className={styles.srOnly} htmlFor={`${id}-text`}>
          Message to send
        </label>
        <input id={`${id}-text`} className={styles.input} value={text} onChange={(e) => setText(e.target.value)} disabled={!open} />
        <button type="submit" className={styles.secondary} disabled={!open || text.trim() === ''}>
          Send
        </button>
      </form>

      <dl className={styles.stats} aria-label="This session so far">
        <div>
          <dt>Messages received</dt>
          <dd data-testid="sockjs-messages">{view?.messages ?? 0}</dd>
        </div>
        <div>
          <dt>HTTP requests</dt>
          <dd data-testid="sockjs-requests">{requests.length}</dd>
        </div>
        <div>
          <dt>Requests per message</dt>
          <dd>{perMessage}</dd>
        </div>
      </dl>

      <div className={styles.panels}>
        <section className={styles.panel} aria-label="SockJS frames">
          <p className={styles.panelTitle}>SockJS frames {view?.transport ? `over ${view.transport}` : ''}</p>
          {frames.length === 0 ? (
            <p className={styles.empty}>No frame yet.</p>
          ) : (
            <ol className={styles.frames} ref={stick.ref} onScroll={stick.onScroll} tabIndex={0} aria-label="SockJS frames, oldest first">
              {frames.map((f, i) => (
                <li key={`${f.t}-${i}`} className={f.dir === 'in' ? styles.up : styles.down} data-kind={f.kind}>
                  <span className={styles.arrow} aria-hidden="true">
                    {f.dir === 'in' ? '↑' : '↓'}
                  </span>
                  <span className={styles.srOnly}>{f.dir === 'in' ? 'client to server: ' : 'server to client: '}</span>
                  <code className={styles.preview}>{f.preview}</code>
                  <span className={styles.via}>
                    {frameMeaning(f)} · {f.transport}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className={styles.panel} aria-label="HTTP requests of this session">
          <p className={styles.panelTitle}>HTTP requests</p>
          {requests.length === 0 ? (
            <p className={styles.empty}>None yet.</p>
          ) : (
            <ol className={styles.requests} ref={stickRequests.ref} onScroll={stickRequests.onScroll} tabIndex={0} aria-label="HTTP requests, oldest first">
              {requests.map((r, i) => (
                <li key={i} data-endpoint={r.endpoint}>
                  <code>
                    {r.method} …/{r.endpoint}
                  </code>
                  <span className={styles.muted}>{r.status === null ? 'open: the response is the stream' : r.status === 101 ? '101 upgrade: no more HTTP' : `${r.status}${r.bytesDown === null ? '' : ` · ${r.bytesDown} B down`}`}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  )
}

/** What a frame says, decoded: `messages: “tick 5”`, `sent: “hello”`, `open` … */
function frameMeaning(f: SockjsFrameEvent): string {
  const texts = f.kind === 'a' ? messagesOf(f.preview) : f.kind === 'm' ? decodeClientMessages(f.preview) : null
  if (!texts || texts.length === 0) return FRAME_MEANING[f.kind]
  const shown = texts.map((t) => `“${feedText(t)}”`).join(', ')
  return f.kind === 'a' ? `message${texts.length === 1 ? '' : 's'}: ${shown}` : `sent by you: ${shown}`
}

function messagesOf(preview: string): readonly string[] | null {
  const d = decodeSockjsFrame(preview)
  return d.ok && d.frame.kind === 'a' ? d.frame.messages : null
}

/** A feed message's text (`{"id":…,"text":"tick 5",…}`), or the message itself. */
function feedText(message: string): string {
  try {
    const v = JSON.parse(message) as { text?: unknown }
    return typeof v.text === 'string' ? v.text : message
  } catch {
    return message
  }
}

function Status({ attempt, transport }: { attempt: ReturnType<typeof useSockjsSession>['attempt']; transport: string | null }) {
  if (!attempt) return <>Not connected. Choose the transports, then Connect.</>
  if (attempt.state === 'loading') return <>Loading sockjs-client…</>
  if (attempt.state === 'connecting') return <>Connecting: asking /info, then trying {attempt.allowed.length === 0 ? 'each transport in turn' : attempt.allowed.join(', ')}…</>
  if (attempt.state === 'open') {
    return (
      <>
        Open over <strong>{transport ?? attempt.transport}</strong>
        {attempt.allowed.length === 0 ? ' (SockJS picked it: every transport was allowed)' : ' (forced)'}
      </>
    )
  }
  if (attempt.error) return <>Could not start: {attempt.error}</>
  const close = attempt.close
  return (
    <>
      Closed{close ? ` ${close.code} ${close.reason}` : ''}
      {close && CLOSE_MEANING[close.code] ? `: ${CLOSE_MEANING[close.code]}.` : '.'}
    </>
  )
}
