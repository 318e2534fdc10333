/**
 * The largest WebSocket message /ws/stomp takes, enforced one step in front of `ws`, so that an
 * oversized message gets the broker's ERROR before the close (checklist 19, 72) instead of a
 * bare close 1009.
 *
 * `ws` (`maxPayload`) adds up the payload lengths of a message's data frames as each frame header
 * arrives and, past its limit, closes the connection itself (1009) — before the broker could say
 * why. This follower reads the same headers from the socket's inbound octets first, with the same
 * arithmetic, and:
 * - hands `ws` every octet before the header that crosses the limit, unchanged (the frames in
 *   front of it are served as usual);
 * - then reports the size once (the session answers ERROR then close), and from there on hands
 *   `ws` only control frames (close, ping, pong): data frames are dropped unread. So `ws` never
 *   sees the oversized message, stays open to send the ERROR, and still completes the close
 *   handshake with the client.
 * A frame header split across chunks is held back (at most 14 octets) until it can be judged, so
 * `ws` never sees half a header of a frame that is then dropped. Frames `ws` rejects anyway
 * (reserved opcodes) are passed on uncounted for `ws` to refuse.
 */
import { frameExtent } from '../../lib/websocket/frame-header'

const MAX_HEADER = 14

/** Header octets from the second one: 2, 4 or 10, plus 4 with a masking key (RFC 6455 §5.2). */
function headerSize(b1: number): number {
  const len7 = b1 & 0x7f
  return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + (b1 & 0x80 ? 4 : 0)
}

export class WsMessageLimit {
  private readonly held = new Uint8Array(MAX_HEADER)
  private heldLength = 0
  /** Payload octets of the current frame still to come. */
  private remaining = 0
  /** Whether the current frame's octets go to `ws`. */
  private passing = true
  /** Payload octets of the current data message so far (`ws`'s `_totalPayloadLength`). */
  private messageBytes = 0
  /** Size of the message that crossed the limit, until reported. */
  private over: number | null = null
  private tripped = false

  constructor(readonly maxMessageBytes: number) {}

  /** The parts of `chunk` that `ws` may read, in wire order (usually `[chunk]` itself). */
  push(chunk: Uint8Array): Uint8Array[] {
    if (!this.tripped && this.heldLength === 0 && this.remaining >= chunk.length) {
      this.remaining -= chunk.length // inside a payload: nothing to decide
      return [chunk]
    }
    const out: Uint8Array[] = []
    let runStart = 0 // start of the octets of `chunk` waiting to be passed on
    let pos = 0
    const cut = (end: number): void => {
      if (end > runStart) out.push(runStart === 0 && end === chunk.length ? chunk : chunk.subarray(runStart, end))
    }
    while (pos < chunk.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - pos)
        if (!this.passing) {
          cut(pos)
          runStart = pos + n
        }
        this.remaining -= n
        pos += n
        continue
      }
      // a frame header starts at `pos` (or continues the held octets)
      let header: Uint8Array
      let at: number
      if (this.heldLength > 0) {
        const take = Math.min(MAX_HEADER - this.heldLength, chunk.length - pos)
        this.held.set(chunk.subarray(pos, pos + take), this.heldLength)
        header = this.held.subarray(0, this.heldLength + take)
        at = 0
      } else {
        header = chunk
        at = pos
      }
      const extent = frameExtent(header, at)
      if (extent === -1) {
        // incomplete: hold the octets until the rest of the header arrives
        cut(pos)
        if (this.heldLength === 0) this.held.set(chunk.subarray(pos), 0)
        this.heldLength = header.length - at
        return out
      }
      const size = headerSize(header[at + 1])
      const b0 = header[at]
      const opcode = b0 & 0x0f
      const payload = extent === -2 ? Number.MAX_SAFE_INTEGER : extent - size
      this.judge(opcode, (b0 & 0x80) !== 0, payload)
      const fromHeld = this.heldLength
      if (fromHeld > 0) {
        // the held part of this header was not passed on yet: pass the whole header from here
        this.heldLength = 0
        if (this.passing) out.push(Buffer.from(this.held.subarray(0, size))) // a copy: `held` is reused
        pos += size - fromHeld
        runStart = pos
      } else {
        if (!this.passing) cut(pos)
        pos += size
        if (!this.passing) runStart = pos
      }
      this.remaining = extent === -2 ? Number.MAX_SAFE_INTEGER : payload
    }
    cut(chunk.length)
    return out
  }

  /** The size of the message that crossed the limit, once (null before and after that). */
  takeOver(): number | null {
    const over = this.over
    this.over = null
    return over
  }

  private judge(opcode: number, fin: boolean, payload: number): void {
    const data = opcode <= 2
    if (this.tripped) {
      this.passing = !data && opcode >= 8 // after the limit: control frames only
      return
    }
    this.passing = true
    if (!data) return // control frames, and reserved opcodes `ws` refuses itself
    this.messageBytes += payload
    if (this.messageBytes > this.maxMessageBytes) {
      this.tripped = true
      this.passing = false
      this.over = this.messageBytes
      return
    }
    if (fin) this.messageBytes = 0
  }
}
