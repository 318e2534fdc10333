/**
 * What a playground client learns from its own wire, for completion and the status line:
 * destinations seen, its live subscriptions (id, destination, ack mode), the received messages
 * still waiting for an ACK/NACK, and open transactions. Pure and immutable: fold frames in with
 * trackSent / trackReceived.
 *
 * Ack ids follow the session version: MESSAGE `ack` in 1.2 (checklist 51, 54), `message-id` in
 * 1.0/1.1 (checklist 55). Only messages of `client` / `client-individual` subscriptions wait for
 * an ack (an `auto` one is acknowledged on delivery — checklist 44). A `client` ACK/NACK is
 * cumulative: it settles every earlier message of that subscription too (checklist 45, 57).
 */
import { getHeader, type Frame, type StompVersion } from '../stomp/frame'
import { mergeDestinations } from './known-destinations'

export type AckMode = 'auto' | 'client' | 'client-individual'

export interface TrackedSubscription {
  readonly id: string
  readonly destination: string
  readonly ack: AckMode
}

export interface PendingAck {
  /** The value an ACK/NACK names: `ack` (1.2) or `message-id` (1.0/1.1). */
  readonly ackId: string
  readonly messageId: string
  readonly subscription: string
  readonly destination: string
}

export interface SessionTrack {
  readonly version: StompVersion | null
  readonly destinations: readonly string[]
  readonly subscriptions: readonly TrackedSubscription[]
  readonly pending: readonly PendingAck[]
  readonly transactions: readonly string[]
}

export const EMPTY_TRACK: SessionTrack = { version: null, destinations: [], subscriptions: [], pending: [], transactions: [] }

/** Most destinations remembered (most recent first). */
export const MAX_DESTINATIONS = 50
/** Most unacked messages remembered (oldest dropped). */
export const MAX_PENDING = 500

function remember(list: readonly string[], value: string | undefined): readonly string[] {
  if (value === undefined || value === '') return list
  if (list[0] === value) return list
  return [value, ...list.filter((d) => d !== value)].slice(0, MAX_DESTINATIONS)
}

function asAckMode(v: string | undefined): AckMode {
  return v === 'client' || v === 'client-individual' ? v : 'auto'
}

/** Settles the pending ack `id` (and, for a `client` subscription, every earlier one of it). */
function settle(track: SessionTrack, id: string | undefined): SessionTrack {
  if (id === undefined) return track
  const at = track.pending.findIndex((p) => p.ackId === id)
  if (at < 0) return track
  const target = track.pending[at]
  const sub = track.subscriptions.find((s) => s.id === target.subscription)
  const cumulative = sub?.ack === 'client'
  const pending = track.pending.filter((p, i) => (cumulative ? !(p.subscription === target.subscription && i <= at) : i !== at))
  return { ...track, pending }
}

export function trackSent(track: SessionTrack, frame: Frame): SessionTrack {
  const dest = getHeader(frame, 'destination')
  switch (frame.command) {
    case 'SEND':
      return { ...track, destinations: remember(track.destinations, dest) }
    case 'SUBSCRIBE': {
      const id = getHeader(frame, 'id') ?? dest ?? ''
      const subscriptions = [...track.subscriptions.filter((s) => s.id !== id), { id, destination: dest ?? '', ack: asAckMode(getHeader(frame, 'ack')) }]
      return { ...track, destinations: remember(track.destinations, dest), subscriptions }
    }
    case 'UNSUBSCRIBE': {
      const id = getHeader(frame, 'id') ?? dest
      return { ...track, subscriptions: track.subscriptions.filter((s) => s.id !== id), pending: track.pending.filter((p) => p.subscription !== id) }
    }
    case 'ACK':
    case 'NACK':
      return settle(track, track.version === '1.2' ? getHeader(frame, 'id') : getHeader(frame, 'message-id') ?? getHeader(frame, 'id'))
    case 'BEGIN': {
      const tx = getHeader(frame, 'transaction')
      return tx === undefined || track.transactions.includes(tx) ? track : { ...track, transactions: [...track.transactions, tx] }
    }
    case 'COMMIT':
    case 'ABORT': {
      const tx = getHeader(frame, 'transaction')
      return { ...track, transactions: track.transactions.filter((t) => t !== tx) }
    }
    default:
      return track
  }
}

export function trackReceived(track: SessionTrack, frame: Frame): SessionTrack {
  if (frame.command === 'CONNECTED') {
    const v = getHeader(frame, 'version') ?? '1.0'
    const version = v === '1.0' || v === '1.1' || v === '1.2' ? v : track.version
    return { ...EMPTY_TRACK, version, destinations: track.destinations }
  }
  if (frame.command !== 'MESSAGE') return track
  const dest = getHeader(frame, 'destination')
  const next = { ...track, destinations: remember(track.destinations, dest) }
  const subId = getHeader(frame, 'subscription') ?? ''
  const sub = track.subscriptions.find((s) => s.id === subId)
  const messageId = getHeader(frame, 'message-id') ?? ''
  const ackId = track.version === '1.2' ? getHeader(frame, 'ack') : messageId
  if (sub === undefined || sub.ack === 'auto' || ackId === undefined || ackId === '') return next
  const pending = [...track.pending, { ackId, messageId, subscription: subId, destination: dest ?? '' }].slice(-MAX_PENDING)
  return { ...next, pending }
}

/** The connection closed: subscriptions, pending acks and transactions are gone; destinations stay. */
export function trackClosed(track: SessionTrack): SessionTrack {
  return { ...EMPTY_TRACK, destinations: track.destinations }
}

export interface CompletionSnapshot {
  readonly version: StompVersion
  /** Oldest first, newest last (like the other lists): completion offers the newest first. */
  readonly destinations: readonly string[]
  readonly subscriptionIds: readonly string[]
  readonly ackIds: readonly string[]
  readonly transactionIds: readonly string[]
  /** The subscription each pending ack id came from. */
  readonly ackSubscriptions: Readonly<Record<string, string>>
}

/**
 * What the editor and the console complete from. The highest offered version stands in until
 * CONNECTED says. `known`: destinations seen elsewhere on the same broker (the page's other
 * clients, Wirelab's inspector — known-destinations.ts), oldest first; the client's own rank above them.
 */
export function completionFrom(track: SessionTrack, offered: readonly StompVersion[], known: readonly string[] = []): CompletionSnapshot {
  const fallback: StompVersion = offered.includes('1.2') ? '1.2' : offered.includes('1.1') ? '1.1' : offered.length > 0 ? offered[0] : '1.2'
  return {
    version: track.version ?? fallback,
    destinations: mergeDestinations(known, [...track.destinations].reverse()),
    subscriptionIds: track.subscriptions.map((s) => s.id),
    ackIds: track.pending.map((p) => p.ackId),
    transactionIds: track.transactions,
    ackSubscriptions: Object.fromEntries(track.pending.map((p) => [p.ackId, p.subscription])),
  }
}
