import { describe, expect, it } from 'vitest'
import { browserMayClose, closeCodeInfo, describeClose } from './close-codes'

describe('close codes (RFC 6455 §7.4)', () => {
  it('names every code from 1000 to 1015', () => {
    const names = Array.from({ length: 16 }, (_, i) => closeCodeInfo(1000 + i).name)
    expect(names).toEqual([
      'Normal Closure', 'Going Away', 'Protocol Error', 'Unsupported Data', 'Reserved', 'No Status Received',
      'Abnormal Closure', 'Invalid Frame Payload Data', 'Policy Violation', 'Message Too Big', 'Mandatory Extension',
      'Internal Error', 'Service Restart', 'Try Again Later', 'Bad Gateway', 'TLS Handshake',
    ])
  })

  it('marks 1005, 1006 and 1015 as reported locally, never sent', () => {
    expect([1000, 1005, 1006, 1011, 1015].filter((c) => closeCodeInfo(c).localOnly)).toEqual([1005, 1006, 1015])
    expect(closeCodeInfo(1006).meaning).toMatch(/without a close frame/)
  })

  it('tells the reserved, library, application and invalid ranges apart', () => {
    expect(closeCodeInfo(2000).range).toBe('reserved')
    expect(closeCodeInfo(1004).range).toBe('reserved')
    expect(closeCodeInfo(3001).range).toBe('library')
    expect(closeCodeInfo(4000).range).toBe('application')
    expect(closeCodeInfo(4999).range).toBe('application')
    expect(closeCodeInfo(4999).meaning).toMatch(/application/)
    expect(closeCodeInfo(5000).range).toBe('invalid')
    expect(closeCodeInfo(999).range).toBe('invalid')
  })

  it('describes a close with its reason for the status line', () => {
    expect(describeClose(1000, '')).toBe(`1000 Normal Closure — ${closeCodeInfo(1000).meaning}`)
    expect(describeClose(4001, 'bye')).toMatch(/^4001 Application — .* Reason: “bye”\.$/)
  })

  it('knows which codes a browser script may close with (1000, 3000-4999)', () => {
    expect([1000, 1001, 1006, 2999, 3000, 4999, 5000].map(browserMayClose)).toEqual([true, false, false, false, true, true, false])
  })
})
