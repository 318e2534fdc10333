'use client'

import dynamic from 'next/dynamic'
import type { SockjsFallbacksProps } from './SockjsFallbacks'
import { WhenVisible, WidgetPlaceholder, type WidgetSize } from './WidgetPlaceholder'

/**
 * Lessons 07-08's widgets, loaded when their box nears the viewport (next/dynamic, no server
 * render: they open sockets), behind a placeholder of about their size.
 */
const SIZES = {
  sockjs: { wide: '36rem', narrow: '52rem' },
} as const satisfies Record<string, WidgetSize>

const SockjsFallbacks = dynamic(() => import('./SockjsFallbacks').then((m) => m.SockjsFallbacks), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="SockJS transports" size={SIZES.sockjs} />,
})

export function LazySockjsFallbacks(props: SockjsFallbacksProps) {
  return (
    <WhenVisible label="SockJS transports" size={SIZES.sockjs}>
      <SockjsFallbacks {...props} />
    </WhenVisible>
  )
}
