'use client'

import { useEffect, useId, useRef, useState } from 'react'
import { clockOf } from '@/lib/sandbox/chat-message'
import { useBob } from './useBob'
import styles from './ChatSandbox.module.css'

/** Bob's side of the room: what the broker delivered to him, and a box to speak as Bob. */
export function BobWindow({ brokerURL, room }: { readonly brokerURL: string | null; readonly room: string | null }) {
  const id = useId()
  const bob = useBob(brokerURL, room)
  const [text, setText] = useState('')
  const list = useRef<HTMLOListElement>(null)
  useEffect(() => {
    const box = list.current
    if (box) box.scrollTop = box.scrollHeight
  }, [bob.lines])
  const connected = bob.state === 'connected'

  return (
    <div className={styles.pane} data-testid="bob-window">
      <div className={styles.paneHead}>
        <h4 className={styles.paneTitle} id={`${id}-bob`}>Bob&apos;s window</h4>
        <span className={styles.bobState} role="status" aria-label="Bob's connection" data-state={bob.state}>
          {connected ? '● connected as bob' : bob.state === 'connecting' ? 'connecting…' : 'reconnecting…'}
        </span>
      </div>
      <ol ref={list} className={styles.chat} aria-labelledby={`${id}-bob`} aria-live="polite" tabIndex={0} data-testid="bob-chat">
        {bob.lines.length === 0 && <li className={styles.empty}>Bob sees the room here: what your client says arrives stamped with its sender and the server&apos;s time.</li>}
        {bob.lines.map((line) => (
          <li key={line.id} data-stamped={line.stamped ? 'true' : 'false'}>
            {line.stamped ? <time className={styles.time} dateTime={line.time}>{clockOf(line.time)}</time> : <span className={styles.unstamped}>not stamped</span>}{' '}
            <b>{line.sender}</b>: {line.text}
          </li>
        ))}
      </ol>
      <form
        className={styles.say}
        onSubmit={(e) => {
          e.preventDefault()
          const clean = text.trim()
          if (clean === '') return
          bob.say(clean)
          setText('')
        }}
      >
        <label className={styles.sayLabel}>
          <span className="visually-hidden">Say something as Bob</span>
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Say something as Bob…" maxLength={200} disabled={!connected} />
        </label>
        <button type="submit" disabled={!connected || text.trim() === ''}>
          Send<span className="visually-hidden"> as Bob</span>
        </button>
        <button type="button" onClick={() => bob.say('Hi! Who is here?')} disabled={!connected}>
          Bob says hi
        </button>
      </form>
    </div>
  )
}
