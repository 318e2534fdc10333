import type { Metadata, Viewport } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { TopBar } from '@/components/layout/TopBar'
import { themeScript } from '@/components/layout/theme'
import { siteLinks } from './_lib/site-sections'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Wirelab: real-time web protocols on the real wire', template: '%s · Wirelab' },
  description: 'An interactive course on HTTP, polling, Server-Sent Events, WebSocket, SockJS and STOMP, with real traffic and a real broker.',
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0f1419' },
  ],
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The inline script sets data-theme before first paint, so <html> legitimately differs
    // from the server render: suppressHydrationWarning covers exactly that attribute.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <TopBar links={siteLinks()} />
        {children}
        <footer className="site-footer">
          <p>
            Wirelab: an open-source course and playground for real-time web protocols, on the real wire. <Link href="/glossary">Glossary</Link>
          </p>
        </footer>
      </body>
    </html>
  )
}
