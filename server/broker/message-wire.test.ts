import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { serializeFrame, StompEncodeError } from '../../lib/stomp/serializer'
import type { Header, StompVersion } from '../../lib/stomp/frame'
import { createMessage, asRedelivered, messageFrame } from './message'
import { messageBytes } from './message-wire'

const text = fc.string({ unit: fc.constantFrom('a', 'b', ':', '\\', '\n', '\r', 'é', ' ', '-'), maxLength: 8 })
const header = fc.tuple(text.filter((n) => n.length > 0), text)
const version = fc.constantFrom<StompVersion>('1.0', '1.1', '1.2')

describe('MESSAGE fast path (checklist 14, 16, 53)', () => {
  it('produces exactly serializeFrame(messageFrame(…)) for every version, escape and target', () => {
    fc.assert(
      fc.property(
        text, fc.array(header, { maxLength: 5 }), fc.uint8Array({ maxLength: 20 }), version,
        fc.option(text, { nil: null }), fc.option(fc.constant('ack-1'), { nil: null }), fc.boolean(),
        (destination, headers, body, v, subscriptionId, ackId, redelivered) => {
          const base = createMessage('m-1', `/topic/${destination}`, headers as Header[], body, 'c')
          const message = redelivered ? asRedelivered(base) : base
          const target = { subscriptionId, ack: ackId === null ? 'auto' as const : 'client' as const, ackId }
          const fast = messageBytes(message, target, v)
          const frame = messageFrame(message, target, v)
          if (fast === null) {
            expect(() => serializeFrame(frame, v)).toThrow(StompEncodeError)
          } else {
            expect([...fast]).toEqual([...serializeFrame(frame, v)])
            // twice: the cached part gives the same bytes
            expect([...(messageBytes(message, target, v) as Uint8Array)]).toEqual([...fast])
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('MESSAGE fast path, one message to many receivers', () => {
  const target = fc.record({
    subscriptionId: fc.option(fc.constantFrom('sub-0', 'sub-1', 'a:b', 'x\ny', 's\r'), { nil: null }),
    ackId: fc.option(fc.constantFrom('ack-1', 'ack-2'), { nil: null }),
    version,
  })

  it('every receiver, in any order, gets exactly its serializeFrame bytes (shared bytes never leak to another target)', () => {
    fc.assert(
      fc.property(text, fc.uint8Array({ maxLength: 20 }), fc.boolean(), fc.array(target, { minLength: 1, maxLength: 30 }), (destination, body, redelivered, targets) => {
        const base = createMessage('m-7', `/topic/${destination}`, [['k', 'v']], body, 'c')
        const message = redelivered ? asRedelivered(base) : base
        for (const t of targets) {
          const full = { subscriptionId: t.subscriptionId, ack: t.ackId === null ? 'auto' as const : 'client' as const, ackId: t.ackId }
          const fast = messageBytes(message, full, t.version)
          const frame = messageFrame(message, full, t.version)
          if (fast === null) expect(() => serializeFrame(frame, t.version)).toThrow(StompEncodeError)
          else expect([...fast]).toEqual([...serializeFrame(frame, t.version)])
        }
      }),
      { numRuns: 300 },
    )
  })
})
