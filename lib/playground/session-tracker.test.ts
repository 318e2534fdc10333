import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { makeFrame, type Frame } from '../stomp/frame'
import { StompParser } from '../stomp/parser'
import { serializeFrame } from '../stomp/serializer'
import { EMPTY_TRACK, completionFrom, trackClosed, trackReceived, trackSent, type SessionTrack } from './session-tracker'
import { connectFrame, parseSubprotocols, subprotocolMismatch, subprotocolProblem, subprotocolsFollow, subprotocolsFor } from './connect-frame'
import { ByteTape } from './byte-tape'

const F = (command: string, headers: Array<[string, string]>, body = '') => makeFrame(command, headers, body)
const connected = (v: string) => trackReceived(EMPTY_TRACK, F('CONNECTED', [['version', v]]))
const msg = (sub: string, id: string, ack?: string) =>
  F('MESSAGE', [['destination', '/queue/q'], ['message-id', id], ['subscription', sub], ...(ack ? ([['ack', ack]] as Array<[string, string]>) : [])])
const fold = (t: SessionTrack, steps: Array<['sent' | 'received', Frame]>) =>
  steps.reduce((acc, [dir, f]) => (dir === 'sent' ? trackSent(acc, f) : trackReceived(acc, f)), t)

describe('session tracker (completion context)', () => {
  it('remembers destinations, most recent first, without repeats', () => {
    const t = fold(EMPTY_TRACK, [
      ['sent', F('SEND', [['destination', '/queue/a']])],
      ['sent', F('SUBSCRIBE', [['id', '0'], ['destination', '/topic/b']])],
      ['received', F('MESSAGE', [['destination', '/queue/a'], ['message-id', '1'], ['subscription', '0']])],
    ])
    expect(t.destinations).toEqual(['/queue/a', '/topic/b'])
  })

  it('tracks own subscription ids through SUBSCRIBE and UNSUBSCRIBE', () => {
    const t = fold(connected('1.2'), [
      ['sent', F('SUBSCRIBE', [['id', 'a'], ['destination', '/topic/x']])],
      ['sent', F('SUBSCRIBE', [['id', 'b'], ['destination', '/topic/y'], ['ack', 'client']])],
      ['sent', F('UNSUBSCRIBE', [['id', 'a']])],
    ])
    expect(completionFrom(t, ['1.2']).subscriptionIds).toEqual(['b'])
  })

  it('checklist 51, 54: 1.2 ack ids come from the MESSAGE ack header, only for client acks', () => {
    const t = fold(connected('1.2'), [
      ['sent', F('SUBSCRIBE', [['id', 'auto'], ['destination', '/queue/q']])],
      ['sent', F('SUBSCRIBE', [['id', 'ind'], ['destination', '/queue/q'], ['ack', 'client-individual']])],
      ['received', msg('auto', 'm1')],
      ['received', msg('ind', 'm2', 'a2')],
      ['received', msg('ind', 'm3', 'a3')],
    ])
    expect(completionFrom(t, ['1.2']).ackIds).toEqual(['a2', 'a3'])
    expect(trackSent(t, F('NACK', [['id', 'a3']])).pending.map((p) => p.ackId)).toEqual(['a2']) // individual: only that one
  })

  it('checklist 45: a client-mode ACK settles every earlier message of its subscription', () => {
    const t = fold(connected('1.2'), [
      ['sent', F('SUBSCRIBE', [['id', 'c'], ['destination', '/queue/q'], ['ack', 'client']])],
      ['sent', F('SUBSCRIBE', [['id', 'd'], ['destination', '/queue/r'], ['ack', 'client']])],
      ['received', msg('c', 'm1', 'a1')],
      ['received', msg('d', 'm2', 'a2')],
      ['received', msg('c', 'm3', 'a3')],
      ['received', msg('c', 'm4', 'a4')],
      ['sent', F('ACK', [['id', 'a3']])],
    ])
    expect(t.pending.map((p) => p.ackId)).toEqual(['a2', 'a4'])
  })

  it('checklist 55: 1.1 sessions ack by message-id', () => {
    const t = fold(connected('1.1'), [
      ['sent', F('SUBSCRIBE', [['id', 's'], ['destination', '/queue/q'], ['ack', 'client-individual']])],
      ['received', msg('s', 'm9')],
    ])
    expect(completionFrom(t, ['1.1']).ackIds).toEqual(['m9'])
    expect(completionFrom(t, ['1.1']).ackSubscriptions).toEqual({ m9: 's' })
    expect(trackSent(t, F('ACK', [['message-id', 'm9'], ['subscription', 's']])).pending).toEqual([])
  })

  it('tracks open transactions; a close forgets session state but keeps destinations', () => {
    let t = fold(connected('1.2'), [
      ['sent', F('BEGIN', [['transaction', 't1']])],
      ['sent', F('BEGIN', [['transaction', 't2']])],
      ['sent', F('COMMIT', [['transaction', 't1']])],
      ['sent', F('SUBSCRIBE', [['id', '0'], ['destination', '/topic/z']])],
    ])
    expect(completionFrom(t, ['1.2']).transactionIds).toEqual(['t2'])
    t = trackClosed(t)
    expect(completionFrom(t, ['1.2'])).toEqual({ version: '1.2', destinations: ['/topic/z'], subscriptionIds: [], ackIds: [], transactionIds: [], ackSubscriptions: {} })
  })

  it('uses the highest offered version until CONNECTED says otherwise', () => {
    expect(completionFrom(EMPTY_TRACK, ['1.0', '1.1']).version).toBe('1.1')
    expect(completionFrom(connected('1.0'), ['1.2', '1.0']).version).toBe('1.0')
  })
})

describe('CONNECT from settings', () => {
  const base = { versions: ['1.1', '1.2'] as const, login: 'guest', passcode: 'guest', host: '/', heartBeat: [10000, 5000] as const }
  it('checklist 21, 24, 28: accept-version highest first, host, credentials, heart-beat', () => {
    expect(connectFrame(base).headers).toEqual([['accept-version', '1.2,1.1'], ['host', '/'], ['login', 'guest'], ['passcode', 'guest'], ['heart-beat', '10000,5000']])
  })
  it('a 1.0-only client sends no accept-version and no heart-beat; empty fields are left out', () => {
    expect(connectFrame({ ...base, versions: ['1.0'], login: '', passcode: '', host: '' }).headers).toEqual([])
  })
  it('subprotocols per version (checklist 74) and the token rule', () => {
    expect(subprotocolsFor(['1.0', '1.2'])).toEqual(['v12.stomp', 'v10.stomp'])
    expect(parseSubprotocols(' v12.stomp,  v11.stomp ')).toEqual(['v12.stomp', 'v11.stomp'])
    expect(subprotocolProblem('v12.stomp')).toBeNull()
    expect(subprotocolProblem('my proto')).toMatch(/not a valid subprotocol token/)
  })
  it('checklist 74: subprotocols that follow the versions are recognised, so they can follow a change', () => {
    expect(subprotocolsFollow(['1.2', '1.1', '1.0'], ['v12.stomp', 'v11.stomp', 'v10.stomp'])).toBe(true)
    expect(subprotocolsFollow(['1.0'], ['v12.stomp', 'v11.stomp', 'v10.stomp'])).toBe(false)
    expect(subprotocolsFollow(['1.2'], ['v12.stomp', 'x'])).toBe(false)
  })
  it('checklist 74: a subprotocol for a version CONNECT does not accept is explained; fewer, none, or other tokens are fine', () => {
    expect(subprotocolMismatch(['1.0'], ['v12.stomp', 'v11.stomp', 'v10.stomp'])).toBe(
      'Subprotocols and versions disagree: v12.stomp, v11.stomp offered but STOMP 1.2, 1.1 not accepted in CONNECT (accept-version: 1.0); a server that picks v12.stomp expects a 1.2 client.',
    )
    expect(subprotocolMismatch(['1.2', '1.1'], ['v12.stomp'])).toBeNull() // fewer subprotocols than versions: the server picks among them
    expect(subprotocolMismatch(['1.2', '1.1', '1.0'], ['v12.stomp', 'v11.stomp', 'v10.stomp'])).toBeNull()
    expect(subprotocolMismatch(['1.2'], [])).toBeNull()
    expect(subprotocolMismatch(['1.2'], ['mqtt', 'stomp'])).toBeNull()
  })
})

describe('ByteTape', () => {
  it('gives every parser event its exact octets back, however the stream is split (fast-check)', () => {
    const frames = [F('MESSAGE', [['destination', '/a'], ['k', 'v:\n']], 'hé'), F('RECEIPT', [['receipt-id', '1']]), F('ERROR', [['message', 'x']], 'body')]
    const eols = [new Uint8Array([10]), new Uint8Array([13, 10]), new Uint8Array([10, 10])]
    const pieces = frames.flatMap((f, i) => [serializeFrame(f, '1.2'), eols[i]])
    const stream = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0))
    pieces.reduce((o, p) => (stream.set(p, o), o + p.length), 0)
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 8 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), stream.length]
        const parser = new StompParser({ version: '1.2', maxFrameBytes: 1e6, maxHeaders: 100, maxHeaderLineBytes: 1e5, maxBodyBytes: 1e6 })
        const tape = new ByteTape()
        const got: number[][] = []
        for (let i = 0; i + 1 < at.length; i++) {
          tape.push(stream.subarray(at[i], at[i + 1]))
          for (const e of parser.push(stream.subarray(at[i], at[i + 1]))) {
            if (e.type === 'frame') got.push([...tape.take(e.wireBytes)])
            else if (e.type === 'heartbeat') got.push([...tape.take(e.bytes)])
          }
        }
        expect(got.flat()).toEqual([...stream])
        expect(got.filter((g) => g.at(-1) === 0).map((g) => g)).toEqual(frames.map((f) => [...serializeFrame(f, '1.2')]))
        expect(tape.length).toBe(0)
      }),
    )
  })
})
