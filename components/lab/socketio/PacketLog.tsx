'use client'

import { useState } from 'react'
import type { SocketioPacketEvent } from '@/lib/inspect/events'
import { describePacket } from '@/lib/socketio/packet'
import { useStickToBottom } from '../useStickToBottom'
import { PacketText } from './PacketText'
import styles from './PacketLog.module.css'

/**
 * The engine.io packets of one session as the server sent and read them (socketio.packet events),
 * oldest first, with the transport that carried each; ping/pong can be hidden.
 */
export function PacketLog({ packets, title, empty }: { packets: readonly SocketioPacketEvent[]; title: string; empty: string }) {
  const [hideHeartbeats, setHide] = useState(false)
  const shown = (hideHeartbeats ? packets.filter((p) => (p.engineType !== 'ping' && p.engineType !== 'pong') || p.preview.endsWith('probe')) : packets).slice(-80)
  const stick = useStickToBottom<HTMLOListElement>(shown.length)
  return (
    <section className={styles.log} aria-label={title}>
      <div className={styles.head}>
        <p className={styles.title}>{title}</p>
        <label className={styles.toggle}>
          <input type="checkbox" checked={hideHeartbeats} onChange={(e) => setHide(e.target.checked)} /> hide ping/pong
        </label>
      </div>
      {shown.length === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <ol className={styles.list} ref={stick.ref} onScroll={stick.onScroll} tabIndex={0} aria-label={`${title}, oldest first`}>
          {shown.map((p, i) => (
            <li key={`${p.t}-${i}`} className={p.dir === 'in' ? styles.up : styles.down} data-engine={p.engineType} data-transport={p.transport}>
              <span className={styles.arrow} aria-hidden="true">
                {p.dir === 'in' ? '↑' : '↓'}
              </span>
              <span className={styles.srOnly}>{p.dir === 'in' ? 'client to server: ' : 'server to client: '}</span>
              <span className={styles.transport} data-transport={p.transport}>
                {p.transport}
              </span>
              <PacketText text={p.preview} />
              <span className={styles.meaning}>
                {p.engineType === 'invalid' ? 'not an engine.io packet' : `${p.engineType}${p.socketType ? ` · ${describePacket(p.preview)}` : ''}`} · {p.bytes} B
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
