/**
 * The destination families Wirelab's broker serves (checklist 36: destinations are opaque,
 * server-defined strings). Data for the problem texts (STOMP_ERR_BAD_DESTINATION lists them) and
 * for any view that explains them; the broker's behaviour is documented in server/broker/README.md.
 */
export interface DestinationFamily {
  readonly pattern: string
  readonly use: string
}

export const WIRELAB_DESTINATIONS: readonly DestinationFamily[] = [
  { pattern: '/topic/<name>', use: 'publish-subscribe: each message to every subscriber; subscribers may use wildcards (. separates words, * = one word, # = zero or more: /topic/chat.*, /topic/chat.#)' },
  { pattern: '/queue/<name>', use: 'point-to-point: each message to one subscriber' },
  { pattern: '/app/echo', use: 'SEND only: the message comes back on your own /user/queue/echo' },
  { pattern: '/app/chat.send', use: 'SEND only (header room): a JSON chat message to /topic/chat.<room>' },
  { pattern: '/user/queue/<name>', use: 'SUBSCRIBE: your own per-user queue' },
  { pattern: '/user/<login>/queue/<name>', use: 'SEND: reaches that user\'s /user/queue/<name> subscriptions' },
]

/** One line per family, patterns aligned: the list in an ERROR body. */
export function destinationList(): string {
  const width = Math.max(...WIRELAB_DESTINATIONS.map((d) => d.pattern.length))
  return WIRELAB_DESTINATIONS.map((d) => `  ${d.pattern.padEnd(width)}  ${d.use}`).join('\n')
}
