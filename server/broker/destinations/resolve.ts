/**
 * Destinations are opaque strings whose meaning the server defines (STOMP 1.2 §SEND — checklist
 * 36). Wirelab serves the conventions learners meet in RabbitMQ, ActiveMQ and Spring:
 *
 *   /topic/<name>                 publish-subscribe; subscribers may use wildcards (`.` separates
 *                                 words, `*` = one word, `#` = zero or more): /topic/chat.*
 *   /queue/<name>                 point-to-point: each message to one subscriber, round robin,
 *                                 held (bounded) while nobody listens
 *   /app/<route>                  SEND only: built-in application handlers (/app/echo, /app/chat.send)
 *   /user/queue/<name>            SUBSCRIBE: your own per-user queue (every connection of your login)
 *   /user/<login>/queue/<name>    SEND: reaches every `/user/queue/<name>` subscription of <login>
 */

export type ResolvedDestination =
  | { readonly kind: 'topic'; readonly name: string }
  | { readonly kind: 'queue'; readonly name: string }
  | { readonly kind: 'app'; readonly route: string }
  /** `user: null` = the session's own user (`/user/queue/<name>`). */
  | { readonly kind: 'user'; readonly user: string | null; readonly name: string }

export const DESTINATION_PREFIXES = ['/topic/', '/queue/', '/app/', '/user/'] as const

function rest(destination: string, prefix: string): string | null {
  if (!destination.startsWith(prefix)) return null
  const name = destination.slice(prefix.length)
  return name.length > 0 ? name : null
}

/** null when Wirelab does not serve the destination. */
export function resolveDestination(destination: string): ResolvedDestination | null {
  const topic = rest(destination, '/topic/')
  if (topic !== null) return { kind: 'topic', name: topic }
  const queue = rest(destination, '/queue/')
  if (queue !== null) return { kind: 'queue', name: queue }
  const app = rest(destination, '/app/')
  if (app !== null) return { kind: 'app', route: app }
  const own = rest(destination, '/user/queue/')
  if (own !== null) return { kind: 'user', user: null, name: own }
  const user = rest(destination, '/user/')
  if (user !== null) {
    const slash = user.indexOf('/queue/')
    if (slash > 0) {
      const name = user.slice(slash + '/queue/'.length)
      if (name.length > 0) return { kind: 'user', user: user.slice(0, slash), name }
    }
  }
  return null
}

/** The MESSAGE `destination` a user-queue subscriber sees (Spring shows the subscribed form). */
export function userQueueDestination(name: string): string {
  return `/user/queue/${name}`
}
