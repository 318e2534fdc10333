/**
 * Transactions (STOMP 1.2 §BEGIN/§COMMIT/§ABORT — checklist 59-63): SEND, ACK and NACK frames
 * naming an open transaction are validated when they arrive, buffered, and applied all together
 * on COMMIT; ABORT, DISCONNECT and connection loss discard them (62), so a transactional ACK that
 * is aborted leaves its message unacked (63).
 */
import type { BrokerMessage } from './message'
import type { DeliveryTarget } from './destinations/router'
import type { Subscription } from './subscription'

export type TxOp =
  | { readonly kind: 'send'; readonly target: DeliveryTarget; readonly message: BrokerMessage }
  | { readonly kind: 'ack' | 'nack'; readonly sub: Subscription; readonly ackId: string }

export class Transactions {
  private readonly open = new Map<string, TxOp[]>()

  get size(): number {
    return this.open.size
  }
  has(id: string): boolean {
    return this.open.has(id)
  }
  /** false when `id` is already open (checklist 59: ids unique per connection). */
  begin(id: string): boolean {
    if (this.open.has(id)) return false
    this.open.set(id, [])
    return true
  }
  add(id: string, op: TxOp): void {
    this.open.get(id)?.push(op)
  }
  /** Close the transaction and return its operations (undefined if it was not open). */
  end(id: string): TxOp[] | undefined {
    const ops = this.open.get(id)
    this.open.delete(id)
    return ops
  }
  /** Abort everything (DISCONNECT or connection loss — checklist 62). */
  clear(): void {
    this.open.clear()
  }
}
