'use client'

import dynamic from 'next/dynamic'
import { WhenVisible, WidgetPlaceholder, type WidgetSize } from './WidgetPlaceholder'

/**
 * The widgets of lessons 05-06 (the WebSocket handshake, WebSocket frames) as lessons use them:
 * each loads its code only when its box nears the viewport, behind a placeholder of about its
 * size (measured at 1280 and 375 px wide with the first data shown).
 */
const SIZES = {
  accept: { wide: '65rem', narrow: '87rem' },
  console: { wide: '34rem', narrow: '66rem' },
} as const satisfies Record<string, WidgetSize>

const AcceptCalculator = dynamic(() => import('./AcceptCalculator').then((m) => m.AcceptCalculator), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="Accept calculator" size={SIZES.accept} />,
})

const WsConsole = dynamic(() => import('./WsConsole').then((m) => m.WsConsole), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="WebSocket console" size={SIZES.console} />,
})

export function LazyAcceptCalculator() {
  return (
    <WhenVisible label="Accept calculator" size={SIZES.accept}>
      <AcceptCalculator />
    </WhenVisible>
  )
}

export function LazyWsConsole() {
  return (
    <WhenVisible label="WebSocket console" size={SIZES.console}>
      <WsConsole />
    </WhenVisible>
  )
}
