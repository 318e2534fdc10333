import type { NextConfig } from 'next'

// Loaded by `next build` and, at run time, by the custom server (server/main.ts).
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The course map is the home page; /learn on its own has nothing else to show.
  async redirects() {
    return [{ source: '/learn', destination: '/#course', permanent: false }]
  },
}

export default nextConfig
