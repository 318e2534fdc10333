/**
 * fast-check arbitraries of broker-ish events for the lessons 13-15 property tests: STOMP frames
 * with random commands, headers and bodies, subscriptions and routes between a few connections,
 * so "a check never throws on any sequence" is tested on shapes the taps really publish.
 */
import fc from 'fast-check'
import type { InspectEvent } from '../../inspect/events'
import { CID } from '../testing'

const conn = fc.constantFrom('ws-1', 'ws-2', 'ws-3', 'ws-4')
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('/user/queue/inbox', '/user/alice/queue/inbox', '/app/chat.send', '/topic/chat.general', '/queue/private.alice', '/topic/announcements', 'secure', 'alice', 'bob', '{"text":"hi"}', '{"sender":"bob","text":"hi","room":"general"}', 'null', '['))
const headerName = fc.constantFrom('destination', 'login', 'passcode', 'host', 'user-name', 'room', 'sender', 'message', 'code', 'id', 'content-type', 'receipt')
const command = fc.constantFrom('CONNECT', 'STOMP', 'CONNECTED', 'SUBSCRIBE', 'UNSUBSCRIBE', 'SEND', 'MESSAGE', 'ERROR', 'RECEIPT', 'DISCONNECT', 'ACK')

export const arbitraryEvent: fc.Arbitrary<InspectEvent> = fc.oneof(
  fc.record({
    conn, dir: fc.constantFrom('in' as const, 'out' as const), command,
    headers: fc.array(fc.tuple(headerName, text), { maxLength: 5 }), body: text,
  }).map(({ conn, dir, command, headers, body }): InspectEvent => ({
    type: 'stomp.frame', t: 0, conn, client: CID, dir, command, headers, bodyLength: body.length, bodyPreview: body, wireBytes: body.length + 10,
  })),
  fc.record({ conn, action: fc.constantFrom('add' as const, 'remove' as const), destination: text }).map(({ conn, action, destination }): InspectEvent => ({
    type: 'broker.subscription', t: 0, conn, client: CID, action, id: 'sub-0', destination, ack: 'auto',
  })),
  fc.record({ conn, destination: text, to: fc.array(conn, { maxLength: 3 }), refused: fc.option(text, { nil: undefined }) }).map(({ conn, destination, to, refused }): InspectEvent => ({
    type: 'broker.route', t: 0, conn, client: CID, destination, messageId: 'm-1', deliveredTo: to.map((c) => ({ conn: c, subscription: 'sub-0', messageId: 'm-1' })), queued: false, redelivered: false, ...(refused === undefined ? {} : { refused }),
  })),
  fc.record({ conn, code: text, message: text }).map(({ conn, code, message }): InspectEvent => ({ type: 'stomp.error', t: 0, conn, client: CID, code, message })),
)

export const arbitraryEvents = fc.array(arbitraryEvent, { maxLength: 30 })
