/**
 * ABORT (STOMP 1.2 §ABORT): names an open transaction (checklist 61); its SENDs are never
 * delivered (60) and its ACK/NACKs never applied (63).
 */
import { getHeader, type Frame } from '../../../lib/stomp/frame'
import { makeProblem } from '../../../lib/stomp/problems'
import type { Session } from '../session'
import { reject } from '../write'

export function handleAbort(session: Session, frame: Frame): void {
  const id = getHeader(frame, 'transaction') as string
  if (session.transactions.end(id) === undefined) {
    reject(session, frame, makeProblem('STOMP_ERR_UNKNOWN_TRANSACTION', { command: 'ABORT', version: session.version, header: 'transaction', value: id }))
  }
}
