'use client'

import dynamic from 'next/dynamic'
import type { HeartbeatClientProps } from './HeartbeatClient'
import { WhenVisible, WidgetPlaceholder } from './WidgetPlaceholder'

/**
 * Lessons 09-12's own widgets, loaded when scrolled near (as LazyLabWidgets.tsx does for the lab's):
 * the heart-beat client (strip + playground card) of lesson 12.
 */
const STRIP = '11rem'

const HeartbeatClient = dynamic(() => import('./HeartbeatClient').then((m) => m.HeartbeatClient), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="STOMP client with heart-beat strip" size={{ wide: `calc(${STRIP} + 34rem)`, narrow: `calc(${STRIP} + 34rem)` }} />,
})

export function LazyHeartbeatClient(props: HeartbeatClientProps) {
  const height = `calc(${STRIP} + ${props.height ?? '34rem'})`
  return (
    <WhenVisible label="STOMP client with heart-beat strip" size={{ wide: height, narrow: height }}>
      <HeartbeatClient {...props} />
    </WhenVisible>
  )
}
