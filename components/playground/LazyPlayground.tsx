'use client'

import dynamic from 'next/dynamic'

/**
 * The playground loads in the browser only: its clients need WebSocket, sessionStorage (the cid),
 * localStorage (collections) and the URL fragment (share links), none of which exist on the
 * server. The placeholder keeps the page's shape meanwhile.
 */
const Playground = dynamic(
  () => {
    // Fetch Monaco alongside the page's own code instead of after it (the editors are the first
    // thing a learner types into): one round of the loading waterfall less.
    void import('./editor/MonacoFrameEditor')
    return import('./Playground').then((m) => m.Playground)
  },
  {
    ssr: false,
    loading: () => (
      <p style={{ padding: '1rem', color: 'var(--muted)' }} aria-busy="true">
        Loading the STOMP playground…
      </p>
    ),
  },
)

export function LazyPlayground() {
  return <Playground />
}
