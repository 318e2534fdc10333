/**
 * The code sandbox's messages between the lesson page and its Web Worker
 * (components/lab/sandbox/sandbox.worker.ts). The worker runs the learner's JavaScript; the page
 * only ever receives these plain objects, checked by `parseWorkerMessage`, never functions or
 * DOM access. Pure: shared by the page, the worker and the tests.
 */
export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug'
export const CONSOLE_LEVELS: readonly ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug']

/** Page → worker. */
export type PageMessage =
  | { readonly type: 'run'; readonly code: string; readonly globals: SandboxGlobals }
  | { readonly type: 'ping'; readonly n: number }
  /** Deactivate every STOMP client the code made (DISCONNECT), then report `stopped`. */
  | { readonly type: 'stop' }

/** What the learner's code finds as globals, besides `Client`. */
export interface SandboxGlobals {
  /** Wirelab's broker over WebSocket, with the tab's cid. */
  readonly brokerURL: string
  /** The tab's own chat room (lib/sandbox/room.ts). */
  readonly room: string
  /** The tab's cid, added to any Wirelab URL the code dials. */
  readonly cid: string
}

/** Worker → page. */
export type WorkerMessage =
  | { readonly type: 'console'; readonly level: ConsoleLevel; readonly text: string }
  | { readonly type: 'pong'; readonly n: number }
  /** An exception the code did not catch (line = the learner's line, when known). */
  | { readonly type: 'error'; readonly text: string; readonly line?: number }
  /** The code's top level finished (its callbacks may keep running). */
  | { readonly type: 'settled' }
  /** Too many frames sent: the page stops the run. */
  | { readonly type: 'flood'; readonly frames: number; readonly seconds: number }
  | { readonly type: 'stopped' }
  /** The worker has loaded (its watchdog may start). */
  | { readonly type: 'ready' }

const MAX_TEXT = 4000

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, MAX_TEXT) : null)
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** A worker message, or null when it is not one (never throws). */
export function parseWorkerMessage(data: unknown): WorkerMessage | null {
  if (!isObject(data)) return null
  switch (data.type) {
    case 'console': {
      const level = CONSOLE_LEVELS.find((l) => l === data.level)
      const text = str(data.text)
      return level && text !== null ? { type: 'console', level, text } : null
    }
    case 'pong': {
      const n = num(data.n)
      return n === null ? null : { type: 'pong', n }
    }
    case 'error': {
      const text = str(data.text)
      if (text === null) return null
      const line = num(data.line)
      return line === null ? { type: 'error', text } : { type: 'error', text, line }
    }
    case 'flood': {
      const frames = num(data.frames)
      const seconds = num(data.seconds)
      return frames === null || seconds === null ? null : { type: 'flood', frames, seconds }
    }
    case 'settled':
    case 'stopped':
    case 'ready':
      return { type: data.type }
    default:
      return null
  }
}

/** A page message, or null (the worker's side of the same check). */
export function parsePageMessage(data: unknown): PageMessage | null {
  if (!isObject(data)) return null
  if (data.type === 'ping') {
    const n = num(data.n)
    return n === null ? null : { type: 'ping', n }
  }
  if (data.type === 'stop') return { type: 'stop' }
  if (data.type === 'run' && typeof data.code === 'string' && isObject(data.globals)) {
    const { brokerURL, room, cid } = data.globals
    if (typeof brokerURL !== 'string' || typeof room !== 'string' || typeof cid !== 'string') return null
    return { type: 'run', code: data.code, globals: { brokerURL, room, cid } }
  }
  return null
}
