import { describe, expect, it } from 'vitest'
import type { InspectEvent } from './events'
import { clockOffset, heartbeatStrip } from './heartbeat-strip'

const beat = (t: number, dir: 'in' | 'out', conn = 'ws-1'): InspectEvent => ({ type: 'stomp.heartbeat', t, conn, dir, bytes: 1 })
const frame = (t: number, dir: 'in' | 'out', command: string, conn = 'ws-1'): InspectEvent => ({ type: 'stomp.frame', t, conn, dir, command, headers: [], bodyLength: 0, bodyPreview: '', wireBytes: command.length + 2 })

describe('heartbeatStrip', () => {
  it('places beats and frames of one connection on the window, counts them, and measures the silence towards the broker', () => {
    const events = [frame(1000, 'in', 'CONNECT'), frame(1010, 'out', 'CONNECTED'), beat(3000, 'in'), beat(3500, 'out'), beat(5000, 'in'), beat(5000, 'in', 'ws-2')]
    // local = server t + 100; now = local 12100 → server 12000; window 12 s → x = 1 - (12000 - t) / 12000
    const model = heartbeatStrip(events, 'ws-1', 12_100, 100, 12_000)
    expect(model.counts).toEqual({ beatsIn: 2, beatsOut: 1, framesIn: 1, framesOut: 1 })
    expect(model.marks.map((m) => [m.dir, m.kind, m.label])).toEqual([
      ['in', 'frame', 'CONNECT'], ['out', 'frame', 'CONNECTED'], ['in', 'beat', undefined], ['out', 'beat', undefined], ['in', 'beat', undefined],
    ])
    expect(model.marks[2].x).toBeCloseTo(0.25)
    expect(model.silentMs).toBe(7000)
    expect(model.closed).toBe(false)
  })

  it('drops marks older than the window; a heart-beat timeout and the close are reported', () => {
    const events: InspectEvent[] = [
      beat(100, 'in'),
      { type: 'stomp.error', t: 20_000, conn: 'ws-1', code: 'STOMP_ERR_HEARTBEAT_TIMEOUT', message: 'Heart-beat timeout' },
      frame(20_001, 'out', 'ERROR'),
      { type: 'broker.session', t: 20_005, conn: 'ws-1', state: 'closed', transport: 'ws' },
    ]
    const model = heartbeatStrip(events, 'ws-1', 21_000, 0, 12_000)
    expect(model.marks.map((m) => m.kind)).toEqual(['error', 'closed'])
    expect(model).toMatchObject({ timedOut: true, closed: true, silentMs: null })
  })

  it('the clock offset keeps the smallest arrival − t', () => {
    expect(clockOffset(null, 100, 150)).toBe(50)
    expect(clockOffset(50, 200, 280)).toBe(50)
    expect(clockOffset(50, 300, 320)).toBe(20)
  })
})
