/**
 * The code sandbox's dedicated Web Worker (a module worker, bundled by Next/Turbopack with
 * @stomp/stompjs). It runs the learner's JavaScript as the body of an async function whose
 * parameters are the sandbox's globals (`Client`, `brokerURL`, `room`); the code has no access
 * to the page, its DOM or its variables, only to what a worker has (WebSocket, timers, fetch).
 *
 * Around the code: `console` goes to the page (formatted, rate-limited); every WebSocket to
 * Wirelab's /ws/stomp carries the tab's cid (so the exercise checker sees it); frames sent are
 * counted, and a flood is reported so the page can stop an endless reply loop; `stop` first
 * deactivates every STOMP client the code made (a clean DISCONNECT), then the page terminates
 * the worker. Uncaught errors are reported with the learner's line.
 */
import { Client, type StompConfig } from '@stomp/stompjs'
import { learnerLine } from '@/lib/sandbox/error-line'
import { formatArgs } from '@/lib/sandbox/format-value'
import { sandboxUrl } from '@/lib/sandbox/dial'
import { CONSOLE_LEVELS, parsePageMessage, type ConsoleLevel, type SandboxGlobals, type WorkerMessage } from '@/lib/sandbox/protocol'

/** The worker global scope, as far as this file needs it (the project's TS lib is the DOM's). */
interface WorkerScope {
  postMessage(message: WorkerMessage): void
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void
  console: Console
  WebSocket: typeof WebSocket
}
const scope = globalThis as unknown as WorkerScope
const post = (message: WorkerMessage) => scope.postMessage(message)

// ---- console: to the page, at most LINES_PER_SECOND lines a second -------------------------
const LINES_PER_SECOND = 100
let windowStart = 0
let windowLines = 0
let dropped = 0

function emit(level: ConsoleLevel, args: readonly unknown[]): void {
  const now = Date.now()
  if (now - windowStart >= 1000) {
    if (dropped > 0) post({ type: 'console', level: 'warn', text: `… ${dropped} console line(s) left out (more than ${LINES_PER_SECOND} a second)` })
    windowStart = now
    windowLines = 0
    dropped = 0
  }
  if (windowLines >= LINES_PER_SECOND) {
    dropped += 1
    return
  }
  windowLines += 1
  post({ type: 'console', level, text: formatArgs(args) })
}

const sandboxConsole = Object.fromEntries(CONSOLE_LEVELS.map((level) => [level, (...args: unknown[]) => emit(level, args)])) as Record<ConsoleLevel, (...args: unknown[]) => void>
scope.console = {
  ...scope.console,
  ...sandboxConsole,
  trace: (...args: unknown[]) => emit('debug', args),
  dir: (value: unknown) => emit('log', [value]),
  table: (value: unknown) => emit('log', [value]),
  assert: (condition?: boolean, ...args: unknown[]) => {
    if (!condition) emit('error', ['Assertion failed:', ...args])
  },
}

// ---- WebSocket: the cid on Wirelab URLs, and a count of frames sent --------------------------
const FLOOD_FRAMES = 100
const FLOOD_SECONDS = 5
const sentAt: number[] = []
let flooded = false
let globals: SandboxGlobals | null = null
const sockets = new Set<WebSocket>()

function countFrame(): void {
  const now = Date.now()
  sentAt.push(now)
  while (sentAt.length > 0 && now - sentAt[0] > FLOOD_SECONDS * 1000) sentAt.shift()
  if (!flooded && sentAt.length > FLOOD_FRAMES) {
    flooded = true
    post({ type: 'flood', frames: sentAt.length, seconds: FLOOD_SECONDS })
  }
}

const NativeWebSocket = scope.WebSocket
class SandboxWebSocket extends NativeWebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(globals ? sandboxUrl(String(url), globals.brokerURL, globals.cid) : url, protocols)
    sockets.add(this)
    this.addEventListener('close', () => sockets.delete(this))
  }

  override send(data: Parameters<WebSocket['send']>[0]): void {
    countFrame()
    super.send(data)
  }
}
scope.WebSocket = SandboxWebSocket

// ---- @stomp/stompjs: every Client the code makes, so that Stop can deactivate it -------------
const clients = new Set<Client>()
class SandboxClient extends Client {
  constructor(config?: StompConfig) {
    super(config)
    clients.add(this)
  }
}

async function stopAll(): Promise<void> {
  const quit = Promise.all([...clients].map((c) => c.deactivate().catch(() => undefined)))
  await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, 800))])
  for (const socket of sockets) socket.close(1000, 'sandbox stopped')
  post({ type: 'stopped' })
}

// ---- running the code -------------------------------------------------------------------------
type AsyncFunctionCtor = new (...args: string[]) => (...params: unknown[]) => Promise<unknown>
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as AsyncFunctionCtor
let lineCount = 0

function report(error: unknown): void {
  if (error instanceof Error) {
    const line = learnerLine(error.stack, lineCount)
    post({ type: 'error', text: `${error.name}: ${error.message}`, ...(line === undefined ? {} : { line }) })
  } else {
    post({ type: 'error', text: `Uncaught ${formatArgs([error])}` })
  }
}

function run(code: string, g: SandboxGlobals): void {
  globals = g
  lineCount = code.split('\n').length
  let body: (...params: unknown[]) => Promise<unknown>
  try {
    body = new AsyncFunction('Client', 'brokerURL', 'room', code)
  } catch (error) {
    // V8 does not say where a syntax error is when compiling a function body
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    post({ type: 'error', text: `${text} (the code did not start: look for an unclosed bracket, quote or backtick)` })
    return
  }
  body(SandboxClient, g.brokerURL, g.room).then(
    () => post({ type: 'settled' }),
    (error: unknown) => report(error),
  )
}

let started = false
scope.addEventListener('message', (event: MessageEvent) => {
  const message = parsePageMessage(event.data)
  if (message === null) return
  if (message.type === 'ping') post({ type: 'pong', n: message.n })
  else if (message.type === 'stop') void stopAll()
  else if (!started) {
    started = true
    run(message.code, message.globals)
  }
})
// errors thrown in callbacks (onConnect, a subscription's handler, a timer) end up here
scope.addEventListener('error', (event: ErrorEvent) => {
  event.preventDefault()
  report(event.error ?? new Error(event.message))
})
scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault()
  report(event.reason)
})
post({ type: 'ready' })
