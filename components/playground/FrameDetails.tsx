'use client'

import { useEffect, useId, useState } from 'react'
import type { StompVersion } from '@/lib/stomp/frame'
import { defaultBodyFormat, exactOctetsText, formatBody, hexDump, octetsAsText, prettyJson, type BodyFormat } from '@/lib/playground/entry-view'
import { stompjsSnippet } from '@/lib/playground/stompjs-snippet'
import type { WireEntry } from './types'
import { formatTime } from './format-time'
import styles from './FrameLog.module.css'

/** One log entry in full: headers as a table, body as text / pretty JSON / hex, the exact octets, copy actions. */
export interface LogRow {
  readonly entry: WireEntry
  /** The client's name (shown in the combined log). */
  readonly client?: string
  /** The session version the frame was seen under (for the stompjs snippet). */
  readonly version?: StompVersion | null
  /** The endpoint, for the CONNECT snippet. */
  readonly url?: string | null
}

const FORMATS: ReadonlyArray<[BodyFormat, string]> = [['text', 'Text'], ['json', 'JSON'], ['hex', 'Hex']]

export function FrameDetails({ row, onClose }: { readonly row: LogRow; readonly onClose: () => void }) {
  const { entry } = row
  const id = useId()
  const frame = entry.kind === 'frame' ? entry.frame : null
  const [format, setFormat] = useState<BodyFormat>(() => (frame ? defaultBodyFormat(frame) : 'hex'))
  const [copied, setCopied] = useState('')
  useEffect(() => {
    if (copied === '') return
    const t = setTimeout(() => setCopied(''), 2500)
    return () => clearTimeout(t)
  }, [copied])

  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(`${what} copied`)
    } catch {
      setCopied(`Could not copy ${what.toLowerCase()} (clipboard blocked)`)
    }
  }

  const who = row.client ? ` ${entry.kind !== 'event' && entry.dir === 'sent' ? 'by' : 'for'} ${row.client}` : ''
  const title =
    entry.kind === 'event'
      ? `${entry.level === 'error' ? 'Error' : 'Event'}${who}`
      : `${frame ? frame.command : entry.kind === 'heartbeat' ? 'Heart-beat' : 'Raw bytes'} ${entry.dir}${who} · ${entry.raw.length} octets`

  return (
    <section className={styles.details} aria-labelledby={`${id}-title`}>
      <div className={styles.detailsBar}>
        <h4 id={`${id}-title`} className={styles.detailsTitle}>
          {title} <span className={styles.muted}>at {formatTime(entry.t)}</span>
        </h4>
        {entry.kind !== 'event' && (
          <>
            <button type="button" onClick={() => void copy('Text', octetsAsText(entry.raw))} title="The octets that crossed the wire, NUL shown as ^@ (pastes into the frame editor)">
              Copy as text
            </button>
            <button
              type="button"
              onClick={() => {
                const exact = exactOctetsText(entry.raw)
                if (exact !== null) void copy('Exact octets', exact)
              }}
              disabled={exactOctetsText(entry.raw) === null}
              title={exactOctetsText(entry.raw) === null ? 'Not UTF-8: text cannot carry these octets exactly (the hex dump below can)' : 'The octets exactly as they crossed the wire, the NUL itself included'}
            >
              Copy exact octets
            </button>
          </>
        )}
        {frame && (
          <button type="button" onClick={() => void copy('stompjs snippet', stompjsSnippet(frame, { version: row.version ?? null, brokerURL: row.url ?? undefined }))}>
            Copy as stompjs
          </button>
        )}
        <button type="button" onClick={onClose} aria-label="Close details">
          ✕
        </button>
      </div>
      <p className={styles.copied} role="status" aria-live="polite">
        {copied}
      </p>
      {entry.kind === 'event' && <p className={styles.eventText}>{entry.text}</p>}
      {entry.kind === 'raw' && <p className={styles.eventText}>{entry.note}</p>}
      {frame && (
        <>
          {frame.headers.length > 0 ? (
            <table className={styles.headers}>
              <caption className="visually-hidden">Headers of {frame.command}</caption>
              <thead>
                <tr>
                  <th scope="col">header</th>
                  <th scope="col">value</th>
                </tr>
              </thead>
              <tbody>
                {frame.headers.map(([n, v], i) => {
                  const repeat = frame.headers.findIndex(([m]) => m === n) !== i
                  return (
                    <tr key={i} className={repeat ? styles.repeat : undefined}>
                      <th scope="row">{n}</th>
                      <td>
                        {v}
                        {repeat && <em> (repeated: ignored, the first one wins)</em>}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          ) : (
            <p className={styles.muted}>No headers.</p>
          )}
          {frame.body.length > 0 && (
            <div className={styles.body}>
              <div role="radiogroup" aria-label="Show the body as" className={styles.formats}>
                <span className={styles.muted}>Body ({frame.body.length} octets):</span>
                {FORMATS.map(([f, label]) => (
                  <label key={f}>
                    <input type="radio" name={`${id}-fmt`} checked={format === f} disabled={f === 'json' && prettyJson(frame.body) === null} onChange={() => setFormat(f)} />
                    {label}
                  </label>
                ))}
              </div>
              <pre className={styles.pre} tabIndex={0} aria-label="Body">
                {formatBody(frame.body, format)}
              </pre>
            </div>
          )}
        </>
      )}
      {entry.kind !== 'event' && (
        <details className={styles.octets}>
          <summary>Exact octets on the wire ({entry.raw.length})</summary>
          <pre className={styles.pre} tabIndex={0} aria-label="Octets">
            {hexDump(entry.raw)}
          </pre>
        </details>
      )}
    </section>
  )
}
