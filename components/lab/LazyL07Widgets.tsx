'use client'

import dynamic from 'next/dynamic'
import type { RawSocketConsoleProps } from './RawSocketConsole'
import type { SocketioClientProps } from './SocketioClient'
import type { SockjsFallbacksProps } from './SockjsFallbacks'
import { WhenVisible, WidgetPlaceholder, type WidgetSize } from './WidgetPlaceholder'

/**
 * Lessons 07-08's widgets, loaded when their box nears the viewport (next/dynamic, no server
 * render: they open sockets), behind a placeholder of about their size.
 */
const SIZES = {
  sockjs: { wide: '36rem', narrow: '52rem' },
  socketio: { wide: '40rem', narrow: '62rem' },
  raw: { wide: '22rem', narrow: '28rem' },
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

const SocketioClient = dynamic(() => import('./SocketioClient').then((m) => m.SocketioClient), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="Socket.IO client" size={SIZES.socketio} />,
})

export function LazySocketioClient(props: SocketioClientProps) {
  return (
    <WhenVisible label="Socket.IO client" size={SIZES.socketio}>
      <SocketioClient {...props} />
    </WhenVisible>
  )
}

const RawSocketConsole = dynamic(() => import('./RawSocketConsole').then((m) => m.RawSocketConsole), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="raw WebSocket console" size={SIZES.raw} />,
})

export function LazyRawSocketConsole(props: RawSocketConsoleProps) {
  return (
    <WhenVisible label="raw WebSocket console" size={SIZES.raw}>
      <RawSocketConsole {...props} />
    </WhenVisible>
  )
}
