import { describe, expect, it } from 'vitest'
import { TapBus } from './bus'

describe('TapBus', () => {
  it('is inactive and wants nothing without listeners', () => {
    const bus = new TapBus()
    expect(bus.active).toBe(false)
    expect(bus.wants('ws-1', 'tab')).toBe(false)
  })

  it('a listener without interest wants every connection', () => {
    const bus = new TapBus()
    const stop = bus.subscribe(() => {})
    expect(bus.wants('ws-1')).toBe(true)
    stop()
    expect(bus.active).toBe(false)
  })

  it('interests narrow per-frame taps to the named connections and tabs; their union counts', () => {
    const bus = new TapBus()
    const a = () => {}
    const b = () => {}
    bus.subscribe(a, { conns: new Set(['tcp-3']), clients: new Set() })
    bus.subscribe(b, { conns: new Set(), clients: new Set(['tab-B']) })
    expect([bus.wants('tcp-3'), bus.wants('ws-9', 'tab-B'), bus.wants('ws-9', 'tab-C'), bus.wants('ws-9')]).toEqual([true, true, false, false])
    bus.setInterest(b, null)
    expect(bus.wants('ws-9', 'tab-C')).toBe(true)
    bus.setInterest(b, { conns: new Set(), clients: new Set() })
    expect(bus.wants('ws-9', 'tab-B')).toBe(false)
    expect(bus.active).toBe(true) // rare events (sessions, routes) still flow to the filters
  })

  it('publishes to every listener, whatever its interest', () => {
    const bus = new TapBus()
    const got: string[] = []
    bus.subscribe((e) => got.push(`a:${e.conn}`), { conns: new Set(), clients: new Set() })
    bus.subscribe((e) => got.push(`b:${e.conn}`))
    bus.publish({ type: 'stomp.heartbeat', t: 1, conn: 'ws-1', dir: 'in', bytes: 1 })
    expect(got).toEqual(['a:ws-1', 'b:ws-1'])
  })
})
