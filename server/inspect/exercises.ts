/**
 * /ws/exercise: the server checks a learner's exercises on its own events (issue 6). A lesson page
 * opens one socket with its tab's `?cid=`, says which exercises it shows (lib/exercises/protocol.ts),
 * and from then on this endpoint records every tap event of that tab's connections — the same
 * events /ws/inspect would stream — runs each exercise's pure check (lib/exercises) over them and
 * sends a verdict whenever one changes. What the learner sees as "done" is what the broker and
 * the taps really saw; nothing the page claims is trusted.
 *
 * Bounds: at most `maxEvents` events per page (oldest forgotten), checks run at most every
 * `debounceMs` (not per event), verdicts are tiny and skipped while the socket is backed up.
 * Only the tab's own connections are recorded (bus interest by cid), plus route events that
 * delivered to them (a MESSAGE another tab sent).
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import type { InspectEvent } from '../../lib/inspect/events'
import { evaluate, sameVerdict } from '../../lib/exercises/evaluate'
import { parseExerciseClientMessage, type ExerciseServerMessage } from '../../lib/exercises/protocol'
import { findExercise as findInRegistry } from '../../lib/exercises/registry'
import type { ExerciseDef, Verdict } from '../../lib/exercises/types'
import type { Logger } from '../log'
import type { TapBus } from './bus'
import { clientIdFromUrl } from './client-id'

export interface ExerciseEndpointOptions {
  readonly bus: TapBus
  readonly log: Logger
  /** Events kept per page (default 5,000). */
  readonly maxEvents?: number
  /** Checks run this long after the last new event at the latest (default 40 ms). */
  readonly debounceMs?: number
  /** The exercises known (default: the course's registry); tests pass their own. */
  readonly findExercise?: (id: string) => ExerciseDef | undefined
}

export interface ExerciseEndpoint {
  readonly handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void
  readonly sessionCount: number
  close(): Promise<void>
}

const MAX_MESSAGE = 16 * 1024
const HIGH_WATER = 256 * 1024
const CLOSE_LINGER_MS = 500

/** Answer an upgrade that cannot be served with a plain HTTP error, then close. */
function refuse(socket: Duplex, status: number, text: string): void {
  const body = `${text}\n`
  socket.end(`HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, () => socket.destroy())
}

interface Watched {
  readonly def: ExerciseDef
  /** Events with a sequence number below this are before the last reset. */
  from: number
  last?: Verdict
  /** Reached done: stays done until reset (a later mistake does not undo what happened). */
  latched: boolean
}

class ExerciseSession {
  private readonly events: { seq: number; event: InspectEvent }[] = []
  private seq = 0
  private readonly ownConns = new Set<string>()
  private readonly watched = new Map<string, Watched>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private unsubscribe: (() => void) | null = null

  constructor(
    private readonly ws: WebSocket,
    private readonly cid: string,
    private readonly options: Required<Pick<ExerciseEndpointOptions, 'maxEvents' | 'debounceMs' | 'findExercise'>> & { bus: TapBus; log: Logger },
  ) {
    this.send({ type: 'hello', cid })
    ws.on('message', (data: RawData, isBinary: boolean) => this.onMessage(data, isBinary))
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) return this.send({ type: 'error', message: 'send JSON text messages, not binary ones' })
    const message = parseExerciseClientMessage(data.toString())
    if ('error' in message) return this.send({ type: 'error', message: message.error })
    if (message.type === 'watch') {
      const unknown = message.exercises.filter((id) => this.options.findExercise(id) === undefined)
      if (unknown.length > 0) this.send({ type: 'error', message: `unknown exercise ${unknown.map((id) => JSON.stringify(id)).join(', ')}` })
      const wanted = new Set(message.exercises)
      for (const id of [...this.watched.keys()]) if (!wanted.has(id)) this.watched.delete(id)
      for (const id of wanted) {
        const def = this.options.findExercise(id)
        if (def && !this.watched.has(id)) this.watched.set(id, { def, from: 0, latched: false })
      }
      this.listen()
      this.check(true)
      return
    }
    const watched = this.watched.get(message.exercise)
    if (!watched) return this.send({ type: 'error', message: `reset: ${JSON.stringify(message.exercise)} is not watched` })
    watched.from = this.seq
    watched.latched = false
    watched.last = undefined
    this.check(true)
  }

  private listen(): void {
    if (this.watched.size === 0) {
      this.unsubscribe?.()
      this.unsubscribe = null
      return
    }
    this.unsubscribe ??= this.options.bus.subscribe((event) => this.onEvent(event), { conns: new Set(), clients: new Set([this.cid]) })
  }

  private mine(event: InspectEvent): boolean {
    if (event.client === this.cid) {
      this.ownConns.add(event.conn)
      return true
    }
    if (this.ownConns.has(event.conn)) return true
    return event.type === 'broker.route' && event.deliveredTo.some((d) => this.ownConns.has(d.conn))
  }

  private onEvent(event: InspectEvent): void {
    if (!this.mine(event)) return
    this.events.push({ seq: this.seq++, event })
    if (this.events.length > this.options.maxEvents) this.events.splice(0, this.events.length - this.options.maxEvents)
    if (event.type === 'broker.session' && event.state === 'closed') this.ownConns.delete(event.conn)
    this.timer ??= setTimeout(() => {
      this.timer = null
      this.check(false)
    }, this.options.debounceMs)
  }

  private check(always: boolean): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    for (const watched of this.watched.values()) {
      if (watched.latched && !always) continue
      if (watched.latched && watched.last) {
        this.send({ type: 'verdict', verdict: watched.last })
        continue
      }
      const events = this.events.filter((e) => e.seq >= watched.from).map((e) => e.event)
      const verdict = evaluate(watched.def, events)
      if (verdict.done) watched.latched = true
      if (!always && sameVerdict(watched.last, verdict)) continue
      if (this.ws.bufferedAmount > HIGH_WATER) continue // sent with the next change
      watched.last = verdict
      this.send({ type: 'verdict', verdict })
    }
  }

  private send(message: ExerciseServerMessage): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message))
  }

  dispose(): void {
    this.unsubscribe?.()
    this.unsubscribe = null
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}

export function createExerciseEndpoint(options: ExerciseEndpointOptions): ExerciseEndpoint {
  const { log } = options
  const settings = {
    bus: options.bus,
    log,
    maxEvents: options.maxEvents ?? 5000,
    debounceMs: options.debounceMs ?? 40,
    findExercise: options.findExercise ?? findInRegistry,
  }
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: MAX_MESSAGE })
  const sessions = new Set<ExerciseSession>()

  return {
    handleUpgrade(req, socket, head) {
      const cid = clientIdFromUrl(req.url)
      if (cid === undefined) {
        refuse(socket, 400, '/ws/exercise needs ?cid=<your tab id> (1-64 of A-Z a-z 0-9 - _): the exercises are checked on that tab\'s own connections')
        return
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const session = new ExerciseSession(ws, cid, settings)
        sessions.add(session)
        log.debug('exercise.session_open', { cid, sessions: sessions.size })
        ws.on('error', (error) => log.debug('exercise.session_error', { error }))
        ws.once('close', () => {
          sessions.delete(session)
          session.dispose()
        })
      })
    },
    get sessionCount() {
      return sessions.size
    },
    close() {
      for (const session of sessions) session.dispose()
      for (const ws of wss.clients) ws.close(1001, 'Server shutting down')
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          for (const ws of wss.clients) ws.terminate()
        }, CLOSE_LINGER_MS)
        timer.unref()
        wss.close(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    },
  }
}
