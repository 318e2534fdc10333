import { describe, expect, it } from 'vitest'
import { TestClient, testBroker } from './testing/test-client'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

describe('pre-CONNECT timeout (checklist 20: CONNECT comes first)', () => {
  it('checklist 20: no CONNECT within connectTimeoutMs → ERROR STOMP_ERR_CONNECT_TIMEOUT ("send CONNECT first"), then close', async () => {
    const { broker, events } = testBroker({ connectTimeoutMs: 150 })
    const c = TestClient.open(broker, 'tcp')
    // heart-beat EOLs and a CONNECT that never ends are not a CONNECT
    c.send('\n\r\n')
    c.send('CONNECT\naccept-version:1.2\n')
    expect(await c.quiet(30)).toEqual([])
    expect(c.closeInfo).toBeNull()
    const err = await c.expectErrorThenClose(3000)
    expect(err.header('message')).toMatch(/send CONNECT first/)
    expect(err.header('code')).toBe('STOMP_ERR_CONNECT_TIMEOUT')
    expect(err.text).toContain('within 150 ms')
    expect(err.text).toMatch(/CONNECT\n\s*accept-version:/) // a correct CONNECT, to copy
    expect(c.closeInfo).toMatchObject({ how: 'close', reason: 'STOMP_ERR_CONNECT_TIMEOUT' })
    expect(events).toContainEqual(expect.objectContaining({ type: 'stomp.error', conn: c.id, code: 'STOMP_ERR_CONNECT_TIMEOUT' }))
    expect(broker.sessionCount).toBe(0)
  })

  it('checklist 20: a session that CONNECTed in time is not closed when the timeout would have passed', async () => {
    const { broker } = testBroker({ connectTimeoutMs: 80 })
    const c = TestClient.open(broker)
    await c.connect()
    await sleep(200)
    c.frame('SUBSCRIBE', { id: 's', destination: '/topic/t', receipt: 'still-here' })
    expect((await c.expect('RECEIPT')).header('receipt-id')).toBe('still-here')
    expect(c.closeInfo).toBeNull()
  })

  it('checklist 20: STOMP counts as CONNECT for the timeout (1.2 §CONNECT or STOMP Frame)', async () => {
    const { broker } = testBroker({ connectTimeoutMs: 80 })
    const c = TestClient.open(broker)
    c.frame('STOMP', { 'accept-version': '1.2', host: 'x' })
    await c.expect('CONNECTED')
    await sleep(200)
    c.frame('DISCONNECT', { receipt: 'bye' })
    expect((await c.expect('RECEIPT')).header('receipt-id')).toBe('bye')
  })

  it('connectTimeoutMs: 0 turns the timeout off', async () => {
    const { broker } = testBroker({ connectTimeoutMs: 0 })
    const c = TestClient.open(broker)
    expect(await c.quiet(200)).toEqual([])
    expect(c.closeInfo).toBeNull()
    await c.connect()
  })
})
