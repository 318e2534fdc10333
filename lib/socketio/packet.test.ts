import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeEnginePacket, decodeSocketPacket, describePacket, engineTypeCode, parseOpenData, splitPollingPayload } from './packet'

describe('engine.io packets (protocol v4)', () => {
  it('reads the type digit and keeps the data', () => {
    expect(decodeEnginePacket('0{"sid":"abc"}')).toEqual({ engineType: 'open', data: '{"sid":"abc"}' })
    expect(decodeEnginePacket('2probe')).toEqual({ engineType: 'ping', data: 'probe' })
    expect(decodeEnginePacket('3')).toEqual({ engineType: 'pong', data: '' })
    expect(decodeEnginePacket('42["feed",1]')).toEqual({ engineType: 'message', data: '2["feed",1]' })
    expect(decodeEnginePacket('5')).toEqual({ engineType: 'upgrade', data: '' })
    expect(decodeEnginePacket('6')).toEqual({ engineType: 'noop', data: '' })
    expect(decodeEnginePacket('1')).toEqual({ engineType: 'close', data: '' })
  })

  it('anything else is invalid (a plain WebSocket text, an empty message, 7-9)', () => {
    expect(decodeEnginePacket('hello')).toEqual({ engineType: 'invalid', data: 'hello' })
    expect(decodeEnginePacket('')).toEqual({ engineType: 'invalid', data: '' })
    expect(decodeEnginePacket('7')).toEqual({ engineType: 'invalid', data: '7' })
  })

  it('type names map back to their digit', () => {
    expect(engineTypeCode('message')).toBe(4)
    expect(engineTypeCode('noop')).toBe(6)
    expect(engineTypeCode('error')).toBeUndefined()
  })

  it('a polling payload is split on the record separator', () => {
    expect(splitPollingPayload('40\x1e42["join",{"feed":"lobby"}]')).toEqual(['40', '42["join",{"feed":"lobby"}]'])
    expect(splitPollingPayload('6')).toEqual(['6'])
    expect(splitPollingPayload('')).toEqual([])
  })

  it('the open data: sid, upgrades, ping timings', () => {
    expect(parseOpenData('{"sid":"x1","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":16384}')).toEqual({
      sid: 'x1', upgrades: ['websocket'], pingInterval: 25000, pingTimeout: 20000, maxPayload: 16384,
    })
    expect(parseOpenData('{"sid":1}')).toBeNull()
    expect(parseOpenData('not json')).toBeNull()
  })
})

describe('Socket.IO packets (protocol v5)', () => {
  it('CONNECT to the main namespace, and the server\'s answer with the socket id', () => {
    expect(decodeSocketPacket('0')).toEqual({ ok: true, packet: { socketType: 'CONNECT', namespace: '/', json: '' } })
    expect(decodeSocketPacket('0{"sid":"s-1"}')).toEqual({ ok: true, packet: { socketType: 'CONNECT', namespace: '/', json: '{"sid":"s-1"}' } })
    expect(decodeSocketPacket('0/admin,{"token":"t"}')).toEqual({ ok: true, packet: { socketType: 'CONNECT', namespace: '/admin', json: '{"token":"t"}' } })
    expect(decodeSocketPacket('1/admin,')).toEqual({ ok: true, packet: { socketType: 'DISCONNECT', namespace: '/admin', json: '' } })
  })

  it('EVENT with its name, with and without an ack id; ACK with its id', () => {
    expect(decodeSocketPacket('2["feed",{"id":1}]')).toEqual({ ok: true, packet: { socketType: 'EVENT', namespace: '/', event: 'feed', json: '["feed",{"id":1}]' } })
    expect(decodeSocketPacket('213["send",{"text":"hi"}]')).toMatchObject({ ok: true, packet: { socketType: 'EVENT', ackId: 13, event: 'send' } })
    expect(decodeSocketPacket('2/chat,7["a\\"b"]')).toMatchObject({ ok: true, packet: { namespace: '/chat', ackId: 7, event: 'a"b' } })
    expect(decodeSocketPacket('31[{"feed":"lobby","cursor":3}]')).toEqual({ ok: true, packet: { socketType: 'ACK', namespace: '/', ackId: 1, json: '[{"feed":"lobby","cursor":3}]' } })
  })

  it('binary packets announce their attachments', () => {
    expect(decodeSocketPacket('51-["upload",{"_placeholder":true,"num":0}]')).toMatchObject({ ok: true, packet: { socketType: 'BINARY_EVENT', attachments: 1, event: 'upload' } })
    expect(decodeSocketPacket('5["x"]')).toEqual({ ok: false, error: 'a binary packet announces its attachments first: `51-[…]`' })
  })

  it('a capped preview still names the event', () => {
    expect(decodeSocketPacket('2["feed",{"id":1,"text":"a very long text cut he')).toMatchObject({ ok: true, packet: { event: 'feed' } })
  })

  it('a non-digit start is refused with a reason', () => {
    expect(decodeSocketPacket('hello')).toEqual({ ok: false, error: '"h" is not a Socket.IO packet type (0-6)' })
    expect(decodeSocketPacket('')).toMatchObject({ ok: false })
  })

  it('describes packets in a few words', () => {
    expect(describePacket('0{"sid":"a"}')).toBe('open')
    expect(describePacket('2probe')).toBe('ping (probe)')
    expect(describePacket('40')).toBe('CONNECT')
    expect(describePacket('42["feed",{}]')).toBe('EVENT "feed"')
    expect(describePacket('421["send",{}]')).toBe('EVENT "send" (ack id 1)')
    expect(describePacket('431[{}]')).toBe('ACK 1')
    expect(describePacket('4hello')).toBe('message (not Socket.IO)')
    expect(describePacket('hello')).toBe('not an engine.io packet')
  })

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        decodeEnginePacket(text)
        decodeSocketPacket(text)
        describePacket(text)
        parseOpenData(text)
        splitPollingPayload(text)
      }),
    )
  })
})
