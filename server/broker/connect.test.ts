import { describe, expect, it } from 'vitest'
import { TestClient, testBroker } from './testing/test-client'

describe('CONNECT', () => {
  it('checklist 21, 23: CONNECT accept-version:1.2 → CONNECTED version:1.2 with server and session', async () => {
    const { broker } = testBroker()
    const c = TestClient.open(broker)
    const connected = await c.connect()
    expect(connected.header('version')).toBe('1.2')
    expect(connected.header('server')).toBe('wirelab-test/0')
    expect(connected.header('session')).toBe(c.id)
  })
})
