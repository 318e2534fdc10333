/**
 * SUBSCRIBE (STOMP 1.2 §SUBSCRIBE). `destination` and (1.1+) `id` are required (checklist 41,
 * checked by the gate); ids are unique per connection (42); `ack` is auto | client |
 * client-individual (43; 1.0: auto | client — both checked by the gate). Failing to create the subscription is ERROR then
 * close (41). Held queue messages are delivered right away, before the RECEIPT.
 */
import { getHeader, type Frame, type StompVersion } from '../../../lib/stomp/frame'
import { makeProblem } from '../../../lib/stomp/problems'
import type { StompProblem } from '../../../lib/stomp/errors'
import { resolveDestination } from '../destinations/resolve'
import { ACK_MODES, Subscription, type AckMode, type SubscriptionSource } from '../subscription'
import type { Session } from '../session'
import { clientOf } from '../taps'
import { reject } from '../write'
import { authorize } from './authorize'

/** STOMP_ERR_BAD_DESTINATION; the codec's text lists every destination Wirelab serves (36). */
function badDestination(version: StompVersion, destination: string, reason?: string): StompProblem {
  return makeProblem('STOMP_ERR_BAD_DESTINATION', { command: 'SUBSCRIBE', version, value: destination, reason })
}

function sourceOf(session: Session, destination: string): SubscriptionSource | StompProblem {
  const version = session.version ?? '1.2'
  const resolved = resolveDestination(destination)
  if (resolved === null) return badDestination(version, destination)
  switch (resolved.kind) {
    case 'topic':
      return { kind: 'topic', pattern: resolved.name }
    case 'queue':
      return { kind: 'queue', name: resolved.name }
    case 'app':
      return badDestination(version, destination,
        `"${destination}" is an application destination: SEND to it, and SUBSCRIBE to where its handler answers (/user/queue/echo, /topic/chat.<room>).`)
    case 'user':
      if (resolved.user !== null) {
        return badDestination(version, destination,
          `You cannot subscribe to another user's queue "${destination}"; subscribe to /user/queue/${resolved.name} to receive what is sent to /user/<your login>/queue/${resolved.name}.`)
      }
      return { kind: 'user', user: session.user ?? session.id, name: resolved.name }
  }
}

export function handleSubscribe(session: Session, frame: Frame): void {
  const version = session.version ?? '1.2'
  const destination = getHeader(frame, 'destination') as string
  const explicitId = getHeader(frame, 'id')
  // 1.0: id optional; the subscription is then known by its destination (checklist 41, 48)
  const id = explicitId ?? destination
  if (session.subscriptions.has(id)) {
    // STOMP 1.2 §SUBSCRIBE id Header: unique per connection — checklist 42
    return reject(session, frame, makeProblem('STOMP_ERR_DUPLICATE_SUBSCRIPTION', { command: 'SUBSCRIBE', version, header: 'id', value: id }))
  }
  // ack values were checked by the gate (validateFrame — checklist 43)
  const rawAck = getHeader(frame, 'ack') ?? 'auto'
  const ack: AckMode = ACK_MODES.find((m) => m === rawAck) ?? 'auto'
  const max = session.options.maxSubscriptionsPerSession
  if (session.subscriptions.size >= max) {
    // a per-connection limit (checklist 19): the subscription cannot be created → ERROR (41)
    return reject(session, frame, makeProblem('STOMP_ERR_TOO_MANY_SUBSCRIPTIONS', { command: 'SUBSCRIBE', version, limit: max }))
  }
  const source = sourceOf(session, destination)
  if ('code' in source) return reject(session, frame, source)
  if (!authorize(session, frame, 'subscribe', destination)) return
  const options = session.options
  const sub = new Subscription(session, id, explicitId !== undefined, destination, source, ack, options.prefetch, options.queueMaxMessages)
  session.subscriptions.set(id, sub)
  if (session.bus.active) {
    session.bus.publish({ type: 'broker.subscription', t: performance.now(), conn: session.id, ...clientOf(session), action: 'add', id, destination, ack: sub.ack })
  }
  session.router.attach(sub)
}
