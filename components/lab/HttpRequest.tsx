'use client'

import { useCallback, useId, useMemo, useRef, useState } from 'react'
import type { HttpExchangeEvent } from '@/lib/inspect/events'
import { isForbiddenRequestHeader, isRequestTextError, parseRequestText, type RequestText } from '@/lib/inspect/http-request-text'
import type { Header } from '@/lib/stomp/frame'
import { useFillTarget } from './exercise/LessonContext'
import { useClientId, withClientId } from './useClientId'
import { useInspect } from './useInspect'
import styles from './HttpRequest.module.css'

/**
 * The raw request viewer: the learner writes an HTTP request by hand (request line, headers,
 * blank line, body), the browser sends it to Wirelab's lab, and the widget shows what really
 * crossed the wire — the request exactly as the server read it (from /lab/echo's answer, or the
 * inspector's http.exchange), the response head, the octets each way and the TCP connection it
 * travelled on (keep-alive shows as the same connection id twice).
 */
export interface HttpRequestProps {
  /** The request the box starts with. */
  readonly example?: string
}

const DEFAULT_EXAMPLE = 'GET /lab/echo\nAccept: application/json\n'

interface Sent {
  readonly n: number
  readonly request: RequestText
  /** The URL fetched (cid added). */
  readonly url: string
  readonly status: 'pending' | 'done' | 'failed'
  readonly response?: { readonly status: number; readonly statusText: string; readonly headers: readonly Header[]; readonly body: string }
  readonly error?: string
}

interface EchoBody {
  readonly request: { readonly line: string; readonly headers: readonly Header[]; readonly body: string; readonly bodyBytes: number; readonly bodyEncoding?: string }
  readonly response: { readonly statusLine: string; readonly headers: readonly Header[] }
}

function asEcho(body: string): EchoBody | null {
  try {
    const value = JSON.parse(body) as Partial<EchoBody>
    return value.request && value.response ? (value as EchoBody) : null
  } catch {
    return null
  }
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

/** The exchange the inspector reported for this sent request (same method and URL, in order). */
function matchExchanges(sent: readonly Sent[], exchanges: readonly HttpExchangeEvent[]): Map<number, HttpExchangeEvent> {
  const out = new Map<number, HttpExchangeEvent>()
  const used = new Set<HttpExchangeEvent>()
  for (const s of sent) {
    const path = new URL(s.url, 'http://x').pathname + new URL(s.url, 'http://x').search
    const found = exchanges.find((e) => !used.has(e) && e.method === s.request.method && e.url === path)
    if (found) {
      used.add(found)
      out.set(s.n, found)
    }
  }
  return out
}

function Lines({ first, headers, body, crlf }: { first: string; headers: readonly Header[]; body?: string; crlf: boolean }) {
  const eol = crlf ? <span className={styles.eol}>\r\n</span> : null
  return (
    <pre className={styles.pre} tabIndex={0}>
      <span className={styles.startLine}>{first}</span>
      {eol}
      {'\n'}
      {headers.map(([name, value], i) => (
        <span key={i}>
          <span className={styles.hName}>{name}</span>: {value}
          {eol}
          {'\n'}
        </span>
      ))}
      {eol}
      {body ? `\n${body}` : ''}
    </pre>
  )
}

export function HttpRequest({ example = DEFAULT_EXAMPLE }: HttpRequestProps) {
  const cid = useClientId()
  const id = useId()
  const [text, setText] = useState(example.replace(/\\n/g, '\n'))
  const [sent, setSent] = useState<readonly Sent[]>([])
  const counter = useRef(0)
  const inspect = useInspect(cid === null ? null : { clients: [cid], types: ['http.exchange'] })
  const parsed = useMemo(() => parseRequestText(text), [text])
  useFillTarget('http', undefined, setText)

  const exchanges = useMemo(() => inspect.events.filter((e): e is HttpExchangeEvent => e.type === 'http.exchange'), [inspect.events])
  const matched = useMemo(() => matchExchanges(sent, exchanges), [sent, exchanges])

  const send = useCallback(async () => {
    if (cid === null || isRequestTextError(parsed)) return
    const n = ++counter.current
    const url = withClientId(parsed.target, cid)
    setSent((list) => [...list.slice(-4), { n, request: parsed, url, status: 'pending' }])
    const update = (patch: Partial<Sent>) => setSent((list) => list.map((s) => (s.n === n ? { ...s, ...patch } : s)))
    try {
      const headers = new Headers()
      for (const [name, value] of parsed.headers) if (!isForbiddenRequestHeader(name)) headers.append(name, value)
      const response = await fetch(url, { method: parsed.method, headers, body: parsed.body === '' ? undefined : parsed.body, cache: 'no-store' })
      const body = await response.text()
      update({ status: 'done', response: { status: response.status, statusText: response.statusText, headers: [...response.headers.entries()], body } })
    } catch (error) {
      update({ status: 'failed', error: error instanceof Error ? error.message : String(error) })
    }
  }, [cid, parsed])

  const forbidden = isRequestTextError(parsed) ? [] : parsed.headers.filter(([name]) => isForbiddenRequestHeader(name)).map(([name]) => name)
  const last = sent.at(-1)
  const lastExchange = last ? matched.get(last.n) : undefined
  const echo = last?.response ? asEcho(last.response.body) : null

  return (
    <div className={styles.widget} data-widget="http-request">
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault()
          void send()
        }}
      >
        <label className={styles.label} htmlFor={`${id}-text`}>
          Your request (request line, headers, a blank line, then the body)
        </label>
        <textarea
          id={`${id}-text`}
          className={styles.text}
          value={text}
          spellCheck={false}
          rows={Math.min(12, Math.max(5, text.split('\n').length + 1))}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              void send()
            }
          }}
          aria-describedby={`${id}-problem`}
        />
        <div className={styles.bar}>
          <button type="submit" className={styles.primary} disabled={cid === null || isRequestTextError(parsed)}>
            Send request
          </button>
          <span id={`${id}-problem`} className={isRequestTextError(parsed) ? styles.problem : styles.hint} role={isRequestTextError(parsed) ? 'alert' : undefined}>
            {isRequestTextError(parsed)
              ? `Line ${parsed.line}: ${parsed.message.replaceAll('`', '')}`
              : forbidden.length > 0
                ? `${forbidden.join(', ')}: the browser writes ${forbidden.length === 1 ? 'this header' : 'these headers'} itself and ignores yours.`
                : 'Ctrl+Enter sends. Host, Connection and Content-Length are written by the browser.'}
          </span>
        </div>
      </form>

      {last && (
        <div className={styles.exchange} aria-live="polite">
          <section className={`${styles.message} ${styles.up}`} aria-label="The request as the server read it">
            <p className={styles.messageTitle}>Request, as the server read it</p>
            {echo ? (
              <Lines first={echo.request.line} headers={echo.request.headers} body={echo.request.bodyEncoding ? `(base64) ${echo.request.body}` : echo.request.body} crlf />
            ) : lastExchange ? (
              <Lines first={`${lastExchange.method} ${lastExchange.url} HTTP/${lastExchange.httpVersion}`} headers={lastExchange.requestHeaders} body={lastExchange.requestBodyBytes > 0 ? `(${lastExchange.requestBodyBytes} octets of body)` : undefined} crlf />
            ) : (
              <p className={styles.waiting}>{last.status === 'failed' ? `The request failed: ${last.error}` : 'Waiting for the server…'}</p>
            )}
          </section>
          <section className={`${styles.message} ${styles.down}`} aria-label="The response">
            <p className={styles.messageTitle}>Response</p>
            {echo ? (
              <Lines first={echo.response.statusLine} headers={echo.response.headers} crlf />
            ) : last.response ? (
              <Lines first={`HTTP/1.1 ${last.response.status} ${last.response.statusText}`} headers={lastExchange?.responseHeaders ?? last.response.headers} body={pretty(last.response.body).slice(0, 4000)} crlf={lastExchange !== undefined} />
            ) : (
              <p className={styles.waiting}>{last.status === 'failed' ? 'No response.' : 'Waiting…'}</p>
            )}
          </section>
        </div>
      )}

      {sent.length > 0 && (
        <table className={styles.history}>
          <caption className={styles.caption}>Your requests on the wire (newest last)</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Request</th>
              <th scope="col">Status</th>
              <th scope="col">TCP connection</th>
              <th scope="col">Octets up / down</th>
            </tr>
          </thead>
          <tbody>
            {sent.map((s, i) => {
              const ex = matched.get(s.n)
              const previous = i > 0 ? matched.get(sent[i - 1].n) : undefined
              const reused = ex !== undefined && previous !== undefined && previous.conn === ex.conn
              return (
                <tr key={s.n} data-conn={ex?.conn}>
                  <td>{s.n}</td>
                  <td>
                    <code>
                      {s.request.method} {s.request.target}
                    </code>
                  </td>
                  <td>{s.response ? s.response.status : s.status === 'failed' ? 'failed' : '…'}</td>
                  <td>
                    {ex ? <code>{ex.conn}</code> : '…'}
                    {reused ? <span className={styles.reused}> same as #{sent[i - 1].n} (kept alive)</span> : null}
                  </td>
                  <td>{ex ? `${ex.bytesIn} / ${ex.bytesOut}` : '…'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </div>
  )
}
