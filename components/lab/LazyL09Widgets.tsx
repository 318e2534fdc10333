'use client'

import dynamic from 'next/dynamic'
import type { HeartbeatClientProps } from './HeartbeatClient'
import { WhenVisible, WidgetPlaceholder, type WidgetSize } from './WidgetPlaceholder'

/**
 * Lessons 09-12's own widgets, loaded when scrolled near (as LazyLabWidgets.tsx does for the lab's):
 * the heart-beat client (strip + playground card) of lesson 12.
 */
// The strip above the card, measured at 1280 and 375 px wide (its lanes stack on a phone).
const STRIP = { wide: '13rem', narrow: '21rem' } as const
const sizeOf = (card: string): WidgetSize => ({ wide: `calc(${STRIP.wide} + ${card})`, narrow: `calc(${STRIP.narrow} + ${card} + 6rem)` })

const HeartbeatClient = dynamic(() => import('./HeartbeatClient').then((m) => m.HeartbeatClient), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="STOMP client with heart-beat strip" size={sizeOf('34rem')} />,
})

export function LazyHeartbeatClient(props: HeartbeatClientProps) {
  return (
    <WhenVisible label="STOMP client with heart-beat strip" size={sizeOf(props.height ?? '34rem')}>
      <HeartbeatClient {...props} />
    </WhenVisible>
  )
}
