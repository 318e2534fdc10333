/**
 * The tap bus: every layer publishes typed events here. With no listener, `active` is false and
 * taps skip building events at all, so a broker nobody watches pays one boolean check per frame.
 *
 * A listener may also say which connections it cares about (`interest`): then the per-frame taps
 * (WebSocket and SockJS frames, STOMP frames and heart-beats, HTTP exchanges) ask `wants(conn,
 * client)` and build nothing for the others — a classroom of tabs each watching its own `cid`
 * costs what their own traffic costs, not what the whole server carries. Rare events (sessions,
 * subscriptions, routes, errors) keep the `active` guard: filters decide about them.
 */
import type { InspectEvent } from '../../lib/inspect/events'

export type TapListener = (event: InspectEvent) => void

/** The connections a listener wants events about (by connection id or by the tab's cid). */
export interface TapInterest {
  readonly conns: ReadonlySet<string>
  readonly clients: ReadonlySet<string>
}

export class TapBus {
  /** Each listener and its interest (null = everything). */
  private readonly listeners = new Map<TapListener, TapInterest | null>()
  /** Union of the interests; null = everything (or nobody). */
  private union: TapInterest | null = null

  /** Cheap guard for hot paths: `if (bus.active) bus.publish(build())`. */
  get active(): boolean {
    return this.listeners.size > 0
  }

  /** Someone wants events about this connection (`active`, narrowed by the listeners' interests). */
  wants(conn: string, client?: string): boolean {
    if (this.listeners.size === 0) return false
    const union = this.union
    return union === null || union.conns.has(conn) || (client !== undefined && union.clients.has(client))
  }

  publish(event: InspectEvent): void {
    for (const listener of this.listeners.keys()) listener(event)
  }

  /** `interest` null (default) = every event of every connection. */
  subscribe(listener: TapListener, interest: TapInterest | null = null): () => void {
    this.listeners.set(listener, interest)
    this.recompute()
    return () => {
      this.listeners.delete(listener)
      this.recompute()
    }
  }

  /** Change a subscribed listener's interest. */
  setInterest(listener: TapListener, interest: TapInterest | null): void {
    if (!this.listeners.has(listener)) return
    this.listeners.set(listener, interest)
    this.recompute()
  }

  private recompute(): void {
    const conns = new Set<string>()
    const clients = new Set<string>()
    for (const interest of this.listeners.values()) {
      if (interest === null) {
        this.union = null
        return
      }
      for (const c of interest.conns) conns.add(c)
      for (const c of interest.clients) clients.add(c)
    }
    this.union = { conns, clients }
  }
}
