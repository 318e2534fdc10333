'use client'

import dynamic from 'next/dynamic'
import type { ChatSandboxProps } from './sandbox/ChatSandbox'
import { WhenVisible, WidgetPlaceholder, type WidgetSize } from './WidgetPlaceholder'

/**
 * Lessons 13-15's own widgets, loaded as the lab widgets are (LazyLabWidgets.tsx): code fetched
 * only when the box nears the viewport, behind a placeholder of about the widget's size.
 */
// Measured on lesson 15 at 1280 and 375 px wide, with the default editor height.
const SANDBOX_SIZE: WidgetSize = { wide: '56rem', narrow: '76rem' }

const ChatSandbox = dynamic(() => import('./sandbox/ChatSandbox').then((m) => m.ChatSandbox), {
  ssr: false,
  loading: () => <WidgetPlaceholder label="chat sandbox" size={SANDBOX_SIZE} />,
})

export function LazyChatSandbox(props: ChatSandboxProps) {
  return (
    <WhenVisible label="chat sandbox" size={SANDBOX_SIZE}>
      <ChatSandbox {...props} />
    </WhenVisible>
  )
}
