import styles from './WirePreview.module.css'

/** The messages of one connection, abridged: where the course goes, shown as the bytes it is about. */
const MESSAGES = [
  { from: 'browser', lines: ['GET /ws/stomp HTTP/1.1', 'Upgrade: websocket'] },
  { from: 'server', lines: ['HTTP/1.1 101 Switching Protocols'] },
  { from: 'browser', lines: ['CONNECT', 'accept-version:1.2'] },
  { from: 'server', lines: ['CONNECTED', 'version:1.2'] },
  { from: 'browser', lines: ['SUBSCRIBE', 'destination:/topic/chat'] },
  { from: 'server', lines: ['MESSAGE', 'destination:/topic/chat'] },
] as const

export function WirePreview() {
  return (
    <figure className={styles.wire}>
      <ol className={styles.wireList}>
        {MESSAGES.map((message, index) => (
          <li key={index} className={message.from === 'browser' ? styles.wireOut : styles.wireIn}>
            <span className={styles.wireFrom}>{message.from === 'browser' ? 'browser → server' : 'server → browser'}</span>
            <code className={styles.wireBytes}>{message.lines.join('\n')}</code>
          </li>
        ))}
      </ol>
      <figcaption className={styles.wireCaption}>
        One connection, abridged: an HTTP request becomes a WebSocket, which then carries STOMP
        frames. The course takes you there one step at a time.
      </figcaption>
    </figure>
  )
}
