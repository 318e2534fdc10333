/**
 * `/user/queue/<name>` (Spring's user destinations): each logged-in user has private queues. A
 * SEND to `/user/<login>/queue/<name>` reaches every `/user/queue/<name>` subscription of that
 * login, on every connection of that user. Like Spring's simple broker, a message for a user with
 * no such subscription is not stored (the broker.route event shows it reached no one).
 */
import type { Subscription } from '../subscription'
import type { DestinationSnapshot } from './topics'

export class UserRegistry {
  private readonly byUser = new Map<string, Map<string, Set<Subscription>>>()

  add(user: string, name: string, sub: Subscription): void {
    let queues = this.byUser.get(user)
    if (!queues) {
      queues = new Map()
      this.byUser.set(user, queues)
    }
    let subs = queues.get(name)
    if (!subs) {
      subs = new Set()
      queues.set(name, subs)
    }
    subs.add(sub)
  }

  remove(user: string, name: string, sub: Subscription): void {
    const queues = this.byUser.get(user)
    const subs = queues?.get(name)
    if (!queues || !subs) return
    subs.delete(sub)
    if (subs.size === 0) queues.delete(name)
    if (queues.size === 0) this.byUser.delete(user)
  }

  match(user: string, name: string): Subscription[] {
    const subs = this.byUser.get(user)?.get(name)
    return subs ? [...subs] : []
  }

  snapshot(): DestinationSnapshot[] {
    const out: DestinationSnapshot[] = []
    for (const [user, queues] of this.byUser) {
      for (const [name, subs] of queues) {
        let depth = 0
        for (const sub of subs) depth += sub.heldCount
        out.push({ name: `/user/${user}/queue/${name}`, kind: 'user', depth, subscribers: subs.size })
      }
    }
    return out
  }
}
