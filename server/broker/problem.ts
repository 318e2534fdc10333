/**
 * Thin broker-side helpers over lib/stomp/problems.ts (makeProblem). The teaching texts live
 * there; this file only supplies the broker's context (limits, destinations it serves).
 */
import type { StompProblem } from '../../lib/stomp/errors'
import type { StompVersion } from '../../lib/stomp/frame'
import { makeProblem } from '../../lib/stomp/problems'

/** The destinations Wirelab serves beyond /queue and /topic (problems.ts names those two). */
export const WIRELAB_DESTINATIONS =
  'Wirelab also serves /app/echo and /app/chat.send (SEND only: application handlers), ' +
  '/user/queue/<name> (SUBSCRIBE: your own per-user queue) and /user/<login>/queue/<name> (SEND: that user\'s queue); ' +
  'topic subscribers may use wildcards: * for one word, # for zero or more (/topic/chat.*).'

export function badDestinationProblem(command: string, destination: string, version: StompVersion, why?: string): StompProblem {
  const first = why ?? `This server does not serve "${destination}".`
  return makeProblem('STOMP_ERR_BAD_DESTINATION', { command, version, value: destination, reason: `${first} ${WIRELAB_DESTINATIONS}` })
}

export function slowConsumerProblem(buffered: number, limit: number, version: StompVersion | null): StompProblem {
  return makeProblem('STOMP_ERR_SLOW_CONSUMER', { version, limit, actual: buffered })
}

/**
 * A topic subscription at its prefetch cap whose hold buffer is full. problems.ts's
 * SLOW_CONSUMER text speaks of buffered octets; this case needs its own first sentence
 * (requested from the codec: a `reason` for STOMP_ERR_SLOW_CONSUMER).
 */
export function holdOverflowProblem(destination: string, held: number, prefetch: number, version: StompVersion | null): StompProblem {
  const base = makeProblem('STOMP_ERR_SLOW_CONSUMER', { version, limit: held })
  const what =
    `The subscription to "${destination}" has ${prefetch} messages unacknowledged (its prefetch limit) and ${held} more ` +
    'waiting for room, which is as many as the server holds for one subscription. ACK messages as they arrive, or subscribe with ack:auto.'
  return { ...base, detail: `${what}\n\nSpec: ${base.spec ?? ''}` }
}
