/**
 * Frame → wire octets, encoded for the RECEIVER's negotiated version (checklist 14, 16, 53):
 * 1.2 escapes `\r \n \c \\`, 1.1 escapes `\n \c \\`, 1.0 writes headers raw, and CONNECT /
 * CONNECTED are never escaped (15). Nothing is added implicitly: set `content-length` yourself
 * (withContentLength) — the serializer only refuses frames a receiver would misread.
 */
import type { StompVersion, Frame, Header } from './frame'
import type { StompProblem } from './errors'
import { getHeader } from './frame'
import { escapeHeader, escapeModeFor, unencodableReason } from './escape'
import { makeProblem } from './problems'
import { decodeUtf8Lossy, encodeUtf8 } from './utf8'

const LF = 0x0a

export interface SerializeOptions {
  /** Append a LF after the NUL (allowed by the grammar; RabbitMQ does it by default — checklist 78). */
  readonly trailingEol?: boolean
  /**
   * Skip the safety checks (unencodable headers, NUL in a body without content-length,
   * content-length ≠ body length). For deliberately broken frames in lessons only.
   */
  readonly unchecked?: boolean
}

/** Thrown by serializeFrame when the frame cannot be written faithfully; `problem.code` is stable. */
export class StompEncodeError extends Error {
  readonly problem: StompProblem
  constructor(problem: StompProblem) {
    super(problem.message)
    this.name = 'StompEncodeError'
    this.problem = problem
  }
}

/**
 * Why `frame` cannot be written for a `version` receiver, or null when it can:
 * a header the version cannot carry (escape.unencodableReason), a body holding NUL without
 * content-length, or a content-length that does not match the body.
 */
export function encodeProblem(frame: Frame, version: StompVersion | null): StompProblem | null {
  const mode = escapeModeFor(frame.command, version)
  const v = version ?? '1.2'
  for (const [name, value] of frame.headers) {
    const why = unencodableReason(name, mode, 'name') ?? unencodableReason(value, mode, 'value')
    if (why !== null) return makeProblem('STOMP_ERR_UNENCODABLE_HEADER', { command: frame.command, version: v, header: name, reason: why })
  }
  const cl = getHeader(frame, 'content-length')
  if (cl === undefined) {
    if (frame.body.includes(0)) {
      return makeProblem('STOMP_ERR_BAD_CONTENT_LENGTH', {
        command: frame.command, version: v, header: 'content-length',
        reason: 'The body contains NUL octets but the frame has no content-length: the receiver would end the frame at the first NUL. Add content-length (withContentLength).',
      })
    }
  } else if (cl !== String(frame.body.length)) {
    return makeProblem('STOMP_ERR_BAD_CONTENT_LENGTH', {
      command: frame.command, version: v, header: 'content-length', value: cl,
      reason: `content-length:${cl} does not match the ${frame.body.length} body octets: the receiver would cut the body or read into the next frame.`,
    })
  }
  return null
}

/** Throws StompEncodeError when encodeProblem finds one (unless `opts.unchecked`). */
export function serializeFrame(frame: Frame, version: StompVersion | null, opts: SerializeOptions = {}): Uint8Array {
  if (opts.unchecked !== true) {
    const problem = encodeProblem(frame, version)
    if (problem !== null) throw new StompEncodeError(problem)
  }
  const head = encodeUtf8(headText(frame, version))
  const tail = opts.trailingEol === true ? 2 : 1
  const out = new Uint8Array(head.length + frame.body.length + tail)
  out.set(head, 0)
  out.set(frame.body, head.length)
  out[head.length + frame.body.length] = 0
  if (tail === 2) out[out.length - 1] = LF
  return out
}

/** Command, escaped header lines and the blank line, as text. */
function headText(frame: Frame, version: StompVersion | null): string {
  const mode = escapeModeFor(frame.command, version)
  let s = `${frame.command}\n`
  for (const [name, value] of frame.headers) s += `${escapeHeader(name, mode)}:${escapeHeader(value, mode)}\n`
  return `${s}\n`
}

const HEARTBEAT = new Uint8Array([LF])
/** A heart-beat: one LF, valid in every version (checklist 30; 1.2 also allows CRLF). */
export function serializeHeartbeat(_version?: StompVersion | null): Uint8Array {
  return HEARTBEAT.slice()
}

/**
 * The frame as the editor/inspector shows it: wire text (escaped for `version`), the body as
 * UTF-8 text (lossy for binary bodies), then `^@` on its own line — the linter's document
 * convention (linter-document.ts), so lintFrames(frameToText(f)) reads the same frame back.
 */
export function frameToText(frame: Frame, version: StompVersion | null): string {
  const body = decodeUtf8Lossy(frame.body)
  return `${headText(frame, version)}${body}${body.length > 0 ? '\n' : ''}^@`
}

/**
 * Copy of `frame` with exactly one `content-length`, equal to the body length: the first one is
 * updated in place (later repeats dropped), or one is appended.
 */
export function withContentLength(frame: Frame): Frame {
  const value = String(frame.body.length)
  let done = false
  const headers: Header[] = []
  for (const [n, v] of frame.headers) {
    if (n !== 'content-length') headers.push([n, v])
    else if (!done) {
      headers.push([n, value])
      done = true
    }
  }
  if (!done) headers.push(['content-length', value])
  return { command: frame.command, headers, body: frame.body }
}
