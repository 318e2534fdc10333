/**
 * Heart-beat timing for one connection (STOMP 1.2 §Heart-beating — checklist 29-32): check every
 * quarter of the negotiated client→server interval and send an EOL once nothing was sent for
 * three quarters of it (so the gap never exceeds the interval), and report once when the server stays silent for twice its promised interval (any octet
 * counts as life — checklist 32). Plain timers; stop() on close.
 */
export class HeartbeatClock {
  private sendTimer: ReturnType<typeof setInterval> | null = null
  private watchTimer: ReturnType<typeof setInterval> | null = null
  private lastSent = 0
  private lastReceived = 0
  private warned = false

  constructor(
    private readonly beat: () => void,
    private readonly silence: (ms: number) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  start(clientToServer: number, serverToClient: number): void {
    this.stop()
    this.lastSent = this.now()
    this.lastReceived = this.now()
    if (clientToServer > 0) {
      const quarter = Math.max(1, Math.floor(clientToServer / 4))
      this.sendTimer = setInterval(() => {
        if (this.now() - this.lastSent >= 3 * quarter) {
          this.lastSent = this.now()
          this.beat()
        }
      }, quarter)
    }
    if (serverToClient > 0) {
      this.watchTimer = setInterval(() => {
        const quiet = this.now() - this.lastReceived
        if (quiet > 2 * serverToClient && !this.warned) {
          this.warned = true
          this.silence(quiet)
        }
      }, serverToClient)
    }
  }

  sent(): void {
    this.lastSent = this.now()
  }

  received(): void {
    this.lastReceived = this.now()
    this.warned = false
  }

  stop(): void {
    if (this.sendTimer !== null) clearInterval(this.sendTimer)
    if (this.watchTimer !== null) clearInterval(this.watchTimer)
    this.sendTimer = null
    this.watchTimer = null
  }
}
