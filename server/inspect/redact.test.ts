import { describe, expect, it } from 'vitest'
import type { InspectEvent } from '../../lib/inspect/events'
import { REDACTED, redactSecrets } from './redact'

const base = { t: 1, conn: 'ws-1', client: 'tab' } as const

describe('redactSecrets', () => {
  it('hides the passcode of a CONNECT frame: header and raw octets (LF or CRLF)', () => {
    const event: InspectEvent = {
      ...base, type: 'stomp.frame', dir: 'in', command: 'CONNECT',
      headers: [['accept-version', '1.2'], ['login', 'alice'], ['passcode', 'secret']],
      bodyLength: 0, bodyPreview: '', wireBytes: 60, raw: 'CONNECT\r\nlogin:alice\r\npasscode:secret\r\n\r\n\0',
    }
    const shown = redactSecrets(event)
    expect(shown).toMatchObject({
      headers: [['accept-version', '1.2'], ['login', 'alice'], ['passcode', REDACTED]],
      raw: `CONNECT\r\nlogin:alice\r\npasscode:${REDACTED}\r\n\r\n\0`,
    })
    expect(JSON.stringify(shown)).not.toContain('secret')
    expect(event.type === 'stomp.frame' && event.headers[2][1]).toBe('secret') // the original is untouched
  })

  it('hides it inside WebSocket and SockJS payload previews', () => {
    const ws: InspectEvent = {
      ...base, type: 'ws.frame', dir: 'in', fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, masked: true,
      maskKey: '01020304', payloadLength: 40, headerBytes: 6, headerHex: '', preview: 'CONNECT\npasscode:s3cr:et\nlogin:a\n\n\0',
      previewEncoding: 'text', truncated: false,
    }
    expect(redactSecrets(ws)).toMatchObject({ preview: `CONNECT\npasscode:${REDACTED}\nlogin:a\n\n\0` })
    const sockjs: InspectEvent = {
      ...base, type: 'sockjs.frame', dir: 'in', transport: 'xhr_send', kind: 'm', bytes: 50,
      preview: '["CONNECT\\npasscode:hunter2\\n\\n\\u0000"]',
    }
    expect(redactSecrets(sockjs)).toMatchObject({ preview: `["CONNECT\\npasscode:${REDACTED}\\n\\n\\u0000"]` })
  })

  it('hides HTTP credentials in handshakes, and leaves other events as they are (same object)', () => {
    const hs: InspectEvent = {
      ...base, type: 'ws.handshake', path: '/ws/stomp', requestLine: 'GET /ws/stomp HTTP/1.1',
      requestHeaders: [['Host', 'x'], ['Cookie', 'session=abc'], ['authorization', 'Basic eA==']], key: 'k', accept: 'a',
      protocol: null, extensions: null, statusLine: 'HTTP/1.1 101 Switching Protocols', responseHeaders: [['Upgrade', 'websocket']],
    }
    const shown = redactSecrets(hs)
    expect(shown.type === 'ws.handshake' && shown.requestHeaders).toEqual([['Host', 'x'], ['Cookie', REDACTED], ['authorization', REDACTED]])
    expect(shown.type === 'ws.handshake' && shown.responseHeaders).toBe(hs.responseHeaders)
    const plain: InspectEvent = { ...base, type: 'stomp.heartbeat', dir: 'out', bytes: 1 }
    expect(redactSecrets(plain)).toBe(plain)
    const send: InspectEvent = { ...base, type: 'stomp.frame', dir: 'in', command: 'SEND', headers: [['destination', '/q']], bodyLength: 0, bodyPreview: '', wireBytes: 9, raw: 'SEND\n\n\0' }
    expect(redactSecrets(send)).toBe(send)
  })
})
