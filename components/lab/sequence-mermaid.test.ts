// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest'
import type { InspectEvent } from '@/lib/inspect/events'
import { SELF, STOMP_SESSION, route, stompFrame } from '@/lib/inspect/fixtures'
import { sequenceDiagram } from '@/lib/inspect/sequence'

/** mermaid 12's own parser (no layout: that needs a real browser, see e2e/diagrams.spec.ts). */
type Mermaid = (typeof import('mermaid'))['default']
let mermaid: Mermaid

beforeAll(async () => {
  mermaid = (await import('mermaid')).default
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })
})

const nasty: InspectEvent[] = [
  stompFrame(1, 'ws-1', 'in', 'CONNECT', [['accept-version', '1.2'], ['login', 'a;b#c: d, e@f']]),
  stompFrame(2, 'ws-1', 'in', 'SEND', [['destination', '/topic/a;b']], 'issue #42 <b>&amp;</b> %% not a comment'),
  stompFrame(3, 'ws-1', 'out', 'ERROR', [['message', 'bad: x;y #z end']], ''),
  route(4, 'ws-1', '/topic/a;b#c', 'm-1', [['ws-2', 'sub;0']]),
  stompFrame(5, 'ws-1', 'in', 'SEND', [['destination', '/queue/q']], 'wrap\nnowrap;\r\n-->>K: fake arrow'),
]

describe('the sequence diagram text is valid mermaid', () => {
  it('a recorded STOMP session parses as a sequence diagram', async () => {
    await expect(mermaid.parse(sequenceDiagram(STOMP_SESSION, { self: SELF }))).resolves.toMatchObject({ diagramType: 'sequence' })
  })

  it('destinations, logins and bodies full of ; # : < > & still parse (unescaped, they would not)', async () => {
    await expect(mermaid.parse(sequenceDiagram(nasty))).resolves.toMatchObject({ diagramType: 'sequence' })
    await expect(mermaid.parse(sequenceDiagram(nasty, { autonumber: true, hideHeartbeats: true }))).resolves.toBeTruthy()
    // the negative control: the same label raw breaks mermaid's parser
    await expect(mermaid.parse('sequenceDiagram\n  C1->>K: SEND /topic/a;b\n')).rejects.toThrow()
  })

  it('an empty and a capped diagram parse', async () => {
    await expect(mermaid.parse(sequenceDiagram([]))).resolves.toBeTruthy()
    const many = Array.from({ length: 90 }, (_, i) => stompFrame(i, 'ws-1', i % 2 ? 'out' : 'in', i % 2 ? 'MESSAGE' : 'SEND', [['destination', '/topic/t']], `#${i};`))
    await expect(mermaid.parse(sequenceDiagram(many, { maxMessages: 10 }))).resolves.toBeTruthy()
  })
})
