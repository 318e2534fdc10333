import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Header } from '../stomp/frame'
import type { InspectEvent } from '../inspect/events'
import { chatTopic, roomFor } from '../sandbox/room'
import { arbitraryEvents } from './testing/arbitrary-events'
import { capstoneChat as ex } from './capstone-chat'
import { evaluate } from './evaluate'
import { CID, messages, statuses, stomp } from './testing'
import { connected, errorFrames, subscribed } from './testing-sessions'

const room = roomFor(CID)
const topic = chatTopic(room)
const stamp = (sender: string, text: string): Header[] => [['content-type', 'application/json;charset=utf-8'], ['sender', sender], ['room', room], ['server-time', '2026-11-21T12:00:05.000Z']]
const body = (sender: string, text: string) => JSON.stringify({ text, room, sender, time: '2026-11-21T12:00:05.000Z' })

/** A chat message routed by /app/chat.send to every listed connection. */
function chat(from: string, sender: string, text: string, to: readonly string[], headers: Header[] = [['room', room]], sendBody = JSON.stringify({ text })): InspectEvent[] {
  return [
    stomp('in', 'SEND', [['destination', '/app/chat.send'], ...headers], sendBody, from),
    ...to.map((c) => stomp('out', 'MESSAGE', [['destination', topic], ['message-id', 'm-1'], ['subscription', 'sub-0'], ...stamp(sender, text)], body(sender, text), c)),
  ]
}

const bob = [...connected('ws-9', { login: 'bob', 'wirelab-participant': 'bob' }), ...subscribed('ws-9', topic)]
const ada = [...connected('ws-1', { login: 'ada' }), ...subscribed('ws-1', topic)]
const hello = chat('ws-1', 'ada', 'Hi, I am ada', ['ws-1', 'ws-9'])
const bobSays = chat('ws-9', 'bob', 'Hi! Who is here?', ['ws-1', 'ws-9'])
const answer = chat('ws-1', 'ada', 'Hello, bob!', ['ws-1', 'ws-9'])

describe('exercise capstone-chat (lesson 15)', () => {
  it('nothing yet, or only Bob: every step is to do', () => {
    expect(statuses(ex, [])).toEqual(['todo', 'todo', 'todo', 'todo', 'todo'])
    expect(statuses(ex, bob)).toEqual(['todo', 'todo', 'todo', 'todo', 'todo'])
  })

  it('the solution: connect, subscribe, publish via /app, echo stamped, answer Bob by name', () => {
    const verdict = evaluate(ex, [...bob, ...ada, ...hello, ...bobSays, ...answer])
    expect(verdict.done).toBe(true)
    expect(verdict.steps.map((s) => s.message)).toEqual([
      'ws-1 is connected as ada.',
      `Subscribed to ${topic}, your room.`,
      undefined,
      'It came back stamped: sender:ada, server-time:2026-11-21T12:00:05.000Z.',
      'You answered Bob: "Hello, bob!".',
    ])
  })

  it('sending straight to the topic is explained: not stamped', () => {
    const events = [...bob, ...ada, stomp('in', 'SEND', [['destination', topic]], 'hi', 'ws-1')]
    expect(statuses(ex, events)).toEqual(['done', 'done', 'wrong', 'todo', 'todo'])
    expect(messages(ex, events)[2]).toMatch(/^That went straight to `\/topic\/chat\.lab-\w+`: the broker passed your body on untouched, with no sender and no time/)
  })

  it('no room header, a room in the body, another room, a body that is not JSON, no text: each explained', () => {
    const say = (headers: Header[], sendBody: string) => messages(ex, [...ada, ...chat('ws-1', 'ada', 'x', [], headers, sendBody)])[2]
    expect(say([], JSON.stringify({ text: 'hi' }))).toMatch(/no `room` header, so the broker used room "lobby"\. Add it/)
    expect(say([], JSON.stringify({ text: 'hi', room }))).toMatch(/The JSON body has a "room" field, but the broker reads the room from a header/)
    expect(say([['room', 'general']], JSON.stringify({ text: 'hi' }))).toMatch(/`room` header says "general"; your room is "lab-/)
    expect(say([['room', room]], 'hello')).toMatch(/The body `hello` is not a JSON object.*JSON\.stringify\(\{ text \}\)/)
    expect(say([['room', room]], '{"message":"hi"}')).toMatch(/has no "text" string/)
  })

  it('subscribing to another room, a wildcard, the literal "room" or /app: each explained', () => {
    const sub = (d: string) => messages(ex, [...connected('ws-1', { login: 'ada' }), ...subscribed('ws-1', d)])[1]
    expect(sub('/topic/chat.lobby')).toMatch(/You subscribed to `\/topic\/chat\.lobby`, but your room is `lab-/)
    expect(sub('/topic/chat.*')).toMatch(/is a wildcard: it listens to every matching room/)
    expect(sub('/topic/chat.room')).toMatch(/the room literally named "room"/)
    const app = [...connected('ws-1', { login: 'ada' }), stomp('in', 'SUBSCRIBE', [['id', 'sub-0'], ['destination', '/app/chat.send']], '', 'ws-1'), ...errorFrames('ws-1', 'STOMP_ERR_BAD_DESTINATION', 'Unknown destination', 'x')]
    expect(messages(ex, app)[1]).toMatch(/`\/app\/chat\.send` is where you SEND; nothing can subscribe to it/)
  })

  it('logging in as bob, or being refused, is explained at step 1', () => {
    expect(messages(ex, connected('ws-1', { login: 'bob' }))[0]).toMatch(/logged in as `bob`, the name of the page's Bob/)
    const refused = [stomp('in', 'CONNECT', [['accept-version', '1.2']], '', 'ws-1'), ...errorFrames('ws-1', 'STOMP_ERR_BAD_HEART_BEAT', 'Bad heart-beat', 'heart-beat must be…')]
    expect(messages(ex, refused)[0]).toBe('The broker refused the connection: "Bad heart-beat: heart-beat must be…"')
  })

  it('publishing before subscribing: the echo could not come back, and the message says why', () => {
    const events = [...connected('ws-1', { login: 'ada' }), ...chat('ws-1', 'ada', 'hi', []), ...subscribed('ws-1', topic)]
    expect(statuses(ex, events)).toEqual(['done', 'done', 'todo', 'todo', 'todo'])
    expect(messages(ex, events)[2]).toMatch(/went out before your SUBSCRIBE/)
  })

  it('the reply step: waiting for Bob, JSON not parsed, no name, an endless loop', () => {
    const base = [...bob, ...ada, ...hello]
    expect(messages(ex, base)[4]).toMatch(/press "Bob says hi"/)
    expect(messages(ex, [...base, ...bobSays])[4]).toMatch(/Now answer him/)
    expect(messages(ex, [...base, ...bobSays, ...chat('ws-1', 'ada', 'Hello, undefined!', [])])[4]).toMatch(/`message\.body` is a string of JSON, not an object\. Parse it first/)
    expect(messages(ex, [...base, ...bobSays, ...chat('ws-1', 'ada', 'Hello there', [])])[4]).toMatch(/without Bob's name/)
    const loop = Array.from({ length: 25 }, () => chat('ws-1', 'ada', 'Hello, ada!', ['ws-1'])).flat()
    expect(messages(ex, [...base, ...loop])[4]).toMatch(/it is answering its own messages/)
  })

  it('Bob spoke while the learner was not subscribed: said so', () => {
    const events = [...bob, ...ada, ...hello, stomp('in', 'SEND', [['destination', '/app/chat.send'], ['room', room]], '{"text":"hi"}', 'ws-9')]
    expect(messages(ex, events)[4]).toMatch(/Bob spoke, but your client was not subscribed/)
  })

  it('random event sequences never throw, and steps stay in order', () => {
    fc.assert(fc.property(arbitraryEvents, (events) => {
      const s = statuses(ex, events)
      const first = s.findIndex((x) => x !== 'done')
      if (first >= 0) expect(s.slice(first + 1).every((x) => x === 'todo')).toBe(true)
    }), { numRuns: 300 })
  })
})
