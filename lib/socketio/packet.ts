/**
 * engine.io (protocol v4) and Socket.IO (protocol v5) packets as text, for the taps and the views.
 *
 * engine.io v4 (https://socket.io/docs/v4/engine-io-protocol/): a packet is one type digit and
 * its data — `0` open, `1` close, `2` ping, `3` pong, `4` message, `5` upgrade, `6` noop. Over
 * WebSocket one packet is one WebSocket message; over HTTP long polling a payload carries several,
 * separated by the record separator `\x1e`; binary data is sent raw over WebSocket and as `b` +
 * base64 over polling.
 *
 * Socket.IO v5 (https://socket.io/docs/v4/socket-io-protocol/) rides inside engine.io `message`
 * packets: `<type>[<attachments>-][<namespace>,][<ack id>][<JSON>]`, types `0` CONNECT,
 * `1` DISCONNECT, `2` EVENT, `3` ACK, `4` CONNECT_ERROR, `5` BINARY_EVENT, `6` BINARY_ACK. The
 * namespace is written only when it is not `/`. So `42["feed",{…}]` is an engine.io message
 * holding a Socket.IO EVENT named "feed", and `431[…]` the ACK of the emit that carried id 1.
 */

export const ENGINE_TYPES = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'] as const
export type EngineType = (typeof ENGINE_TYPES)[number]

export const SOCKET_TYPES = ['CONNECT', 'DISCONNECT', 'EVENT', 'ACK', 'CONNECT_ERROR', 'BINARY_EVENT', 'BINARY_ACK'] as const
export type SocketType = (typeof SOCKET_TYPES)[number]

/** The polling payload separator (engine.io v4). */
export const RECORD_SEPARATOR = '\x1e'

/** One engine.io packet read from its text form. `invalid`: the first character is no packet type. */
export interface EnginePacket {
  readonly engineType: EngineType | 'invalid'
  /** What follows the type digit (for `invalid`, the whole text). */
  readonly data: string
}

export function decodeEnginePacket(text: string): EnginePacket {
  const digit = text.charCodeAt(0) - 48
  const type = digit >= 0 && digit < ENGINE_TYPES.length ? ENGINE_TYPES[digit] : undefined
  return type === undefined ? { engineType: 'invalid', data: text } : { engineType: type, data: text.slice(1) }
}

/** The type digit of an engine.io packet type, or undefined for a name that is none. */
export function engineTypeCode(type: string): number | undefined {
  const i = (ENGINE_TYPES as readonly string[]).indexOf(type)
  return i < 0 ? undefined : i
}

/** A polling payload (an HTTP body) split into its packets' texts. */
export function splitPollingPayload(payload: string): string[] {
  return payload === '' ? [] : payload.split(RECORD_SEPARATOR)
}

/** One Socket.IO packet read from the data of an engine.io message. */
export interface SocketPacket {
  readonly socketType: SocketType
  readonly namespace: string
  /** Binary attachments announced (`51-[…]`). */
  readonly attachments?: number
  /** EVENT / BINARY_EVENT with an acknowledgement requested, ACK / BINARY_ACK: the id. */
  readonly ackId?: number
  /** EVENT / BINARY_EVENT: the event name (the first element of the array). */
  readonly event?: string
  /** The JSON part as text ('' when there is none). */
  readonly json: string
}

export type SocketDecode = { readonly ok: true; readonly packet: SocketPacket } | { readonly ok: false; readonly error: string }

const EVENT_NAME = /^\[\s*"((?:[^"\\]|\\.)*)"/

function unescapeJsonString(body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string
  } catch {
    return body
  }
}

/**
 * Decodes the Socket.IO packet inside an engine.io message's data. Works on a capped preview too:
 * the event name is read from the start of the array, not by parsing all of the JSON.
 */
export function decodeSocketPacket(data: string): SocketDecode {
  const digit = data.charCodeAt(0) - 48
  const socketType = digit >= 0 && digit < SOCKET_TYPES.length ? SOCKET_TYPES[digit] : undefined
  if (socketType === undefined) {
    return { ok: false, error: data === '' ? 'an empty message: a Socket.IO packet starts with its type digit 0-6' : `"${data.charAt(0)}" is not a Socket.IO packet type (0-6)` }
  }
  let i = 1
  let attachments: number | undefined
  if (socketType === 'BINARY_EVENT' || socketType === 'BINARY_ACK') {
    const dash = data.indexOf('-', i)
    const count = dash < 0 ? NaN : Number(data.slice(i, dash))
    if (!Number.isInteger(count) || dash === i) return { ok: false, error: 'a binary packet announces its attachments first: `51-[…]`' }
    attachments = count
    i = dash + 1
  }
  let namespace = '/'
  if (data.charAt(i) === '/') {
    const comma = data.indexOf(',', i)
    namespace = comma < 0 ? data.slice(i) : data.slice(i, comma)
    i = comma < 0 ? data.length : comma + 1
  }
  let digits = ''
  while (i < data.length && data.charCodeAt(i) >= 48 && data.charCodeAt(i) <= 57) digits += data.charAt(i++)
  const json = data.slice(i)
  const ackId = digits === '' ? undefined : Number(digits)
  let event: string | undefined
  if (socketType === 'EVENT' || socketType === 'BINARY_EVENT') {
    const m = EVENT_NAME.exec(json)
    if (m) event = unescapeJsonString(m[1])
  }
  return {
    ok: true,
    packet: {
      socketType,
      namespace,
      ...(attachments === undefined ? {} : { attachments }),
      ...(ackId === undefined ? {} : { ackId }),
      ...(event === undefined ? {} : { event }),
      json,
    },
  }
}

/** engine.io open packet data: `{"sid":…,"upgrades":[…],"pingInterval":…,"pingTimeout":…,"maxPayload":…}`. */
export interface OpenData {
  readonly sid: string
  readonly upgrades: readonly string[]
  readonly pingInterval: number
  readonly pingTimeout: number
  readonly maxPayload?: number
}

export function parseOpenData(data: string): OpenData | null {
  try {
    const v = JSON.parse(data) as Partial<OpenData>
    if (typeof v.sid !== 'string' || typeof v.pingInterval !== 'number' || typeof v.pingTimeout !== 'number') return null
    return { sid: v.sid, upgrades: Array.isArray(v.upgrades) ? v.upgrades.filter((u): u is string => typeof u === 'string') : [], pingInterval: v.pingInterval, pingTimeout: v.pingTimeout, ...(typeof v.maxPayload === 'number' ? { maxPayload: v.maxPayload } : {}) }
  } catch {
    return null
  }
}

/** What a packet is, in a few words: `engine.io open`, `ping (probe)`, `EVENT "feed"`, `ACK 1` … */
export function describePacket(text: string): string {
  const p = decodeEnginePacket(text)
  if (p.engineType === 'invalid') return 'not an engine.io packet'
  if (p.engineType !== 'message') return p.data === 'probe' ? `${p.engineType} (probe)` : p.engineType
  const s = decodeSocketPacket(p.data)
  if (!s.ok) return 'message (not Socket.IO)'
  const ns = s.packet.namespace === '/' ? '' : ` ${s.packet.namespace}`
  const name = s.packet.event === undefined ? '' : ` "${s.packet.event}"`
  const ack = s.packet.ackId === undefined ? '' : s.packet.socketType.endsWith('ACK') ? ` ${s.packet.ackId}` : ` (ack id ${s.packet.ackId})`
  return `${s.packet.socketType}${ns}${name}${ack}`
}
