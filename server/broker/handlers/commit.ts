/**
 * COMMIT (STOMP 1.2 §COMMIT): names an open transaction (checklist 61); applies its SENDs, ACKs
 * and NACKs together (60). Atomic: everything is checked first (every queue has room, every
 * acknowledged delivery is still unacked), so a refused COMMIT applies nothing.
 */
import { getHeader, type Frame } from '../../../lib/stomp/frame'
import { makeProblem } from '../../../lib/stomp/problems'
import type { DeliveryTarget } from '../destinations/router'
import type { Session } from '../session'
import { reject } from '../write'
import { applySettle, stillUnacked } from './settle'

export function handleCommit(session: Session, frame: Frame): void {
  const version = session.version
  const id = getHeader(frame, 'transaction') as string
  const ops = session.transactions.end(id)
  if (ops === undefined) {
    return reject(session, frame, makeProblem('STOMP_ERR_UNKNOWN_TRANSACTION', { command: 'COMMIT', version, header: 'transaction', value: id }))
  }
  const targets: DeliveryTarget[] = []
  for (const op of ops) {
    if (op.kind === 'send') targets.push(op.target)
    else if (!stillUnacked(session, op)) {
      return reject(session, frame, makeProblem('STOMP_ERR_UNKNOWN_ACK', {
        command: 'COMMIT', version, header: 'id', value: op.ackId,
      }))
    }
  }
  const room = session.router.canPublishAll(targets)
  if (!room.ok) {
    return reject(session, frame, makeProblem('STOMP_ERR_QUEUE_FULL', { command: 'COMMIT', version, value: room.queue, limit: room.max }))
  }
  for (const op of ops) {
    if (op.kind === 'send') session.router.publish(op.target, op.message)
    else applySettle(session, op.kind, op)
  }
}
