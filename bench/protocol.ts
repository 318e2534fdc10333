/**
 * What the load generator says on the wire, to each kind of server under test.
 *
 * - Wirelab speaks STOMP 1.2: CONNECT, SUBSCRIBE /topic/bench (with a receipt, so the generator
 *   knows the subscription exists before it publishes), SEND; MESSAGE frames come back.
 * - The raw ws server (bench/raw-ws-server.ts) does no parsing: the first message of a
 *   connection names its role (`sub`, `pub`, `idle`; it answers `ok`), every later message of a
 *   publisher is broadcast verbatim to every subscriber.
 *
 * Both get the same body: `body` bytes of ASCII whose first BODY_HEADER_BYTES carry the
 * publisher index, a sequence number and the send time (performance.now() in microseconds of the
 * load generator, the same process that receives, so the clocks agree). The rest is padding.
 */

export const TOPIC = '/topic/bench'
export const ROLE_OK = 'ok'

const PUB_DIGITS = 3
const SEQ_DIGITS = 10
const TIME_DIGITS = 14
export const BODY_HEADER_BYTES = PUB_DIGITS + SEQ_DIGITS + TIME_DIGITS

const DIGIT_0 = 0x30

/** Writes `value` as fixed-width decimal at `offset`. */
function writeDigits(buf: Buffer, offset: number, width: number, value: number): void {
  let v = value
  for (let i = offset + width - 1; i >= offset; i -= 1) {
    buf[i] = DIGIT_0 + (v % 10)
    v = Math.floor(v / 10)
  }
}

function readDigits(buf: Uint8Array, offset: number, width: number): number {
  let v = 0
  for (let i = offset; i < offset + width; i += 1) v = v * 10 + (buf[i] - DIGIT_0)
  return v
}

/** A reusable body buffer of `size` bytes (padding already written). */
export function makeBody(size: number): Buffer {
  if (size < BODY_HEADER_BYTES) throw new Error(`body must be at least ${BODY_HEADER_BYTES} bytes`)
  return Buffer.alloc(size, 'x'.charCodeAt(0))
}

export function stampBody(body: Buffer, offset: number, pub: number, seq: number, nowMs: number): void {
  writeDigits(body, offset, PUB_DIGITS, pub)
  writeDigits(body, offset + PUB_DIGITS, SEQ_DIGITS, seq)
  writeDigits(body, offset + PUB_DIGITS + SEQ_DIGITS, TIME_DIGITS, Math.round(nowMs * 1000))
}

export interface Stamp {
  pub: number
  seq: number
  /** performance.now() of the send, ms */
  sentMs: number
}

export function readStamp(buf: Uint8Array, offset: number, out: Stamp): void {
  out.pub = readDigits(buf, offset, PUB_DIGITS)
  out.seq = readDigits(buf, offset + PUB_DIGITS, SEQ_DIGITS)
  out.sentMs = readDigits(buf, offset + PUB_DIGITS + SEQ_DIGITS, TIME_DIGITS) / 1000
}

// ---- STOMP (Wirelab) ----

export const STOMP_SUBPROTOCOLS = ['v12.stomp']

export function connectFrame(heartBeat: readonly [number, number]): string {
  return `CONNECT\naccept-version:1.2\nhost:bench\nheart-beat:${heartBeat[0]},${heartBeat[1]}\n\n\0`
}

export function subscribeFrame(id: string): string {
  return `SUBSCRIBE\nid:${id}\ndestination:${TOPIC}\nack:auto\nreceipt:sub-${id}\n\n\0`
}

/**
 * A SEND whose body sits at a fixed offset, so the same buffer is restamped for every message:
 * returns the frame buffer and the body's offset inside it.
 */
export function sendFrameTemplate(bodyBytes: number): { frame: Buffer; bodyOffset: number } {
  const head = `SEND\ndestination:${TOPIC}\ncontent-type:text/plain\ncontent-length:${bodyBytes}\n\n`
  const headBytes = Buffer.byteLength(head)
  const frame = Buffer.alloc(headBytes + bodyBytes + 1, 'x'.charCodeAt(0))
  frame.write(head, 0, 'latin1')
  frame[frame.length - 1] = 0
  return { frame, bodyOffset: headBytes }
}

const LF = 0x0a
const LFLF = Buffer.from('\n\n')
const M = 'M'.charCodeAt(0)

export type StompInbound = { kind: 'message'; bodyOffset: number } | { kind: 'heartbeat' } | { kind: 'other'; command: string }

/**
 * Just enough parsing to find a MESSAGE's body: Wirelab writes one frame per WebSocket message,
 * so the body starts after the first blank line. The same minimal work the raw path skips.
 */
export function classifyStomp(data: Buffer): StompInbound {
  if (data.length === 0 || (data[0] === LF && data.length <= 2) || (data[0] === 0x0d && data.length === 2)) return { kind: 'heartbeat' }
  if (data[0] === M && data[1] === 0x45 /* E */) {
    const blank = data.indexOf(LFLF)
    if (blank >= 0) return { kind: 'message', bodyOffset: blank + 2 }
  }
  const eol = data.indexOf(LF)
  return { kind: 'other', command: data.toString('latin1', 0, eol < 0 ? Math.min(data.length, 20) : eol) }
}

/** The first line and the `message` header of an ERROR frame, for diagnostics. */
export function describeFrame(data: Buffer): string {
  const text = data.toString('utf8', 0, Math.min(data.length, 400))
  const message = /\nmessage:([^\n]*)/.exec(text)?.[1]
  return `${text.split('\n', 1)[0]}${message ? ` (${message})` : ''}`
}
