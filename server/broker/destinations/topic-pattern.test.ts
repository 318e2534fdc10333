import { describe, expect, it } from 'vitest'
import { isWildcardPattern, topicMatches } from './topic-pattern'
import { resolveDestination } from './resolve'

const m = (pattern: string, name: string): boolean => topicMatches(pattern.split('.'), name.split('.'))

describe('topic patterns (RabbitMQ style)', () => {
  it('* matches exactly one word', () => {
    expect(m('chat.*', 'chat.lobby')).toBe(true)
    expect(m('chat.*', 'chat')).toBe(false)
    expect(m('chat.*', 'chat.a.b')).toBe(false)
    expect(m('*.lobby', 'chat.lobby')).toBe(true)
  })

  it('# matches zero or more words', () => {
    expect(m('chat.#', 'chat')).toBe(true)
    expect(m('chat.#', 'chat.a.b.c')).toBe(true)
    expect(m('#', 'anything.at.all')).toBe(true)
    expect(m('#.end', 'end')).toBe(true)
    expect(m('a.#.z', 'a.z')).toBe(true)
    expect(m('a.#.z', 'a.b.c.z')).toBe(true)
    expect(m('a.#.z', 'a.b.c')).toBe(false)
  })

  it('exact words must be equal; many # stay fast', () => {
    expect(m('chat.lobby', 'chat.lobby')).toBe(true)
    expect(m('chat.lobby', 'chat.other')).toBe(false)
    const long = Array.from({ length: 200 }, (_, i) => `w${i}`).join('.')
    expect(m('#.#.#.#.#.#.#.#.#.#.nope', long)).toBe(false)
  })

  it('isWildcardPattern', () => {
    expect(isWildcardPattern('chat.*')).toBe(true)
    expect(isWildcardPattern('chat.#')).toBe(true)
    expect(isWildcardPattern('chat.lobby*')).toBe(false)
  })
})

describe('resolveDestination (checklist 36)', () => {
  it('knows the destinations Wirelab serves', () => {
    expect(resolveDestination('/topic/a.b')).toEqual({ kind: 'topic', name: 'a.b' })
    expect(resolveDestination('/queue/jobs')).toEqual({ kind: 'queue', name: 'jobs' })
    expect(resolveDestination('/app/chat.send')).toEqual({ kind: 'app', route: 'chat.send' })
    expect(resolveDestination('/user/queue/echo')).toEqual({ kind: 'user', user: null, name: 'echo' })
    expect(resolveDestination('/user/ada/queue/inbox')).toEqual({ kind: 'user', user: 'ada', name: 'inbox' })
  })

  it('refuses everything else', () => {
    for (const d of ['', 'queue/x', '/queue/', '/topic/', '/user/ada', '/user/ada/queue/', '/exchange/x', '/temp-queue/x']) {
      expect(resolveDestination(d)).toBeNull()
    }
  })
})
