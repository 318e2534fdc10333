import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, loadConfig } from '../config'

describe('inspector settings (server/config.ts)', () => {
  it('default: viewers may watch everything, 2000 events queued per viewer, 250 events replayed per tab', () => {
    expect(DEFAULT_CONFIG.inspect).toEqual({ allowAll: true, maxBuffered: 2000, replayEvents: 250 })
  })

  it('INSPECT_ALLOW_ALL is on or off, any case', () => {
    expect(loadConfig({ INSPECT_ALLOW_ALL: 'off' }).inspect.allowAll).toBe(false)
    expect(loadConfig({ INSPECT_ALLOW_ALL: 'ON' }).inspect.allowAll).toBe(true)
    expect(() => loadConfig({ INSPECT_ALLOW_ALL: 'yes' })).toThrow('INSPECT_ALLOW_ALL="yes" is not on or off')
  })

  it('INSPECT_MAX_BUFFERED is a whole number from 10 to 1000000', () => {
    expect(loadConfig({ INSPECT_MAX_BUFFERED: '50' }).inspect.maxBuffered).toBe(50)
    expect(() => loadConfig({ INSPECT_MAX_BUFFERED: '5' })).toThrow('INSPECT_MAX_BUFFERED="5" is not a whole number from 10 to 1000000')
    expect(() => loadConfig({ INSPECT_MAX_BUFFERED: 'lots' })).toThrow('INSPECT_MAX_BUFFERED="lots"')
  })

  it('INSPECT_REPLAY_EVENTS is a whole number from 0 (off) to 100000', () => {
    expect(loadConfig({ INSPECT_REPLAY_EVENTS: '0' }).inspect.replayEvents).toBe(0)
    expect(loadConfig({ INSPECT_REPLAY_EVENTS: '1000' }).inspect.replayEvents).toBe(1000)
    expect(() => loadConfig({ INSPECT_REPLAY_EVENTS: '100001' })).toThrow('INSPECT_REPLAY_EVENTS="100001" is not a whole number from 0 to 100000')
    expect(() => loadConfig({ INSPECT_REPLAY_EVENTS: '-1' })).toThrow('INSPECT_REPLAY_EVENTS="-1"')
  })
})
