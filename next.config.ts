import type { NextConfig } from 'next'
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants'

// Loaded by `next build` and, at run time, by the custom server (server/main.ts).
export default function nextConfig(phase: string): NextConfig {
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    // `page.dev.tsx` is a page only in development: the hot-reload probe (app/dev/hmr/) that
    // e2e/dev/hmr.spec.ts edits is not part of the production build.
    pageExtensions: phase === PHASE_DEVELOPMENT_SERVER ? ['dev.tsx', 'tsx', 'ts', 'jsx', 'js'] : ['tsx', 'ts', 'jsx', 'js'],
    // The course map is the home page; /learn on its own has nothing else to show.
    async redirects() {
      return [{ source: '/learn', destination: '/#course', permanent: false }]
    },
  }
}
