/**
 * The replay on a real server: a tab's STOMP session over /ws/stomp while one view of the tab
 * watches (as the lab's handshake view does, only its handshake and frames), then a second view
 * opens late (the sequence diagram, scrolled to last) and asks for `replay: true`: it gets the
 * snapshot, then what the tab did before, then live events — no gap, no repeat. A tab nobody
 * watches costs nothing: no log, and the taps build nothing for it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { InspectEvent } from '../../lib/inspect/events'
import type { ServerMessage } from '../../lib/inspect/protocol'
import { startTestServer, type TestServer, type TestServerOptions } from '../testing/harness'
import { StompWs, TestViewer, until } from './testing/viewer-client'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function server(options: TestServerOptions = {}): Promise<TestServer> {
  const srv = await startTestServer({ tcp: false, heartBeat: [0, 0], ...options })
  cleanups.push(() => srv.close())
  return srv
}
async function viewer(srv: TestServer): Promise<TestViewer> {
  const v = await TestViewer.open(srv.inspectUrl)
  cleanups.push(() => v.close())
  return v
}
async function stomp(url: string): Promise<StompWs> {
  const c = await StompWs.open(url)
  cleanups.push(() => c.close())
  return c
}

function label(e: InspectEvent): string {
  if (e.type === 'stomp.frame') return `stomp.frame ${e.dir} ${e.command}`
  if (e.type === 'ws.frame') return `ws.frame ${e.dir}`
  if (e.type === 'broker.route') return `broker.route ${e.destination}`
  return e.type
}
const replays = (v: TestViewer) => v.messages.filter((m): m is Extract<ServerMessage, { type: 'replay' }> => m.type === 'replay')

/** The tab's session: CONNECT, SUBSCRIBE, a SEND to itself (MESSAGE back), on a topic of its own. */
async function session(srv: TestServer, cid: string, body: string): Promise<StompWs> {
  const c = await stomp(`${srv.wsUrl}?cid=${cid}`)
  await c.connect()
  c.frame('SUBSCRIBE', { id: 's1', destination: `/topic/replay-${cid}` })
  c.frame('SEND', { destination: `/topic/replay-${cid}`, receipt: 'r1' }, body)
  await c.expect('RECEIPT')
  await c.expect('MESSAGE')
  return c
}

describe('/ws/inspect replay (watch with replay: true)', () => {
  it('a view that opens late gets the snapshot, then what its tab did before, then live events, without a gap or a repeat', async () => {
    const srv = await server()
    const cid = 'replayTab01'
    const early = await viewer(srv)
    await early.watch({ clients: [cid], types: ['ws.handshake', 'ws.frame'] })
    const c = await session(srv, cid, 'before the diagram')
    await until(() => early.events().some((e) => e.type === 'ws.frame' && e.dir === 'out' && e.preview.startsWith('MESSAGE')), 'the early view saw the MESSAGE frame')

    const late = await viewer(srv)
    late.send({ type: 'watch', filter: { clients: [cid] }, replay: true })
    await until(() => replays(late).length === 1, 'replay')
    const kinds = late.messages.map((m) => m.type)
    expect(kinds.slice(0, 3)).toEqual(['hello', 'snapshot', 'replay'])

    const [replay] = replays(late)
    const labels = replay.events.map(label)
    // Everything of the tab since it was first watched, in wire order (not just what the early view wanted).
    const expected = ['ws.handshake', 'broker.session', 'stomp.frame in CONNECT', 'stomp.frame out CONNECTED', 'stomp.frame in SUBSCRIBE', 'broker.subscription', 'stomp.frame in SEND', 'stomp.frame out MESSAGE', `broker.route /topic/replay-${cid}`, 'stomp.frame out RECEIPT']
    let i = 0
    for (const l of labels) if (l === expected[i]) i += 1
    expect(labels.filter((l) => !l.startsWith('ws.frame') && l !== 'broker.session')).toEqual(expected.filter((l) => l !== 'broker.session'))
    expect(i, labels.join(' | ')).toBe(expected.length)
    expect(replay.events.every((e) => e.client === cid || e.type === 'broker.route')).toBe(true)
    expect(replay.omitted).toBe(0)
    const send = replay.events.find((e) => e.type === 'stomp.frame' && e.command === 'SEND')
    expect(send?.type === 'stomp.frame' && send.raw).toContain('before the diagram') // inbound raw: the session opened while watched
    const times = replay.events.map((e) => e.t)
    expect([...times].sort((a, b) => a - b)).toEqual(times)

    // Live events follow, none of them already replayed.
    c.frame('SEND', { destination: `/topic/replay-${cid}` }, 'after')
    await until(() => late.events().some((e) => e.type === 'stomp.frame' && e.command === 'MESSAGE'), 'the live MESSAGE')
    const live = late.events()
    expect(live.every((e) => e.t > times[times.length - 1])).toBe(true)
    expect(live.some((e) => replay.events.includes(e))).toBe(false)
    expect(live.filter((e) => e.type === 'stomp.frame').map(label)).toEqual(['stomp.frame in SEND', 'stomp.frame out MESSAGE'])
  })

  it('applies the filter (types) to the replay, sends none without replay: true, and none for a tab never watched', async () => {
    const srv = await server()
    const early = await viewer(srv)
    await early.watch({ clients: ['watchedTab'] })
    await session(srv, 'watchedTab', 'hello')
    await session(srv, 'otherTab', 'not watched')

    const typed = await viewer(srv)
    typed.send({ type: 'watch', filter: { clients: ['watchedTab'], types: ['stomp.frame'] }, replay: true })
    await until(() => replays(typed).length === 1, 'replay')
    expect(replays(typed)[0].events.map(label)).toEqual(['stomp.frame in CONNECT', 'stomp.frame out CONNECTED', 'stomp.frame in SUBSCRIBE', 'stomp.frame in SEND', 'stomp.frame out MESSAGE', 'stomp.frame out RECEIPT'])

    const plain = await viewer(srv)
    await plain.watch({ clients: ['watchedTab'] })
    const other = await viewer(srv)
    other.send({ type: 'watch', filter: { clients: ['otherTab'] }, replay: true })
    await until(() => replays(other).length === 1, 'replay of the unwatched tab')
    expect(replays(other)[0]).toEqual({ type: 'replay', events: [], omitted: 0 })
    await new Promise((r) => setTimeout(r, 100)) // a batch would have gone out by now (50 ms)
    expect(plain.count('replay')).toBe(0)
    expect(plain.events()).toEqual([])

    const bad = await viewer(srv)
    bad.send({ type: 'watch', filter: { clients: ['watchedTab'] }, replay: 'yes' })
    await until(() => bad.count('error') === 1, 'error')
    expect(bad.messages.at(-1)).toEqual({ type: 'error', message: 'replay must be true or false' })
  })

  it('keeps the per-tab bound (older events counted as omitted)', async () => {
    const srv = await server({ inspect: { replayEvents: 5 } })
    const early = await viewer(srv)
    await early.watch({ clients: ['smallTab'] })
    await session(srv, 'smallTab', 'x')
    const late = await viewer(srv)
    late.send({ type: 'watch', filter: { clients: ['smallTab'] }, replay: true })
    await until(() => replays(late).length === 1, 'replay')
    const [replay] = replays(late)
    expect(replay.events).toHaveLength(5)
    expect(replay.omitted).toBeGreaterThan(0)
    expect(replay.events.at(-1)?.type === 'stomp.frame' || replay.events.at(-1)?.type === 'ws.frame' || replay.events.at(-1)?.type === 'broker.route').toBe(true)
  })

  it('unwatched tabs cost nothing: the log and the bus interest go after the grace, and a tab nobody watched never had any', async () => {
    const srv = await server({ replay: { graceMs: 150 } })
    const v = await viewer(srv)
    await v.watch({ clients: ['graceTab'] })
    expect(srv.bus.wants('ws-999', 'graceTab')).toBe(true)
    expect(srv.bus.wants('ws-999', 'strangerTab')).toBe(false)
    v.close()
    await until(() => srv.inspect.viewerCount === 0, 'the viewer gone')
    // In its grace: still logged, so the taps keep building its events.
    expect(srv.inspect.replayStats().map((s) => [s.client, s.watched])).toEqual([['graceTab', false]])
    expect(srv.bus.wants('ws-999', 'graceTab')).toBe(true)
    await until(() => srv.inspect.replayStats().length === 0, 'the grace to end', 5000)
    expect(srv.bus.active).toBe(false)
    expect(srv.bus.wants('ws-999', 'graceTab')).toBe(false)
  })

  it('with INSPECT_REPLAY_EVENTS=0 there is no log and the replay is empty', async () => {
    const srv = await server({ inspect: { replayEvents: 0 } })
    const early = await viewer(srv)
    await early.watch({ clients: ['offTab'] })
    await session(srv, 'offTab', 'x')
    expect(srv.inspect.replayStats()).toEqual([])
    const late = await viewer(srv)
    late.send({ type: 'watch', filter: { clients: ['offTab'] }, replay: true })
    await until(() => replays(late).length === 1, 'replay')
    expect(replays(late)[0].events).toEqual([])
  })
})
