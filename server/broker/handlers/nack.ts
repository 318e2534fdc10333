/**
 * NACK (STOMP 1.2 §NACK): not in 1.0 (checklist 55, refused by the gate). `client` NACKs every
 * unacked message up to the named one, `client-individual` just it (57). NACKed messages are
 * redelivered with `redelivered:true` — for a queue to another subscriber when there is one.
 */
import type { Frame } from '../../../lib/stomp/frame'
import type { Session } from '../session'
import { handleSettle } from './settle'

export function handleNack(session: Session, frame: Frame): void {
  handleSettle(session, frame, 'nack')
}
