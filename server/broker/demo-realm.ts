/**
 * Wirelab's demo realm (lesson 14, Security): a named virtual host, `secure` by default, chosen
 * with the CONNECT header `host:secure`. Authentication stays off everywhere else (issue 3), so
 * a plain `npm start` serves both: the open default virtual host every other lesson uses, and
 * this one, where a login and passcode are required and destinations are authorized per user.
 *
 *   destination               SEND                        SUBSCRIBE
 *   /topic/announcements      administrators only         every user of the realm
 *   /queue/private.<login>    every user of the realm     <login> only
 *   anything else             every user of the realm     every user of the realm
 *
 * Configured by STOMP_DEMO_HOST, STOMP_DEMO_USERS and STOMP_DEMO_ADMINS (server/config.ts).
 * Being a virtual host, the realm has destinations of its own: `/queue/private.alice` here is
 * not `/queue/private.alice` of the default virtual host, where anyone may claim to be alice.
 */
import type { AuthorizationPolicy, AuthorizeAction, VirtualHostOptions } from './options'

export const ANNOUNCEMENTS = '/topic/announcements'
export const PRIVATE_QUEUE_PREFIX = '/queue/private.'

export interface DemoRealm {
  /** The CONNECT `host` value that selects the realm. */
  readonly host: string
  /** login → passcode. */
  readonly users: ReadonlyMap<string, string>
  /** Logins that may SEND to /topic/announcements. */
  readonly admins: ReadonlySet<string>
}

/** The rule names, as ERROR bodies quote them. */
export const RULES = {
  announcements: 'announcements: administrators send, everyone reads',
  privateQueue: 'private queues: only the owner subscribes, anyone in the realm may send',
} as const

/** The realm's authorization rules (the table above): `true`, or the sentence of the refusal (ERROR body). */
export class DemoRealmPolicy implements AuthorizationPolicy {
  constructor(readonly realm: DemoRealm) {}

  authorize(user: string, action: AuthorizeAction, destination: string): true | string {
    const { host, admins } = this.realm
    const where = `in virtual host "${host}"`
    if (destination === ANNOUNCEMENTS && action === 'send' && !admins.has(user)) {
      const list = admins.size === 0 ? 'none is configured' : [...admins].map((a) => `"${a}"`).join(', ')
      return `Only an administrator (${list}) may SEND to ${ANNOUNCEMENTS} ${where} (rule "${RULES.announcements}"); you are logged in as "${user}". SUBSCRIBE to ${ANNOUNCEMENTS} to read them.`
    }
    if (destination.startsWith(PRIVATE_QUEUE_PREFIX) && action === 'subscribe') {
      const owner = destination.slice(PRIVATE_QUEUE_PREFIX.length)
      if (owner !== user) {
        const whose = owner === '' ? 'nobody\'s queue' : `the private queue of "${owner}"`
        return `${destination} is ${whose}: only its owner may SUBSCRIBE to it ${where} (rule "${RULES.privateQueue}"); you are logged in as "${user}", so yours is ${PRIVATE_QUEUE_PREFIX}${user}.`
      }
    }
    return true
  }
}

/** The realm as BrokerOptions.virtualHosts wants it. */
export function demoRealmVirtualHosts(realm: DemoRealm | null): ReadonlyMap<string, VirtualHostOptions> {
  if (realm === null) return new Map()
  return new Map([[realm.host, { users: realm.users, policy: new DemoRealmPolicy(realm) }]])
}
