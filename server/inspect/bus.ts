/**
 * The tap bus: every layer publishes typed events here. With no listener, `active` is false and
 * taps skip building events at all, so a broker nobody watches pays one boolean check per frame.
 */
import type { InspectEvent } from '../../lib/inspect/events'

export type TapListener = (event: InspectEvent) => void

export class TapBus {
  private readonly listeners = new Set<TapListener>()

  /** Cheap guard for hot paths: `if (bus.active) bus.publish(build())`. */
  get active(): boolean {
    return this.listeners.size > 0
  }

  publish(event: InspectEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  subscribe(listener: TapListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }
}
