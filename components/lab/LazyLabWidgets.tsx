'use client'

import dynamic from 'next/dynamic'
import type { FrameXrayProps } from './FrameXray'
import type { HandshakeViewProps } from './HandshakeView'
import type { PubSubMapProps } from './PubSubMap'
import type { SequenceDiagramProps } from './SequenceDiagram'
import type { TransportRaceProps } from './TransportRace'
import { WhenVisible, WidgetPlaceholder } from './WidgetPlaceholder'

/**
 * The lab widgets as lessons and /lab use them: each loads its code only when its box nears the
 * viewport (next/dynamic, no server render: they need the browser's WebSocket, crypto and
 * sessionStorage), behind a placeholder of about the widget's size.
 */
const SIZES = {
  race: '34rem',
  handshake: '40rem',
  xray: '46rem',
  sequence: '36rem',
  pubsub: '28rem',
} as const

const TransportRace = dynamic(() => import('./TransportRace').then((m) => m.TransportRace), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="transport race" minHeight={SIZES.race} />,
})
const HandshakeView = dynamic(() => import('./HandshakeView').then((m) => m.HandshakeView), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="handshake view" minHeight={SIZES.handshake} />,
})
const FrameXray = dynamic(() => import('./FrameXray').then((m) => m.FrameXray), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="frame X-ray" minHeight={SIZES.xray} />,
})
const SequenceDiagram = dynamic(() => import('./SequenceDiagram').then((m) => m.SequenceDiagram), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="sequence diagram" minHeight={SIZES.sequence} />,
})

const PubSubMap = dynamic(() => import('./PubSubMap').then((m) => m.PubSubMap), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="pub-sub map" minHeight={SIZES.pubsub} />,
})

export function LazyTransportRace(props: TransportRaceProps) {
  return (
    <WhenVisible label="transport race" minHeight={SIZES.race}>
      <TransportRace {...props} />
    </WhenVisible>
  )
}

export function LazyHandshakeView(props: HandshakeViewProps) {
  return (
    <WhenVisible label="handshake view" minHeight={SIZES.handshake}>
      <HandshakeView {...props} />
    </WhenVisible>
  )
}

export function LazyFrameXray(props: FrameXrayProps) {
  return (
    <WhenVisible label="frame X-ray" minHeight={SIZES.xray}>
      <FrameXray {...props} />
    </WhenVisible>
  )
}

export function LazySequenceDiagram(props: SequenceDiagramProps) {
  return (
    <WhenVisible label="sequence diagram" minHeight={SIZES.sequence}>
      <SequenceDiagram {...props} />
    </WhenVisible>
  )
}

export function LazyPubSubMap(props: PubSubMapProps) {
  return (
    <WhenVisible label="pub-sub map" minHeight={SIZES.pubsub}>
      <PubSubMap {...props} />
    </WhenVisible>
  )
}
