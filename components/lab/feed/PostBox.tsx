'use client'

import { useId, useState, type FormEvent } from 'react'
import { postToFeed } from './feed-client'
import styles from './FeedLab.module.css'

/** A message box that posts to one feed (POST /lab/feeds/<feed>/messages) and says what came back. */
export function PostBox({ feed, cid, label = 'Message to post' }: { feed: string; cid: string | null; label?: string }) {
  const id = useId()
  const [text, setText] = useState('hello, wire')
  const [result, setResult] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (cid === null || text.trim() === '' || busy) return
    setBusy(true)
    const r = await postToFeed(feed, cid, text.trim())
    setBusy(false)
    setResult(r.ok ? `Posted #${r.message.id} to ${feed}.` : `Not posted: ${r.error}`)
  }

  return (
    <form className={styles.post} onSubmit={(e) => void submit(e)}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input id={id} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" maxLength={200} />
      <button type="submit" className={styles.secondary} disabled={cid === null || busy || text.trim() === ''}>
        Post
      </button>
      <span className={styles.postResult} role="status">
        {result}
      </span>
    </form>
  )
}
