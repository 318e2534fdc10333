'use client'

import { useState } from 'react'

// The hot-reload probe. e2e/dev/hmr.spec.ts rewrites the quoted text below while the page is open
// (and puts it back, even when it fails); nothing else edits this file. The counter shows that
// Fast Refresh kept the component's state: the page was patched, not reloaded.
const PROBE_TEXT = 'original'

export function HmrProbe() {
  const [clicks, setClicks] = useState(0)
  return (
    <div>
      <p data-testid="hmr-probe">{PROBE_TEXT}</p>
      <button type="button" onClick={() => setClicks((n) => n + 1)}>
        Clicked {clicks} {clicks === 1 ? 'time' : 'times'}
      </button>
    </div>
  )
}
