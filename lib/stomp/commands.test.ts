import { describe, expect, it } from 'vitest'
import { makeFrame } from './frame'
import {
  ackModes, commandsFor, exampleFrame, isValidAckMode, mayHaveBody, missingHeaders, parseContentLength, parseHeartBeat, requiredHeaders,
} from './commands'
import { negotiateHeartBeat, negotiateVersion } from './negotiate'
import { HEADER_DOCS, commandDoc, headerDoc } from './header-docs'
import { StompParser } from './parser'
import { LIMITS, bytes } from './test-helpers'

const names = (command: string, v: '1.0' | '1.1' | '1.2') => requiredHeaders(command, v).map((r) => r.anyOf.join('|'))

describe('spec tables', () => {
  it('checklist 7: only SEND, MESSAGE and ERROR may have a body', () => {
    expect(['SEND', 'MESSAGE', 'ERROR'].every(mayHaveBody)).toBe(true)
    expect(['SUBSCRIBE', 'CONNECT', 'ACK', 'RECEIPT', 'DISCONNECT'].some(mayHaveBody)).toBe(false)
  })

  it('checklist 21/24: CONNECT needs accept-version in 1.1/1.2, host only as a warning; nothing in 1.0', () => {
    expect(names('CONNECT', '1.0')).toEqual([])
    expect(requiredHeaders('CONNECT', '1.2').map((r) => [r.anyOf[0], r.severity])).toEqual([['accept-version', 'error'], ['host', 'warning']])
    expect(names('STOMP', '1.1')).toEqual(['accept-version', 'host'])
  })

  it('checklist 35/41/48: SEND destination; SUBSCRIBE id optional in 1.0; UNSUBSCRIBE id (1.0: id or destination)', () => {
    expect(names('SEND', '1.2')).toEqual(['destination'])
    expect(names('SUBSCRIBE', '1.0')).toEqual(['destination'])
    expect(names('SUBSCRIBE', '1.2')).toEqual(['id', 'destination'])
    expect(names('UNSUBSCRIBE', '1.0')).toEqual(['id|destination'])
    expect(names('UNSUBSCRIBE', '1.1')).toEqual(['id'])
    expect(missingHeaders(makeFrame('UNSUBSCRIBE', { destination: '/q' }), '1.0')).toEqual([])
    expect(missingHeaders(makeFrame('SUBSCRIBE', { destination: '/q' }), '1.2').map((r) => r.anyOf[0])).toEqual(['id'])
  })

  it('checklist 54/55: ACK needs id (1.2), message-id + subscription (1.1), message-id (1.0); NACK not in 1.0', () => {
    expect(names('ACK', '1.2')).toEqual(['id'])
    expect(names('ACK', '1.1')).toEqual(['message-id', 'subscription'])
    expect(names('ACK', '1.0')).toEqual(['message-id'])
    expect(names('NACK', '1.1')).toEqual(['message-id', 'subscription'])
    expect(commandsFor('client', '1.0')).not.toContain('NACK')
    expect(commandsFor('client', '1.1')).toContain('NACK')
  })

  it('checklist 59/61: BEGIN/COMMIT/ABORT need transaction; DISCONNECT needs nothing', () => {
    for (const c of ['BEGIN', 'COMMIT', 'ABORT']) expect(names(c, '1.2')).toEqual(['transaction'])
    expect(names('DISCONNECT', '1.2')).toEqual([])
  })

  it('checklist 43: ack values per version', () => {
    expect(ackModes('1.0')).toEqual(['auto', 'client'])
    expect(isValidAckMode('client-individual', '1.0')).toBe(false)
    expect(isValidAckMode('client-individual', '1.2')).toBe(true)
    expect(isValidAckMode('Client', '1.2')).toBe(false)
  })

  it('checklist 28: heart-beat is two non-negative integers cx,cy', () => {
    expect(parseHeartBeat('0,0')).toEqual([0, 0])
    expect(parseHeartBeat('10000,5000')).toEqual([10000, 5000])
    for (const bad of ['', '1', '1,', ',1', '1,2,3', '-1,0', '1.5,0', ' 1,0', '1, 0', 'a,b']) expect(parseHeartBeat(bad)).toBeNull()
  })

  it('checklist 8: content-length is a non-negative decimal integer', () => {
    expect(parseContentLength('0')).toBe(0)
    expect(parseContentLength('007')).toBe(7)
    expect(parseContentLength('+1')).toBeNull()
  })

  it('checklist 21: version negotiation picks the highest common version', () => {
    const all = ['1.0', '1.1', '1.2'] as const
    expect(negotiateVersion(undefined, all)).toBe('1.0')
    expect(negotiateVersion('1.0,1.1,2.0', all)).toBe('1.1')
    expect(negotiateVersion('1.1,1.2', all)).toBe('1.2')
    expect(negotiateVersion('1.2,1.0', all)).toBe('1.2')
    expect(negotiateVersion('2.0', all)).toBeNull()
    expect(negotiateVersion(undefined, ['1.2'])).toBeNull()
  })

  it('checklist 29: heart-beat negotiation math', () => {
    expect(negotiateHeartBeat([10000, 5000], [4000, 20000])).toEqual({ clientToServer: 20000, serverToClient: 5000 })
    expect(negotiateHeartBeat([0, 5000], [4000, 20000])).toEqual({ clientToServer: 0, serverToClient: 5000 })
    expect(negotiateHeartBeat([10000, 0], [4000, 0])).toEqual({ clientToServer: 0, serverToClient: 0 })
  })

  it('example frames are valid for the parser and carry the required headers', () => {
    for (const v of ['1.0', '1.1', '1.2'] as const) {
      for (const c of ['CONNECT', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'BEGIN', 'DISCONNECT']) {
        const wire = bytes(exampleFrame(c, v).replace('^@', '\u0000'))
        const ev = new StompParser({ ...LIMITS, version: v }).push(wire)
        expect(ev).toHaveLength(1)
        if (ev[0].type !== 'frame') throw new Error('expected a frame')
        expect(missingHeaders(ev[0].frame, v)).toEqual([])
      }
    }
  })

  it('header and command docs link into the 1.2 spec', () => {
    expect(headerDoc('destination')?.spec).toBe('https://stomp.github.io/stomp-specification-1.2.html#SEND')
    expect(headerDoc('toString')).toBeUndefined()
    expect(commandDoc('SUBSCRIBE')?.from).toBe('client')
    for (const d of Object.values(HEADER_DOCS)) expect(d.summary.length).toBeGreaterThan(10)
  })
})
