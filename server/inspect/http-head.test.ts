import { describe, expect, it } from 'vitest'
import { clientIdFromUrl } from './client-id'
import { headerValue, ResponseHeadReader } from './http-head'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('ResponseHeadReader', () => {
  const head = 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n'
  it('reads the head across writes split anywhere and hands back the octets after it', () => {
    const wire = Uint8Array.from([...bytes(head), 0x81, 0x02, 0x68, 0x69])
    for (let at = 1; at < wire.length; at++) {
      const reader = new ResponseHeadReader()
      const first = reader.push(wire.slice(0, at))
      const result = first.kind === 'head' ? first : reader.push(wire.slice(at))
      if (result.kind !== 'head') throw new Error(`split at ${at}: ${result.kind}`)
      // what follows the head: the rest of the write that completed it, then later writes
      const after = first.kind === 'head' ? [...result.rest, ...wire.slice(at)] : [...result.rest]
      expect(result.head.statusLine).toBe('HTTP/1.1 101 Switching Protocols')
      expect(result.head.status).toBe(101)
      expect(headerValue(result.head.headers, 'sec-websocket-accept')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=')
      expect(after).toEqual([0x81, 2, 0x68, 0x69])
    }
  })
  it('gives up on a head that never ends', () => {
    const reader = new ResponseHeadReader()
    expect(reader.push(new Uint8Array(20_000).fill(65)).kind).toBe('error')
  })
})

describe('clientIdFromUrl', () => {
  it('takes a valid cid from the query, ignores anything else', () => {
    expect(clientIdFromUrl('/ws/stomp?cid=Xk3_p9QaZ1')).toBe('Xk3_p9QaZ1')
    expect(clientIdFromUrl('/sockjs/stomp/000/abc/xhr?tag=1&cid=a-b#frag')).toBe('a-b')
    expect(clientIdFromUrl('/ws/stomp?cid=%3Cscript%3E')).toBeUndefined()
    expect(clientIdFromUrl('/ws/stomp?cid=')).toBeUndefined()
    expect(clientIdFromUrl('/ws/stomp')).toBeUndefined()
    expect(clientIdFromUrl(`/ws/stomp?cid=${'a'.repeat(65)}`)).toBeUndefined()
  })
})
