'use client'

import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { InspectEvent } from '@/lib/inspect/events'
import type { WatchFilter } from '@/lib/inspect/protocol'
import { buildSequence } from '@/lib/inspect/sequence'
import { Mermaid } from './Mermaid'
import { useClientId } from './useClientId'
import { useInspect, type InspectStatus } from './useInspect'
import styles from './SequenceDiagram.module.css'

/**
 * The live sequence diagram: what this tab (or a given filter) sent and received, drawn by mermaid
 * from the inspector's events. Controls: pause/resume (the view freezes, events keep arriving and
 * show on resume), hide heart-beats, copy the mermaid source, clear. Lessons can embed it with a
 * filter, or with recorded `events` (then it is static: no connection, no pause/clear).
 */
export interface SequenceDiagramProps {
  /** Recorded events to draw instead of the live stream. */
  readonly events?: readonly InspectEvent[]
  /** What to watch live (default: this tab's own traffic, `{ clients: [cid] }`). */
  readonly filter?: WatchFilter
  readonly title?: string
  readonly headingLevel?: 2 | 3 | 4
  /** Newest lines drawn (default 60). */
  readonly maxMessages?: number
  /** Initial state of "Hide heart-beats" (default off). */
  readonly hideHeartbeats?: boolean
  /** Participant names by client id or connection id. */
  readonly names?: Readonly<Record<string, string>>
  /** Height of the scrolling view (CSS length, default 32rem). */
  readonly height?: string
}

const STATUS_TEXT: Record<InspectStatus, string> = {
  idle: 'not connected',
  connecting: 'connecting…',
  open: 'live',
  reconnecting: 'reconnecting…',
}

export function SequenceDiagram(props: SequenceDiagramProps) {
  const { events: recorded, title = 'Sequence diagram', headingLevel = 2, height = '32rem' } = props
  const cid = useClientId()
  const live = recorded === undefined
  const filter = useMemo<WatchFilter | null>(() => {
    if (!live) return null
    if (props.filter) return props.filter
    return cid === null ? null : { clients: [cid] }
  }, [live, props.filter, cid])
  // The tab's traffic from before this widget started (the handshake view, the X-rays …) too.
  const inspect = useInspect(filter, { replay: true })
  const events = recorded ?? inspect.events

  const [hideHeartbeats, setHideHeartbeats] = useState(props.hideHeartbeats ?? false)
  const diagram = useMemo(
    () => buildSequence(events, { hideHeartbeats, self: cid ?? undefined, maxMessages: props.maxMessages, names: props.names }),
    [events, hideHeartbeats, cid, props.maxMessages, props.names],
  )

  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(diagram.text)
      setCopied('copied')
    } catch {
      setCopied('failed')
    }
  }
  useEffect(() => {
    if (copied === 'idle') return
    const timer = setTimeout(() => setCopied('idle'), 2500)
    return () => clearTimeout(timer)
  }, [copied])

  const empty = diagram.lines === 0
  const scroller = useStickToBottom(!empty)
  const headingId = useId()
  const Heading = `h${headingLevel}` as const

  return (
    <section className={styles.widget} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Heading id={headingId} className={styles.title}>
          {title}
        </Heading>
        {live && (
          <span className={styles.status} data-status={inspect.status} role="status">
            <span className={styles.dot} aria-hidden="true" />
            {inspect.paused ? `paused${inspect.pending > 0 ? ` · ${inspect.pending} new` : ''}` : STATUS_TEXT[inspect.status]}
          </span>
        )}
      </div>

      <div className={styles.toolbar} role="toolbar" aria-label={`${title} controls`}>
        {live && (
          <button type="button" className={styles.button} aria-pressed={inspect.paused} onClick={inspect.paused ? inspect.resume : inspect.pause}>
            {inspect.paused ? 'Resume' : 'Pause'}
          </button>
        )}
        <label className={styles.check}>
          <input type="checkbox" checked={hideHeartbeats} onChange={(e) => setHideHeartbeats(e.target.checked)} />
          Hide heart-beats
        </label>
        <button type="button" className={styles.button} onClick={() => void copy()} disabled={empty}>
          Copy mermaid source
        </button>
        {live && (
          <button type="button" className={styles.button} onClick={inspect.clear} disabled={inspect.events.length === 0 && inspect.dropped === 0}>
            Clear
          </button>
        )}
        <span className={styles.feedback} aria-live="polite">
          {copied === 'copied' ? 'Copied to the clipboard' : copied === 'failed' ? 'Copy failed: the source is below' : ''}
        </span>
      </div>

      {(inspect.dropped > 0 || diagram.omitted > 0 || inspect.error || (live && inspect.replayOmitted > 0)) && (
        <p className={styles.notices}>
          {live && inspect.replayOmitted > 0 && (
            <span>
              Earlier traffic: the server keeps only this tab&apos;s recent events ({inspect.replayOmitted} older not shown).
            </span>
          )}
          {live && inspect.dropped > 0 && (
            <span className={styles.dropped}>
              {inspect.dropped} event{inspect.dropped === 1 ? '' : 's'} dropped (the viewer fell behind)
            </span>
          )}
          {diagram.omitted > 0 && <span>Showing the newest {diagram.lines} of {diagram.lines + diagram.omitted} lines.</span>}
          {live && inspect.error && <span className={styles.dropped}>Inspector: {inspect.error}</span>}
        </p>
      )}

      <div ref={scroller.ref} onScroll={scroller.onScroll} className={styles.scroller} style={{ maxHeight: height }} tabIndex={0} role="group" aria-label={`${title}, scrollable`}>
        {empty ? (
          <p className={styles.empty}>
            {live ? 'No traffic yet. Open a connection or send a request in the lab: every message this tab exchanges is drawn here.' : 'No events to draw.'}
          </p>
        ) : (
          <div ref={scroller.contentRef}>
            <Mermaid source={diagram.text} label={`${title}: ${diagram.lines} messages`} minHeight="12rem" />
          </div>
        )}
      </div>

      <details className={styles.sourceBox} open={copied === 'failed' || undefined}>
        <summary>Mermaid source</summary>
        <pre className={styles.source}>{diagram.text}</pre>
      </details>
    </section>
  )
}

/** Keep the newest messages in view while the learner has not scrolled up. */
function useStickToBottom(active: boolean) {
  const ref = useRef<HTMLDivElement>(null)
  const contentRef = useRef<HTMLDivElement>(null)
  const stick = useRef(true)
  useEffect(() => {
    const box = ref.current
    const content = contentRef.current
    if (!box || !content || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => {
      if (stick.current) box.scrollTop = box.scrollHeight
    })
    observer.observe(content)
    return () => observer.disconnect()
  }, [active])
  const onScroll = () => {
    const box = ref.current
    if (box) stick.current = box.scrollTop + box.clientHeight >= box.scrollHeight - 48
  }
  return { ref, contentRef, onScroll }
}
