'use client'

import { useEffect, useMemo, useRef, useState } from 'react'
import type { InspectEventType } from '@/lib/inspect/events'
import { newEventsSince } from '@/lib/inspect/reduce'
import { clockOffset, heartbeatStrip, type StripMark } from '@/lib/inspect/heartbeat-strip'
import type { RawStompClient } from '@/components/playground/client/RawStompClient'
import { useClientRevision } from '@/components/playground/usePlaygroundClients'
import { useClientId } from './useClientId'
import { useInspect } from './useInspect'
import styles from './HeartbeatStrip.module.css'

/**
 * Lesson 12's strip over one STOMP client: the heart-beats and frames of its connection in the
 * last seconds as the broker's taps reported them (stomp.heartbeat / stomp.frame / stomp.error /
 * broker.session for this tab), the intervals its CONNECTED negotiated, how long it has been
 * silent towards the broker, and a switch that pauses its own heart-beats.
 */
const TYPES: readonly InspectEventType[] = ['stomp.heartbeat', 'stomp.frame', 'stomp.error', 'broker.session']
const WINDOW_MS = 12_000
const TICK_MS = 250

function Lane({ marks, label }: { readonly marks: readonly StripMark[]; readonly label: string }) {
  return (
    <div className={styles.lane}>
      <span className={styles.laneLabel}>{label}</span>
      <div className={styles.track} aria-hidden="true">
        {marks.map((m) => (
          <span key={`${m.kind}-${m.t}`} className={`${styles.mark} ${styles[m.kind]}`} style={{ left: `${(m.x * 100).toFixed(2)}%` }} title={m.label ?? 'heart-beat (EOL)'}>
            {m.kind === 'beat' ? '♥' : m.kind === 'closed' ? '✕' : (m.label ?? '').slice(0, 1)}
          </span>
        ))}
      </div>
    </div>
  )
}

export function HeartbeatStrip({ client }: { readonly client: RawStompClient }) {
  useClientRevision(client)
  const { status } = client
  const conn = status.session
  const cid = useClientId()
  const inspect = useInspect(cid === null ? null : { clients: [cid], types: TYPES })

  // server t → local clock: the smallest (arrival − t) seen so far
  const offset = useRef<number | null>(null)
  const seen = useRef(0)
  if (inspect.received !== seen.current) {
    const arrival = performance.now()
    for (const e of newEventsSince(inspect, seen.current)) offset.current = clockOffset(offset.current, e.t, arrival)
    seen.current = inspect.received
  }

  const [now, setNow] = useState(() => performance.now())
  const live = status.state === 'connected' || status.state === 'open'
  useEffect(() => {
    if (!live) return
    const timer = setInterval(() => setNow(performance.now()), TICK_MS)
    return () => clearInterval(timer)
  }, [live])

  const model = useMemo(
    () => (conn === null || offset.current === null ? null : heartbeatStrip(inspect.events, conn, live ? now : performance.now(), offset.current, WINDOW_MS)),
    [inspect.events, conn, now, live],
  )
  const [up, down] = status.heartBeat ?? [0, 0]
  const canPause = status.state === 'connected' && up > 0
  const paused = canPause && client.heartbeatsPaused

  return (
    <section className={styles.strip} aria-label={`Heart-beats of ${client.settings.name}`} data-widget="heartbeat-strip">
      <div className={styles.head}>
        <p className={styles.negotiated}>
          {status.heartBeat === null ? (
            'Connect to negotiate heart-beats.'
          ) : (
            <>
              Negotiated: you → broker every <strong>{up || '—'}</strong>
              {up ? ' ms' : ''}, broker → you every <strong>{down || '—'}</strong>
              {down ? ' ms' : ''}
            </>
          )}
        </p>
        <button type="button" className={styles.pause} aria-pressed={paused} disabled={!canPause} onClick={() => client.pauseHeartbeats(!paused)}>
          <span className={styles.led} aria-hidden="true" />
          Pause heart-beats<span className="visually-hidden"> of {client.settings.name}</span>
        </button>
      </div>
      <div className={styles.lanes}>
        <Lane marks={model?.marks.filter((m) => m.dir === 'in') ?? []} label="you → broker" />
        <Lane marks={model?.marks.filter((m) => m.dir === 'out') ?? []} label="broker → you" />
        <div className={styles.axis} aria-hidden="true">
          <span>−{WINDOW_MS / 1000} s</span>
          <span>now</span>
        </div>
      </div>
      <p className={styles.summary} data-testid="heartbeat-summary">
        {model === null
          ? 'Nothing on the wire yet.'
          : `As the broker saw it: ${model.counts.beatsIn} heart-beat${model.counts.beatsIn === 1 ? '' : 's'} and ${model.counts.framesIn} frame${model.counts.framesIn === 1 ? '' : 's'} from you, ${model.counts.beatsOut} heart-beat${model.counts.beatsOut === 1 ? '' : 's'} and ${model.counts.framesOut} frame${model.counts.framesOut === 1 ? '' : 's'} from it.`}{' '}
        {model?.timedOut ? (
          <strong className={styles.dead}>The broker declared this connection dead.</strong>
        ) : model?.closed ? (
          <strong>Connection closed.</strong>
        ) : model?.silentMs !== null && model !== null ? (
          <span className={paused ? styles.quiet : undefined}>
            Silent towards the broker for {(model.silentMs / 1000).toFixed(1)} s{paused ? ' (paused)' : ''}.
          </span>
        ) : null}
      </p>
    </section>
  )
}
