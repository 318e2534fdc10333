/** The options.authorize hook (per destination, send/subscribe): a refusal is ERROR then close. */
import type { Frame } from '../../../lib/stomp/frame'
import { makeProblem } from '../../../lib/stomp/problems'
import type { AuthorizeAction } from '../options'
import type { Session } from '../session'
import { reject } from '../write'

/** true when allowed; otherwise the session has been sent ERROR STOMP_ERR_ACCESS_REFUSED. */
export function authorize(session: Session, frame: Frame, action: AuthorizeAction, destination: string): boolean {
  const hook = session.options.authorize
  if (hook === undefined) return true
  const verdict = hook(session.user ?? session.id, action, destination)
  if (verdict === true) return true
  session.router.refused(destination, verdict, session)
  reject(session, frame, makeProblem('STOMP_ERR_ACCESS_REFUSED', {
    command: frame.command, version: session.version, reason: verdict, checklist: [36],
  }))
  return false
}
