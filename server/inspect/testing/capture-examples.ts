/**
 * Prints one real event per type, as a viewer watching everything receives them, for
 * docs/inspect.md (the examples there are captured, never invented):
 *
 *   npx tsx server/inspect/testing/capture-examples.ts > /tmp/examples.json
 *
 * A real test server; a short poll of the lab's lobby feed; a STOMP session over /ws/stomp (server
 * heart-beats, a subscription, a message, then a mistake that earns an ERROR), a SockJS session
 * over xhr-streaming and a Socket.IO session (polling, upgraded to WebSocket, a join with an ack),
 * all with the same cid.
 */
import SockJS from 'sockjs-client'
import { io } from 'socket.io-client'
import type { InspectEvent } from '../../../lib/inspect/events'
import { startTestServer } from '../../testing/harness'
import { StompWs, TestViewer, until } from './viewer-client'

const CID = 'Xk3_p9QaZ1'

const srv = await startTestServer({ tcp: false, heartBeat: [200, 200] })
const viewer = await TestViewer.open(srv.inspectUrl)
const snapshotBefore = await viewer.watch({ all: true })

await (await fetch(`${srv.httpUrl}/lab/feeds/lobby/poll?since=0&cid=${CID}`)).text()
const c = await StompWs.open(`${srv.wsUrl}?cid=${CID}`)
c.frame('CONNECT', { 'accept-version': '1.2', host: 'localhost', 'heart-beat': '0,200' })
await c.expect('CONNECTED')
c.frame('SUBSCRIBE', { id: 's1', destination: '/topic/news' })
c.frame('SEND', { destination: '/topic/news', 'content-type': 'text/plain' }, 'hello')
await c.expect('MESSAGE')
await until(() => viewer.events().some((e) => e.type === 'stomp.heartbeat'), 'a heart-beat to the client')
const snapshot = await viewer.watch({ all: true })

const sock = new SockJS(`${srv.sockjsUrl}?cid=${CID}`, null, { transports: ['xhr-streaming'] })
await new Promise<void>((resolve) => (sock.onopen = () => resolve()))
sock.send('CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\0')
await until(() => viewer.events().some((e) => e.type === 'sockjs.frame' && e.kind === 'a'), 'a SockJS a frame')
sock.close()

const sio = io(srv.httpUrl, { query: { cid: CID }, reconnection: false, forceNew: true })
await new Promise<void>((resolve) => sio.io.engine.once('upgrade', () => resolve()))
await sio.emitWithAck('join', { feed: 'lobby' })
await until(() => viewer.events().some((e) => e.type === 'socketio.packet' && e.socketType === 'ACK'), 'a Socket.IO ACK')
sio.disconnect()

c.frame('SEND', {}, 'no destination')
await c.expect('ERROR')
await until(() => viewer.events().some((e) => e.type === 'broker.session' && e.state === 'closed'), 'the session closing')
await new Promise((r) => setTimeout(r, 200))

const events = viewer.events()
const pick = (type: InspectEvent['type'], test: (e: InspectEvent) => boolean = () => true) => events.find((e) => e.type === type && test(e)) ?? null
const examples = {
  hello: viewer.messages[0],
  snapshot: { ...snapshot, before: snapshotBefore.broker },
  'ws.handshake': pick('ws.handshake'),
  'ws.frame': pick('ws.frame', (e) => e.type === 'ws.frame' && e.dir === 'in' && e.preview.startsWith('SEND')),
  'ws.frame (out)': pick('ws.frame', (e) => e.type === 'ws.frame' && e.dir === 'out' && e.preview.startsWith('MESSAGE')),
  'ws.frame (close)': pick('ws.frame', (e) => e.type === 'ws.frame' && e.opcode === 8),
  'sockjs.frame': pick('sockjs.frame', (e) => e.type === 'sockjs.frame' && e.kind === 'a'),
  'sockjs.frame (in)': pick('sockjs.frame', (e) => e.type === 'sockjs.frame' && e.kind === 'm'),
  'stomp.frame': pick('stomp.frame', (e) => e.type === 'stomp.frame' && e.command === 'MESSAGE'),
  'stomp.heartbeat': pick('stomp.heartbeat'),
  'stomp.error': pick('stomp.error'),
  'broker.session': pick('broker.session', (e) => e.type === 'broker.session' && e.state === 'connected'),
  'broker.subscription': pick('broker.subscription'),
  'broker.route': pick('broker.route'),
  'http.exchange': pick('http.exchange'),
  'socketio.packet': pick('socketio.packet'),
  'socketio.packet (upgrade)': pick('socketio.packet', (e) => e.type === 'socketio.packet' && e.engineType === 'upgrade'),
  'socketio.packet (event)': pick('socketio.packet', (e) => e.type === 'socketio.packet' && e.event === 'join'),
  'socketio.packet (ack)': pick('socketio.packet', (e) => e.type === 'socketio.packet' && e.socketType === 'ACK'),
  types: [...new Set(events.map((e) => e.type))],
}
process.stdout.write(`${JSON.stringify(examples, null, 2)}\n`)
viewer.close()
c.close()
await srv.close()
process.exit(0)
