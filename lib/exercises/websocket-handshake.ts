/**
 * Lesson 05, The WebSocket handshake: compute `Sec-WebSocket-Accept` yourself. The learner takes
 * the `Sec-WebSocket-Key` of their own connection to /ws/echo, computes
 * base64(SHA-1(key + GUID)) (RFC 6455 §4.2.2 step 5.4) and sends it as a text message on that
 * same connection. Checked over the learner's `ws.handshake` events (the key the server read and
 * the Accept its 101 carried) and `ws.frame` events (the text the server unmasked).
 */
import type { InspectEvent, WsFrameEvent, WsHandshakeEvent } from '../inspect/events'
import { diagnoseAccept, looksLikeAccept, type AcceptAttempt } from '../websocket/accept-diagnosis'
import { WS_GUID } from '../websocket/accept'
import { handshakes, httpHeader, stripCid, wsFrames, type Indexed } from './query'
import type { Evidence, ExerciseDef, StepResult } from './types'

const ECHO = '/ws/echo'
const SHOWN = 60

function show(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > SHOWN ? `${flat.slice(0, SHOWN - 1)}…` : flat
}

/** `GET /ws/echo?tag=… HTTP/1.1` without the tab's cid. */
function requestLine(h: WsHandshakeEvent): string {
  const [method = '', target = '', version = ''] = h.requestLine.split(' ')
  return `${method} ${stripCid(target)} ${version}`.trim()
}

function handshakeEvidence(h: Indexed<WsHandshakeEvent>): Evidence {
  return { t: h.event.t, conn: h.event.conn, summary: `${requestLine(h.event)} → ${h.event.statusLine} · Sec-WebSocket-Key: ${h.event.key}` }
}

function frameEvidence(f: Indexed<WsFrameEvent>): Evidence {
  return { t: f.event.t, conn: f.event.conn, summary: `sent text frame "${show(f.event.preview)}"${f.event.truncated ? '…' : ''} (${f.event.payloadLength} payload octets, masked) on ${f.event.conn}` }
}

/** The Accept the server really sent in its 101 (the header), else the one the tap computed. */
function serverAccept(h: WsHandshakeEvent): string {
  return httpHeader(h.responseHeaders, 'sec-websocket-accept') ?? h.accept
}

interface Attempt {
  readonly frame: Indexed<WsFrameEvent>
  readonly handshake: Indexed<WsHandshakeEvent> | undefined
  readonly kind: AcceptAttempt | 'no-handshake' | 'other-connection'
  /** For `other-connection`: the handshake whose Accept was sent. */
  readonly other?: WsHandshakeEvent
}

/** Every text message the learner sent on a /ws/echo connection, read as an attempt at its Accept. */
function attempts(events: readonly InspectEvent[]): Attempt[] {
  const all = handshakes(events)
  const echo = new Map(all.filter((h) => h.event.path === ECHO).map((h) => [h.event.conn, h]))
  return wsFrames(events, 'in', 1)
    .filter((f) => f.event.fin && (echo.has(f.event.conn) || all.every((h) => h.event.conn !== f.event.conn)))
    .map((frame): Attempt => {
      const handshake = echo.get(frame.event.conn)
      if (!handshake) return { frame, handshake, kind: 'no-handshake' }
      const kind = diagnoseAccept(frame.event.preview, handshake.event.key)
      if (kind !== 'correct') {
        const sent = frame.event.preview.trim()
        const other = all.find((h) => h.event.conn !== frame.event.conn && serverAccept(h.event) === sent)
        if (other) return { frame, handshake, kind: 'other-connection', other: other.event }
      }
      return { frame, handshake, kind }
    })
}

const WHAT = `An Accept is base64(SHA-1(key + \`${WS_GUID}\`)): 28 characters ending in \`=\`.`

/** What to tell the learner about a wrong attempt. */
function explain(a: Attempt): string {
  const sent = `\`${show(a.frame.event.preview)}\``
  const conn = a.frame.event.conn
  const key = a.handshake ? `\`${a.handshake.event.key}\`` : 'its key'
  switch (a.kind) {
    case 'correct':
      return ''
    case 'no-handshake':
      return `Wirelab did not see the handshake of ${conn} since you started this exercise, so it cannot tell which key you answered. Open a new connection and send the Accept of its key.`
    case 'other-connection':
      return `${sent} is the Accept of ${a.other?.conn ?? 'another connection'}, not of ${conn}. Every connection gets a fresh random key (RFC 6455 §4.1), so use the key of the connection you send on: ${key}.`
    case 'quoted':
      return `Nearly: the value is right, but the quotes around it were sent too. Send only the 28 characters, without quotes.`
    case 'key':
      return `That is the key itself. The server does not send the key back: it appends the GUID \`${WS_GUID}\`, takes SHA-1 of that string, and sends the base64 of the 20 octets.`
    case 'guid':
      return `That is the GUID alone. Append it to your key (${key}) first, then hash the whole string.`
    case 'concatenated':
      return 'You joined the key and the GUID correctly, without a space. Now take SHA-1 of that string (20 octets) and send the base64 of those octets.'
    case 'no-guid':
      return `That is base64(SHA-1(key)): the GUID is missing. Hash the key followed directly by \`${WS_GUID}\`.`
    case 'guid-first':
      return 'The GUID came first. The key comes first, then the GUID, with nothing between them.'
    case 'guid-case':
      return `The GUID was in lower case. It is a fixed string, compared exactly: \`${WS_GUID}\`, upper case.`
    case 'hex':
      return 'That is the right SHA-1, written as 40 hex digits. The header carries the base64 of the 20 octets instead: turn the hex back into octets, then encode them as base64.'
    case 'hex-no-guid':
      return `That is SHA-1 of the key alone, in hex: the GUID is missing, and the result must be base64, not hex.`
    case 'base64-of-hex':
      return 'You encoded the 40 hex characters as base64 (that is what `btoa(hex)` does). Encode the 20 octets they stand for: 28 characters, ending in one `=`.'
    case 'decoded-key':
      return 'You base64-decoded the key before hashing it. The key is used as the string it is, "not base64-decoded" (RFC 6455 §4.1): hash the 24 characters followed by the GUID.'
    case 'other':
      return looksLikeAccept(a.frame.event.preview)
        ? `${sent} has the shape of an Accept, but not the one for ${key}, the key of ${conn}. Check what you hashed: exactly the key followed by the GUID, no space, no line break.`
        : `${sent} is not an Accept. ${WHAT}`
  }
}

function wrongOrTodo(id: string, a: Attempt): StepResult {
  return { id, status: a.kind === 'no-handshake' ? 'todo' : 'wrong', message: explain(a), evidence: frameEvidence(a.frame) }
}

function check(events: readonly InspectEvent[]): StepResult[] {
  const echo = handshakes(events).filter((h) => h.event.path === ECHO)
  const tries = attempts(events)
  const first = tries.find((a) => a.kind === 'correct')

  // 1. The connection and its key: the one answered correctly, else the newest.
  const opened = first?.handshake ?? echo.at(-1)
  if (!opened) return [{ id: 'open', status: 'todo' }, { id: 'send-accept', status: 'todo' }, { id: 'fresh-key', status: 'todo' }]
  const open: StepResult = { id: 'open', status: 'done', message: `Your browser sent the key \`${opened.event.key}\` on ${opened.event.conn}.`, evidence: handshakeEvidence(opened) }

  // 2. Its Accept, sent on that same connection.
  if (!first || !first.handshake) {
    const last = tries.at(-1)
    const send: StepResult = last ? wrongOrTodo('send-accept', last) : { id: 'send-accept', status: 'todo' }
    return [open, send, { id: 'fresh-key', status: 'todo' }]
  }
  const accept = serverAccept(first.handshake.event)
  const send: StepResult = {
    id: 'send-accept',
    status: 'done',
    message: `Right: on ${first.frame.event.conn} the key \`${first.handshake.event.key}\` gives \`${first.frame.event.preview.trim()}\`, and the server's 101 carried \`Sec-WebSocket-Accept: ${accept}\`.`,
    evidence: frameEvidence(first.frame),
  }

  // 3. Again on a new connection: a new key, a new Accept.
  const later = tries.filter((a) => a.frame.index > first.frame.index)
  const fresh = later.find((a) => a.kind === 'correct' && a.frame.event.conn !== first.frame.event.conn && a.handshake?.event.key !== first.handshake?.event.key)
  let third: StepResult
  if (fresh?.handshake) {
    third = {
      id: 'fresh-key',
      status: 'done',
      message: `New connection ${fresh.frame.event.conn}, new key \`${fresh.handshake.event.key}\`, new Accept \`${fresh.frame.event.preview.trim()}\`.`,
      evidence: frameEvidence(fresh.frame),
    }
  } else {
    const last = later.at(-1)
    if (!last) third = { id: 'fresh-key', status: 'todo' }
    else if (last.frame.event.conn === first.frame.event.conn)
      third = { id: 'fresh-key', status: 'todo', message: `That was ${last.frame.event.conn} again. Open a new connection first: your browser makes a new key for it.`, evidence: frameEvidence(last.frame) }
    else third = wrongOrTodo('fresh-key', last)
  }
  return [open, send, third]
}

export const wsComputeAccept: ExerciseDef = {
  id: 'ws-compute-accept',
  title: 'Compute the Accept yourself',
  goal: 'Do the server\'s part of the handshake by hand: take the key your browser sent on its connection to `/ws/echo`, compute the `Sec-WebSocket-Accept` for it, and send it over that very connection.',
  steps: [
    { id: 'open', label: 'Open a WebSocket to `/ws/echo` (the calculator above does) and find the `Sec-WebSocket-Key` your browser sent.' },
    { id: 'send-accept', label: 'Compute base64(SHA-1(key + GUID)) for that key and send it as a text message on the same connection.' },
    { id: 'fresh-key', label: 'Open a new connection and do it again: a new connection has a new key, so a new Accept.' },
  ],
  hints: [
    `The string to hash is the key, as the 24 characters you see, followed directly by the GUID \`${WS_GUID}\`: no space, nothing decoded.`,
    'SHA-1 gives 20 octets, shown as 40 hex digits. The Accept is those 20 octets in base64, not the hex digits: paste the hex into step 2 of the calculator.',
    'The result is 28 characters and ends in one `=`. Paste it into the message box and press Send, without quotes. After "New connection", the key changes: start again from the new key.',
  ],
  solution: [{ target: 'ws', value: `Sec-WebSocket-Key + ${WS_GUID}  →  SHA-1 (20 octets)  →  base64  →  send it on the same connection` }],
  explanation:
    'The calculator now holds your connection\'s key followed by the GUID, its SHA-1, and the base64 of those 20 octets: press Send. The server computed the same value when it answered your handshake; it proves the server read a WebSocket request, not that anyone is who they say they are.',
  check,
}
