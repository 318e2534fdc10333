/**
 * ACK (STOMP 1.2 §ACK): 1.2 names the delivery by `id` (= MESSAGE `ack`, checklist 54); 1.1 by
 * `message-id` + `subscription`, 1.0 by `message-id` (55). `client` acknowledges cumulatively
 * (45), `client-individual` one message (46). Optional `transaction` (60).
 */
import type { Frame } from '../../../lib/stomp/frame'
import type { Session } from '../session'
import { handleSettle } from './settle'

export function handleAck(session: Session, frame: Frame): void {
  handleSettle(session, frame, 'ack')
}
