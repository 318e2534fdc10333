/**
 * What the lab's endpoints share: the feeds, the counters, the logger, and the list of things to
 * end when the server shuts down (held long polls, open streams, sockets).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../log'
import type { LabCounters, LabTransport } from './counters'
import type { FeedHub, FeedMessage } from './feed'
import type { LabUrl } from './http-util'

export interface LabContext {
  readonly feeds: FeedHub
  readonly counters: LabCounters
  readonly log: Logger
  /** SSE comment heartbeat period (15 s). */
  readonly sseHeartbeatMs: number
  /** True once shutdown began: new work is refused. */
  readonly closing: () => boolean
  /** Runs `action` at shutdown unless the returned function is called first. */
  onShutdown(action: () => void): () => void
}

/** One lab HTTP request, already counted for its transport. */
export interface Exchange {
  readonly req: IncomingMessage
  readonly res: ServerResponse
  readonly url: LabUrl
  readonly cid: string | null
  readonly transport: LabTransport
  /** Record that `message` was written to this exchange's socket just now. */
  delivered(message: FeedMessage): void
}

export class ShutdownList {
  private readonly actions = new Set<() => void>()

  add(action: () => void): () => void {
    this.actions.add(action)
    return () => {
      this.actions.delete(action)
    }
  }

  runAll(log: Logger): void {
    for (const action of [...this.actions]) {
      this.actions.delete(action)
      try {
        action()
      } catch (error) {
        log.error('lab.shutdown_action_failed', { error })
      }
    }
  }

  get size(): number {
    return this.actions.size
  }
}
