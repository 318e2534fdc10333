/** BEGIN (STOMP 1.2 §BEGIN): `transaction` required (gate) and unique per connection — checklist 59. */
import { getHeader, type Frame } from '../../../lib/stomp/frame'
import { makeProblem } from '../../../lib/stomp/problems'
import type { Session } from '../session'
import { reject } from '../write'

export function handleBegin(session: Session, frame: Frame): void {
  const id = getHeader(frame, 'transaction') as string
  if (!session.transactions.begin(id)) {
    reject(session, frame, makeProblem('STOMP_ERR_DUPLICATE_TRANSACTION', { command: 'BEGIN', version: session.version, header: 'transaction', value: id }))
  }
}
