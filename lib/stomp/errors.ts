/**
 * Stable error codes. The parser, the linter (editor squiggles) and the broker (ERROR frames)
 * all speak these codes, so a learner sees the same explanation everywhere.
 */
export const STOMP_ERROR_CODES = [
  // grammar / parsing (checklist A–C)
  'STOMP_ERR_BAD_COMMAND',          // unknown or lower-case command (4, 5, 73)
  'STOMP_ERR_HEADER_NO_COLON',      // header line without ':' (6)
  'STOMP_ERR_EMPTY_HEADER_NAME',    // ':value' (6)
  'STOMP_ERR_BAD_ESCAPE',           // undefined escape such as \t, or \r in 1.1 (13)
  'STOMP_ERR_BAD_CONTENT_LENGTH',   // not a non-negative integer (8)
  'STOMP_ERR_MISSING_NULL',         // octet after content-length bytes is not NUL (8)
  'STOMP_ERR_BODY_NOT_ALLOWED',     // body on a frame that may not have one (7)
  'STOMP_ERR_FRAME_TOO_LARGE',      // limits (19)
  'STOMP_ERR_TOO_MANY_HEADERS',     // limits (19)
  'STOMP_ERR_HEADER_TOO_LONG',      // limits (19)
  'STOMP_ERR_BODY_TOO_LARGE',       // limits (19)
  'STOMP_ERR_WS_MESSAGE_TOO_LARGE', // one WebSocket message over the transport's limit (19, 72)
  'STOMP_ERR_BAD_UTF8',             // command or header is not UTF-8 (11)
  'STOMP_ERR_UNENCODABLE_HEADER',   // serializer: header text the receiver's version cannot carry (14, 16)
  // session / semantics (checklist D–L)
  'STOMP_ERR_NOT_CONNECTED',        // frame before CONNECT (20)
  'STOMP_ERR_CONNECT_TIMEOUT',      // no CONNECT within the server's time after opening (20)
  'STOMP_ERR_ALREADY_CONNECTED',    // second CONNECT (26)
  'STOMP_ERR_VERSION_MISMATCH',     // no common version (22)
  'STOMP_ERR_BAD_HEART_BEAT',       // malformed heart-beat (28)
  'STOMP_ERR_ACCESS_REFUSED',       // bad login/passcode (25) or authorization hook
  'STOMP_ERR_MISSING_HEADER',       // required header absent (35, 41, 48, 54, 55, 59, 61)
  'STOMP_ERR_BAD_HEADER_VALUE',     // e.g. ack:bogus (43)
  'STOMP_ERR_BAD_DESTINATION',      // destination the broker does not serve (36)
  'STOMP_ERR_DUPLICATE_SUBSCRIPTION', // (42)
  'STOMP_ERR_UNKNOWN_SUBSCRIPTION', // (48)
  'STOMP_ERR_UNKNOWN_ACK',          // ACK/NACK id unknown or already acked (56)
  'STOMP_ERR_ACK_ON_AUTO',          // ACK/NACK on an auto subscription (58)
  'STOMP_ERR_NACK_IN_1_0',          // (55)
  'STOMP_ERR_DUPLICATE_TRANSACTION', // (59)
  'STOMP_ERR_UNKNOWN_TRANSACTION',  // (38, 61)
  'STOMP_ERR_QUEUE_FULL',           // queue bound reached (issue 3: nothing dropped silently)
  'STOMP_ERR_SLOW_CONSUMER',        // outbound buffer bound exceeded, or a topic subscription's hold overflowed
  'STOMP_ERR_TOO_MANY_SUBSCRIPTIONS', // per-connection subscription limit (19, 41)
  'STOMP_ERR_HEARTBEAT_TIMEOUT',    // client went silent (31)
] as const
export type StompErrorCode = (typeof STOMP_ERROR_CODES)[number]

/**
 * A protocol error in a form that can become an ERROR frame: `message` is the short header
 * (checklist 69), `detail` the body that teaches (what was wrong, what a correct frame looks
 * like, the spec section).
 */
export interface StompProblem {
  readonly code: StompErrorCode
  /** Short, for the ERROR `message` header (no newline). */
  readonly message: string
  /** Multi-line teaching text for the ERROR body. */
  readonly detail: string
  /** Checklist item numbers (../shared/stomp-checklist.md) this enforces. */
  readonly checklist: readonly number[]
  /** Spec anchor, e.g. 'https://stomp.github.io/stomp-specification-1.2.html#SEND'. */
  readonly spec?: string
}
