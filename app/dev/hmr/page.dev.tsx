import type { Metadata } from 'next'
import { HmrProbe } from './HmrProbe'

// Only under `npm run dev`: next.config.ts adds the `dev.tsx` page extension in development, so
// `next build` has no /dev/hmr. e2e/dev/hmr.spec.ts edits HmrProbe.tsx and watches this page.
export const metadata: Metadata = { title: 'Hot reload probe', robots: { index: false } }

export default function HmrProbePage() {
  return (
    <main id="main" tabIndex={-1} style={{ padding: '2rem 1rem' }}>
      <h1>Hot reload probe</h1>
      <p>This page exists only in development. The test suite edits the text below and expects to see the change without a reload.</p>
      <HmrProbe />
    </main>
  )
}
