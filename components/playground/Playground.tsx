'use client'

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { isWirelabUrl } from '@/lib/playground/presets'
import { brokerKey, destinationsFromInspect, mergeDestinations } from '@/lib/playground/known-destinations'
import type { InspectEvent } from '@/lib/inspect/events'
import type { BrokerSnapshot } from '@/lib/inspect/protocol'
import { ClientCard } from './ClientCard'
import { Collections } from './Collections'
import { DiagramsPanel } from './DiagramsPanel'
import { FrameLog, type LogRow } from './FrameLog'
import { Tabs } from './Tabs'
import { useCollections } from './useCollections'
import { usePlaygroundClients, type ClientSlot } from './usePlaygroundClients'
import { useSharedDocument } from './useSharedDocument'
import styles from './Playground.module.css'

/**
 * The STOMP playground: named clients side by side (each with its connection, frame editor, log
 * and console), and a side panel with the combined log, saved collections + share links, and
 * the inspector's diagrams.
 */
type SideTab = 'combined' | 'collections' | 'diagrams'
const MAX_COMBINED = 5000

/** Re-renders on any client's change; the value changes whenever one does. */
function useAllRevisions(slots: readonly ClientSlot[]): string {
  const subscribe = useCallback(
    (cb: () => void) => {
      const offs = slots.map((s) => s.client.subscribe(cb))
      return () => offs.forEach((off) => off())
    },
    [slots],
  )
  return useSyncExternalStore(subscribe, () => slots.map((s) => s.client.revision).join(','), () => '')
}

export function Playground() {
  const clients = usePlaygroundClients()
  const { slots, docs, setDoc } = clients
  const collections = useCollections()
  const [activeKey, setActiveKey] = useState<string | null>(null)
  const [side, setSide] = useState<SideTab>('combined')
  const [sideOpen, setSideOpen] = useState(true)
  /** The side panel over two thirds of the width: a bigger diagram, a wider combined log. */
  const [sideWide, setSideWide] = useState(false)
  const active = slots.find((s) => s.key === activeKey) ?? slots[0]

  const revisions = useAllRevisions(slots)
  /** The combined log's Clear hides what came before it (each client keeps its own log). */
  const [clearedTo, setClearedTo] = useState(-1)
  const combined = useMemo<readonly LogRow[]>(() => {
    const rows: LogRow[] = []
    for (const s of slots) {
      const { name } = s.client.settings
      const { negotiatedVersion: version, url } = s.client.status
      for (const entry of s.client.entries) if (entry.seq > clearedTo) rows.push({ entry, client: name, version, url })
    }
    rows.sort((a, b) => a.entry.seq - b.entry.seq)
    return rows.length > MAX_COMBINED ? rows.slice(-MAX_COMBINED) : rows
    // eslint-disable-next-line react-hooks/exhaustive-deps -- revisions stands for every client's state
  }, [slots, revisions, clearedTo])
  const clearCombined = () => setClearedTo(combined[combined.length - 1]?.entry.seq ?? clearedTo) // rows are in seq order

  const names = useMemo(() => {
    const out: Record<string, string> = {}
    for (const s of slots) if (s.client.status.session) out[s.client.status.session] = s.client.settings.name
    return out
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slots, revisions])
  const host = typeof window === 'undefined' ? '' : window.location.host
  const keyOf = (s: ClientSlot) => brokerKey(s.client.settings.url, isWirelabUrl(s.client.settings.url, host))
  const wirelab = slots.some((s) => isWirelabUrl(s.client.settings.url, host))

  // Destinations seen on a broker, for every client of it: what each client of the page saw on
  // its own wire, and for Wirelab what its inspector shows (the pub-sub map's snapshot and events).
  const [brokerSeen, setBrokerSeen] = useState<readonly string[]>([])
  const onBroker = useCallback((snapshot: BrokerSnapshot | null, events: readonly InspectEvent[]) => {
    const next = destinationsFromInspect(events, snapshot)
    setBrokerSeen((prev) => (prev.join('\n') === next.join('\n') ? prev : next))
  }, [])
  const known = useMemo(() => {
    const byBroker = new Map<string, string[]>([['wirelab', [...brokerSeen]]])
    for (const s of slots) byBroker.set(keyOf(s), mergeDestinations(byBroker.get(keyOf(s)) ?? [], s.client.completionContext().destinations))
    return byBroker
    // eslint-disable-next-line react-hooks/exhaustive-deps -- revisions stands for every client's state
  }, [slots, revisions, brokerSeen])
  // The diagrams only see traffic from the moment they watch: start them once the page is idle
  // (not at load, to keep the editor's start light) or at the first connection, whichever comes
  // first, then keep them mounted.
  const [watching, setWatching] = useState(false)
  const connecting = slots.some((s) => s.client.status.state !== 'idle')
  if (connecting && !watching) setWatching(true)
  useEffect(() => {
    const timer = setTimeout(() => setWatching(true), 2000)
    return () => clearTimeout(timer)
  }, [])

  const firstKey = slots[0]?.key
  const share = useSharedDocument((doc) => {
    if (firstKey !== undefined) setDoc(firstKey, doc.frames)
  })

  return (
    <div className={`${styles.playground} ${sideOpen ? (sideWide ? styles.sideWide : '') : styles.sideClosed}`}>
      <div className={styles.toolbar}>
        <h1 className={styles.title}>STOMP playground</h1>
        <p className={styles.lead}>Clients in your browser, real frames on the wire: to Wirelab or any ws:// endpoint.</p>
        <button type="button" onClick={clients.add} disabled={slots.length >= 10}>
          + Add client
        </button>
        <button type="button" aria-expanded={sideOpen} aria-controls="playground-side" onClick={() => setSideOpen((o) => !o)}>
          {sideOpen ? 'Hide side panel' : 'Show side panel'}
        </button>
      </div>
      {share.notice && (
        <div className={share.notice.kind === 'error' ? styles.bannerError : styles.banner} role={share.notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{share.notice.text}</span>
          <button type="button" onClick={share.dismiss} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
      <div className={styles.workspace}>
        <div className={styles.cardsFrame}>
        <div className={styles.cards} style={{ ['--cards' as string]: slots.length }} role="group" aria-label={`Clients (${slots.length})`}>
          {slots.map((s) => (
            <ClientCard
              key={s.key}
              slot={s}
              doc={docs[s.key] ?? ''}
              onDoc={(t) => setDoc(s.key, t)}
              onUpdate={(settings) => clients.update(s.key, settings)}
              onRename={(n) => clients.rename(s.key, n)}
              onRemove={slots.length > 1 ? () => clients.remove(s.key) : null}
              onActive={() => setActiveKey(s.key)}
              active={slots.length > 1 && s.key === active?.key}
              knownDestinations={known.get(keyOf(s))}
            />
          ))}
        </div>
        </div>
        <aside id="playground-side" className={styles.side} hidden={!sideOpen} aria-label="Side panel">
          <Tabs
            label="Side panel"
            value={side}
            onChange={setSide}
            trailing={
              <button type="button" className={styles.widen} aria-pressed={sideWide} onClick={() => setSideWide((w) => !w)} title={sideWide ? 'Give the clients their width back' : 'Widen the side panel over the clients: a bigger diagram, a wider combined log'}>
                {sideWide ? 'Narrow' : 'Widen'}
                <span className="visually-hidden"> the side panel</span>
              </button>
            }
            tabs={[
              { id: 'combined', label: 'All clients', panel: <FrameLog label="Combined frame log" rows={combined} showClient onClear={clearCombined} /> },
              {
                id: 'collections',
                label: 'Saved',
                panel: active ? <Collections api={collections} target={active.client.settings.name} doc={docs[active.key] ?? ''} onOpen={(f) => setDoc(active.key, f)} /> : null,
              },
              { id: 'diagrams', label: 'Diagrams', panel: <DiagramsPanel names={names} wirelab={wirelab} onBroker={onBroker} />, eager: watching },
            ]}
          />
        </aside>
      </div>
    </div>
  )
}
