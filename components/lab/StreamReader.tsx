'use client'

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { HttpExchangeEvent } from '@/lib/inspect/events'
import { feedPath } from '@/lib/inspect/poll-log'
import { ExchangeBytes } from './feed/ExchangeBytes'
import { tickerOf } from './feed/feed-client'
import { RawStream } from './feed/RawStream'
import { useClientId, withClientId } from './useClientId'
import { useInspect } from './useInspect'
import styles from './feed/FeedLab.module.css'

/**
 * One streaming response read by hand with `fetch()` and a body reader: the text exactly as it
 * arrives, chunk by chunk, from the tab's ticker — either as Server-Sent Events (`/sse`) or as
 * chunked NDJSON (`/stream`). No EventSource: no parsing, no reconnect. After Stop, the server's
 * own report of the exchange (its head, octets, chunk framing).
 */
type Format = 'sse' | 'stream'
const FORMATS: Record<Format, string> = { sse: 'text/event-stream (/sse)', stream: 'NDJSON, chunked (/stream)' }
const MAX_READ_MS = 20_000
const MAX_TEXT = 6000

export function StreamReader({ format: initial = 'stream' }: { format?: Format }) {
  const cid = useClientId()
  const [format, setFormat] = useState<Format>(initial === 'sse' ? 'sse' : 'stream')
  const [text, setText] = useState('')
  const [chunks, setChunks] = useState(0)
  const [head, setHead] = useState<string | null>(null)
  const [reading, setReading] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const abortRef = useRef<AbortController | null>(null)
  const inspect = useInspect(cid === null ? null : { clients: [cid], types: ['http.exchange'] })
  const feed = cid === null ? '' : tickerOf(cid)
  const url = feedPath(feed, format)

  const stop = useCallback(() => {
    abortRef.current?.abort()
    abortRef.current = null
    setReading(false)
  }, [])

  const start = useCallback(async () => {
    if (cid === null) return
    abortRef.current?.abort()
    const abort = new AbortController()
    abortRef.current = abort
    const timer = setTimeout(() => {
      abort.abort()
      setNote(`Stopped after ${MAX_READ_MS / 1000} s (the server would go on for ever).`)
    }, MAX_READ_MS)
    setText('')
    setChunks(0)
    setHead(null)
    setNote(null)
    setReading(true)
    try {
      const res = await fetch(withClientId(url, cid), { signal: abort.signal, cache: 'no-store' })
      setHead(`${res.status} ${res.statusText} · Content-Type: ${res.headers.get('content-type') ?? '—'}`)
      const reader = res.body?.getReader()
      const decoder = new TextDecoder()
      while (reader) {
        const { done, value } = await reader.read()
        if (done) break
        const piece = decoder.decode(value, { stream: true })
        setChunks((n) => n + 1)
        setText((t) => (t + piece).slice(-MAX_TEXT))
      }
    } catch (error) {
      if (!abort.signal.aborted) setNote(`The request failed: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      clearTimeout(timer)
      if (abortRef.current === abort) abortRef.current = null
      setReading(false)
    }
  }, [cid, url])

  useEffect(() => () => abortRef.current?.abort(), [])

  const last = useMemo(
    () => inspect.events.filter((e): e is HttpExchangeEvent => e.type === 'http.exchange' && e.lab === format && e.url.startsWith(`${url}?`)).at(-1),
    [inspect.events, format, url],
  )

  return (
    <div className={styles.widget} data-widget="stream-reader">
      <div className={styles.controls}>
        <label className={styles.field}>
          <span>Read the ticker as</span>
          <select value={format} onChange={(e) => setFormat(e.target.value === 'sse' ? 'sse' : 'stream')} disabled={reading}>
            {(Object.keys(FORMATS) as Format[]).map((f) => (
              <option key={f} value={f}>
                {FORMATS[f]}
              </option>
            ))}
          </select>
        </label>
        {reading ? (
          <button type="button" className={`${styles.primary} ${styles.stop}`} onClick={stop}>
            ■ Stop reading
          </button>
        ) : (
          <button type="button" className={styles.primary} onClick={() => void start()} disabled={cid === null}>
            ▶ fetch() and read
          </button>
        )}
      </div>
      <p className={styles.note} role="status">
        {note ?? (head ? `${head} · ${chunks} chunk${chunks === 1 ? '' : 's'} read so far` : `fetch('${url}') then response.body.getReader().read(), again and again.`)}
      </p>
      <div className={styles.rawBox}>
        <pre className={styles.pre} tabIndex={0} aria-label="The body as it arrived" data-testid="stream-text">
          {text ? <RawStream text={text} partial={reading} /> : reading ? 'waiting for the first chunk…' : 'nothing read yet'}
        </pre>
      </div>
      {last && !reading ? (
        <details className={styles.details}>
          <summary>The same exchange as the server reported it ({last.conn})</summary>
          <ExchangeBytes exchange={last} body={<RawStream text={last.responseBodyPreview ?? ''} partial={last.responseBodyTruncated === true} />} />
        </details>
      ) : null}
    </div>
  )
}
