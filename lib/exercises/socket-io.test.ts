import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { InspectEvent, SocketioPacketEvent } from '../inspect/events'
import { evaluate } from './evaluate'
import recordedJson from './recorded/socket-io.json'
import { ackError, rawMistake, socketioAck, socketioByHand, socketioUpgrade } from './socket-io'
import { messages, statuses } from './testing'

/** Real sessions recorded against a test server (server/inspect/testing/record-lesson-events.ts socketio). */
type Recording = 'upgradeAndAck' | 'websocketOnly' | 'rawByHand' | 'rawPlainText' | 'rawNoEnginePrefix' | 'rawEventBeforeConnect'
const recorded = recordedJson as unknown as Record<Recording, InspectEvent[]>
const { upgradeAndAck, websocketOnly, rawByHand, rawPlainText, rawNoEnginePrefix, rawEventBeforeConnect } = recorded

/** The recording up to (not including) the first packet matching `test`. */
function until(events: readonly InspectEvent[], test: (p: SocketioPacketEvent) => boolean): InspectEvent[] {
  const i = events.findIndex((e) => e.type === 'socketio.packet' && test(e))
  return events.slice(0, i < 0 ? events.length : i)
}

describe('exercise socketio-upgrade (lesson 08)', () => {
  const ex = socketioUpgrade
  it('the default client: open over polling, the probe, the upgrade', () => {
    const v = evaluate(ex, upgradeAndAck)
    expect(v.done).toBe(true)
    expect(v.steps[0].message).toMatch(/the server offers upgrades \["websocket"\] and will ping every 25 s/)
    expect(v.steps[0].evidence?.summary).toMatch(/^engine.io open over polling: 0\{"sid":/)
    expect(v.steps[2].evidence?.summary).toBe('engine.io upgrade over websocket: 5')
  })

  it('steps in order: before the probe, the upgrade is not checked', () => {
    expect(statuses(ex, until(upgradeAndAck, (p) => p.preview === '3probe'))).toEqual(['done', 'todo', 'todo'])
    expect(statuses(ex, until(upgradeAndAck, (p) => p.engineType === 'upgrade'))).toEqual(['done', 'done', 'todo'])
  })

  it('websocket only: no polling, nothing to upgrade — said so', () => {
    expect(statuses(ex, websocketOnly)).toEqual(['wrong', 'todo', 'todo'])
    expect(messages(ex, websocketOnly)[0]).toMatch(/opened straight over WebSocket.*Allow `polling` first/)
  })

  it('a client that keeps polling is told why no probe comes', () => {
    const polling = until(upgradeAndAck, (p) => p.transport === 'websocket')
    const sid = (polling.find((e) => e.type === 'socketio.packet') as SocketioPacketEvent).sid
    const more = [0, 1, 2].map((i): InspectEvent => ({ ...(polling.find((e) => e.type === 'http.exchange' && e.url.includes('sid=')) as InspectEvent), t: 9000 + i }))
    expect(sid).toBeDefined()
    expect(messages(ex, [...polling, ...more])[1]).toMatch(/Still polling: \d+ requests for this session and no probe yet/)
  })
})

describe('exercise socketio-ack (lesson 08)', () => {
  const ex = socketioAck
  it('join with an ack, then send with an ack: done, pointing at the ACKs', () => {
    const v = evaluate(ex, upgradeAndAck)
    expect(v.done).toBe(true)
    expect(v.steps[0].evidence?.summary).toBe('engine.io message / socket.io ACK over websocket: 430[{"feed":"lobby","cursor":0}]')
    expect(v.steps[1].message).toMatch(/the `feed` EVENT that the server broadcast/)
  })

  it('errors the server acknowledged are quoted: send before join, an unknown feed', () => {
    expect(messages(ex, websocketOnly)[0]).toMatch(/acknowledged your `join` with an error: No feed named "news"/)
    expect(ackError(websocketOnly.find((e): e is SocketioPacketEvent => e.type === 'socketio.packet' && e.socketType === 'ACK') as SocketioPacketEvent)).toMatch(/^Join a feed first/)
  })

  it('an emit without a callback, and a misspelt event name, are explained', () => {
    // the join emitted without a callback: `42["join",…]`, and so no ACK
    const noAck = upgradeAndAck
      .filter((e) => !(e.type === 'socketio.packet' && (e.socketType === 'ACK' || e.event === 'sned')))
      .map((e): InspectEvent => (e.type === 'socketio.packet' && e.event === 'join' ? { ...e, ackId: undefined, preview: '42["join",{"feed":"lobby"}]' } : e))
    expect(statuses(ex, noAck)[0]).toBe('wrong')
    expect(messages(ex, noAck)[0]).toMatch(/went out as `42\["join",\{"feed":"lobby"\}\]`: no number between `42` and `\[`, so no ack id/)
    const typo = upgradeAndAck.filter((e) => !(e.type === 'socketio.packet' && e.event === 'join'))
    expect(statuses(ex, typo)[0]).toBe('wrong')
    expect(messages(ex, typo)[0]).toMatch(/no handler for `"sned"` \(did you mean `send`\?\)/)
  })
})

describe('exercise socketio-by-hand (lesson 08)', () => {
  const ex = socketioByHand
  it('open, 40, 421["join",…] by hand: done', () => {
    const v = evaluate(ex, rawByHand)
    expect(v.done).toBe(true)
    expect(v.steps[1].message).toMatch(/answered `40\{"sid":/)
    expect(v.steps[2].message).toMatch(/`3` ACK, `1` your id/)
  })

  it('the default client never completes it: it opened over polling', () => {
    expect(statuses(ex, upgradeAndAck)).toEqual(['todo', 'todo', 'todo'])
  })

  it('a plain text: engine.io cannot read it, the server hung up', () => {
    expect(statuses(ex, rawPlainText)).toEqual(['done', 'wrong', 'todo'])
    expect(messages(ex, rawPlainText)[1]).toMatch(/You sent `hello`.*`h` is none of `0`-`6`: a parse error/)
  })

  it('an EVENT without the engine.io 4, and an EVENT before CONNECT', () => {
    expect(messages(ex, rawNoEnginePrefix)[2]).toMatch(/without its engine.io envelope: engine.io read the `2` as a ping.*`4\d?2?\["join"/)
    expect(messages(ex, rawEventBeforeConnect)[1]).toMatch(/a Socket.IO EVENT before any CONNECT/)
  })

  it('rawMistake: client pings, a bare 0, a message that is no Socket.IO packet', () => {
    const p = (preview: string, engineType: string, socketType?: string): SocketioPacketEvent => ({ type: 'socketio.packet', t: 1, conn: 'socketio-1', dir: 'in', transport: 'websocket', engineType, ...(socketType ? { socketType } : {}), preview, bytes: preview.length })
    expect(rawMistake(p('2', 'ping'), true)).toMatch(/only the server pings/)
    expect(rawMistake(p('0', 'open'), false)).toMatch(/CONNECT is `40`/)
    expect(rawMistake(p('4hello', 'message'), false)).toMatch(/no Socket.IO packet/)
    expect(rawMistake(p('3', 'pong'), false)).toBeUndefined()
    expect(rawMistake(p('40', 'message', 'CONNECT'), false)).toBeUndefined()
  })
})

describe('lesson 08 checks never throw', () => {
  const all = Object.values(recorded).flat()
  const packet = fc.record({
    dir: fc.constantFrom('in' as const, 'out' as const),
    transport: fc.constantFrom('polling', 'websocket'),
    engineType: fc.constantFrom('open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop', 'invalid'),
    socketType: fc.option(fc.constantFrom('CONNECT', 'EVENT', 'ACK', 'DISCONNECT'), { nil: undefined }),
    event: fc.option(fc.string(), { nil: undefined }),
    ackId: fc.option(fc.nat(), { nil: undefined }),
    preview: fc.string(),
    conn: fc.constantFrom('socketio-1', 'socketio-2'),
  }).map((r): InspectEvent => ({ type: 'socketio.packet', t: 1, bytes: 1, ...r, ...(r.socketType === undefined ? { socketType: undefined } : {}) }))
  it.each([socketioUpgrade, socketioAck, socketioByHand])('$id', (ex) => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...all), packet), { maxLength: 50 }), (events) => {
        const v = evaluate(ex, events)
        expect(v.steps.length).toBe(ex.steps.length)
        expect(v.steps[0].message ?? '').not.toContain('could not check')
      }),
    )
  })
})
