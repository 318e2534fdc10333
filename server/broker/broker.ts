/**
 * Wirelab's STOMP broker: takes any Connection (ws, SockJS, TCP — the transports adapt their
 * sockets), runs one Session per connection, routes messages between them, and shows everything
 * on the tap bus. See session.ts (state machine), gate.ts (state gate), handlers/ (one per
 * command), write.ts (the one write path and the one error path), destinations/ (routing).
 */
import type { BrokerSnapshot, SessionInfo, SubscriptionInfo } from '../../lib/inspect/protocol'
import type { TapBus } from '../inspect/bus'
import type { Connection } from './connection'
import type { BrokerOptions } from './options'
import { Router } from './destinations/router'
import { Session, type BrokerContext } from './session'
import { clientOf } from './taps'

/**
 * The snapshot is plain JSON, sent to viewers as is: one definition, lib/inspect/protocol.ts.
 * A session's `heartBeat` = negotiated [server→client, client→server] ms (0 = none), null
 * before CONNECTED; its `client` = the browser tab's cid when the connection gave one.
 */
export type { BrokerSnapshot, DestinationInfo as DestinationSnapshot } from '../../lib/inspect/protocol'
export type SessionSnapshot = SessionInfo
export type SubscriptionSnapshot = SubscriptionInfo

/** WebSocket "going away" for server shutdown. */
const CLOSE_GOING_AWAY = 1001
const SHUTDOWN_TIMEOUT_MS = 2000

export class Broker {
  private readonly sessions = new Set<Session>()
  private readonly router: Router
  /** One routing table per named virtual host, made when its first session connects. */
  private readonly vhostRouters = new Map<string, Router>()
  private readonly context: BrokerContext
  private messageCounter = 0
  private stopping = false
  private drained: (() => void) | null = null

  constructor(
    readonly options: BrokerOptions,
    readonly bus: TapBus,
  ) {
    this.router = new Router(bus, options.queueMaxMessages)
    this.context = {
      options,
      bus,
      routerFor: (vhost) => this.routerFor(vhost),
      nextMessageId: () => `m-${++this.messageCounter}`,
      sessionClosed: (session) => {
        this.sessions.delete(session)
        if (this.sessions.size === 0) this.drained?.()
      },
    }
  }

  private routerFor(vhost: string | null): Router {
    if (vhost === null) return this.router
    let router = this.vhostRouters.get(vhost)
    if (!router) {
      router = new Router(this.bus, this.options.queueMaxMessages)
      this.vhostRouters.set(vhost, router)
    }
    return router
  }

  get sessionCount(): number {
    return this.sessions.size
  }

  /** Start a STOMP session on a connection handed over by a transport. */
  accept(conn: Connection): void {
    if (this.stopping) {
      conn.close(CLOSE_GOING_AWAY, 'server shutting down')
      return
    }
    const session = new Session(conn, this.context)
    this.sessions.add(session)
    if (this.bus.active) {
      this.bus.publish({
        type: 'broker.session', t: performance.now(), conn: conn.id, ...clientOf(session), state: 'open', transport: conn.transport, remote: conn.remote,
      })
    }
  }

  snapshot(): BrokerSnapshot {
    const sessions: SessionSnapshot[] = []
    const subscriptions: SubscriptionSnapshot[] = []
    for (const s of this.sessions) {
      const hb = s.heartBeat
      sessions.push({
        id: s.id, transport: s.conn.transport, remote: s.conn.remote, ...clientOf(s), state: s.state, user: s.user, version: s.version,
        heartBeat: s.version === null ? null : [hb?.outgoing ?? 0, hb?.incoming ?? 0],
      })
      for (const sub of s.subscriptions.values()) {
        subscriptions.push({ session: s.id, id: sub.id, destination: sub.destination, ack: sub.ack, unacked: sub.unacked.size })
      }
    }
    // named virtual hosts' destinations are listed too (their names may repeat the default's)
    const destinations = [this.router, ...this.vhostRouters.values()].flatMap((r) => r.snapshot())
    return { sessions, subscriptions, destinations }
  }

  /**
   * Close every session gracefully: no ERROR, just flush what was written and close (WebSocket
   * 1001 "going away", TCP FIN). Resolves when all are closed, or after `timeoutMs` — stragglers
   * (peers that stopped reading) are then destroyed. New connections are refused meanwhile.
   */
  shutdown(reason = 'server shutting down', timeoutMs = SHUTDOWN_TIMEOUT_MS): Promise<void> {
    this.stopping = true
    if (this.sessions.size === 0) return Promise.resolve()
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        for (const s of [...this.sessions]) s.conn.destroy()
        resolve()
      }, timeoutMs)
      timer.unref()
      this.drained = () => {
        clearTimeout(timer)
        resolve()
      }
      for (const s of [...this.sessions]) {
        if (s.canWrite) s.close(CLOSE_GOING_AWAY, reason)
      }
    })
  }
}
