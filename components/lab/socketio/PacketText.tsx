import { decodeEnginePacket, decodeSocketPacket } from '@/lib/socketio/packet'
import styles from './PacketText.module.css'

/**
 * An engine.io packet as text, its layers coloured: the engine.io type digit, then (for a
 * message) the Socket.IO type digit, namespace and ack id, then the data.
 */
export function PacketText({ text }: { text: string }) {
  const engine = decodeEnginePacket(text)
  if (engine.engineType === 'invalid') return <code className={styles.packet}>{text === '' ? '(empty)' : text}</code>
  const head = text.charAt(0)
  if (engine.engineType !== 'message') {
    return (
      <code className={styles.packet}>
        <span className={styles.engine}>{head}</span>
        {engine.data}
      </code>
    )
  }
  const socket = decodeSocketPacket(engine.data)
  if (!socket.ok) {
    return (
      <code className={styles.packet}>
        <span className={styles.engine}>{head}</span>
        {engine.data}
      </code>
    )
  }
  const typeDigit = engine.data.charAt(0)
  const beforeJson = engine.data.slice(1, engine.data.length - socket.packet.json.length)
  const ack = socket.packet.ackId === undefined ? '' : String(socket.packet.ackId)
  const meta = ack === '' ? beforeJson : beforeJson.slice(0, beforeJson.length - ack.length)
  return (
    <code className={styles.packet}>
      <span className={styles.engine}>{head}</span>
      <span className={styles.socket}>{typeDigit}</span>
      {meta}
      {ack && <span className={styles.ack}>{ack}</span>}
      {socket.packet.json}
    </code>
  )
}
