import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { makeFrame } from '../stomp/frame'
import { stompjsSnippet } from './stompjs-snippet'

/** Runs a snippet against a client that records its calls (the snippet must be valid JavaScript). */
function run(code: string): Array<[string, unknown[]]> {
  const calls: Array<[string, unknown[]]> = []
  const client = new Proxy({}, {
    get: (_t, method: string) => (...args: unknown[]) => {
      calls.push([method, args])
      return { id: 'tx' }
    },
    set: (_t, prop: string, value: unknown) => {
      calls.push([`set ${prop}`, [typeof value]])
      return true
    },
  })
  const versions = function Versions(this: { list: unknown }, list: unknown) {
    this.list = list
  }
  const Client = function (this: object, config: unknown) {
    calls.push(['new Client', [config]])
    return client
  }
  const body = code.replace(/^import .*$/m, '').replace(/^const client = new Client/m, 'const c = new Client').replace(/^client\.activate\(\)$/m, 'c.activate()')
  new Function('client', 'Client', 'Versions', 'console', `return (async () => {\n${body}\n})()`)(client, Client, versions, { log() {}, error() {} })
  return calls
}

describe('stompjs snippets', () => {
  it('SEND → client.publish with destination, headers and text body (content-length left to stompjs)', () => {
    const f = makeFrame('SEND', [['destination', '/queue/a'], ['content-type', 'text/plain'], ['content-length', '5'], ['x-id', 'q"uote']], 'hé\n"o')
    const code = stompjsSnippet(f)
    expect(code).toMatch(/content-length is added by stompjs/)
    expect(run(code)).toEqual([['publish', [{ destination: '/queue/a', headers: { 'content-type': 'text/plain', 'x-id': 'q"uote' }, body: 'hé\n"o' }]]])
  })

  it('any SEND header value becomes a valid JS literal that evaluates back to it (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ minLength: 1, maxLength: 10 }), (value, name) => {
        fc.pre(name !== 'destination' && name !== 'content-length')
        const calls = run(stompjsSnippet(makeFrame('SEND', [['destination', '/topic/x'], [name, value]])))
        expect(calls).toEqual([['publish', [{ destination: '/topic/x', headers: { [name]: value } }]]])
      }),
    )
  })

  it('a header named __proto__ stays a header', () => {
    expect(run(stompjsSnippet(makeFrame('SEND', [['destination', '/q'], ['__proto__', 'x']])))).toEqual([
      ['publish', [{ destination: '/q', headers: { ['__proto__']: 'x' } }]],
    ])
  })

  it('binary body → binaryBody bytes; repeated header → note, first kept', () => {
    const f = makeFrame('SEND', [['destination', '/q'], ['k', '1'], ['k', '2']], new Uint8Array([0xff, 0, 7]))
    const code = stompjsSnippet(f)
    expect(code).toMatch(/repeated header "k" left out/)
    const [[method, [arg]]] = run(code)
    expect(method).toBe('publish')
    expect(arg).toEqual({ destination: '/q', headers: { k: '1' }, binaryBody: new Uint8Array([0xff, 0, 7]) })
  })

  it('SUBSCRIBE → client.subscribe(dest, callback, headers) with message.ack() for client acks', () => {
    const code = stompjsSnippet(makeFrame('SUBSCRIBE', [['id', '0'], ['destination', '/queue/jobs'], ['ack', 'client-individual'], ['receipt', 'r1']]))
    expect(code).toMatch(/message\.ack\(\)/)
    const calls = run(code)
    expect(calls[0][0]).toBe('subscribe')
    expect(calls[0][1][0]).toBe('/queue/jobs')
    expect(typeof calls[0][1][1]).toBe('function')
    expect(calls[0][1][2]).toEqual({ id: '0', ack: 'client-individual', receipt: 'r1' })
    expect(calls[1]).toEqual(['watchForReceipt', ['r1', expect.any(Function)]])
  })

  it('ACK/NACK → client.ack/nack(id, subscription) in 1.2 and message-id in 1.1', () => {
    expect(run(stompjsSnippet(makeFrame('ACK', [['id', 'm-7']]), { version: '1.2' }))).toEqual([['ack', ['m-7', '']]])
    expect(run(stompjsSnippet(makeFrame('NACK', [['message-id', 'm-8'], ['subscription', 's'], ['transaction', 't']]), { version: '1.1' }))).toEqual([
      ['nack', ['m-8', 's', { transaction: 't' }]],
    ])
  })

  it('UNSUBSCRIBE, BEGIN, COMMIT, ABORT, DISCONNECT map to their methods', () => {
    expect(run(stompjsSnippet(makeFrame('UNSUBSCRIBE', [['id', '0']])))).toEqual([['unsubscribe', ['0']]])
    expect(run(stompjsSnippet(makeFrame('BEGIN', [['transaction', 't1']])))).toEqual([['begin', ['t1']]])
    expect(run(stompjsSnippet(makeFrame('COMMIT', [['transaction', 't1']])))).toEqual([['commit', ['t1']]])
    expect(run(stompjsSnippet(makeFrame('ABORT', [['transaction', 't1']])))).toEqual([['abort', ['t1']]])
    expect(run(stompjsSnippet(makeFrame('DISCONNECT')))).toEqual([['deactivate', []]])
  })

  it('CONNECT → new Client with brokerURL, connectHeaders, heart-beats and versions', () => {
    const f = makeFrame('CONNECT', [['accept-version', '1.2,1.1'], ['host', '/'], ['login', 'guest'], ['passcode', 'guest'], ['heart-beat', '10000,5000']])
    const code = stompjsSnippet(f, { brokerURL: 'ws://127.0.0.1:15674/ws' })
    expect(code).toMatch(/^import \{ Client, Versions \} from '@stomp\/stompjs'/)
    const [[what, [config]], [activate]] = run(code)
    expect(what).toBe('new Client')
    expect(activate).toBe('activate')
    expect(config).toMatchObject({
      brokerURL: 'ws://127.0.0.1:15674/ws',
      connectHeaders: { host: '/', login: 'guest', passcode: 'guest' },
      heartbeatOutgoing: 10000,
      heartbeatIncoming: 5000,
      stompVersions: { list: ['1.2', '1.1'] },
    })
  })

  it('received frames → the handler that would see them', () => {
    expect(run(stompjsSnippet(makeFrame('MESSAGE', [['destination', '/topic/a'], ['message-id', '1']]))).map((c) => c[0])).toEqual(['subscribe'])
    expect(run(stompjsSnippet(makeFrame('RECEIPT', [['receipt-id', '9']])))).toEqual([['watchForReceipt', ['9', expect.any(Function)]]])
    expect(run(stompjsSnippet(makeFrame('ERROR', [['message', 'bad']])))).toEqual([['set onStompError', ['function']]])
    expect(run(stompjsSnippet(makeFrame('CONNECTED', [['version', '1.2']])))).toEqual([['set onConnect', ['function']]])
    expect(stompjsSnippet(makeFrame('FOO'))).toMatch(/no method for "FOO"/)
  })
})
