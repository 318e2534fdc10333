/**
 * The teaching texts behind every StompErrorCode: a short `message` (ERROR header, linter
 * headline) and the parts of `detail` (what was wrong, a correct example frame, the spec link).
 * Assembled by problems.ts; the broker's ERROR bodies and the editor's squiggles share them.
 */
import type { StompErrorCode } from './errors'
import type { StompVersion } from './frame'
import { exampleFrame, isServerCommand } from './commands'
import { commandSpecUrl, specUrl } from './spec-links'
import { destinationList } from './wirelab-destinations'
import { whyRequired } from './why-required'

export interface ProblemContext {
  /** Command of the offending frame. */
  readonly command?: string
  /** Session version (null = before CONNECT; texts then describe 1.2). */
  readonly version?: StompVersion | null
  readonly header?: string
  readonly value?: string
  /** The offending line, as received (display form is made by problems.ts). */
  readonly line?: string
  /** Undefined escape sequence, e.g. `\t`. */
  readonly sequence?: string
  readonly limit?: number
  readonly actual?: number
  /** Allowed values, alternatives of a required header, or supported versions. */
  readonly expected?: readonly string[]
  /** "Did you mean …" (unknown command, bad value). */
  readonly suggestion?: string
  /** Extra sentence from the caller (authorization refusal, encoder reason …). */
  readonly reason?: string
  /**
   * Why a connection is a slow consumer (STOMP_ERR_SLOW_CONSUMER): 'outbound-bytes' (default:
   * `actual` octets buffered, `limit` the bound) or 'hold-overflow' (a topic subscription at its
   * prefetch cap: `value` its destination, `actual` unacked messages, `limit` messages held).
   */
  readonly slowConsumerReason?: SlowConsumerReason
  /** Checklist items of the rule that fired (overrides the code's default). */
  readonly checklist?: readonly number[]
  /** Spec URL of the rule that fired (overrides the code's default). */
  readonly spec?: string
}

export interface ProblemText {
  readonly message: string
  /** What was wrong, quoting the frame (already in display form). */
  readonly what: string
  /** A correct frame, `^@` for NUL; omitted when no single frame illustrates the fix. */
  readonly example?: string
  readonly checklist: readonly number[]
  readonly spec: string
}

export type SlowConsumerReason = 'outbound-bytes' | 'hold-overflow'

type Q = (s: string | undefined) => string
type Builder = (c: ProblemContext, v: StompVersion, q: Q) => ProblemText

const ESCAPES: Record<StompVersion, string> = {
  '1.0': 'none: STOMP 1.0 sends header text literally',
  '1.1': '\\n (line feed), \\c (colon) and \\\\ (backslash); \\r is not defined in 1.1',
  '1.2': '\\r (carriage return), \\n (line feed), \\c (colon) and \\\\ (backslash)',
}

const limitText = (what: string, c: ProblemContext): string =>
  `This server accepts at most ${c.limit ?? '?'} ${what}${c.actual !== undefined ? `; this frame reached ${c.actual}` : ''}. ` +
  'The spec lets servers limit frame size, header count, header line length and body size, and asks them to send ERROR and close when a limit is exceeded.'

export const PROBLEM_TEXTS: Record<StompErrorCode, Builder> = {
  STOMP_ERR_BAD_COMMAND: (c, v, q) => ({
    message: `Unknown command: ${q(c.command)}`,
    what: isServerCommand(c.command ?? '')
      ? `${q(c.command)} is a frame only a server sends; a client may send CONNECT, STOMP, SEND, SUBSCRIBE, UNSUBSCRIBE, ACK, NACK, BEGIN, COMMIT, ABORT or DISCONNECT.`
      : `${q(c.command)} is not a STOMP command. Commands are case-sensitive${c.suggestion ? `: did you mean ${c.suggestion}?` : '.'}`,
    example: c.suggestion ? exampleFrame(c.suggestion, v) : undefined,
    checklist: [4, 5, 73],
    spec: specUrl('Client_Frames', v),
  }),
  STOMP_ERR_HEADER_NO_COLON: (c, v, q) => ({
    message: 'Malformed header: no colon',
    what: `The header line ${q(c.line)} has no ':'. Every header is name:value on its own line. ` +
      'If this line was meant to be the body, put an empty line between the headers and the body.',
    example: exampleFrame('SEND', v),
    checklist: [6],
    spec: specUrl('Augmented_BNF', v),
  }),
  STOMP_ERR_EMPTY_HEADER_NAME: (c, v, q) => ({
    message: 'Malformed header: empty name',
    what: `The header line ${q(c.line)} starts with ':', so its name is empty. A header name has at least one character.`,
    example: exampleFrame('SEND', v),
    checklist: [6],
    spec: specUrl('Augmented_BNF', v),
  }),
  STOMP_ERR_BAD_ESCAPE: (c, v, q) => ({
    message: `Undefined escape sequence: ${c.sequence ?? '\\'}`,
    what: `The header line ${q(c.line)} contains ${c.sequence === '\\' ? 'a lone backslash at its end' : `the escape ${q(c.sequence)}`}, which STOMP ${v} does not define; ` +
      `an undefined escape is a fatal protocol error. Escapes in STOMP ${v}: ${ESCAPES[v]}. Write a literal backslash as \\\\.`,
    example: `SEND\ndestination:/queue/demo\npath:C\\cuser\\\\new\n\nhello^@`,
    checklist: [12, 13],
    spec: specUrl('Value_Encoding', v),
  }),
  STOMP_ERR_BAD_CONTENT_LENGTH: (c, v, q) => ({
    message: `Bad content-length: ${q(c.value)}`,
    what: c.reason ?? `content-length must be the body size in octets as a non-negative decimal integer; got ${q(c.value)}.`,
    example: 'SEND\ndestination:/queue/demo\ncontent-length:5\n\nhello^@',
    checklist: [8],
    spec: specUrl('Header_content-length', v),
  }),
  STOMP_ERR_MISSING_NULL: (c, v) => ({
    message: 'Missing NUL after content-length octets',
    what: `content-length:${c.limit ?? '?'} announced ${c.limit ?? '?'} body octets, but the octet after them is not the NUL that ends the frame` +
      `${c.actual !== undefined ? ` (it is 0x${c.actual.toString(16).padStart(2, '0')})` : ''}. The body is longer than content-length says: count its octets (UTF-8), or leave content-length out.`,
    example: 'SEND\ndestination:/queue/demo\ncontent-length:5\n\nhello^@',
    checklist: [8],
    spec: specUrl('Header_content-length', v),
  }),
  STOMP_ERR_BODY_NOT_ALLOWED: (c, v, q) => ({
    message: `Body not allowed on ${c.command ?? 'this frame'}`,
    what: `Only SEND, MESSAGE and ERROR frames may have a body; this ${q(c.command)} frame has ${c.actual ?? 'some'} body octet(s).`,
    example: exampleFrame(c.command ?? 'SUBSCRIBE', v),
    checklist: [7],
    spec: specUrl('Body', v),
  }),
  STOMP_ERR_FRAME_TOO_LARGE: (c, v) => ({ message: 'Frame too large', what: limitText('octets per frame', c), checklist: [19], spec: specUrl('Size_Limits', v) }),
  STOMP_ERR_TOO_MANY_HEADERS: (c, v) => ({ message: 'Too many headers', what: limitText('headers per frame', c), checklist: [19], spec: specUrl('Size_Limits', v) }),
  STOMP_ERR_HEADER_TOO_LONG: (c, v) => ({ message: 'Header line too long', what: limitText('octets per command or header line', c), checklist: [19], spec: specUrl('Size_Limits', v) }),
  STOMP_ERR_BODY_TOO_LARGE: (c, v) => ({ message: 'Body too large', what: limitText('body octets', c), checklist: [19], spec: specUrl('Size_Limits', v) }),
  STOMP_ERR_WS_MESSAGE_TOO_LARGE: (c, v) => ({
    message: 'WebSocket message too large',
    what: `This server accepts at most ${c.limit ?? '?'} octets in one WebSocket message${c.actual !== undefined ? `; the frame headers of this message announced ${c.actual}` : ''}, ` +
      'so its octets were not read. Send each STOMP frame in a WebSocket message of its own (stompjs does), and keep every frame within the frame size limit. ' +
      'The spec lets servers limit frame size, header count, header line length and body size, and asks them to send ERROR and close when a limit is exceeded.',
    checklist: [19, 72],
    spec: specUrl('Size_Limits', v),
  }),
  STOMP_ERR_BAD_UTF8: (c, v, q) => ({
    message: 'Invalid UTF-8 in command or header',
    what: `${c.line !== undefined ? `The line ${q(c.line)}` : 'A command or header line'} is not valid UTF-8. Commands and headers are UTF-8 text; only the body may be arbitrary octets.`,
    checklist: [11],
    spec: specUrl('Value_Encoding', v),
  }),
  STOMP_ERR_UNENCODABLE_HEADER: (c, v, q) => ({
    message: `Header cannot be encoded: ${q(c.header)}`,
    what: `The header ${q(c.header)} cannot be written to a STOMP ${v} receiver${c.command ? ` in a ${c.command} frame` : ''}: ${c.reason ?? 'its text has no encoding in this version'}.`,
    checklist: [14, 15, 16],
    spec: specUrl('Value_Encoding', v),
  }),
  STOMP_ERR_NOT_CONNECTED: (c, v, q) => ({
    message: 'Not connected: send CONNECT first',
    what: `The first frame of a session must be CONNECT (or STOMP); got ${q(c.command)}.`,
    example: exampleFrame('CONNECT', '1.2'),
    checklist: [20],
    spec: specUrl('Connecting', v),
  }),
  STOMP_ERR_CONNECT_TIMEOUT: (c, v) => ({
    message: 'No CONNECT in time: send CONNECT first',
    what: `No CONNECT (or STOMP) frame arrived within ${c.limit ?? '?'} ms of opening the connection, so the server closes it. ` +
      'Send CONNECT first, as soon as the connection is open: a STOMP session starts with it, and a server does not keep connections that never begin one.',
    example: exampleFrame('CONNECT', '1.2'),
    checklist: [20],
    spec: specUrl('Connecting', v),
  }),
  STOMP_ERR_ALREADY_CONNECTED: (_c, v) => ({
    message: 'Already connected',
    what: 'This session is already connected; a second CONNECT (or STOMP) is a protocol error. Open a new connection to start another session.',
    checklist: [26],
    spec: specUrl('Connecting', v),
  }),
  STOMP_ERR_VERSION_MISMATCH: (c, _v, q) => ({
    message: 'Version mismatch',
    what: `The client offered ${c.value === undefined ? 'no accept-version header (which means 1.0 only)' : `accept-version:${q(c.value)}`}; ` +
      `this server speaks ${(c.expected ?? []).join(', ') || 'other versions'}. The session uses the highest version both sides list.`,
    example: 'CONNECT\naccept-version:1.0,1.1,1.2\nhost:localhost\n\n^@',
    checklist: [21, 22],
    spec: specUrl('Protocol_Negotiation'),
  }),
  STOMP_ERR_BAD_HEART_BEAT: (c, v, q) => ({
    message: `Bad heart-beat: ${q(c.value)}`,
    what: `${c.reason === undefined ? '' : `${c.reason} `}heart-beat must be two non-negative integers in milliseconds, "cx,cy" (what the sender can send, what it wants to receive; 0 = never); got ${q(c.value)}.`,
    example: 'CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:10000,10000\n\n^@',
    checklist: [28],
    spec: specUrl('Heart-beating', v === '1.0' ? '1.2' : v),
  }),
  STOMP_ERR_ACCESS_REFUSED: (c, v) => ({
    message: 'Access refused',
    what: c.reason ?? 'The login and passcode were not accepted.',
    checklist: [25],
    spec: specUrl('Connecting', v),
  }),
  STOMP_ERR_MISSING_HEADER: (c, v, q) => ({
    message: `Missing header: ${(c.expected && c.expected.length > 1 ? c.expected.join(' or ') : c.header) ?? '?'}`,
    what: `This ${q(c.command)} frame has no ${(c.expected && c.expected.length > 1 ? c.expected.map((h) => q(h)).join(' or ') : q(c.header))} header. ${whyRequired(c.command, c.header)}`,
    example: exampleFrame(c.command ?? 'SEND', v),
    checklist: [35, 41, 48, 54, 55, 59, 61],
    spec: commandSpecUrl(c.command ?? 'SEND', v),
  }),
  STOMP_ERR_BAD_HEADER_VALUE: (c, v, q) => ({
    message: `Invalid value for ${c.header ?? 'header'}: ${q(c.value)}`,
    what: `${q(c.header)} cannot be ${q(c.value)}${c.expected ? `; in STOMP ${v} it is one of ${c.expected.join(', ')}` : ''}${c.suggestion ? `. Did you mean ${c.suggestion}?` : '.'}`,
    example: c.header === 'ack' ? `SUBSCRIBE\nid:sub-0\ndestination:/topic/greetings\nack:${c.suggestion ?? 'client'}\n\n^@` : undefined,
    checklist: [43],
    spec: c.header === 'ack' ? specUrl(v === '1.0' ? 'frame-SUBSCRIBE' : 'SUBSCRIBE_ack_Header', v) : commandSpecUrl(c.command ?? 'SEND', v),
  }),
  STOMP_ERR_BAD_DESTINATION: (c, v, q) => ({
    message: `Unknown destination: ${q(c.value)}`,
    what: `${c.reason ?? `This server does not serve ${q(c.value)}.`} Destinations are opaque strings defined by each server. Wirelab serves:\n${destinationList()}`,
    example: 'SEND\ndestination:/queue/demo\n\nhello^@',
    checklist: [36],
    spec: specUrl('SEND', v),
  }),
  STOMP_ERR_DUPLICATE_SUBSCRIPTION: (c, v, q) => ({
    message: `Duplicate subscription id: ${q(c.value)}`,
    what: `A subscription with id ${q(c.value)} already exists on this connection; ids must be unique per connection. Pick another id, or UNSUBSCRIBE the old one first.`,
    example: 'SUBSCRIBE\nid:sub-1\ndestination:/topic/greetings\n\n^@',
    checklist: [42],
    spec: specUrl('SUBSCRIBE_id_Header', v),
  }),
  STOMP_ERR_UNKNOWN_SUBSCRIPTION: (c, v, q) => ({
    message: `No subscription with id: ${q(c.value)}`,
    what: `UNSUBSCRIBE must name an existing subscription of this connection; there is none with id ${q(c.value)}.`,
    example: 'UNSUBSCRIBE\nid:sub-0\n\n^@',
    checklist: [48],
    spec: specUrl('UNSUBSCRIBE', v),
  }),
  STOMP_ERR_UNKNOWN_ACK: (c, v, q) => ({
    message: `Unknown ${c.header ?? 'id'}: ${q(c.value)}`,
    what: `${c.command ?? 'ACK'} refers to ${q(c.value)}, which is not an unacknowledged message of this connection (unknown, or already acknowledged).` +
      (v === '1.2' ? ' In 1.2 use the value of the MESSAGE\'s ack header.' : ' Use the MESSAGE\'s message-id.'),
    example: exampleFrame(c.command ?? 'ACK', v),
    checklist: [56],
    spec: specUrl(c.command ?? 'ACK', v),
  }),
  STOMP_ERR_ACK_ON_AUTO: (c, v, q) => ({
    message: `${c.command ?? 'ACK'} on an auto subscription`,
    what: `${q(c.value)} belongs to a subscription with ack:auto: its messages count as acknowledged when sent, so there is nothing to ${c.command ?? 'ACK'}. Subscribe with ack:client or ack:client-individual to acknowledge yourself.`,
    example: 'SUBSCRIBE\nid:sub-0\ndestination:/queue/demo\nack:client-individual\n\n^@',
    checklist: [58],
    spec: specUrl('SUBSCRIBE_ack_Header', v),
  }),
  STOMP_ERR_NACK_IN_1_0: () => ({
    message: 'NACK is not part of STOMP 1.0',
    what: 'This session speaks STOMP 1.0, which has no NACK. Connect with accept-version:1.1 or 1.2 to use NACK.',
    example: 'CONNECT\naccept-version:1.2\nhost:localhost\n\n^@',
    checklist: [55],
    spec: specUrl('NACK', '1.2'),
  }),
  STOMP_ERR_DUPLICATE_TRANSACTION: (c, v, q) => ({
    message: `Transaction already started: ${q(c.value)}`,
    what: `BEGIN names ${q(c.value)}, a transaction already open on this connection; transaction ids must be unique. COMMIT or ABORT it, or pick another id.`,
    example: 'BEGIN\ntransaction:tx-2\n\n^@',
    checklist: [59],
    spec: specUrl('BEGIN', v),
  }),
  STOMP_ERR_UNKNOWN_TRANSACTION: (c, v, q) => ({
    message: `Unknown transaction: ${q(c.value)}`,
    what: `${c.command ?? 'This frame'} names transaction ${q(c.value)}, which is not open on this connection. Open it with BEGIN first.`,
    example: 'BEGIN\ntransaction:tx-1\n\n^@',
    checklist: [38, 61],
    spec: specUrl(c.command === 'SEND' ? 'SEND' : (c.command ?? 'COMMIT'), v),
  }),
  STOMP_ERR_QUEUE_FULL: (c, v, q) => ({
    message: `Queue full: ${q(c.value)}`,
    what: `${q(c.value)} already holds ${c.limit ?? 'its maximum number of'} messages nobody has consumed; this message was refused, not dropped. Subscribe a consumer to drain it.`,
    checklist: [],
    spec: specUrl('SEND', v),
  }),
  STOMP_ERR_SLOW_CONSUMER: (c, v, q) => (c.slowConsumerReason === 'hold-overflow'
    ? {
      message: 'Slow consumer',
      what: `The subscription to ${q(c.value)} has ${c.actual === 1 ? '1 message' : `${c.actual ?? '?'} messages`} unacknowledged (its prefetch limit) and ${c.limit ?? '?'} more ` +
        'waiting for room, which is as many as the server holds for one subscription. ACK messages as they arrive, or subscribe with ack:auto.',
      example: exampleFrame('ACK', v),
      checklist: [],
      spec: specUrl(v === '1.0' ? 'frame-SUBSCRIBE' : 'SUBSCRIBE_ack_Header', v),
    }
    : {
      message: 'Slow consumer',
      what: `${c.actual ?? 'Many'} octets were already waiting to be written to this connection, and the next frame would take it past ${c.limit ?? 'the allowed'} octets: ` +
        'this client does not read as fast as messages arrive. Rather than buffer without bound, the server closes connections that do not read. Read frames as they arrive.',
      checklist: [],
      spec: specUrl('Size_Limits', v),
    }),
  STOMP_ERR_TOO_MANY_SUBSCRIPTIONS: (c, v) => ({
    message: 'Too many subscriptions',
    what: `This connection already has ${c.limit ?? 'the maximum number of'} subscriptions, as many as this server allows on one connection, so this SUBSCRIBE was refused. ` +
      'UNSUBSCRIBE one you no longer need before adding another, or open another connection.',
    example: 'UNSUBSCRIBE\nid:sub-0\n\n^@',
    checklist: [19, 41],
    spec: commandSpecUrl('SUBSCRIBE', v),
  }),
  STOMP_ERR_HEARTBEAT_TIMEOUT: (c, v) => ({
    message: 'Heart-beat timeout',
    what: `Nothing arrived for ${c.actual ?? '?'} ms although the negotiated heart-beat promised data every ${c.limit ?? '?'} ms. Send a frame or an EOL (heart-beat) in time.`,
    checklist: [31],
    spec: specUrl('Heart-beating', v === '1.0' ? '1.2' : v),
  }),
}
