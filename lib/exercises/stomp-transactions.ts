/**
 * Replaying a learner's transactions and acknowledgements (STOMP 1.2 §BEGIN, §COMMIT, §ABORT,
 * §ACK, §NACK) out of their frames, for lesson 11's checks.
 */
import type { InspectEvent } from '../inspect/events'
import { header, stompFrames } from './query'
import { errorFor, type FrameAt } from './stomp-wire'

export interface TxReplay {
  readonly conn: string
  readonly id: string
  readonly begin: FrameAt
  /** SENDs that named this transaction. */
  readonly sends: FrameAt[]
  /** SENDs on the same connection without a `transaction` header while it was open. */
  readonly plainSends: FrameAt[]
  /** COMMIT or ABORT. */
  end?: FrameAt
  /** An ERROR the broker sent about one of its frames. */
  error?: FrameAt
}

const TX_COMMANDS = new Set(['BEGIN', 'SEND', 'COMMIT', 'ABORT'])

/** Every transaction begun after `from`, in order of BEGIN. */
export function replayTransactions(events: readonly InspectEvent[], from: number): TxReplay[] {
  const all: TxReplay[] = []
  const open = new Map<string, TxReplay>()
  for (const f of stompFrames(events, 'in', undefined, from)) {
    const { command, conn } = f.event
    if (!TX_COMMANDS.has(command)) continue
    const id = header(f.event, 'transaction')
    const key = `${conn} ${id ?? ''}`
    const error = errorFor(events, f)
    if (command === 'BEGIN') {
      if (id === undefined) continue
      const tx: TxReplay = { conn, id, begin: f, sends: [], plainSends: [], ...(error ? { error } : {}) }
      all.push(tx)
      if (!error) open.set(key, tx)
      continue
    }
    if (command === 'SEND' && id === undefined) {
      for (const tx of open.values()) if (tx.conn === conn) tx.plainSends.push(f)
      continue
    }
    const tx = open.get(key)
    if (!tx) continue
    if (error) tx.error = error
    if (command === 'SEND') tx.sends.push(f)
    else {
      tx.end = f
      open.delete(key)
    }
  }
  return all
}

/** One delivery on a subscription that needs acknowledging: the MESSAGE and its `ack` id. */
export interface Delivery {
  readonly frame: FrameAt
  readonly messageId: string
  readonly ackId: string
}

export type SettleEvent =
  | { readonly kind: 'delivery'; readonly delivery: Delivery }
  | { readonly kind: 'ack' | 'nack'; readonly frame: FrameAt; readonly id: string; readonly error?: FrameAt }

/** MESSAGEs of subscription `sub` on `conn` and the ACK/NACKs of that connection, in wire order, after `from`. */
export function settleTimeline(events: readonly InspectEvent[], conn: string, sub: string, from: number): SettleEvent[] {
  const out: SettleEvent[] = []
  for (const f of stompFrames(events, undefined, undefined, from)) {
    if (f.event.conn !== conn) continue
    if (f.event.dir === 'out' && f.event.command === 'MESSAGE' && header(f.event, 'subscription') === sub) {
      const ackId = header(f.event, 'ack')
      if (ackId !== undefined) out.push({ kind: 'delivery', delivery: { frame: f, messageId: header(f.event, 'message-id') ?? '', ackId } })
    } else if (f.event.dir === 'in' && (f.event.command === 'ACK' || f.event.command === 'NACK')) {
      const error = errorFor(events, f)
      out.push({ kind: f.event.command === 'ACK' ? 'ack' : 'nack', frame: f, id: header(f.event, 'id') ?? '', ...(error ? { error } : {}) })
    }
  }
  return out
}
