'use client'

import { useEffect, useRef, useState } from 'react'
import { decodeShare, shareValueFromHash, type SharedDocument } from '@/lib/playground/share-link'

export type ShareNotice = { readonly kind: 'opened'; readonly text: string } | { readonly kind: 'error'; readonly text: string }

/**
 * Opens `/playground#share=…`: decodes the fragment once on load (and again when the hash changes
 * in this tab, e.g. a pasted link) and hands the document to `open`. A bad link yields a notice
 * that says what is wrong with it; nothing is fetched from anywhere.
 */
export function useSharedDocument(open: (doc: SharedDocument) => void): { notice: ShareNotice | null; dismiss: () => void } {
  const [notice, setNotice] = useState<ShareNotice | null>(null)
  const openRef = useRef(open)
  openRef.current = open

  useEffect(() => {
    let cancelled = false
    let last: string | null = null
    const read = async () => {
      const value = shareValueFromHash(window.location.hash)
      if (value === null || value === last) return
      last = value
      const r = await decodeShare(value)
      if (cancelled) return
      if (r.ok) {
        openRef.current(r.doc)
        setNotice({ kind: 'opened', text: `Opened shared frames${r.doc.title ? `: “${r.doc.title}”` : ''}.` })
      } else {
        setNotice({ kind: 'error', text: `This share link could not be opened: ${r.message}` })
      }
    }
    void read()
    window.addEventListener('hashchange', read)
    return () => {
      cancelled = true
      window.removeEventListener('hashchange', read)
    }
  }, [])

  return { notice, dismiss: () => setNotice(null) }
}
