/** Shared helpers of the lib/stomp tests (not part of the public API). */
import type { StompVersion } from './frame'
import { StompParser, type ParseEvent, type ParserLimitOptions, type ParserOptions } from './parser'

export const LIMITS: ParserLimitOptions = { maxFrameBytes: 1 << 20, maxHeaders: 100, maxHeaderLineBytes: 8192, maxBodyBytes: 1 << 20 }

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
export const text = (b: Uint8Array): string => new TextDecoder().decode(b)

export function parser(version: StompVersion | null = '1.2', opts: Partial<ParserOptions> = {}): StompParser {
  return new StompParser({ ...LIMITS, version, ...opts })
}

/** Feeds `input` in pieces cut at `cuts` (offsets) and returns all events. */
export function parseChunks(input: Uint8Array, cuts: readonly number[] = [], version: StompVersion | null = '1.2', opts: Partial<ParserOptions> = {}): ParseEvent[] {
  const p = parser(version, opts)
  const events: ParseEvent[] = []
  let from = 0
  for (const c of [...cuts].sort((a, b) => a - b)) {
    events.push(...p.push(input.subarray(from, c)))
    from = c
  }
  events.push(...p.push(input.subarray(from)))
  return events
}

export function frames(events: readonly ParseEvent[]) {
  return events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []))
}

export function errors(events: readonly ParseEvent[]) {
  return events.flatMap((e) => (e.type === 'error' ? [e.problem] : []))
}

/** Frames as plain data (command, headers, body text) for toEqual. */
export function plain(events: readonly ParseEvent[]) {
  return frames(events).map((f) => ({ command: f.command, headers: f.headers.map(([n, v]) => [n, v]), body: text(f.body) }))
}
