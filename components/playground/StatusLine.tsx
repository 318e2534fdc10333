'use client'

import { closeCodeInfo } from '@/lib/playground/close-codes'
import type { ClientStatus } from './types'
import styles from './ClientCard.module.css'

const STATE_TEXT: Record<ClientStatus['state'], string> = {
  idle: 'not connected',
  connecting: 'connecting…',
  open: 'socket open, waiting for CONNECTED',
  connected: 'connected',
  closing: 'closing…',
  closed: 'closed',
}

/** The connection state in one line: version, heart-beat, subprotocol, session, server, close code and its meaning. */
export function StatusLine({ status, name }: { readonly status: ClientStatus; readonly name: string }) {
  const parts: string[] = []
  if (status.negotiatedVersion) parts.push(`STOMP ${status.negotiatedVersion}`)
  if (status.heartBeat) parts.push(`heart-beat ↑${status.heartBeat[0]} ↓${status.heartBeat[1]} ms`)
  if (status.subprotocol) parts.push(status.subprotocol)
  if (status.sockjsTransport) parts.push(`SockJS ${status.sockjsTransport}`)
  if (status.session) parts.push(`session ${status.session}`)
  if (status.server) parts.push(status.server)
  const close = status.state === 'closed' && status.closeCode !== null ? closeCodeInfo(status.closeCode) : null
  const full = [STATE_TEXT[status.state], ...parts].join(' · ') + (close ? ` · ${status.closeCode} ${close.name} — ${close.meaning}` : '')
  return (
    <p className={styles.status} data-state={status.state} role="status" aria-label={`${name} status`} title={full}>
      <span className={styles.dot} aria-hidden="true" />
      <strong>{STATE_TEXT[status.state]}</strong>
      {parts.map((part) => (
        <span key={part} className={styles.part}>
          {' '}· {part}
        </span>
      ))}
      {close && (
        <span className={styles.closeInfo} title={close.meaning}>
          {' '}
          · {status.closeCode} {close.name}
          {status.closeReason ? ` “${status.closeReason}”` : ''} — {close.meaning}
        </span>
      )}
    </p>
  )
}
