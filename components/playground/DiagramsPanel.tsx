'use client'

import dynamic from 'next/dynamic'
import type { InspectEvent } from '@/lib/inspect/events'
import type { BrokerSnapshot } from '@/lib/inspect/protocol'
import { WidgetPlaceholder } from '@/components/lab/WidgetPlaceholder'
import styles from './panels.module.css'

/**
 * The inspector's live pictures of this tab's Wirelab traffic: the sequence diagram (every frame
 * this tab's clients exchanged with the broker, named Alice, Bob … by their CONNECTED session)
 * and the pub-sub map. Only Wirelab has an inspector: other endpoints show nothing here.
 */
const SequenceDiagram = dynamic(() => import('@/components/lab/SequenceDiagram').then((m) => m.SequenceDiagram), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="sequence diagram" size={{ wide: '20rem', narrow: '20rem' }} />,
})
const PubSubMap = dynamic(() => import('@/components/lab/PubSubMap').then((m) => m.PubSubMap), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="pub-sub map" size={{ wide: '12rem', narrow: '12rem' }} />,
})

export interface DiagramsPanelProps {
  /** Connection id (CONNECTED `session`) → client name, for the participants. */
  readonly names: Readonly<Record<string, string>>
  /** Whether any client targets Wirelab. */
  readonly wirelab: boolean
  /** The broker as the pub-sub map sees it (snapshot + broker events), for completion. */
  readonly onBroker?: (snapshot: BrokerSnapshot | null, events: readonly InspectEvent[]) => void
}

export function DiagramsPanel({ names, wirelab, onBroker }: DiagramsPanelProps) {
  return (
    <div className={styles.panel}>
      {!wirelab && (
        <p className={styles.note}>
          The diagrams come from Wirelab&apos;s inspector, so they show traffic to the Wirelab broker only. Point a client at
          Wirelab (WebSocket or SockJS) to see it drawn here.
        </p>
      )}
      <SequenceDiagram title="Sequence (this tab)" headingLevel={3} names={names} height="22rem" hideHeartbeats maxMessages={40} />
      <PubSubMap title="Pub-sub map" headingLevel={3} onBroker={onBroker} />
    </div>
  )
}
