'use client'

import { useState } from 'react'
import { REPL_HELP } from '@/lib/playground/repl'
import { decodeUtf8Lossy } from '@/lib/stomp/utf8'
import type { RawStompClient } from './client/RawStompClient'
import { runReplLine } from './run-repl'
import type { WireEntry } from './types'
import styles from './ClientCard.module.css'

/**
 * Where a client's console sits: the raw stream and a slash-command line. A plain fallback until
 * the xterm console (components/playground/console/) is mounted here.
 */
export interface ConsoleSlotProps {
  readonly client: RawStompClient
  readonly entries: readonly WireEntry[]
  readonly active: boolean
}

const visible = (raw: Uint8Array) => decodeUtf8Lossy(raw).replaceAll('\u0000', '^@').replaceAll('\r', '\\r')

function line(e: WireEntry): string {
  if (e.kind === 'event') return `-- ${e.text}`
  const arrow = e.dir === 'sent' ? '>>>' : '<<<'
  return `${arrow} ${e.kind === 'heartbeat' ? '(heart-beat) ' + visible(e.raw).replaceAll('\n', '\\n') : visible(e.raw)}`
}

export function ConsoleSlot({ client, entries }: ConsoleSlotProps) {
  const [notes, setNotes] = useState<string[]>([])
  const [input, setInput] = useState('')
  const name = client.settings.name
  const run = (text: string) => {
    const t = text.trim()
    if (t === '') return
    if (t === '/help') return setNotes((n) => [...n, REPL_HELP])
    if (t === '/clear') return setNotes([])
    const out = runReplLine(client, t)
    if (out !== null) setNotes((n) => [...n, out])
  }
  return (
    <div className={styles.console}>
      <pre className={styles.consoleOut} tabIndex={0} aria-label={`${name}'s raw stream`}>
        {entries.slice(-200).map(line).join('\n')}
        {notes.length > 0 ? `\n${notes.join('\n')}` : ''}
      </pre>
      <form
        className={styles.consoleForm}
        onSubmit={(e) => {
          e.preventDefault()
          run(input)
          setInput('')
        }}
      >
        <label className={styles.consoleLabel}>
          <span aria-hidden="true">›</span>
          <span className="visually-hidden">Console command for {name}</span>
          <input value={input} onChange={(e) => setInput(e.target.value)} placeholder="/help" spellCheck={false} />
        </label>
      </form>
    </div>
  )
}
