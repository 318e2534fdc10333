import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { InspectEvent, WsHandshakeEvent } from '../inspect/events'
import { WS_GUID } from '../websocket/accept'
import { evaluate } from './evaluate'
import { CID, messages, statuses, wsFrame } from './testing'
import { wsComputeAccept as ex } from './websocket-handshake'

const sha1 = (s: string | Buffer) => createHash('sha1').update(s).digest()
const acceptOf = (key: string) => sha1(key + WS_GUID).toString('base64')

let t = 1000
/** A ws.handshake as the tap publishes it (docs/inspect.md), for /ws/echo unless told. */
function handshake(conn: string, key: string, path = '/ws/echo'): WsHandshakeEvent {
  const accept = acceptOf(key)
  return {
    type: 'ws.handshake', t: (t += 5), conn, client: CID, path, requestLine: `GET ${path}?tag=abc123&cid=${CID} HTTP/1.1`,
    requestHeaders: [['Host', '127.0.0.1:3000'], ['Connection', 'Upgrade'], ['Upgrade', 'websocket'], ['Sec-WebSocket-Version', '13'], ['Sec-WebSocket-Key', key]],
    key, accept, protocol: null, extensions: null, statusLine: 'HTTP/1.1 101 Switching Protocols',
    responseHeaders: [['Upgrade', 'websocket'], ['Connection', 'Upgrade'], ['Sec-WebSocket-Accept', accept]],
  }
}
const text = (conn: string, preview: string) => wsFrame('in', 1, { conn, preview, payloadLength: new TextEncoder().encode(preview).length })

const KEY1 = 'dGhlIHNhbXBsZSBub25jZQ=='
const KEY2 = 'x3JJHMbDL1EzLkh9GBhXDw=='

describe('exercise ws-compute-accept (lesson 05)', () => {
  it('nothing yet: every step is to do', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo'])
  })

  it('a connection opened: step 1 points at its handshake and key', () => {
    const v = evaluate(ex, [handshake('ws-1', KEY1)])
    expect(v.steps.map((s) => s.status)).toEqual(['done', 'todo', 'todo'])
    expect(v.steps[0].message).toContain(KEY1)
    expect(v.steps[0].evidence?.summary).toBe(`GET /ws/echo?tag=abc123 HTTP/1.1 → HTTP/1.1 101 Switching Protocols · Sec-WebSocket-Key: ${KEY1}`)
  })

  it('the solution: the right Accept on its own connection, then on a new one', () => {
    const events = [handshake('ws-1', KEY1), text('ws-1', acceptOf(KEY1)), handshake('ws-2', KEY2), text('ws-2', acceptOf(KEY2))]
    const v = evaluate(ex, events)
    expect(v.done).toBe(true)
    expect(v.steps[1].message).toContain('Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=')
    expect(v.steps[1].evidence).toMatchObject({ conn: 'ws-1', summary: 'sent text frame "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" (28 payload octets, masked) on ws-1' })
    expect(v.steps[2].evidence?.conn).toBe('ws-2')
  })

  it('surrounding whitespace is forgiven (RFC 6455 §4.1 ignores it too)', () => {
    expect(statuses(ex, [handshake('ws-1', KEY1), text('ws-1', ` ${acceptOf(KEY1)}\n`)])).toEqual(['done', 'done', 'todo'])
  })

  it('each typical mistake gets its own message, pointing at the frame', () => {
    const cases: [string, RegExp][] = [
      [KEY1, /That is the key itself/],
      [KEY1 + WS_GUID, /Now take SHA-1/],
      [sha1(KEY1).toString('base64'), /the GUID is missing/],
      [sha1(KEY1 + WS_GUID).toString('hex'), /written as 40 hex digits/],
      [Buffer.from(sha1(KEY1 + WS_GUID).toString('hex')).toString('base64'), /hex characters/],
      [sha1(Buffer.concat([Buffer.from(KEY1, 'base64'), Buffer.from(WS_GUID)])).toString('base64'), /not base64-decoded/],
      [sha1(KEY1 + WS_GUID.toLowerCase()).toString('base64'), /upper case/],
      [`"${acceptOf(KEY1)}"`, /quotes/],
      ['hello', /`hello` is not an Accept/],
      [acceptOf(KEY2), /shape of an Accept, but not the one/],
    ]
    for (const [sent, message] of cases) {
      const v = evaluate(ex, [handshake('ws-1', KEY1), text('ws-1', sent)])
      expect(v.steps[1].status, sent).toBe('wrong')
      expect(v.steps[1].message, sent).toMatch(message)
      expect(v.steps[1].evidence?.conn).toBe('ws-1')
    }
  })

  it("another connection's Accept is recognised as such", () => {
    const events = [handshake('ws-1', KEY1), handshake('ws-2', KEY2), text('ws-2', acceptOf(KEY1))]
    expect(statuses(ex, events)).toEqual(['done', 'wrong', 'todo'])
    expect(messages(ex, events)[1]).toMatch(/is the Accept of ws-1, not of ws-2/)
    // the Accept of the handshake view's /ws/stomp connection too
    const stomp = [handshake('ws-7', KEY2, '/ws/stomp'), handshake('ws-8', KEY1), text('ws-8', acceptOf(KEY2))]
    expect(messages(ex, stomp)[1]).toMatch(/Accept of ws-7/)
  })

  it('a mistake, then the right answer: done (the latest attempt does not undo it)', () => {
    const events = [handshake('ws-1', KEY1), text('ws-1', KEY1), text('ws-1', acceptOf(KEY1)), text('ws-1', 'oops')]
    expect(statuses(ex, events)).toEqual(['done', 'done', 'todo'])
    expect(messages(ex, events)[2]).toMatch(/That was ws-1 again/)
  })

  it('step 3 wants a new connection: the same one again is not enough', () => {
    const events = [handshake('ws-1', KEY1), text('ws-1', acceptOf(KEY1)), text('ws-1', acceptOf(KEY1))]
    expect(statuses(ex, events)).toEqual(['done', 'done', 'todo'])
    expect(messages(ex, events)[2]).toMatch(/That was ws-1 again. Open a new connection/)
    // the old Accept on the new connection: explained
    const old = [handshake('ws-1', KEY1), text('ws-1', acceptOf(KEY1)), handshake('ws-2', KEY2), text('ws-2', acceptOf(KEY1))]
    expect(statuses(ex, old)).toEqual(['done', 'done', 'wrong'])
    expect(messages(ex, old)[2]).toMatch(/Accept of ws-1, not of ws-2.*fresh random key/)
  })

  it('a frame on a connection whose handshake was before the reset is not judged', () => {
    const events: InspectEvent[] = [text('ws-9', acceptOf(KEY1))]
    expect(statuses(ex, events)).toEqual(['todo', 'todo', 'todo'])
    expect(statuses(ex, [handshake('ws-1', KEY1), ...events])).toEqual(['done', 'todo', 'todo'])
    expect(messages(ex, [handshake('ws-1', KEY1), ...events])[1]).toMatch(/did not see the handshake of ws-9/)
  })

  it('binary frames and frames of non-echo connections are not attempts', () => {
    const events = [handshake('ws-1', KEY1), wsFrame('in', 2, { conn: 'ws-1', preview: '0102', previewEncoding: 'hex' }), handshake('ws-2', KEY2, '/ws/stomp'), text('ws-2', 'CONNECT')]
    expect(statuses(ex, events)).toEqual(['done', 'todo', 'todo'])
  })

  it('never throws on random event sequences', () => {
    const arb = fc.array(
      fc.oneof(
        fc.record({ conn: fc.constantFrom('ws-1', 'ws-2', 'ws-3'), key: fc.oneof(fc.constantFrom(KEY1, KEY2), fc.string()), path: fc.constantFrom('/ws/echo', '/ws/stomp') }).map((h) => handshake(h.conn, h.key, h.path) as InspectEvent),
        fc.record({ conn: fc.constantFrom('ws-1', 'ws-2', 'ws-3'), preview: fc.oneof(fc.string(), fc.constantFrom(acceptOf(KEY1), acceptOf(KEY2), KEY1)), dir: fc.constantFrom('in' as const, 'out' as const), opcode: fc.constantFrom(1, 2, 8, 9, 10) }).map(
          (f) => wsFrame(f.dir, f.opcode, { conn: f.conn, preview: f.preview }) as InspectEvent,
        ),
      ),
      { maxLength: 20 },
    )
    fc.assert(
      fc.property(arb, (events) => {
        const v = evaluate(ex, events)
        expect(v.steps).toHaveLength(3)
        expect(v.steps[0].message ?? '').not.toMatch(/could not check/)
        // a later step is never done while an earlier one is not
        const firstNotDone = v.steps.findIndex((s) => s.status !== 'done')
        if (firstNotDone >= 0) expect(v.steps.slice(firstNotDone + 1).every((s) => s.status !== 'done')).toBe(true)
      }),
    )
  })
})
