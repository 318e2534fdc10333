'use client'

import { useState } from 'react'
import { shareFragment } from '@/lib/playground/share-link'
import styles from './panels.module.css'

/**
 * Makes a link to /playground whose fragment carries the editor's frames (compressed when the
 * browser can): nothing is stored on a server, and the fragment never leaves the browser in a
 * request. Copies it to the clipboard when allowed and always shows it.
 */
export function ShareBox({ doc, target }: { readonly doc: string; readonly target: string }) {
  const [link, setLink] = useState('')
  const [note, setNote] = useState('')
  const make = async () => {
    const url = `${window.location.origin}/playground${await shareFragment({ frames: doc, title: `${target}'s frames` })}`
    setLink(url)
    try {
      await navigator.clipboard.writeText(url)
      setNote(`Link copied (${url.length} characters).`)
    } catch {
      setNote(`Link ready below (${url.length} characters): copy it by hand.`)
    }
  }
  return (
    <div className={styles.share}>
      <button type="button" onClick={() => void make()}>
        Share link for {target}&apos;s editor
      </button>
      <p className={styles.note} role="status" aria-live="polite">
        {note}
      </p>
      {link && (
        <label className={styles.field}>
          <span>Share link (frames travel in the #fragment, never stored on a server)</span>
          <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
        </label>
      )}
    </div>
  )
}
