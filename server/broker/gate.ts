/**
 * The state gate (aedes lib/handlers/index.js): every client frame passes here before its
 * handler. Nothing but CONNECT/STOMP before connecting (checklist 20), no second CONNECT (26),
 * then the codec's validateFrame — the same checks, and the same problem texts, as the
 * playground editor's linter: only client commands (4, 5, 73), no NACK in 1.0 (55), required
 * headers per command and version (35, 41, 48, 54, 55, 59, 61), a valid ack (43), bodies only on
 * SEND (7, rejected rather than ignored). After the handler: RECEIPT (checklist 64, 65).
 */
import { getHeader, makeFrame, type Frame } from '../../lib/stomp/frame'
import { isClientCommand } from '../../lib/stomp/commands'
import { makeProblem } from '../../lib/stomp/problems'
import { validateFrame } from '../../lib/stomp/validate'
import type { Session } from './session'
import { reject, writeFrame } from './write'
import { handleConnect } from './handlers/connect'
import { handleSend } from './handlers/send'
import { handleSubscribe } from './handlers/subscribe'
import { handleUnsubscribe } from './handlers/unsubscribe'
import { handleAck } from './handlers/ack'
import { handleNack } from './handlers/nack'
import { handleBegin } from './handlers/begin'
import { handleCommit } from './handlers/commit'
import { handleAbort } from './handlers/abort'
import { handleDisconnect } from './handlers/disconnect'

export type Handler = (session: Session, frame: Frame) => void

const HANDLERS: Readonly<Record<string, Handler>> = {
  SEND: handleSend,
  SUBSCRIBE: handleSubscribe,
  UNSUBSCRIBE: handleUnsubscribe,
  ACK: handleAck,
  NACK: handleNack,
  BEGIN: handleBegin,
  COMMIT: handleCommit,
  ABORT: handleAbort,
  DISCONNECT: handleDisconnect,
}

function badCommand(session: Session, frame: Frame): void {
  // STOMP 1.2 §STOMP Frames: commands are case-sensitive — checklist 4, 5, 73
  const upper = frame.command.toUpperCase()
  const suggestion = upper !== frame.command && isClientCommand(upper) ? upper : undefined
  reject(session, frame, makeProblem('STOMP_ERR_BAD_COMMAND', { command: frame.command, version: session.version, suggestion }))
}

export function dispatchFrame(session: Session, frame: Frame): void {
  const { command } = frame
  const isConnect = command === 'CONNECT' || command === 'STOMP'
  if (session.state === 'open') {
    // STOMP 1.2 §CONNECT or STOMP Frame: the first frame is CONNECT or STOMP — checklist 20
    if (!isConnect) {
      if (!isClientCommand(command)) return badCommand(session, frame)
      return reject(session, frame, makeProblem('STOMP_ERR_NOT_CONNECTED', { command }))
    }
    if (frame.body.length > 0) return bodyNotAllowed(session, frame) // checklist 7
    return handleConnect(session, frame)
  }
  if (session.state !== 'connected' || session.version === null) return // after DISCONNECT / ERROR: ignored
  const version = session.version
  // a second CONNECT on an established session — checklist 26
  if (isConnect) return reject(session, frame, makeProblem('STOMP_ERR_ALREADY_CONNECTED', { command, version }))
  // checklist 4, 5, 7, 35, 41, 43, 48, 54, 55, 59, 61, 73 (warnings, e.g. a 1.2 CONNECT without host, pass)
  const issue = validateFrame(frame, { version, role: 'client' }).find((i) => i.severity === 'error')
  if (issue) return reject(session, frame, issue.problem)
  const handler = HANDLERS[command]
  if (handler === undefined) return badCommand(session, frame)
  handler(session, frame)
  // STOMP 1.2 §Header receipt: RECEIPT after processing — checklist 64; frames are handled in
  // order and synchronously, so everything before is processed too: RECEIPT is cumulative —
  // checklist 65. DISCONNECT sends its own.
  const receipt = getHeader(frame, 'receipt')
  if (receipt !== undefined && command !== 'DISCONNECT' && session.state === 'connected') {
    writeFrame(session, makeFrame('RECEIPT', [['receipt-id', receipt]]))
  }
}

function bodyNotAllowed(session: Session, frame: Frame): void {
  reject(session, frame, makeProblem('STOMP_ERR_BODY_NOT_ALLOWED', {
    command: frame.command, version: session.version, actual: frame.body.length,
  }))
}
