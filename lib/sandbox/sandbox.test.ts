import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseChatBody, clockOf } from './chat-message'
import { CHAT_SOLUTION, CHAT_STARTER } from './chat-code'
import { brokerUrlFor, sandboxUrl } from './dial'
import { BODY_LINE_OFFSET, learnerLine } from './error-line'
import { formatArgs, formatValue } from './format-value'
import { parsePageMessage, parseWorkerMessage } from './protocol'
import { chatTopic, roomFor } from './room'

describe('sandbox: console formatting', () => {
  it('prints like a browser console: strings bare at top level, quoted inside values', () => {
    expect(formatArgs(['connected as', 'ada', 42, true, null, undefined])).toBe('connected as ada 42 true null undefined')
    expect(formatArgs([{ text: 'hi', n: [1, 2] }])).toBe('{text: "hi", n: [1, 2]}')
    expect(formatValue(new Error('boom'))).toBe('Error: boom')
    expect(formatValue(() => 1)).toBe('[Function]')
    expect(formatValue(new Map([['a', 1]]))).toBe('Map(1) {"a" => 1}')
    expect(formatValue({ 'content-type': 'x' })).toBe('{"content-type": "x"}')
  })

  it('survives cycles, deep nesting, throwing getters and huge arrays', () => {
    const a: Record<string, unknown> = { name: 'a' }
    a.self = a
    expect(formatValue(a)).toBe('{name: "a", self: [Circular]}')
    expect(formatValue({ x: { y: { z: { w: 1 } } } })).toBe('{x: {y: {z: {…}}}}')
    const bad = Object.defineProperty({}, 'oops', { enumerable: true, get: () => { throw new Error('no') } })
    expect(formatValue(bad)).toBe('{oops: [getter threw]}')
    expect(formatValue(Array.from({ length: 25 }, (_, i) => i))).toMatch(/, … 5 more\]$/)
    class Frame { command = 'MESSAGE' }
    expect(formatValue(new Frame())).toBe('Frame {command: "MESSAGE"}')
    fc.assert(fc.property(fc.anything(), (v) => {
      expect(typeof formatArgs([v])).toBe('string')
    }))
  })
})

describe('sandbox: protocol', () => {
  it('accepts the messages it defines, rejects anything else without throwing', () => {
    expect(parseWorkerMessage({ type: 'console', level: 'warn', text: 'x' })).toEqual({ type: 'console', level: 'warn', text: 'x' })
    expect(parseWorkerMessage({ type: 'error', text: 'TypeError', line: 3 })).toEqual({ type: 'error', text: 'TypeError', line: 3 })
    expect(parseWorkerMessage({ type: 'console', level: 'shout', text: 'x' })).toBeNull()
    expect(parseWorkerMessage({ type: 'flood', frames: 120, seconds: 5 })).toEqual({ type: 'flood', frames: 120, seconds: 5 })
    expect(parseWorkerMessage({ type: 'ready' })).toEqual({ type: 'ready' })
    expect(parsePageMessage({ type: 'run', code: 'x', globals: { brokerURL: 'ws://h/ws/stomp', room: 'r', cid: 'c' } })).not.toBeNull()
    expect(parsePageMessage({ type: 'run', code: 1, globals: {} })).toBeNull()
    expect(parseWorkerMessage({ type: 'console', level: 'log', text: 'y'.repeat(9000) })).toMatchObject({ text: 'y'.repeat(4000) })
    fc.assert(fc.property(fc.anything(), (v) => {
      parseWorkerMessage(v)
      parsePageMessage(v)
    }))
  })
})

describe('sandbox: rooms, URLs, error lines, chat bodies', () => {
  it('one room per tab, always a valid room name', () => {
    expect(roomFor('Xk3f9aQ2mZ')).toBe('lab-Xk3f9a')
    expect(chatTopic(roomFor('Xk3f9aQ2mZ'))).toBe('/topic/chat.lab-Xk3f9a')
    fc.assert(fc.property(fc.string(), (cid) => {
      expect(roomFor(cid)).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    }))
  })

  it('the preset URL and hand-typed Wirelab URLs carry the cid; other URLs are left alone', () => {
    const broker = brokerUrlFor({ protocol: 'http:', host: '127.0.0.1:3000' }, 'abc')
    expect(broker).toBe('ws://127.0.0.1:3000/ws/stomp?cid=abc')
    expect(brokerUrlFor({ protocol: 'https:', host: 'lab.example' }, 'abc')).toBe('wss://lab.example/ws/stomp?cid=abc')
    expect(sandboxUrl(broker, broker, 'abc')).toBe(broker)
    expect(sandboxUrl('ws://127.0.0.1:3000/ws/stomp', broker, 'abc')).toBe('ws://127.0.0.1:3000/ws/stomp?cid=abc')
    expect(sandboxUrl('/ws/stomp', broker, 'abc')).toBe('ws://127.0.0.1:3000/ws/stomp?cid=abc')
    expect(sandboxUrl('ws://127.0.0.1:15674/ws', broker, 'abc')).toBe('ws://127.0.0.1:15674/ws')
    expect(sandboxUrl('not a url at all', 'also bad', 'abc')).toBe('not a url at all')
  })

  it('maps V8 positions in the generated AsyncFunction back to the learner\'s lines', async () => {
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => () => Promise<void>
    const code = 'const a = 1\n\nnull.boom()'
    const error = await new AsyncFunction('Client', code)().catch((e: Error) => e)
    expect(learnerLine(error instanceof Error ? error.stack : '', 3)).toBe(3)
    expect(BODY_LINE_OFFSET).toBe(2)
    expect(learnerLine('at x (file.js:10:2)', 3)).toBeUndefined()
    expect(learnerLine(undefined, 3)).toBeUndefined()
  })

  it('reads stamped chat bodies, and shows anything else as it is', () => {
    expect(parseChatBody('{"text":"hi","room":"r","sender":"ada","time":"2026-11-21T12:00:05.000Z"}')).toEqual({ sender: 'ada', time: '2026-11-21T12:00:05.000Z', text: 'hi', stamped: true })
    expect(parseChatBody('hello', 'ws-3')).toEqual({ sender: 'ws-3', time: '', text: 'hello', stamped: false })
    expect(parseChatBody('{"text":"raw"}')).toMatchObject({ text: 'raw', stamped: false })
    expect(clockOf('2026-11-21T12:00:05.000Z')).toBe('12:00:05')
    fc.assert(fc.property(fc.string(), (body) => {
      parseChatBody(body)
    }))
  })

  it('starter and solution are valid JavaScript for the sandbox\'s function body', () => {
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => unknown
    expect(() => new AsyncFunction('Client', 'brokerURL', 'room', CHAT_STARTER)).not.toThrow()
    expect(() => new AsyncFunction('Client', 'brokerURL', 'room', CHAT_SOLUTION)).not.toThrow()
  })
})
