/**
 * The one write path (aedes lib/write.js): every byte the broker sends to a client goes through
 * here. It serializes for the receiver's negotiated version (escaping — checklist 14, 16, 53),
 * picks a WebSocket text or binary message by the body (checklist 76), feeds the heart-beat
 * sender, taps the frame, and bounds what one connection may have buffered (slow consumers).
 *
 * And the one error path: `fail` turns a StompProblem into an ERROR frame (message and code
 * headers, teaching body, receipt-id — checklist 69, 71), writes it, then closes after flushing (70, 67).
 */
import { getHeader, type Frame, type Header } from '../../lib/stomp/frame'
import type { StompProblem } from '../../lib/stomp/errors'
import { StompEncodeError, serializeFrame, serializeHeartbeat } from '../../lib/stomp/serializer'
import { makeProblem, problemToErrorFrame } from '../../lib/stomp/problems'
import { isValidUtf8 } from '../../lib/stomp/utf8'
import { clientOf, frameEvent, heartbeatEvent } from './taps'
import type { Session } from './session'
import { messageFrame, type BrokerMessage, type MessageTarget } from './message'
import { messageBytes } from './message-wire'

/** WebSocket close code used after ERROR, DISCONNECT and heart-beat loss: a normal STOMP close. */
export const CLOSE_NORMAL = 1000

/** The tap first: the STOMP frame is reported before the transport's own events about its bytes. */
function emit(session: Session, frame: Frame | (() => Frame), bytes: Uint8Array, kind: 'text' | 'binary'): void {
  if (session.bus.wants(session.id, session.client)) session.bus.publish(frameEvent(session, 'out', typeof frame === 'function' ? frame() : frame, bytes.length, bytes))
  session.conn.send(bytes, kind)
  session.heartBeat?.sent()
}

/** Slow-consumer bound: false (and the session failed) when `size` more bytes do not fit. */
function fits(session: Session, size: number): boolean {
  const buffered = session.conn.bufferedAmount
  if (buffered > 0 && buffered + size > session.options.maxOutboundBytes) {
    fail(session, makeProblem('STOMP_ERR_SLOW_CONSUMER', {
      version: session.version, slowConsumerReason: 'outbound-bytes', limit: session.options.maxOutboundBytes, actual: buffered,
    }))
    return false
  }
  return true
}

/**
 * Write one frame. Returns false (and writes nothing) when the session is closing, or when the
 * client is not reading fast enough: past `maxOutboundBytes` buffered, the session gets ERROR
 * STOMP_ERR_SLOW_CONSUMER and is closed, so one stalled reader cannot grow the broker's memory.
 * A single frame always fits in an empty buffer.
 */
export function writeFrame(session: Session, frame: Frame, bodyIsText?: boolean): boolean {
  if (!session.canWrite) return false
  let bytes: Uint8Array
  try {
    bytes = serializeFrame(frame, session.version)
  } catch (err) {
    // A header this receiver's version cannot carry (e.g. a destination with a line feed for a
    // 1.0 session): ERROR then close rather than a frame the client would misread.
    if (!(err instanceof StompEncodeError)) throw err
    fail(session, err.problem)
    return false
  }
  if (!fits(session, bytes.length)) return false
  const text = bodyIsText ?? (frame.body.length === 0 || isValidUtf8(frame.body))
  emit(session, frame, bytes, text ? 'text' : 'binary')
  return true
}

/**
 * Write one MESSAGE (the fan-out hot path): same bytes as writeFrame(messageFrame(…)), with the
 * body part encoded once per message and version (message-wire.ts). The tap's Frame is only
 * built when someone listens.
 */
export function writeMessage(session: Session, message: BrokerMessage, target: MessageTarget): boolean {
  const version = session.version
  if (!session.canWrite || version === null) return false
  const bytes = messageBytes(message, target, version)
  if (bytes === null) return writeFrame(session, messageFrame(message, target, version), message.bodyIsText)
  if (!fits(session, bytes.length)) return false
  emit(session, () => messageFrame(message, target, version), bytes, message.bodyIsText ? 'text' : 'binary')
  return true
}

/** One EOL (checklist 30). Skipped while bytes are still queued: they will reach the client first. */
export function writeHeartbeat(session: Session): void {
  if (!session.canWrite || session.conn.bufferedAmount > 0) return
  const bytes = serializeHeartbeat(session.version ?? '1.2')
  if (session.bus.wants(session.id, session.client)) session.bus.publish(heartbeatEvent(session, 'out', bytes.length))
  session.conn.send(bytes, 'text')
  session.heartBeat?.sent()
}

/**
 * The `receipt-id` an ERROR carries for a failing frame (checklist 71): its `receipt`, except
 * CONNECT's (checklist 27). For frames that parsed (reject) and for parse errors alike, whose
 * command and receipt the parser reports on its error event (checklist 72).
 */
export function errorReceiptId(command: string | undefined, receipt: string | undefined): string | undefined {
  return command === 'CONNECT' || command === 'STOMP' ? undefined : receipt
}

/** fail() with the failing frame's receipt (checklist 71), except CONNECT's (checklist 27). */
export function reject(session: Session, frame: Frame, problem: StompProblem, headers?: readonly Header[]): void {
  fail(session, problem, { receiptId: errorReceiptId(frame.command, getHeader(frame, 'receipt')), ...(headers ? { headers } : {}) })
}

export interface FailOptions {
  /** The failing frame's `receipt` (checklist 71). Never pass CONNECT's (checklist 27). */
  readonly receiptId?: string
  /** Extra headers, e.g. `version` on a version-mismatch ERROR (checklist 22). */
  readonly headers?: readonly Header[]
}

/**
 * ERROR then close. Sent once: a session already closing ignores further failures. The ERROR
 * bypasses the slow-consumer bound (it is the last frame), then the connection is closed with a
 * flush (`conn.close`, never `destroy` with the frame unsent — checklist 67); if the peer does not
 * read it within the linger time, the session gives up and destroys the socket.
 */
export function fail(session: Session, problem: StompProblem, options: FailOptions = {}): void {
  if (!session.canWrite) return
  const base = problemToErrorFrame(problem, options.receiptId === undefined ? {} : { receiptId: options.receiptId })
  let frame: Frame = options.headers ? { ...base, headers: [...base.headers, ...options.headers] } : base
  if (session.bus.active) {
    session.bus.publish({ type: 'stomp.error', t: performance.now(), conn: session.id, ...clientOf(session), code: problem.code, message: problem.message })
  }
  let bytes: Uint8Array
  try {
    bytes = serializeFrame(frame, session.version)
  } catch {
    // a receipt id this version cannot carry back: send the ERROR without it
    frame = problemToErrorFrame(problem)
    if (options.headers) frame = { ...frame, headers: [...frame.headers, ...options.headers] }
    bytes = serializeFrame(frame, session.version)
  }
  emit(session, frame, bytes, 'text')
  session.close(CLOSE_NORMAL, problem.code)
}
