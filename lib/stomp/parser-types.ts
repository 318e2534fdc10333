/** Options and events of the streaming parser (parser.ts). */
import type { StompProblem } from './errors'
import type { Frame, StompVersion } from './frame'

export interface ParserLimitOptions {
  /** Whole frame in octets, from the command's first octet to the NUL included. */
  readonly maxFrameBytes: number
  readonly maxHeaders: number
  /** One command or header line in octets, escaped form, EOL excluded. */
  readonly maxHeaderLineBytes: number
  readonly maxBodyBytes: number
}

export interface ParserOptions extends ParserLimitOptions {
  /** Negotiated session version; null/absent = not yet known (CONNECT comes first). */
  readonly version?: StompVersion | null
  /**
   * Versions this side speaks. When given and the version is still unknown, the parser adopts
   * the negotiated version right after a CONNECT/STOMP frame (highest common with its
   * accept-version, via negotiateVersion — the broker's own function) or a CONNECTED frame (its
   * `version` header; absent = 1.0). Frames pipelined behind CONNECT in the same chunk are then
   * decoded with the right rules. setVersion() still overrides.
   */
  readonly negotiate?: readonly StompVersion[]
  /** Attach the exact wire octets of each frame (`raw`) to frame events. Off by default. */
  readonly recordRaw?: boolean
}

export type ParseEvent =
  /** `wireBytes` = octets of the frame on the wire, NUL included (trailing EOLs are heart-beats). */
  | { readonly type: 'frame'; readonly frame: Frame; readonly wireBytes: number; readonly raw?: Uint8Array }
  /** EOL octets between frames (LF or CRLF), coalesced per push (checklist 3, 33). */
  | { readonly type: 'heartbeat'; readonly bytes: number }
  /**
   * Fatal: the parser is dead afterwards. `command` is the failing frame's command when its
   * command line had been read; `receipt` its first `receipt` header (checklist 18) when that
   * header line had been read, and decoded, before the fault — so that a server's ERROR can carry
   * `receipt-id` (checklist 71, 72). Reported for every command, CONNECT included: a server must
   * not answer CONNECT's (checklist 27), which is its decision, not the codec's.
   */
  | { readonly type: 'error'; readonly problem: StompProblem; readonly command?: string; readonly receipt?: string }
