/**
 * Heart-beat timers of one session (STOMP 1.2 §Heart-beating). The intervals come from the
 * spec's negotiation math (lib/stomp/negotiate.ts — checklist 29).
 *
 * Sending (checklist 30): a timer ticks every outgoing/2 ms; if nothing at all was written since
 * the previous tick, it writes one EOL. So the gap between two writes stays below the interval
 * (RabbitMQ likewise beats at ~n/2), whatever the timer's jitter.
 *
 * Receiving (checklist 31, 32): any inbound byte counts as liveness, not only EOLs. A timer
 * checks every incoming/2 ms; when no byte arrived for incoming × graceMultiplier ms the client
 * is declared dead. With the default multiplier the margin is documented in server/config.ts.
 */

export interface HeartBeatHooks {
  /** Write one EOL (heart-beat) to the client. */
  beat(): void
  /** The client has been silent past the grace window. */
  timeout(silentMs: number): void
}

export class HeartBeatTimers {
  private sentSinceTick = true
  private lastReceived = Date.now()
  private readonly timers: ReturnType<typeof setInterval>[] = []

  constructor(
    /** server→client interval in ms (0 = none). */
    readonly outgoing: number,
    /** client→server interval in ms (0 = none). */
    readonly incoming: number,
    graceMultiplier: number,
    hooks: HeartBeatHooks,
  ) {
    if (outgoing > 0) {
      this.timers.push(
        setInterval(() => {
          if (!this.sentSinceTick) hooks.beat()
          this.sentSinceTick = false
        }, Math.max(1, Math.floor(outgoing / 2))).unref(),
      )
    }
    if (incoming > 0) {
      const window = incoming * graceMultiplier
      this.timers.push(
        setInterval(() => {
          const silent = Date.now() - this.lastReceived
          if (silent > window) hooks.timeout(silent)
        }, Math.max(1, Math.floor(incoming / 2))).unref(),
      )
    }
  }

  /** Something (a frame or an EOL) was written to the client. */
  sent(): void {
    this.sentSinceTick = true
  }

  /** Some bytes arrived from the client (checklist 32: any byte counts). */
  received(): void {
    if (this.incoming > 0) this.lastReceived = Date.now()
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t)
    this.timers.length = 0
  }
}
