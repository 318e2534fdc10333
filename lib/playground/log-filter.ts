/**
 * The frame log's filter: by command, direction, a regular expression over the frame's text, and
 * "hide heart-beats". Compiling reports a bad regex instead of throwing, so the log keeps showing
 * everything while the learner is still typing the pattern.
 */
import { entryLabel, entrySearchText, type EntryLike } from './entry-view'

export interface LogFilter {
  /** Labels to show (STOMP commands, 'heart-beat', 'raw bytes', 'event', 'error'); empty = all. */
  readonly commands: readonly string[]
  readonly direction: 'all' | 'sent' | 'received'
  /** A JavaScript regular expression, matched case-insensitively; '' = no text filter. */
  readonly pattern: string
  readonly hideHeartbeats: boolean
}

export const EMPTY_FILTER: LogFilter = { commands: [], direction: 'all', pattern: '', hideHeartbeats: false }

export interface CompiledFilter {
  readonly test: (e: EntryLike) => boolean
  /** Why the pattern was ignored (invalid regex), or null. */
  readonly patternError: string | null
  /** True when the filter lets everything through. */
  readonly passesAll: boolean
}

export function compileFilter(f: LogFilter): CompiledFilter {
  let regex: RegExp | null = null
  let patternError: string | null = null
  if (f.pattern !== '') {
    try {
      regex = new RegExp(f.pattern, 'iu')
    } catch (e) {
      patternError = `Invalid regular expression: ${e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e)}`
    }
  }
  const commands = new Set(f.commands)
  const passesAll = commands.size === 0 && f.direction === 'all' && regex === null && !f.hideHeartbeats
  const test = (e: EntryLike): boolean => {
    if (f.hideHeartbeats && e.kind === 'heartbeat') return false
    if (f.direction !== 'all') {
      if (e.kind === 'event' || e.dir !== f.direction) return false
    }
    if (commands.size > 0 && !commands.has(entryLabel(e))) return false
    if (regex !== null && !regex.test(entrySearchText(e))) return false
    return true
  }
  return { test, patternError, passesAll }
}

/** Entries that pass, newest last; keeps the caller's wrapper objects (e.g. with a client name). */
export function applyFilter<T>(rows: readonly T[], entryOf: (row: T) => EntryLike, filter: CompiledFilter): readonly T[] {
  if (filter.passesAll) return rows
  return rows.filter((r) => filter.test(entryOf(r)))
}

/** The labels present in a log, for the command filter's choices (STOMP commands first, sorted). */
export function labelsIn(entries: Iterable<EntryLike>): string[] {
  const seen = new Set<string>()
  for (const e of entries) seen.add(entryLabel(e))
  const stomp = [...seen].filter((l) => /^[A-Z]+$/.test(l)).sort()
  const other = [...seen].filter((l) => !/^[A-Z]+$/.test(l)).sort()
  return [...stomp, ...other]
}
