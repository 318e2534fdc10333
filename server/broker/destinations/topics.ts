/**
 * `/topic/<name>` publish-subscribe. Exact patterns are found by one map lookup (the common case
 * and the fan-out hot path); wildcard patterns (`*`, `#`) are matched word by word.
 */
import type { DestinationInfo } from '../../../lib/inspect/protocol'
import type { Subscription } from '../subscription'
import { isWildcardPattern, topicMatches } from './topic-pattern'

interface WildcardEntry {
  readonly words: readonly string[]
  readonly subs: Set<Subscription>
}

/**
 * One destination in the broker snapshot (lib/inspect/protocol.ts DestinationInfo): `depth` =
 * messages waiting, held in a queue or per subscription at its prefetch cap (topics).
 */
export type DestinationSnapshot = DestinationInfo

export class TopicRegistry {
  private readonly exact = new Map<string, Set<Subscription>>()
  private readonly wildcard = new Map<string, WildcardEntry>()

  add(pattern: string, sub: Subscription): void {
    if (isWildcardPattern(pattern)) {
      let entry = this.wildcard.get(pattern)
      if (!entry) {
        entry = { words: pattern.split('.'), subs: new Set() }
        this.wildcard.set(pattern, entry)
      }
      entry.subs.add(sub)
      return
    }
    let subs = this.exact.get(pattern)
    if (!subs) {
      subs = new Set()
      this.exact.set(pattern, subs)
    }
    subs.add(sub)
  }

  remove(pattern: string, sub: Subscription): void {
    const entry = this.wildcard.get(pattern)
    if (entry) {
      entry.subs.delete(sub)
      if (entry.subs.size === 0) this.wildcard.delete(pattern)
      return
    }
    const subs = this.exact.get(pattern)
    if (!subs) return
    subs.delete(sub)
    if (subs.size === 0) this.exact.delete(pattern)
  }

  /** Every subscription whose pattern matches the topic name. */
  match(name: string): Subscription[] {
    const found: Subscription[] = []
    const exact = this.exact.get(name)
    if (exact) for (const sub of exact) found.push(sub)
    if (this.wildcard.size > 0) {
      const words = name.split('.')
      for (const entry of this.wildcard.values()) {
        if (topicMatches(entry.words, words)) for (const sub of entry.subs) found.push(sub)
      }
    }
    return found
  }

  snapshot(): DestinationSnapshot[] {
    const out: DestinationSnapshot[] = []
    const add = (pattern: string, subs: Set<Subscription>): void => {
      let depth = 0
      for (const sub of subs) depth += sub.heldCount
      out.push({ name: `/topic/${pattern}`, kind: 'topic', depth, subscribers: subs.size })
    }
    for (const [pattern, subs] of this.exact) add(pattern, subs)
    for (const [pattern, entry] of this.wildcard) add(pattern, entry.subs)
    return out
  }
}
