import { describe, expect, it } from 'vitest'
import type { InspectEvent } from './events'
import { SELF, STOMP_SESSION, route, stompFrame } from './fixtures'
import { buildSequence, escapeMermaid, sequenceDiagram } from './sequence'

const body = (text: string) => text.split('\n').slice(1) // without the `sequenceDiagram` line
const arrows = (text: string) => body(text).filter((l) => /^\s+\w+(->>|-->>|--x|-\)|--\))\w+: /.test(l)).map((l) => l.trim())

describe('events → mermaid sequence diagram', () => {
  it('draws a whole STOMP session: handshake, CONNECT/CONNECTED with heart-beat, SUBSCRIBE, SEND, MESSAGE, RECEIPT, ACK, ERROR', () => {
    const text = sequenceDiagram(STOMP_SESSION, { self: SELF })
    expect(text.startsWith('sequenceDiagram\n')).toBe(true)
    expect(body(text).slice(0, 3)).toEqual(['  participant C1 as Browser', '  participant S as Server', '  participant K as Broker'])
    expect(arrows(text)).toEqual([
      'C1->>S: GET /lab/feeds/lobby/poll?since=0',
      'S-->>C1: 200 OK · 87 B',
      'C1->>S: GET /ws/stomp Upgrade: websocket · protocols v12.stomp, v11.stomp, v10.stomp',
      'S-->>C1: 101 Switching Protocols · v12.stomp',
      'C1->>K: CONNECT accept-version:1.0,1.1,1.2 heart-beat:10000,10000',
      'K-->>C1: CONNECTED version:1.2 heart-beat:10000,10000',
      'C1->>K: SUBSCRIBE /topic/chat id:sub-0 ack:client-individual',
      'C1->>K: SEND /topic/chat #34;hello, wire#34; receipt:r-1',
      'K-->>C1: MESSAGE /topic/chat #34;hello, wire#34; subscription:sub-0',
      'K-->>C1: RECEIPT receipt-id:r-1',
      'C1->>K: ACK id:ack-1',
      'K--)C1: heart-beat (EOL) ×2',
      'C1-)K: heart-beat (EOL)',
      'C1->>K: SUBSCRIBE /topic/chat',
      'K--xC1: ERROR message:SUBSCRIBE needs an id header',
      'S-->>C1: close 1000 STOMP_ERR_MISSING_HEADER',
    ])
  })

  it('routing is a note over the broker naming the subscriptions reached; an ERROR and its code sit on a red band; the close is a note', () => {
    const lines = body(sequenceDiagram(STOMP_SESSION, { self: SELF })).map((l) => l.trim())
    expect(lines).toContain('Note over K: route /topic/chat → ws-3/sub-0, ws-7/sub-0 +1 more')
    const band = lines.indexOf('rect rgba(207, 34, 46, 0.14)')
    expect(lines.slice(band, band + 4)).toEqual([
      'rect rgba(207, 34, 46, 0.14)',
      'Note over K: STOMP_ERR_MISSING_HEADER',
      'K--xC1: ERROR message:SUBSCRIBE needs an id header',
      'end',
    ])
    expect(lines).toContain('Note over C1,K: session closed: STOMP_ERR_MISSING_HEADER')
  })

  it('the data frames of a STOMP WebSocket are not drawn twice (the STOMP frame is), the close frame is', () => {
    const text = sequenceDiagram(STOMP_SESSION)
    expect(text).not.toContain('text frame')
    expect(text).toContain('close 1000')
  })

  it('hideHeartbeats leaves heart-beats out', () => {
    const text = sequenceDiagram(STOMP_SESSION, { hideHeartbeats: true })
    expect(text).not.toContain('heart-beat (EOL)')
    expect(text).toContain('CONNECTED version:1.2 heart-beat:10000,10000')
  })

  it('a WebSocket with no higher protocol shows its frames (echo): text, ping/pong, close', () => {
    const frame = (t: number, dir: 'in' | 'out', opcode: number, preview: string, extra: Partial<InspectEvent> = {}): InspectEvent => ({
      type: 'ws.frame', t, conn: 'ws-8', client: SELF, dir, fin: true, rsv1: false, rsv2: false, rsv3: false, opcode, masked: dir === 'in',
      maskKey: dir === 'in' ? '01020304' : null, payloadLength: preview.length, headerBytes: dir === 'in' ? 6 : 2, headerHex: '81', preview,
      previewEncoding: 'text', truncated: false, ...extra,
    } as InspectEvent)
    const text = sequenceDiagram([frame(1, 'in', 1, 'hi'), frame(2, 'out', 1, 'hi'), frame(3, 'out', 9, ''), frame(4, 'in', 10, ''), frame(5, 'out', 8, '', { closeCode: 4000, closeReason: 'bye' } as Partial<InspectEvent>)])
    expect(arrows(text)).toEqual([
      'C1->>S: text frame #34;hi#34;',
      'S-->>C1: text frame #34;hi#34;',
      'S--)C1: ping frame',
      'C1-)S: pong frame',
      'S-->>C1: close 4000 bye',
    ])
  })

  it('escapes mermaid’s special characters: a destination with ; and a body with # cannot break the diagram', () => {
    const events = [
      stompFrame(1, 'ws-1', 'in', 'SEND', [['destination', '/topic/a;b']], 'issue #42 <b>&</b>'),
      stompFrame(2, 'ws-1', 'out', 'ERROR', [['message', 'bad: x;y #z']]),
    ]
    const text = sequenceDiagram(events)
    expect(arrows(text)).toEqual([
      'C1->>K: SEND /topic/a#59;b #34;issue #35;42 #60;b#62;#38;#60;/b#62;#34;',
      'K--xC1: ERROR message:bad: x#59;y #35;z',
    ])
    // every line still has the shape mermaid expects: no raw ; # < > & left in any label
    for (const line of body(text)) expect(line.slice(line.indexOf(': ') + 2).replace(/#\d+;/g, '')).not.toMatch(/[;#<>&]/)
    expect(escapeMermaid('a:b,c@d', true)).toBe('a#58;b#44;c#64;d')
  })

  it('a message with a line break stays on one mermaid line', () => {
    const text = sequenceDiagram([stompFrame(1, 'ws-1', 'in', 'SEND', [['destination', '/queue/q']], 'line1\nline2')])
    expect(arrows(text)).toEqual(['C1->>K: SEND /queue/q #34;line1 line2#34;'])
  })

  it('caps the diagram to the newest maxMessages lines with a note for the earlier ones', () => {
    const events = Array.from({ length: 100 }, (_, i) => stompFrame(i, 'ws-1', 'in', 'SEND', [['destination', '/queue/q']], `n${i}`))
    const result = buildSequence(events, { maxMessages: 60 })
    expect(result.lines).toBe(60)
    expect(result.omitted).toBe(40)
    expect(result.text).toContain('Note over C1,K: … 40 earlier messages')
    const shown = arrows(result.text)
    expect(shown).toHaveLength(60)
    expect(shown[0]).toContain('"n40"'.replaceAll('"', '#34;'))
    expect(shown[59]).toContain('#34;n99#34;')
  })

  it('names participants: the viewer’s tab, other clients by login, several connections of one tab apart', () => {
    const events = [
      stompFrame(1, 'ws-1', 'in', 'CONNECT', [['accept-version', '1.2']]),
      stompFrame(2, 'ws-2', 'in', 'CONNECT', [['accept-version', '1.2']]),
      stompFrame(3, 'ws-5', 'in', 'CONNECT', [['accept-version', '1.2'], ['login', 'ada']], '', 'otherTab01'),
      stompFrame(4, 'ws-6', 'in', 'CONNECT', [['accept-version', '1.2']], '', 'otherTab02'),
    ]
    const participants = body(sequenceDiagram(events, { self: SELF })).filter((l) => l.includes('participant'))
    expect(participants).toEqual([
      '  participant C1 as Browser · ws-1',
      '  participant C2 as Browser · ws-2',
      '  participant C3 as ada',
      '  participant C4 as Client 4',
      '  participant K as Broker',
    ])
    const named = sequenceDiagram(events, { self: SELF, names: { otherTab02: 'Bob: the tester', 'ws-1': 'Publisher' } })
    expect(named).toContain('participant C1 as Publisher')
    expect(named).toContain('participant C4 as Bob#58; the tester')
  })

  it('a queue route with no consumer says the message is held; a refused SEND says why', () => {
    const text = sequenceDiagram([
      route(1, 'ws-1', '/queue/jobs', 'm-9', [], { queued: true }),
      route(2, 'ws-1', '/queue/full', '', [], { refused: 'queue /queue/full is full (1000 messages)' }),
      route(3, 'ws-1', '/queue/jobs', 'm-9', [['ws-2', 'sub-1']], { redelivered: true }),
    ])
    expect(text).toContain('Note over K: route /queue/jobs → held (queued)')
    expect(text).toContain('Note over K: /queue/full refused: queue /queue/full is full (1000 messages)')
    expect(text).toContain('Note over K: route /queue/jobs → ws-2/sub-1 (redelivery)')
  })

  it('no events: a valid diagram saying so', () => {
    expect(sequenceDiagram([])).toBe('sequenceDiagram\n  participant C1 as Browser\n  Note over C1: no traffic yet\n')
  })
})
