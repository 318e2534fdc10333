/**
 * SEND (STOMP 1.2 §SEND). `destination` is required (checklist 35, checked by the gate) and must
 * be one Wirelab serves (36). User headers pass through to MESSAGE (37); `transaction` binds the
 * SEND to an open transaction (38, 60). The RECEIPT follows only once the message was
 * accepted (checklist 40): a full queue gets ERROR instead — nothing is dropped silently.
 */
import { getHeader, type Frame, type StompVersion } from '../../../lib/stomp/frame'
import { makeProblem } from '../../../lib/stomp/problems'
import type { StompProblem } from '../../../lib/stomp/errors'
import { resolveDestination, userQueueDestination } from '../destinations/resolve'
import type { DeliveryTarget } from '../destinations/router'
import { runApp, APP_ROUTES } from '../destinations/app'
import { createMessage, passThroughHeaders, type BrokerMessage } from '../message'
import type { Session } from '../session'
import { reject } from '../write'
import { authorize } from './authorize'

type Prepared = { readonly target: DeliveryTarget; readonly message: BrokerMessage } | { readonly problem: StompProblem }

/** STOMP_ERR_BAD_DESTINATION; the codec's text lists every destination Wirelab serves (36). */
function badDestination(version: StompVersion, destination: string, reason?: string): Prepared {
  return { problem: makeProblem('STOMP_ERR_BAD_DESTINATION', { command: 'SEND', version, value: destination, reason }) }
}

function prepare(session: Session, frame: Frame, destination: string, user: string): Prepared {
  const version = session.version ?? '1.2'
  const resolved = resolveDestination(destination)
  if (resolved === null) return badDestination(version, destination)
  const headers = passThroughHeaders(frame.headers)
  const id = session.nextMessageId()
  switch (resolved.kind) {
    case 'topic':
    case 'queue':
      return { target: resolved, message: createMessage(id, destination, headers, frame.body, session) }
    case 'user': {
      const owner = resolved.user ?? user
      const message = createMessage(id, userQueueDestination(resolved.name), headers, frame.body, session)
      return { target: { kind: 'user', user: owner, name: resolved.name }, message }
    }
    case 'app': {
      const out = runApp({ route: resolved.route, user, headers, body: frame.body, now: new Date() })
      if (!out.ok && out.reason === 'bad-room') {
        return { problem: makeProblem('STOMP_ERR_BAD_HEADER_VALUE', {
          command: 'SEND', version, header: 'room', value: out.value, expected: ['a room name of letters, digits, _ and - (default lobby)'],
        }) }
      }
      if (!out.ok) {
        const routes = APP_ROUTES.map((r) => `/app/${r}`).join(' and ')
        return badDestination(version, destination, `Wirelab has no application handler at "${destination}"; it has ${routes}.`)
      }
      return { target: out.target, message: createMessage(id, out.destination, out.headers, out.body, session) }
    }
  }
}

export function handleSend(session: Session, frame: Frame): void {
  const version = session.version ?? '1.2'
  const user = session.user ?? session.id
  const destination = getHeader(frame, 'destination') as string
  if (!authorize(session, frame, 'send', destination)) return
  const txId = getHeader(frame, 'transaction')
  // an unknown transaction id — checklist 38
  if (txId !== undefined && !session.transactions.has(txId)) {
    return reject(session, frame, makeProblem('STOMP_ERR_UNKNOWN_TRANSACTION', { command: 'SEND', version, header: 'transaction', value: txId }))
  }
  const prepared = prepare(session, frame, destination, user)
  if ('problem' in prepared) {
    session.router.refused(destination, prepared.problem.message, session)
    return reject(session, frame, prepared.problem)
  }
  // buffered until COMMIT — checklist 60
  if (txId !== undefined) return session.transactions.add(txId, { kind: 'send', ...prepared })
  // routed or stored before the gate writes the RECEIPT; refused → ERROR with receipt-id, never
  // RECEIPT (STOMP 1.2 §Header receipt — checklist 40)
  const outcome = session.router.publish(prepared.target, prepared.message)
  if (!outcome.ok) {
    reject(session, frame, makeProblem('STOMP_ERR_QUEUE_FULL', { command: 'SEND', version, value: outcome.queue, limit: outcome.max }))
  }
}
