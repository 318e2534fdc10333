/**
 * What ACK and NACK share: finding the delivery a frame names, per version (checklist 54, 55),
 * and applying the settlement — `client` cumulative (45), `client-individual` single (46).
 * Unknown or already-acked ids (56) and ACK/NACK on `auto` subscriptions (58) are errors.
 */
import { getHeader, type Frame } from '../../../lib/stomp/frame'
import { makeProblem } from '../../../lib/stomp/problems'
import type { StompProblem } from '../../../lib/stomp/errors'
import type { Session } from '../session'
import type { Subscription } from '../subscription'
import { reject } from '../write'

export interface Located {
  readonly sub: Subscription
  readonly ackId: string
}

function notFound(session: Session, frame: Frame, header: string, value: string | undefined): StompProblem {
  const ctx = { command: frame.command, version: session.version, header, value }
  const named = getHeader(frame, 'subscription')
  const subs = [...session.subscriptions.values()]
  const namedSub = named === undefined ? undefined : session.subscriptions.get(named)
  // checklist 58: an auto subscription has nothing to acknowledge. Auto MESSAGEs carry no ack
  // header, so without a subscription header we can only tell when every subscription is auto.
  if (namedSub?.ack === 'auto' || (namedSub === undefined && subs.length > 0 && subs.every((s) => s.ack === 'auto'))) {
    return makeProblem('STOMP_ERR_ACK_ON_AUTO', { ...ctx, value: value ?? named })
  }
  return makeProblem('STOMP_ERR_UNKNOWN_ACK', ctx) // checklist 56
}

/** The delivery named by an ACK/NACK (headers already checked by the gate). */
export function locate(session: Session, frame: Frame): Located | StompProblem {
  if (session.version === '1.2') {
    // STOMP 1.2 §ACK: id = the MESSAGE's ack header — checklist 54
    const id = getHeader(frame, 'id') as string
    for (const sub of session.subscriptions.values()) if (sub.unacked.has(id)) return { sub, ackId: id }
    return notFound(session, frame, 'id', id)
  }
  const messageId = getHeader(frame, 'message-id') as string
  if (session.version === '1.1') {
    // STOMP 1.1 §ACK: message-id + subscription — checklist 55
    const named = getHeader(frame, 'subscription') as string
    const sub = session.subscriptions.get(named)
    if (sub === undefined) return makeProblem('STOMP_ERR_UNKNOWN_ACK', { command: frame.command, version: '1.1', header: 'subscription', value: named })
    const ackId = sub.ack === 'auto' ? undefined : sub.ackIdOf(messageId)
    return ackId === undefined ? notFound(session, frame, 'message-id', messageId) : { sub, ackId }
  }
  // STOMP 1.0 §ACK: message-id only — checklist 55
  for (const sub of session.subscriptions.values()) {
    const ackId = sub.ackIdOf(messageId)
    if (ackId !== undefined) return { sub, ackId }
  }
  return notFound(session, frame, 'message-id', messageId)
}

/** Still settleable at COMMIT time (the subscription is alive and the delivery unacked). */
export function stillUnacked(session: Session, located: Located): boolean {
  return session.subscriptions.get(located.sub.id) === located.sub && located.sub.unacked.has(located.ackId)
}

export function applySettle(session: Session, kind: 'ack' | 'nack', { sub, ackId }: Located): void {
  const settled = sub.settle(ackId)
  // STOMP 1.2 §NACK: redeliver (server's choice) with redelivered:true — checklist 57
  if (kind === 'nack') session.router.redeliver(sub, settled.map((d) => d.message))
  // prefetch room freed: held messages may flow again
  session.router.pump(sub)
}

export function handleSettle(session: Session, frame: Frame, kind: 'ack' | 'nack'): void {
  const located = locate(session, frame)
  if ('code' in located) return reject(session, frame, located)
  const txId = getHeader(frame, 'transaction')
  if (txId === undefined) return applySettle(session, kind, located)
  if (!session.transactions.has(txId)) {
    return reject(session, frame, makeProblem('STOMP_ERR_UNKNOWN_TRANSACTION', {
      command: frame.command, version: session.version, header: 'transaction', value: txId,
    }))
  }
  // applied on COMMIT; an ABORT leaves the message unacked — checklist 60, 63
  session.transactions.add(txId, { kind, sub: located.sub, ackId: located.ackId })
}
