'use client'

import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { InspectEvent, InspectEventType } from '@/lib/inspect/events'
import type { BrokerSnapshot, WatchFilter } from '@/lib/inspect/protocol'
import { EMPTY_PUBSUB, applySnapshot, pubSubView, reducePubSub, type PubSubState } from '@/lib/inspect/pubsub'
import { newEventsSince, type InspectViewState } from '@/lib/inspect/reduce'
import { PubSubRow, PulseNew } from './PubSubRow'
import { useClientId } from './useClientId'
import { useInspect, type InspectStatus } from './useInspect'
import styles from './PubSubMap.module.css'

/**
 * The pub-sub map: publishers → destinations → subscribers, from the broker snapshot and the
 * broker's routing events, with live counts, a pulse on each delivery, queue vs topic told apart
 * by shape, colour, icon and a text label, and queue depth. Live, it watches every session when
 * the server allows it (else this tab's own) — or only `destinations` — and refreshes the
 * snapshot every 10 s (depths and unacked counts). With `snapshot`/`events` it is static.
 */
export interface PubSubMapProps {
  /** Static mode: a recorded broker snapshot and events. */
  readonly snapshot?: BrokerSnapshot
  readonly events?: readonly InspectEvent[]
  /** Live mode: only these destinations (default: everything allowed). */
  readonly destinations?: readonly string[]
  readonly title?: string
  readonly headingLevel?: 2 | 3 | 4
  /** Subscribers drawn per destination before "+ N more" (default 6). */
  readonly maxSubscribers?: number
  readonly maxDestinations?: number
  /** Live mode: told the broker snapshot and the events whenever they change (the playground completes destinations from them). */
  readonly onBroker?: (snapshot: BrokerSnapshot | null, events: readonly InspectEvent[]) => void
}

const BROKER_TYPES: readonly InspectEventType[] = ['broker.session', 'broker.subscription', 'broker.route']
const SNAPSHOT_EVERY_MS = 10_000
const STATUS_TEXT: Record<InspectStatus, string> = { idle: 'not connected', connecting: 'connecting…', open: 'live', reconnecting: 'reconnecting…' }

/** Folds the live stream into the model incrementally (snapshots re-base it). */
function useLiveModel(view: InspectViewState): PubSubState {
  const model = useRef(EMPTY_PUBSUB)
  const seen = useRef({ received: 0, snapshots: 0 })
  if (view.snapshots !== seen.current.snapshots && view.snapshot) model.current = applySnapshot(model.current, view.snapshot)
  if (view.received < seen.current.received) model.current = view.snapshot ? applySnapshot(EMPTY_PUBSUB, view.snapshot) : EMPTY_PUBSUB // cleared
  else if (view.received > seen.current.received) model.current = reducePubSub(model.current, newEventsSince(view, seen.current.received))
  seen.current = { received: view.received, snapshots: view.snapshots }
  return model.current
}

export function PubSubMap(props: PubSubMapProps) {
  const { title = 'Pub-sub map', headingLevel = 2, maxSubscribers, maxDestinations } = props
  const cid = useClientId()
  const live = props.snapshot === undefined && props.events === undefined
  const destinationsKey = props.destinations?.join('\n')
  const filter = useMemo<WatchFilter | null>(() => {
    if (!live || cid === null) return null
    if (destinationsKey !== undefined) return { destinations: destinationsKey.split('\n'), types: BROKER_TYPES }
    return { all: true, clients: [cid], types: BROKER_TYPES } // criteria are OR-ed: `all` when allowed, else this tab
  }, [live, cid, destinationsKey])
  const inspect = useInspect(filter)
  const liveModel = useLiveModel(inspect)
  const staticModel = useMemo(
    () => (live ? EMPTY_PUBSUB : reducePubSub(props.snapshot ? applySnapshot(EMPTY_PUBSUB, props.snapshot) : EMPTY_PUBSUB, props.events ?? [])),
    [live, props.snapshot, props.events],
  )
  const model = live ? liveModel : staticModel
  const view = useMemo(() => pubSubView(model, { self: cid ?? undefined, maxSubscribers, maxDestinations }), [model, cid, maxSubscribers, maxDestinations])

  const { status, requestSnapshot } = inspect
  const onBroker = useRef(props.onBroker)
  onBroker.current = props.onBroker
  useEffect(() => {
    if (live) onBroker.current?.(inspect.snapshot, inspect.events)
  }, [live, inspect.snapshot, inspect.events])
  useEffect(() => {
    if (!live || status !== 'open') return
    const timer = setInterval(requestSnapshot, SNAPSHOT_EVERY_MS)
    return () => clearInterval(timer)
  }, [live, status, requestSnapshot])

  // The first picture does not flash; what appears after it does.
  const [settled, setSettled] = useState(false)
  const hasRows = view.rows.length > 0
  useEffect(() => {
    if (hasRows) setSettled(true)
  }, [hasRows])

  const headingId = useId()
  const Heading = `h${headingLevel}` as const
  return (
    <section className={styles.widget} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Heading id={headingId} className={styles.title}>
          {title}
        </Heading>
        {live && (
          <span className={styles.status} data-status={status} role="status">
            <span className={styles.dot} aria-hidden="true" />
            {STATUS_TEXT[status]}
            {inspect.dropped > 0 && <span className={styles.dropped}> · {inspect.dropped} events dropped</span>}
          </span>
        )}
      </div>
      <ul className={styles.legend} aria-label="Legend">
        <li data-kind="topic">
          <span className={styles.swatch} aria-hidden="true" />
          <span>
            <b>topic</b>: every subscriber gets a copy
          </span>
        </li>
        <li data-kind="queue">
          <span className={styles.swatch} aria-hidden="true" />
          <span>
            <b>queue</b>: each message to one subscriber; waits while nobody takes it
          </span>
        </li>
        <li>
          <span className={styles.youSwatch} aria-hidden="true" />
          <span>this tab</span>
        </li>
      </ul>
      {view.rows.length === 0 ? (
        <p className={styles.empty}>No destinations yet. Subscribe to a topic or send to a queue, and the map draws itself.</p>
      ) : (
        <div className={styles.map}>
          <div className={styles.columns} aria-hidden="true">
            <span>Publishers</span>
            <span />
            <span>Destinations</span>
            <span />
            <span>Subscribers</span>
          </div>
          <ul className={styles.rows} aria-label="Destinations">
            <PulseNew.Provider value={settled}>
              {view.rows.map((row) => (
                <PubSubRow key={row.name} row={row} />
              ))}
            </PulseNew.Provider>
          </ul>
          {view.moreDestinations > 0 && (
            <p className={styles.moreRows}>
              + {view.moreDestinations} more destination{view.moreDestinations === 1 ? '' : 's'} (quieter ones)
            </p>
          )}
        </div>
      )}
      <p className={styles.footer}>
        {view.sessions} session{view.sessions === 1 ? '' : 's'} connected
      </p>
    </section>
  )
}
