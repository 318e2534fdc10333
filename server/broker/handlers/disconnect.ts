/**
 * DISCONNECT (STOMP 1.2 §DISCONNECT). With `receipt`: RECEIPT, then close after flushing
 * (checklist 66, 67). Without: close at once (68). Either way open transactions are aborted (62)
 * and unacked messages requeued (68) — Session.close releases them.
 */
import { getHeader, makeFrame, type Frame } from '../../../lib/stomp/frame'
import type { Session } from '../session'
import { CLOSE_NORMAL, writeFrame } from '../write'

export function handleDisconnect(session: Session, frame: Frame): void {
  const receipt = getHeader(frame, 'receipt')
  if (receipt !== undefined) writeFrame(session, makeFrame('RECEIPT', [['receipt-id', receipt]]))
  session.close(CLOSE_NORMAL, 'DISCONNECT')
}
