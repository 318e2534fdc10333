/**
 * The authorization hook (per destination, send/subscribe) of the session's virtual host —
 * options.authorize for the default one, its own for a named one: a refusal is ERROR then close.
 */
import type { Frame } from '../../../lib/stomp/frame'
import { makeProblem } from '../../../lib/stomp/problems'
import { commandSpecUrl } from '../../../lib/stomp/spec-links'
import type { AuthorizeAction } from '../options'
import type { Session } from '../session'
import { reject } from '../write'

/** true when allowed; otherwise the session has been sent ERROR STOMP_ERR_ACCESS_REFUSED. */
export function authorize(session: Session, frame: Frame, action: AuthorizeAction, destination: string): boolean {
  const options = session.options
  const user = session.user ?? session.id
  const policy = session.vhost === null ? undefined : options.virtualHosts?.get(session.vhost)?.policy
  const verdict = policy ? policy.authorize(user, action, destination) : options.authorize?.(user, action, destination) ?? true
  if (verdict === true) return true
  session.router.refused(destination, verdict, session)
  reject(session, frame, makeProblem('STOMP_ERR_ACCESS_REFUSED', {
    command: frame.command, version: session.version, reason: verdict, checklist: [36],
    // the rule is about the destination of this SEND/SUBSCRIBE, not about CONNECT
    spec: commandSpecUrl(frame.command, session.version ?? '1.2'),
  }))
  return false
}
