import { describe, expect, it } from 'vitest'
import { makeFrame } from './frame'
import { validateFrame } from './validate'

const codes = (f: ReturnType<typeof makeFrame>, version: '1.0' | '1.1' | '1.2' = '1.2') =>
  validateFrame(f, { version, role: 'client' }).map((i) => `${i.severity}:${i.problem.code}`)

describe('validateFrame (the broker’s static checks, shared with the linter)', () => {
  it('checklist 4/5/73: unknown, lower-case and server commands from a client', () => {
    const [send] = validateFrame(makeFrame('send', { destination: '/q' }), { version: '1.2', role: 'client' })
    expect(send.problem.code).toBe('STOMP_ERR_BAD_COMMAND')
    expect(send.replacement).toBe('SEND')
    expect(codes(makeFrame('FOO'))).toEqual(['error:STOMP_ERR_BAD_COMMAND'])
    expect(codes(makeFrame('ERROR'))).toEqual(['error:STOMP_ERR_BAD_COMMAND'])
  })

  it('checklist 55: NACK in 1.0 has its own code', () => {
    expect(codes(makeFrame('NACK', { 'message-id': '1' }), '1.0')).toEqual(['error:STOMP_ERR_NACK_IN_1_0'])
  })

  it('checklist 35/41: missing destination on SEND, missing id on SUBSCRIBE (1.1+ only)', () => {
    expect(codes(makeFrame('SEND'))).toEqual(['error:STOMP_ERR_MISSING_HEADER'])
    const [sub] = validateFrame(makeFrame('SUBSCRIBE', { destination: '/q' }), { version: '1.1', role: 'client' })
    expect(sub.problem.message).toBe('Missing header: id')
    expect(sub.problem.checklist).toEqual([41])
    expect(codes(makeFrame('SUBSCRIBE', { destination: '/q' }), '1.0')).toEqual([])
  })

  it('checklist 24: missing host is only a warning', () => {
    expect(codes(makeFrame('CONNECT', { 'accept-version': '1.2' }))).toEqual(['warning:STOMP_ERR_MISSING_HEADER'])
  })

  it('checklist 28: malformed heart-beat on CONNECT (first occurrence wins)', () => {
    const f = makeFrame('CONNECT', [['accept-version', '1.2'], ['host', 'h'], ['heart-beat', '1000'], ['heart-beat', '0,0']])
    const [i] = validateFrame(f, { version: '1.2', role: 'client' })
    expect(i).toMatchObject({ target: { kind: 'header-value', index: 2 }, replacement: '0,0' })
    expect(i.problem.code).toBe('STOMP_ERR_BAD_HEART_BEAT')
  })

  it('checklist 28: in a 1.0 session a malformed heart-beat is only a warning (1.0 has no heart-beating; the broker ignores it)', () => {
    const f = makeFrame('CONNECT', { 'accept-version': '1.0', host: 'h', 'heart-beat': '10000,100\\00' })
    expect(codes(f, '1.0')).toEqual(['warning:STOMP_ERR_BAD_HEART_BEAT'])
    expect(validateFrame(f, { version: '1.0', role: 'client' })[0].problem.detail).toMatch(/^STOMP 1\.0 has no heart-beating/)
    expect(codes(f, '1.1')).toEqual(['error:STOMP_ERR_BAD_HEART_BEAT'])
  })

  it('checklist 43: ack value checked per version', () => {
    const f = makeFrame('SUBSCRIBE', { id: '0', destination: '/q', ack: 'client-individual' })
    expect(codes(f, '1.2')).toEqual([])
    expect(codes(f, '1.0')).toEqual(['error:STOMP_ERR_BAD_HEADER_VALUE'])
  })

  it('checklist 7: a body on SUBSCRIBE is reported (the broker decides to reject or ignore)', () => {
    expect(codes(makeFrame('SUBSCRIBE', { id: '0', destination: '/q' }, 'x'))).toEqual(['error:STOMP_ERR_BODY_NOT_ALLOWED'])
    expect(codes(makeFrame('SEND', { destination: '/q' }, 'x'))).toEqual([])
  })
})
