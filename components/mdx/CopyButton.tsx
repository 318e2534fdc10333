'use client'

import { useEffect, useRef, useState } from 'react'
import styles from './mdx.module.css'

type Status = 'idle' | 'copied' | 'failed'

/** Copies the text of the code block it sits in (found through the DOM, so no text is serialised twice). */
export function CopyButton() {
  const ref = useRef<HTMLButtonElement>(null)
  const [status, setStatus] = useState<Status>('idle')

  useEffect(() => {
    if (status === 'idle') return
    const timer = setTimeout(() => setStatus('idle'), 2000)
    return () => clearTimeout(timer)
  }, [status])

  async function copy() {
    const code = ref.current?.closest('[data-code-block]')?.querySelector('code')
    const text = code?.textContent ?? ''
    try {
      // navigator.clipboard only exists in a secure context (https or localhost).
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(text)
      setStatus('copied')
    } catch {
      // Plain http on a classroom network: select the code so Ctrl+C / Cmd+C works.
      if (code) window.getSelection()?.selectAllChildren(code)
      setStatus('failed')
    }
  }

  const message = status === 'copied' ? 'Copied to the clipboard' : status === 'failed' ? 'Code selected: press Ctrl+C to copy' : ''
  return (
    <>
      <button ref={ref} type="button" className={styles.copy} onClick={copy}>
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Press Ctrl+C' : 'Copy'}
        <span className="visually-hidden"> code</span>
      </button>
      <span role="status" className="visually-hidden">
        {message}
      </span>
    </>
  )
}
