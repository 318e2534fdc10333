/**
 * Interop: `sockjs-client` 1.6 + `@stomp/stompjs` 7.5 over SockJS (/sockjs/stomp), one transport
 * forced at a time. In Node, sockjs-client has drivers for websocket (faye-websocket),
 * xhr-streaming and xhr-polling (http) and eventsource (the `eventsource` package); htmlfile,
 * jsonp-polling, the iframe-* transports and xdr-* need a DOM or IE, so they are exercised in
 * real Chromium by e2e/sockjs-transports.spec.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/harness'
import { sockjsTransportOf, stompjsOverSockjs, waitUntil, type StompjsSession } from '../testing/stompjs-kit'

/** The transports sockjs-client can run in Node (node_modules/sockjs-client/lib/transport/driver). */
const NODE_TRANSPORTS = ['websocket', 'xhr-streaming', 'xhr-polling', 'eventsource'] as const

let srv: TestServer
const sessions: StompjsSession[] = []
let n = 0
const uniq = (p: string) => `${p}-${(n += 1)}`

beforeAll(async () => {
  srv = await startTestServer({ tcp: false, heartBeat: [200, 200], sockjsDisconnectDelayMs: 500 })
})
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop()
})
afterAll(async () => {
  await srv.close()
})

describe.each(NODE_TRANSPORTS)('stompjs over sockjs-client, transport %s forced', (transport) => {
  function open(config: Parameters<typeof stompjsOverSockjs>[2] = {}): StompjsSession {
    const s = stompjsOverSockjs(srv.sockjsUrl, transport, config)
    sessions.push(s)
    return s
  }

  it('connects with STOMP 1.2 using exactly that transport', async () => {
    const s = open()
    const connected = await s.connected()
    expect(connected.headers.version).toBe('1.2')
    expect(sockjsTransportOf(s.sockets[0])).toBe(transport)
    const session = srv.broker.snapshot().sessions.find((x) => x.id === connected.headers.session)
    expect(session).toMatchObject({ transport: 'sockjs', version: '1.2', state: 'connected' })
  })

  it('publish/subscribe: UTF-8 text with a NUL arrives intact on a topic and a queue, with receipts', async () => {
    const [sub, pub] = [open(), open()]
    await Promise.all([sub.connected(), pub.connected()])
    const topic = `/topic/${uniq(transport)}`
    const queue = `/queue/${uniq(transport)}`
    const [it, iq] = [await sub.inbox(topic), await sub.inbox(queue, { ack: 'client-individual' })]
    const body = `héllo ☃ ${transport}\u0000after NUL`
    const receipt = await pub.publishWithReceipt({ destination: topic, body })
    expect(receipt.headers['receipt-id']).toBeTruthy()
    const m = await it.next()
    expect(m.body).toBe(body)
    expect(m.headers.destination).toBe(topic)
    for (const b of ['q1', 'q2', 'q3']) pub.client.publish({ destination: queue, body: b })
    const got = [await iq.next(), await iq.next(), await iq.next()]
    expect(got.map((x) => x.body)).toEqual(['q1', 'q2', 'q3'])
    got[1].nack()
    const again = await iq.next()
    expect(again.body).toBe('q2')
    expect(again.headers.redelivered).toBe('true')
    for (const x of [got[0], again, got[2]]) x.ack()
  })

  it('checklist 30-32: heart-beats at 200/200 keep the session alive for 1 s without traffic', async () => {
    const s = open({ heartbeatIncoming: 200, heartbeatOutgoing: 200 })
    const connected = await s.connected()
    expect(connected.headers['heart-beat']).toBe('200,200')
    let beats = 0
    s.client.onHeartbeatReceived = () => (beats += 1)
    await new Promise((r) => setTimeout(r, 1000))
    expect(s.closes).toEqual([])
    expect(s.client.connected).toBe(true)
    expect(beats).toBeGreaterThanOrEqual(2)
    const topic = `/topic/${uniq('hb')}`
    const inbox = await s.inbox(topic)
    s.client.publish({ destination: topic, body: 'alive' })
    expect((await inbox.next()).body).toBe('alive')
  })

  it('checklist 69-71: a broker ERROR reaches onStompError (with receipt-id), then the SockJS session is closed', async () => {
    const s = open()
    await s.connected()
    s.client.publish({ destination: '/nowhere', body: 'x', headers: { receipt: `bad-${transport}` } })
    await waitUntil(() => s.stompErrors.length === 1, 'onStompError')
    expect(s.stompErrors[0].headers.message).toBeTruthy()
    expect(s.stompErrors[0].headers['receipt-id']).toBe(`bad-${transport}`)
    const closed = await s.closed()
    expect(closed.code).toBe(1000)
  })
})
