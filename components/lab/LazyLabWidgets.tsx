'use client'

import dynamic from 'next/dynamic'
import type { FrameXrayProps } from './FrameXray'
import type { HandshakeViewProps } from './HandshakeView'
import type { HttpRequestProps } from './HttpRequest'
import type { StompClientProps } from './StompClient'
import type { PubSubMapProps } from './PubSubMap'
import type { SequenceDiagramProps } from './SequenceDiagram'
import type { TransportRaceProps } from './TransportRace'
import { WhenVisible, WidgetPlaceholder, type WidgetSize } from './WidgetPlaceholder'

/**
 * The lab widgets as lessons and /lab use them: each loads its code only when its box nears the
 * viewport (next/dynamic, no server render: they need the browser's WebSocket, crypto and
 * sessionStorage), behind a placeholder of about the widget's size.
 */
// Measured on /lab at 1280 and 375 px wide, once each widget has shown its first data.
const SIZES = {
  race: { wide: '41rem', narrow: '96rem' },
  handshake: { wide: '44rem', narrow: '90rem' },
  xray: { wide: '61rem', narrow: '91rem' },
  stompXray: { wide: '72rem', narrow: '109rem' },
  sequence: { wide: '19rem', narrow: '23rem' },
  pubsub: { wide: '19rem', narrow: '29rem' },
  http: { wide: '15rem', narrow: '18rem' },
} as const satisfies Record<string, WidgetSize>

const TransportRace = dynamic(() => import('./TransportRace').then((m) => m.TransportRace), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="transport race" size={SIZES.race} />,
})
const HandshakeView = dynamic(() => import('./HandshakeView').then((m) => m.HandshakeView), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="handshake view" size={SIZES.handshake} />,
})
const FrameXray = dynamic(() => import('./FrameXray').then((m) => m.FrameXray), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="frame X-ray" size={SIZES.xray} />,
})
// Same component; its own loading box because the STOMP X-ray is taller.
const StompFrameXray = dynamic(() => import('./FrameXray').then((m) => m.FrameXray), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="frame X-ray" size={SIZES.stompXray} />,
})
const SequenceDiagram = dynamic(() => import('./SequenceDiagram').then((m) => m.SequenceDiagram), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="sequence diagram" size={SIZES.sequence} />,
})

const PubSubMap = dynamic(() => import('./PubSubMap').then((m) => m.PubSubMap), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="pub-sub map" size={SIZES.pubsub} />,
})

const HttpRequest = dynamic(() => import('./HttpRequest').then((m) => m.HttpRequest), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="raw request viewer" size={SIZES.http} />,
})

const StompClient = dynamic(() => import('./StompClient').then((m) => m.StompClient), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="STOMP client" size={{ wide: '40rem', narrow: '40rem' }} />,
})

export function LazyStompClient(props: StompClientProps) {
  const size = { wide: props.height ?? '40rem', narrow: `calc(${props.height ?? '40rem'} + 6rem)` }
  return (
    <WhenVisible label="STOMP client" size={size}>
      <StompClient {...props} />
    </WhenVisible>
  )
}

export function LazyHttpRequest(props: HttpRequestProps) {
  return (
    <WhenVisible label="raw request viewer" size={SIZES.http}>
      <HttpRequest {...props} />
    </WhenVisible>
  )
}

export function LazyTransportRace(props: TransportRaceProps) {
  return (
    <WhenVisible label="transport race" size={SIZES.race}>
      <TransportRace {...props} />
    </WhenVisible>
  )
}

export function LazyHandshakeView(props: HandshakeViewProps) {
  return (
    <WhenVisible label="handshake view" size={SIZES.handshake}>
      <HandshakeView {...props} />
    </WhenVisible>
  )
}

export function LazyFrameXray(props: FrameXrayProps) {
  return (
    <WhenVisible label="frame X-ray" size={props.endpoint === 'stomp' ? SIZES.stompXray : SIZES.xray}>
      {props.endpoint === 'stomp' ? <StompFrameXray {...props} /> : <FrameXray {...props} />}
    </WhenVisible>
  )
}

export function LazySequenceDiagram(props: SequenceDiagramProps) {
  return (
    <WhenVisible label="sequence diagram" size={SIZES.sequence}>
      <SequenceDiagram {...props} />
    </WhenVisible>
  )
}

export function LazyPubSubMap(props: PubSubMapProps) {
  return (
    <WhenVisible label="pub-sub map" size={SIZES.pubsub}>
      <PubSubMap {...props} />
    </WhenVisible>
  )
}
