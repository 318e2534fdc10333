/**
 * The server's logger: one JSON object per line, one line per event (ARCHITECTURE.md
 * "Conventions"). Every server module logs through a Logger it was given; nothing else in
 * server/ writes to the console. The level comes from LOG_LEVEL (server/config.ts).
 *
 *   {"time":"2026-11-21T10:00:00.000Z","level":"info","event":"server.listening","port":3000}
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]
export type LogFields = Readonly<Record<string, unknown>>

export interface Logger {
  readonly level: LogLevel
  /** True when a line of this level would be written (skip building costly fields otherwise). */
  enabled(level: Exclude<LogLevel, 'silent'>): boolean
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
  /** A logger that adds `fields` to every line (e.g. `{ conn: 'ws-3' }`). */
  child(fields: LogFields): Logger
}

export interface LoggerOptions {
  readonly level: LogLevel
  /** Where a finished line goes (without the newline). Default: process.stdout. */
  readonly write?: (line: string) => void
  /** Clock for the `time` field; tests pass a fixed one. */
  readonly now?: () => Date
}

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

function stdoutWrite(line: string): void {
  process.stdout.write(`${line}\n`)
}

/** Errors become `{ name, message, code? }` (the stack only at debug level) so a line stays one line. */
function replacer(withStack: boolean): (key: string, value: unknown) => unknown {
  return (_key, value) => {
    if (value instanceof Error) {
      const code = (value as NodeJS.ErrnoException).code
      return {
        name: value.name,
        message: value.message,
        ...(code === undefined ? {} : { code }),
        ...(withStack && value.stack ? { stack: value.stack } : {}),
      }
    }
    if (typeof value === 'bigint') return value.toString()
    if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`
    return value
  }
}

export function createLogger(options: LoggerOptions, base: LogFields = {}): Logger {
  const threshold = RANK[options.level]
  const write = options.write ?? stdoutWrite
  const now = options.now ?? (() => new Date())
  const withStack = options.level === 'debug'

  const emit = (level: Exclude<LogLevel, 'silent'>, event: string, fields?: LogFields): void => {
    if (RANK[level] < threshold) return
    const record = { time: now().toISOString(), level, event, ...base, ...fields }
    let line: string
    try {
      line = JSON.stringify(record, replacer(withStack))
    } catch (error) {
      // A circular field must not take the server down: log what we can.
      line = JSON.stringify({ time: record.time, level, event, logError: String(error) })
    }
    write(line)
  }

  return {
    level: options.level,
    enabled: (level) => RANK[level] >= threshold,
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
    child: (fields) => createLogger(options, { ...base, ...fields }),
  }
}

/** Logs nothing: the default in tests. */
export const silentLogger: Logger = createLogger({ level: 'silent', write: () => {} })

/** Collects parsed lines in memory: for tests that assert what the server said. */
export function memoryLogger(level: LogLevel = 'debug'): Logger & { readonly lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  const logger = createLogger({ level, write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) })
  return Object.assign(logger, { lines })
}
