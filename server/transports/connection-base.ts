/**
 * What every transport's Connection shares: ids (`ws-1`, `sockjs-4`, `tcp-9`), inbound bytes held
 * until the broker registers its listener, one-shot close notification and drain listeners.
 */
import type { TransportKind } from '../../lib/inspect/events'
import type { InboundRefusal } from '../broker/connection'

const counters: Record<TransportKind, number> = { ws: 0, sockjs: 0, tcp: 0 }

export function nextConnectionId(kind: TransportKind): string {
  counters[kind] += 1
  return `${kind}-${counters[kind]}`
}

export function remoteOf(address: string | undefined, port: number | undefined): string {
  if (!address) return 'unknown'
  return address.includes(':') ? `[${address}]:${port ?? 0}` : `${address}:${port ?? 0}`
}

export class ConnectionEvents {
  private dataListeners: Array<(chunk: Uint8Array) => void> = []
  private closeListeners: Array<(reason: string) => void> = []
  private drainListeners: Array<() => void> = []
  private refusedListeners: Array<(refusal: InboundRefusal) => void> = []
  /** Bytes that arrived before anyone listened (chunk order kept; checklist 75). */
  private pending: Uint8Array[] = []
  private closedReason: string | null = null

  get closed(): boolean {
    return this.closedReason !== null
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.dataListeners.push(listener)
    const held = this.pending
    this.pending = []
    for (const chunk of held) listener(chunk)
  }

  onClose(listener: (reason: string) => void): void {
    if (this.closedReason !== null) {
      const reason = this.closedReason
      queueMicrotask(() => listener(reason))
      return
    }
    this.closeListeners.push(listener)
  }

  onDrain(listener: () => void): void {
    this.drainListeners.push(listener)
  }

  onRefused(listener: (refusal: InboundRefusal) => void): void {
    this.refusedListeners.push(listener)
  }

  /** false when nobody listens to refusals: the transport then closes on its own. */
  refused(refusal: InboundRefusal): boolean {
    if (this.closedReason !== null) return true
    for (const listener of this.refusedListeners) listener(refusal)
    return this.refusedListeners.length > 0
  }

  data(chunk: Uint8Array): void {
    if (this.closedReason !== null || chunk.byteLength === 0) return
    if (this.dataListeners.length === 0) {
      this.pending.push(chunk)
      return
    }
    for (const listener of this.dataListeners) listener(chunk)
  }

  drain(): void {
    for (const listener of this.drainListeners) listener()
  }

  /** Fires the close listeners once; later calls are ignored. */
  close(reason: string): void {
    if (this.closedReason !== null) return
    this.closedReason = reason
    this.pending = []
    const listeners = this.closeListeners
    this.closeListeners = []
    this.dataListeners = []
    this.drainListeners = []
    this.refusedListeners = []
    for (const listener of listeners) listener(reason)
  }
}
