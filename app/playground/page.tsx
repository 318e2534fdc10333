import type { Metadata } from 'next'
import { LazyPlayground } from '@/components/playground/LazyPlayground'

export const metadata: Metadata = {
  title: 'STOMP playground',
  description:
    'Debug STOMP by hand: several clients side by side, a frame editor with diagnostics, the raw wire, a frame log, saved collections and share links — against Wirelab or any ws:// endpoint.',
}

export default function PlaygroundPage() {
  return (
    <main id="main" tabIndex={-1}>
      <LazyPlayground />
    </main>
  )
}
