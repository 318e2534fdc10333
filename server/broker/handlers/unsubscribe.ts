/**
 * UNSUBSCRIBE (STOMP 1.2 §UNSUBSCRIBE): `id` names an existing subscription (checklist 48;
 * 1.0 may name the `destination` instead). No MESSAGE for it afterwards (49); its unacked queue
 * messages are requeued for other subscribers (documented choice for 49), topic copies dropped.
 */
import { getHeader, type Frame } from '../../../lib/stomp/frame'
import { makeProblem } from '../../../lib/stomp/problems'
import type { Session } from '../session'
import type { Subscription } from '../subscription'
import { reject } from '../write'

function find(session: Session, frame: Frame): Subscription | undefined {
  const id = getHeader(frame, 'id')
  if (id !== undefined) return session.subscriptions.get(id)
  const destination = getHeader(frame, 'destination') // 1.0 only (the gate requires id in 1.1+)
  for (const sub of session.subscriptions.values()) if (sub.destination === destination) return sub
  return undefined
}

export function handleUnsubscribe(session: Session, frame: Frame): void {
  const sub = find(session, frame)
  if (sub === undefined) {
    const id = getHeader(frame, 'id')
    return reject(session, frame, makeProblem('STOMP_ERR_UNKNOWN_SUBSCRIPTION', {
      command: 'UNSUBSCRIBE', version: session.version, header: id === undefined ? 'destination' : 'id',
      value: id ?? getHeader(frame, 'destination'),
    }))
  }
  session.removeSubscription(sub)
}
