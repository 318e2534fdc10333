/**
 * One STOMP session over one Connection: the state machine
 *
 *   open ──CONNECT/STOMP ok──▶ connected ──DISCONNECT / ERROR / heart-beat loss──▶ closing ──▶ closed
 *     └──────── ERROR (anything but CONNECT, bad CONNECT) ─────────────────────────▶ closing
 *
 * It owns the parser, the heart-beat timers, the subscriptions and the open transactions.
 * Frames go through the state gate (gate.ts) to one handler per command (handlers/*.ts).
 * Everything this session held is released the moment it starts closing: open transactions are
 * aborted (checklist 62) and unacked queue messages requeued for other subscribers (47, 68).
 */
import type { StompVersion } from '../../lib/stomp/frame'
import { makeProblem } from '../../lib/stomp/problems'
import { StompParser, type ParseEvent } from '../../lib/stomp/parser'
import type { TapBus } from '../inspect/bus'
import type { Connection } from './connection'
import type { BrokerOptions } from './options'
import type { Router } from './destinations/router'
import { HeartBeatTimers } from './heartbeat'
import type { BrokerMessage } from './message'
import type { Subscriber, Subscription } from './subscription'
import { Transactions } from './transactions'
import { dispatchFrame } from './gate'
import { errorReceiptId, fail, writeHeartbeat, writeMessage } from './write'
import { clientOf, frameEvent, heartbeatEvent } from './taps'

export type SessionState = 'open' | 'connected' | 'closing' | 'closed'

/** What the broker shares with each of its sessions. */
export interface BrokerContext {
  readonly options: BrokerOptions
  readonly bus: TapBus
  /** The routing table of a virtual host (null = the default one): each has its own destinations. */
  routerFor(vhost: string | null): Router
  nextMessageId(): string
  sessionClosed(session: Session): void
}

const DEFAULT_LINGER_MS = 5000
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000

export class Session implements Subscriber {
  state: SessionState = 'open'
  /** Negotiated version; null until CONNECTED (checklist 21). */
  version: StompVersion | null = null
  /** Login, or the connection id when the client gave none (auth off — checklist 25). */
  user: string | null = null
  /** The named virtual host chosen by CONNECT `host` (options.virtualHosts); null = the default one. */
  vhost: string | null = null
  heartBeat: HeartBeatTimers | null = null
  /** By SUBSCRIBE id (1.0 without id: by destination). */
  readonly subscriptions = new Map<string, Subscription>()
  readonly transactions = new Transactions()
  closeReason: string | null = null
  private readonly parser: StompParser
  private ackCounter = 0
  private linger: ReturnType<typeof setTimeout> | null = null
  private connectTimer: ReturnType<typeof setTimeout> | null = null

  constructor(
    readonly conn: Connection,
    private readonly ctx: BrokerContext,
  ) {
    const limits = ctx.options.limits
    this.parser = new StompParser({
      maxFrameBytes: Math.min(limits.maxFrameBytes, limits.maxPreConnectFrameBytes),
      maxHeaders: limits.maxHeaders,
      maxHeaderLineBytes: limits.maxHeaderLineBytes,
      maxBodyBytes: limits.maxBodyBytes,
      version: null,
      // frames pipelined behind CONNECT in one chunk are decoded with the negotiated version
      negotiate: ctx.options.versions,
      // the exact inbound octets for the tap (stomp.frame `raw`): only when someone watches
      recordRaw: ctx.bus.active,
    })
    conn.onData((chunk) => this.onData(chunk))
    conn.onClose((reason) => this.onTransportClose(reason))
    // a WebSocket message over the transport's limit: ERROR then close, not a bare 1009 — checklist 19, 72
    conn.onRefused?.((refusal) =>
      fail(this, makeProblem('STOMP_ERR_WS_MESSAGE_TOO_LARGE', { version: this.version, limit: refusal.limit, actual: refusal.actual })))
    this.startConnectTimer()
  }

  get id(): string {
    return this.conn.id
  }
  /** The browser tab's cid from the connection's URL, when it gave one (tap events, snapshot). */
  get client(): string | undefined {
    return this.conn.client
  }
  get options(): BrokerOptions {
    return this.ctx.options
  }
  get bus(): TapBus {
    return this.ctx.bus
  }
  /** This session's virtual host's routing table (fixed at CONNECT, before any subscription). */
  get router(): Router {
    return this.ctx.routerFor(this.vhost)
  }
  nextMessageId(): string {
    return this.ctx.nextMessageId()
  }
  /** Frames may still be written (CONNECTED, MESSAGE, RECEIPT, the final ERROR). */
  get canWrite(): boolean {
    return this.state === 'open' || this.state === 'connected'
  }
  get isClosed(): boolean {
    return this.state === 'closed'
  }
  /** Messages may be delivered (Subscriber). */
  get writable(): boolean {
    return this.state === 'connected'
  }

  nextAckId(): string {
    this.ackCounter += 1
    return `ack-${this.ackCounter}`
  }

  sendMessage(sub: Subscription, message: BrokerMessage, ackId: string | null): boolean {
    const target = ackId === null ? sub.plainTarget : { subscriptionId: sub.plainTarget.subscriptionId, ack: sub.ack, ackId }
    return writeMessage(this, message, target)
  }

  /** A topic subscription at its prefetch cap whose hold is full (README: Prefetch). */
  slowConsumer(sub: Subscription): void {
    fail(this, makeProblem('STOMP_ERR_SLOW_CONSUMER', {
      version: this.version, slowConsumerReason: 'hold-overflow', value: sub.destination, actual: sub.unacked.size, limit: sub.heldCount,
    }))
  }

  /** CONNECT accepted: switch the parser to the session's version and limits, start heart-beats. */
  connected(version: StompVersion, user: string, serverToClient: number, clientToServer: number): void {
    this.stopConnectTimer()
    this.state = 'connected'
    this.version = version
    this.user = user
    this.parser.setVersion(version)
    this.parser.setLimits({ maxFrameBytes: this.options.limits.maxFrameBytes })
    if (serverToClient > 0 || clientToServer > 0) {
      this.heartBeat = new HeartBeatTimers(serverToClient, clientToServer, this.options.heartBeatGraceMultiplier, {
        beat: () => writeHeartbeat(this),
        // STOMP 1.2 §Heart-beating: the receiver MAY consider the connection dead — checklist 31
        timeout: (silent) =>
          fail(this, makeProblem('STOMP_ERR_HEARTBEAT_TIMEOUT', { version, actual: silent, limit: clientToServer })),
      })
    }
    if (this.bus.active) {
      this.bus.publish({
        type: 'broker.session', t: performance.now(), conn: this.id, ...clientOf(this), state: 'connected', transport: this.conn.transport,
        remote: this.conn.remote, version, user, heartBeat: [serverToClient, clientToServer],
      })
    }
  }

  removeSubscription(sub: Subscription): void {
    if (this.subscriptions.get(sub.id) !== sub) return
    this.subscriptions.delete(sub.id)
    if (this.bus.active) {
      this.bus.publish({
        type: 'broker.subscription', t: performance.now(), conn: this.id, ...clientOf(this), action: 'remove',
        id: sub.id, destination: sub.destination, ack: sub.ack,
      })
    }
    this.router.detach(sub)
  }

  /**
   * Stop talking and close after flushing what was written (checklist 67). Releases everything at
   * once; if the peer does not take the last bytes within the linger time, destroy.
   */
  close(code: number, reason: string): void {
    if (!this.canWrite) return
    this.state = 'closing'
    this.closeReason = reason
    this.release()
    this.conn.close(code, reason)
    // (a transport may report the close synchronously: then there is nothing to wait for)
    if (this.isClosed) return
    this.linger = setTimeout(() => this.conn.destroy(), this.options.closeLingerMs ?? DEFAULT_LINGER_MS)
    this.linger.unref()
  }

  /**
   * STOMP 1.2 §Connecting: a session starts with CONNECT or STOMP — checklist 20. A connection
   * that never sends it gets ERROR STOMP_ERR_CONNECT_TIMEOUT and is closed, not kept forever.
   */
  private startConnectTimer(): void {
    const ms = this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
    if (!(ms > 0)) return
    this.connectTimer = setTimeout(() => {
      this.connectTimer = null
      if (this.state === 'open') fail(this, makeProblem('STOMP_ERR_CONNECT_TIMEOUT', { limit: ms }))
    }, ms)
    this.connectTimer.unref()
  }

  private stopConnectTimer(): void {
    if (this.connectTimer) clearTimeout(this.connectTimer)
    this.connectTimer = null
  }

  private release(): void {
    this.stopConnectTimer()
    this.heartBeat?.stop()
    this.transactions.clear() // checklist 62
    for (const sub of [...this.subscriptions.values()]) this.removeSubscription(sub) // checklist 47, 68
  }

  private onTransportClose(reason: string): void {
    if (this.state === 'closed') return
    if (this.state !== 'closing') this.closeReason = reason
    this.state = 'closing'
    this.release()
    this.state = 'closed'
    if (this.linger) clearTimeout(this.linger)
    if (this.bus.active) {
      this.bus.publish({
        type: 'broker.session', t: performance.now(), conn: this.id, ...clientOf(this), state: 'closed', transport: this.conn.transport,
        reason: this.closeReason ?? reason,
      })
    }
    this.ctx.sessionClosed(this)
  }

  private onData(chunk: Uint8Array): void {
    // frames after DISCONNECT or ERROR are ignored
    if (!this.canWrite) return
    this.heartBeat?.received() // checklist 32: any byte counts
    const events = this.parser.push(chunk)
    for (const event of events) {
      if (!this.canWrite) return
      this.onEvent(event)
    }
  }

  private onEvent(event: ParseEvent): void {
    switch (event.type) {
      case 'heartbeat':
        // checklist 3, 33: EOLs between frames are heart-beats, never frames, never an error
        if (this.bus.wants(this.id, this.client)) this.bus.publish(heartbeatEvent(this, 'in', event.bytes))
        return
      case 'error':
        // checklist 72: parse errors get an ERROR before the close, with receipt-id when the
        // parser had read the failing frame's receipt before the fault (71) — never CONNECT's (27)
        fail(this, event.problem, { receiptId: errorReceiptId(event.command, event.receipt) })
        return
      case 'frame':
        if (this.bus.wants(this.id, this.client)) this.bus.publish(frameEvent(this, 'in', event.frame, event.wireBytes, event.raw))
        dispatchFrame(this, event.frame)
    }
  }
}
