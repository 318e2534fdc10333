/**
 * STOMP layer of the frame X-ray: where the command line, each header line, the blank line, the
 * body and the NUL lie in a WebSocket message's payload. The values shown come from lib/stomp's
 * parser (unescaped as the spec says); the octet ranges come from a line scan of the same bytes.
 */
import { CLIENT_COMMANDS, SERVER_COMMANDS, type Frame, type Header } from '../stomp/frame'
import { StompParser } from '../stomp/parser'
import { decodeUtf8Lossy } from '../stomp/utf8'

export type StompPartKind = 'command' | 'header' | 'blank' | 'body' | 'nul' | 'heartbeat'

export interface StompPart {
  readonly kind: StompPartKind
  /** Octet range [start, end) in the payload; lines include their EOL. */
  readonly start: number
  readonly end: number
  /** command: the command; header: `name:value` as decoded; body: the body text. */
  readonly text: string
  /** Header index (wire order) for kind 'header'. */
  readonly index?: number
}

export interface StompView {
  readonly parts: readonly StompPart[]
  /** The parsed frame, or null when the payload holds only part of one (a truncated preview). */
  readonly frame: Frame | null
  /** Body octet range in the payload (empty when no body). */
  readonly body: { readonly start: number; readonly end: number }
  /** Octets after the first frame (heart-beat EOLs or more frames), not broken down. */
  readonly rest: number
  readonly problem: string | null
}

const LF = 0x0a
const NUL = 0x00
const COMMANDS = new Set<string>([...CLIENT_COMMANDS, ...SERVER_COMMANDS])
const LIMIT = 16 * 1024 * 1024

function lineEnd(b: Uint8Array, i: number): number {
  const j = b.indexOf(LF, i)
  return j < 0 ? b.length : j + 1
}

function stripEol(b: Uint8Array, start: number, end: number): Uint8Array {
  let e = end
  if (e > start && b[e - 1] === LF) e--
  if (e > start && b[e - 1] === 0x0d) e--
  return b.subarray(start, e)
}

/** True when the payload starts like a STOMP frame (a known command line) or is a heart-beat. */
export function looksLikeStomp(payload: Uint8Array): boolean {
  if (payload.length > 0 && payload.every((c) => c === LF || c === 0x0d)) return true
  const first = decodeUtf8Lossy(stripEol(payload, 0, lineEnd(payload, 0)))
  return COMMANDS.has(first) && payload.indexOf(LF) >= 0
}

function parseFirstFrame(payload: Uint8Array): { frame: Frame | null; problem: string | null } {
  const parser = new StompParser({ maxFrameBytes: LIMIT, maxHeaders: 10_000, maxHeaderLineBytes: LIMIT, maxBodyBytes: LIMIT })
  for (const ev of parser.push(payload)) {
    if (ev.type === 'frame') return { frame: ev.frame, problem: null }
    if (ev.type === 'error') return { frame: null, problem: ev.problem.message }
  }
  return { frame: null, problem: null }
}

/** The STOMP view of a payload, or null when it does not look like STOMP. */
export function stompView(payload: Uint8Array): StompView | null {
  if (!looksLikeStomp(payload)) return null
  const parts: StompPart[] = []
  if (payload.every((c) => c === LF || c === 0x0d)) {
    parts.push({ kind: 'heartbeat', start: 0, end: payload.length, text: 'heart-beat (EOL)' })
    return { parts, frame: null, body: { start: 0, end: 0 }, rest: 0, problem: null }
  }
  const { frame, problem } = parseFirstFrame(payload)
  let i = 0
  let end = lineEnd(payload, 0)
  parts.push({ kind: 'command', start: 0, end, text: decodeUtf8Lossy(stripEol(payload, 0, end)) })
  i = end
  let index = 0
  let contentLength: number | null = null
  while (i < payload.length) {
    end = lineEnd(payload, i)
    const line = stripEol(payload, i, end)
    if (line.length === 0) {
      parts.push({ kind: 'blank', start: i, end, text: 'end of headers' })
      i = end
      break
    }
    const header: Header | undefined = frame?.headers[index]
    const raw = decodeUtf8Lossy(line)
    const text = header ? `${header[0]}:${header[1]}` : raw
    if (contentLength === null && /^content-length:/.test(raw)) contentLength = Number(raw.slice(15))
    parts.push({ kind: 'header', start: i, end, text, index })
    index++
    i = end
  }
  const bodyStart = i
  let bodyEnd: number
  if (contentLength !== null && Number.isInteger(contentLength) && contentLength >= 0) bodyEnd = Math.min(payload.length, bodyStart + contentLength)
  else {
    const nul = payload.indexOf(NUL, bodyStart)
    bodyEnd = nul < 0 ? payload.length : nul
  }
  if (bodyEnd > bodyStart) {
    const text = frame ? decodeUtf8Lossy(frame.body) : decodeUtf8Lossy(payload.subarray(bodyStart, bodyEnd))
    parts.push({ kind: 'body', start: bodyStart, end: bodyEnd, text })
  }
  let after = bodyEnd
  if (payload[bodyEnd] === NUL) {
    parts.push({ kind: 'nul', start: bodyEnd, end: bodyEnd + 1, text: 'NUL: end of frame' })
    after = bodyEnd + 1
  }
  return { parts, frame, body: { start: bodyStart, end: bodyEnd }, rest: payload.length - after, problem }
}
