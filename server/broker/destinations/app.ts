/**
 * `/app/<route>`: Spring-style application destinations. A SEND here is not stored anywhere; a
 * built-in handler turns it into a new message for another destination:
 *
 * - `/app/echo` → the sender's own `/user/queue/echo`, body and user headers unchanged.
 * - `/app/chat.send` → `/topic/chat.<room>` (`room` header, default `lobby`, letters, digits,
 *   `_` and `-` only). The MESSAGE is JSON (`content-type:application/json;charset=utf-8`):
 *   a JSON-object body keeps its fields, any other body becomes `{"text": <body>}`; the server
 *   then stamps `room`, `sender` (the user name of the session) and `time` (server time, ISO 8601)
 *   into the JSON, overwriting any the client supplied, and repeats them as the headers
 *   `sender`, `room` and `server-time` (the same ISO 8601 text; on the wire of a 1.1/1.2 session
 *   its colons are escaped as `\c` — a nice example of header escaping). Example:
 *     SEND destination:/app/chat.send room:general  body: hi
 *     → MESSAGE destination:/topic/chat.general sender:alice room:general server-time:2026-11-21T12\c00\c00.000Z
 *       {"text":"hi","room":"general","sender":"alice","time":"2026-11-21T12:00:00.000Z"}
 */
import type { Header } from '../../../lib/stomp/frame'
import type { DeliveryTarget } from './router'
import { userQueueDestination } from './resolve'

export const APP_ROUTES = ['echo', 'chat.send'] as const
const ROOM = /^[A-Za-z0-9_-]{1,64}$/

export interface AppRequest {
  readonly route: string
  /** Session user name (the login, or the connection id when none was given). */
  readonly user: string
  /** The SEND's user headers (already filtered by passThroughHeaders). */
  readonly headers: readonly Header[]
  readonly body: Uint8Array
  readonly now: Date
}

export type AppResult =
  | {
      readonly ok: true
      readonly target: DeliveryTarget
      /** MESSAGE `destination` of the result. */
      readonly destination: string
      readonly headers: readonly Header[]
      readonly body: Uint8Array
    }
  | { readonly ok: false; readonly reason: 'unknown-route' | 'bad-room'; readonly value: string }

const decoder = new TextDecoder()
const encoder = new TextEncoder()

function headerOf(headers: readonly Header[], name: string): string | undefined {
  for (const [n, v] of headers) if (n === name) return v
  return undefined
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function chatSend(req: AppRequest): AppResult {
  const room = headerOf(req.headers, 'room') ?? 'lobby'
  if (!ROOM.test(room)) return { ok: false, reason: 'bad-room', value: room }
  const text = decoder.decode(req.body)
  const time = req.now.toISOString()
  const fields = parseObject(text) ?? { text }
  const json = JSON.stringify({ ...fields, room, sender: req.user, time })
  return {
    ok: true,
    target: { kind: 'topic', name: `chat.${room}` },
    destination: `/topic/chat.${room}`,
    headers: [
      ['content-type', 'application/json;charset=utf-8'],
      ['sender', req.user],
      ['room', room],
      ['server-time', time],
    ],
    body: encoder.encode(json),
  }
}

export function runApp(req: AppRequest): AppResult {
  switch (req.route) {
    case 'echo':
      return {
        ok: true, target: { kind: 'user', user: req.user, name: 'echo' }, destination: userQueueDestination('echo'),
        headers: req.headers, body: req.body,
      }
    case 'chat.send':
      return chatSend(req)
    default:
      return { ok: false, reason: 'unknown-route', value: req.route }
  }
}
