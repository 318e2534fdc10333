/**
 * One viewer's outbound queue: a ring of at most `max` events. When full, the oldest event is
 * dropped and counted; the viewer is told how many before its next batch (`dropped`).
 */
import type { InspectEvent } from '../../lib/inspect/events'

export class ViewerQueue {
  private readonly ring: (InspectEvent | undefined)[]
  private head = 0
  private count = 0
  private droppedSince = 0

  constructor(readonly max: number) {
    this.ring = new Array<InspectEvent | undefined>(max)
  }

  get length(): number {
    return this.count
  }

  /** Dropped since the last takeDropped(). */
  get dropped(): number {
    return this.droppedSince
  }

  push(event: InspectEvent): void {
    if (this.count === this.max) {
      this.ring[this.head] = event
      this.head = (this.head + 1) % this.max
      this.droppedSince += 1
      return
    }
    this.ring[(this.head + this.count) % this.max] = event
    this.count += 1
  }

  /** The oldest `n` events (fewer when there are fewer), removed from the queue. */
  take(n: number): InspectEvent[] {
    const out: InspectEvent[] = []
    while (out.length < n && this.count > 0) {
      out.push(this.ring[this.head] as InspectEvent)
      this.ring[this.head] = undefined
      this.head = (this.head + 1) % this.max
      this.count -= 1
    }
    return out
  }

  takeDropped(): number {
    const n = this.droppedSince
    this.droppedSince = 0
    return n
  }

  clear(): void {
    this.ring.fill(undefined)
    this.head = 0
    this.count = 0
    this.droppedSince = 0
  }
}
