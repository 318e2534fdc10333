/**
 * Streaming STOMP parser: an explicit state machine fed with chunks split anywhere
 * (after websockets/ws lib/receiver.js: states, limits as options, views instead of copies).
 *
 *   command ──LF──▶ headers ──blank line──▶ body-length ──n octets──▶ body-nul ──NUL──▶ command
 *      ▲ EOLs here are heart-beats           └─(no content-length)──▶ body-scan ──NUL──┘
 *
 * - Frame grammar: STOMP 1.2 §Augmented BNF (checklist 1). LF or CRLF line ends for every
 *   version (checklist 2). EOLs before and between frames are reported as heart-beats, never as
 *   frames (checklist 3, 33). Commands are not judged here (the broker and the linter do).
 * - Headers: split on the first colon (6), UTF-8 (11), unescaped per the negotiated version but
 *   never in CONNECT/STOMP/CONNECTED (12-16), left-trimmed in 1.0 sessions only (10).
 *   Before the version is known, non-CONNECT frames are decoded with the 1.2 rules.
 * - Body: `content-length` (first occurrence wins, 18) is honoured on every frame (8; checklist 9): exactly
 *   that many octets, NULs included, then a NUL is required. Without it, the body ends at the
 *   first NUL. Body-on-SUBSCRIBE etc. (7) is left to the broker/linter (commands.mayHaveBody).
 * - Limits (19) fail as soon as they are known: a line longer than maxHeaderLineBytes (command
 *   line included), header number, body and frame size; a content-length over the body limit is
 *   refused before any body octet arrives. Memory stays bounded by the limits.
 * - It never throws. After an error event (with the failing frame's command and receipt when read
 *   before the fault — checklist 71, 72) the parser is dead: every later push returns [].
 *
 * Bodies and header lines are views into the pushed chunks when a frame part lies in one chunk
 * (one copy otherwise): do not mutate a chunk after pushing it.
 */
import type { Frame, Header, StompVersion } from './frame'
import { escapeModeFor, type EscapeMode } from './escape'
import { decodeCommandLine, decodeHeaderLine } from './header-line'
import { parseContentLength } from './commands'
import { handshakeVersion } from './negotiate'
import { makeProblem, type ProblemContext } from './problems'
import type { StompErrorCode } from './errors'
import { EMPTY, concat, view } from './bytes'
import type { ParseEvent, ParserLimitOptions, ParserOptions } from './parser-types'

export type { ParseEvent, ParserLimitOptions, ParserOptions } from './parser-types'

type State = 'command' | 'headers' | 'body-length' | 'body-nul' | 'body-scan'

const LF = 0x0a
const CR = 0x0d
const NUL = 0x00

export class StompParser {
  private limits: ParserLimitOptions
  private version: StompVersion | null
  private readonly negotiate: readonly StompVersion[] | undefined
  private readonly recordRaw: boolean
  private state: State = 'command'
  private dead = false
  private out: ParseEvent[] = []
  private heartbeatBytes = 0
  // the line being read (command or header), EOL excluded
  private lineParts: Uint8Array[] = []
  private lineLen = 0
  // the frame being read
  private command = ''
  private mode: EscapeMode = '1.2'
  private headers: Header[] = []
  private contentLength: number | null = null
  private sawContentLength = false
  private bodyParts: Uint8Array[] = []
  private bodyLen = 0
  private remaining = 0
  private frameBytes = 0
  private rawParts: Uint8Array[] = []
  private rawFrom = 0

  constructor(opts: ParserOptions) {
    this.limits = {
      maxFrameBytes: opts.maxFrameBytes,
      maxHeaders: opts.maxHeaders,
      maxHeaderLineBytes: opts.maxHeaderLineBytes,
      maxBodyBytes: opts.maxBodyBytes,
    }
    this.version = opts.version ?? null
    this.negotiate = opts.negotiate
    this.recordRaw = opts.recordRaw === true
  }

  /** True once an error event was produced; every later push returns []. */
  get failed(): boolean {
    return this.dead
  }

  /** The version used to decode the next frame (null = not yet negotiated). */
  get currentVersion(): StompVersion | null {
    return this.version
  }

  /** Applies from the next frame on (the frame being read keeps the escaping chosen at its command). */
  setVersion(v: StompVersion): void {
    this.version = v
  }

  /** E.g. raise the pre-CONNECT frame limit once connected. Applies immediately. */
  setLimits(partial: Partial<ParserLimitOptions>): void {
    this.limits = { ...this.limits, ...partial }
  }

  push(chunk: Uint8Array): ParseEvent[] {
    if (this.dead) return []
    const out: ParseEvent[] = []
    this.out = out
    const n = chunk.length
    let i = 0
    while (i < n && !this.dead) {
      switch (this.state) {
        case 'command':
        case 'headers':
          i = this.readLine(chunk, i)
          break
        case 'body-length':
          i = this.readCounted(chunk, i)
          break
        case 'body-nul':
          i = this.expectNul(chunk, i)
          break
        case 'body-scan':
          i = this.scanToNul(chunk, i)
          break
      }
    }
    if (!this.dead && this.recordRaw && this.state !== 'command' && this.rawFrom < n) {
      this.rawParts.push(view(chunk, this.rawFrom, n))
    }
    this.rawFrom = 0
    this.flushHeartbeat()
    this.out = []
    return out
  }

  private readLine(chunk: Uint8Array, i: number): number {
    const n = chunk.length
    const j = chunk.indexOf(LF, i)
    const end = j < 0 ? n : j
    const max = this.limits.maxHeaderLineBytes
    this.lineLen += end - i
    // +1: the line may still turn out to end in CR (part of a CRLF); exact check below
    if (this.lineLen > max + 1) return this.fail('STOMP_ERR_HEADER_TOO_LONG', { limit: max, actual: this.lineLen })
    this.frameBytes += end - i + (j < 0 ? 0 : 1)
    if (j < 0) {
      if (end > i) this.lineParts.push(view(chunk, i, n))
      return n
    }
    const earlier = this.lineParts
    let line = earlier.length === 0 ? view(chunk, i, j) : concat([...earlier, view(chunk, i, j)], this.lineLen)
    const eolBytes = line.length > 0 && line[line.length - 1] === CR ? 2 : 1
    if (eolBytes === 2) line = line.subarray(0, line.length - 1)
    this.lineParts = []
    this.lineLen = 0
    if (line.length > max) return this.fail('STOMP_ERR_HEADER_TOO_LONG', { limit: max, actual: line.length })
    if (this.state === 'command') {
      if (line.length === 0) {
        this.heartbeatBytes += eolBytes // checklist 3: an EOL between frames is a heart-beat
        this.frameBytes = 0
        return j + 1
      }
      if (this.recordRaw) {
        this.rawParts = earlier
        this.rawFrom = i
      }
      if (!this.checkFrameSize()) return j + 1
      this.onCommand(line)
    } else if (!this.checkFrameSize()) {
      return j + 1
    } else if (line.length === 0) {
      this.endOfHeaders()
    } else {
      this.onHeader(line)
    }
    return j + 1
  }

  private checkFrameSize(extra = 0): boolean {
    const max = this.limits.maxFrameBytes
    if (this.frameBytes + extra <= max) return true
    this.fail('STOMP_ERR_FRAME_TOO_LARGE', { limit: max, actual: this.frameBytes + extra })
    return false
  }

  private onCommand(line: Uint8Array): void {
    const r = decodeCommandLine(line)
    if (!r.ok) {
      this.fail(r.code, { line: r.line })
      return
    }
    this.command = r.value
    this.mode = escapeModeFor(this.command, this.version) // checklist 12, 15, 16
    this.state = 'headers'
  }

  private onHeader(line: Uint8Array): void {
    if (this.headers.length >= this.limits.maxHeaders) {
      this.fail('STOMP_ERR_TOO_MANY_HEADERS', { limit: this.limits.maxHeaders, actual: this.headers.length + 1 })
      return
    }
    const r = decodeHeaderLine(line, this.mode, this.version)
    if (!r.ok) {
      this.fail(r.code, { line: r.line, sequence: r.sequence })
      return
    }
    const [name, value] = r.value
    // STOMP 1.2 §Header content-length: "All frames MAY include" it, whatever the command — checklist 9
    if (name === 'content-length' && !this.sawContentLength) {
      this.sawContentLength = true // checklist 18: first occurrence wins
      const cl = parseContentLength(value)
      if (cl === null) {
        this.fail('STOMP_ERR_BAD_CONTENT_LENGTH', { value, header: name })
        return
      }
      if (cl > this.limits.maxBodyBytes) {
        this.fail('STOMP_ERR_BODY_TOO_LARGE', { limit: this.limits.maxBodyBytes, actual: cl })
        return
      }
      this.contentLength = cl
    }
    this.headers.push(r.value)
  }

  private endOfHeaders(): void {
    const cl = this.contentLength
    if (cl === null) {
      this.state = 'body-scan'
      return
    }
    if (!this.checkFrameSize(cl + 1)) return
    this.remaining = cl
    this.state = cl === 0 ? 'body-nul' : 'body-length'
  }

  private readCounted(chunk: Uint8Array, i: number): number {
    const take = Math.min(this.remaining, chunk.length - i)
    this.bodyParts.push(view(chunk, i, i + take))
    this.bodyLen += take
    this.frameBytes += take
    this.remaining -= take
    if (this.remaining === 0) this.state = 'body-nul'
    return i + take
  }

  private expectNul(chunk: Uint8Array, i: number): number {
    if (chunk[i] !== NUL) return this.fail('STOMP_ERR_MISSING_NULL', { limit: this.contentLength ?? 0, actual: chunk[i] })
    this.frameBytes += 1
    this.emitFrame(chunk, i)
    return i + 1
  }

  private scanToNul(chunk: Uint8Array, i: number): number {
    const n = chunk.length
    const k = chunk.indexOf(NUL, i)
    const end = k < 0 ? n : k
    const take = end - i
    if (this.bodyLen + take > this.limits.maxBodyBytes) {
      return this.fail('STOMP_ERR_BODY_TOO_LARGE', { limit: this.limits.maxBodyBytes, actual: this.bodyLen + take })
    }
    if (!this.checkFrameSize(take + (k < 0 ? 0 : 1))) return n
    if (take > 0) this.bodyParts.push(view(chunk, i, end))
    this.bodyLen += take
    this.frameBytes += take
    if (k < 0) return n
    this.frameBytes += 1
    this.emitFrame(chunk, k)
    return k + 1
  }

  private emitFrame(chunk: Uint8Array, nulAt: number): void {
    const body = this.bodyParts.length === 0 ? EMPTY : concat(this.bodyParts, this.bodyLen)
    const frame: Frame = { command: this.command, headers: this.headers, body }
    let raw: Uint8Array | undefined
    if (this.recordRaw) {
      this.rawParts.push(view(chunk, this.rawFrom, nulAt + 1))
      raw = concat(this.rawParts, this.frameBytes)
    }
    this.flushHeartbeat()
    this.out.push(raw === undefined
      ? { type: 'frame', frame, wireBytes: this.frameBytes }
      : { type: 'frame', frame, wireBytes: this.frameBytes, raw })
    if (this.version === null && this.negotiate !== undefined) this.version = handshakeVersion(frame, this.negotiate)
    this.resetFrame()
    this.rawFrom = nulAt + 1
  }

  private resetFrame(): void {
    this.state = 'command'
    this.command = ''
    this.headers = []
    this.contentLength = null
    this.sawContentLength = false
    this.bodyParts = []
    this.bodyLen = 0
    this.remaining = 0
    this.frameBytes = 0
    this.rawParts = []
  }

  private flushHeartbeat(): void {
    if (this.heartbeatBytes === 0) return
    this.out.push({ type: 'heartbeat', bytes: this.heartbeatBytes })
    this.heartbeatBytes = 0
  }

  /** Emits the error event, kills the parser, releases buffers; returns an index that ends the loop. */
  private fail(code: StompErrorCode, ctx: ProblemContext): number {
    this.flushHeartbeat()
    const command = this.state === 'command' ? undefined : this.command
    const problem = makeProblem(code, { command, version: this.version, ...ctx })
    // checklist 71, 72: the failing frame's receipt, if read before the fault (18: first wins)
    const receipt = this.headers.find(([name]) => name === 'receipt')?.[1]
    this.out.push({ type: 'error', problem, command, receipt })
    this.dead = true
    this.lineParts = []
    this.resetFrame()
    return Number.MAX_SAFE_INTEGER
  }
}
