'use client'

import dynamic from 'next/dynamic'
import type { PollerProps } from './Poller'
import { WhenVisible, WidgetPlaceholder, type WidgetSize } from './WidgetPlaceholder'

/**
 * The widgets of lessons 02-04 (polling, long polling, Server-Sent Events), loaded when their
 * box nears the viewport, behind a placeholder of about their size (as LazyLabWidgets.tsx does).
 */
// Measured in a lesson column at 1280 and 375 px wide, before the first request (they grow with traffic).
const SIZES = {
  poller: { wide: '26rem', narrow: '46.5rem' },
  eventSource: { wide: '23rem', narrow: '33rem' },
  reader: { wide: '11rem', narrow: '16.5rem' },
} as const satisfies Record<string, WidgetSize>

const Poller = dynamic(() => import('./Poller').then((m) => m.Poller), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="poller" size={SIZES.poller} />,
})
const EventSourceLab = dynamic(() => import('./EventSourceLab').then((m) => m.EventSourceLab), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="EventSource lab" size={SIZES.eventSource} />,
})
const StreamReader = dynamic(() => import('./StreamReader').then((m) => m.StreamReader), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="stream reader" size={SIZES.reader} />,
})

export function LazyPoller(props: PollerProps) {
  return (
    <WhenVisible label="poller" size={SIZES.poller}>
      <Poller {...props} />
    </WhenVisible>
  )
}

export function LazyEventSourceLab() {
  return (
    <WhenVisible label="EventSource lab" size={SIZES.eventSource}>
      <EventSourceLab />
    </WhenVisible>
  )
}

export function LazyStreamReader(props: { format?: 'sse' | 'stream' }) {
  return (
    <WhenVisible label="stream reader" size={SIZES.reader}>
      <StreamReader {...props} />
    </WhenVisible>
  )
}
