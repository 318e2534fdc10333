import type { CompletionContext, WireEntry } from '../types'

export interface WireConsoleProps {
  /** This client's wire, oldest first (append-only; a shorter/replaced list redraws from scratch). */
  readonly entries: readonly WireEntry[]
  /**
   * A REPL line to run on the client (lib/playground/repl: parseReplLine → buildReplCommand).
   * The console answers /help, /clear, empty lines and lines that do not parse itself, so this
   * only receives lines that parse. Return text to print (e.g. an error that teaches), or nothing.
   */
  readonly onCommand: (line: string) => string | null | void
  /** Prompt text, e.g. "alice> " (default "stomp> "). */
  readonly prompt?: string
  /** Tab completion and the REPL's defaults: what this client has seen on its wire. */
  readonly completion: CompletionContext
  /** Height (CSS length or px). Default 16rem. */
  readonly height?: string | number
  /** Accessible name, e.g. "Alice's console". Default "STOMP console". */
  readonly ariaLabel?: string
}

export const DEFAULT_CONSOLE_HEIGHT = '16rem'

export function consoleHeight(h: string | number | undefined): string {
  return h === undefined ? DEFAULT_CONSOLE_HEIGHT : typeof h === 'number' ? `${h}px` : h
}
