import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseBatch, parseEventStream, parsePosted, streamIds } from './feed-body'

describe('parseBatch', () => {
  it('reads a whole poll answer', () => {
    const body = '{"feed":"room-a","cursor":3,"messages":[{"id":2,"text":"hi","at":5,"from":"me"},{"id":3,"text":"yo","at":6}]}\n'
    expect(parseBatch(body)).toEqual({ cursor: 3, complete: true, messages: [{ id: 2, text: 'hi', at: 5, from: 'me' }, { id: 3, text: 'yo', at: 6 }] })
    expect(parseBatch('{"feed":"lobby","cursor":0,"missed":4,"messages":[]}')).toMatchObject({ cursor: 0, missed: 4, messages: [] })
  })

  it('reads what a cut preview holds: the cursor and the whole messages', () => {
    const body = '{"feed":"room-a","cursor":9,"messages":[{"id":8,"text":"a","at":1},{"id":9,"text":"b {x}","at":2},{"id":10,"te'
    expect(parseBatch(body)).toEqual({ cursor: 9, complete: false, messages: [{ id: 8, text: 'a', at: 1 }] })
  })

  it('is null for anything else', () => {
    for (const body of [undefined, '', 'null', '[]', '{"error":"x"}', 'retry: 2000', '{"id":1,"text":"x"}']) expect(parseBatch(body)).toBeNull()
  })
})

describe('parsePosted', () => {
  it('reads the 201 body of a post', () => {
    expect(parsePosted('{"id":7,"text":"hello","at":1,"from":"cid1"}\n')).toEqual({ id: 7, text: 'hello', at: 1, from: 'cid1' })
    expect(parsePosted('{"error":"empty"}')).toBeNull()
    expect(parsePosted('oops')).toBeNull()
  })
})

describe('parseEventStream (HTML Standard §9.2.6)', () => {
  it('reads the lab stream: retry, comments, id/event/data, the cut comment', () => {
    const text = 'retry: 2000\n\n: resuming after id 4 (from the Last-Event-ID header)\n\nid: 5\nevent: message\ndata: {"id":5}\n\nid: 6\nevent: message\ndata: {"id":6}\n\n: cut after 2 events\n\n'
    const view = parseEventStream(text)
    expect(view.retry).toBe(2000)
    expect(view.comments).toEqual(['resuming after id 4 (from the Last-Event-ID header)', 'cut after 2 events'])
    expect(view.events).toEqual([
      { lastEventId: '5', type: 'message', data: '{"id":5}' },
      { lastEventId: '6', type: 'message', data: '{"id":6}' },
    ])
    expect(streamIds(view)).toEqual([5, 6])
    expect(view.lastEventId).toBe('6')
    expect(view.rest).toBe('')
  })

  it('follows the spec on the fine points', () => {
    // CR and CRLF line ends, multi-line data, one leading space only, default type, field without colon
    const view = parseEventStream('data:a\r\ndata:  b\rdata\n\nevent: tick\nid: 1\0x\ndata: c\n\nid: 2\n\nretry: 1s\ndata: d\nid: 3')
    expect(view.events).toEqual([
      { lastEventId: '', type: 'message', data: 'a\n b\n' },
      { lastEventId: '', type: 'tick', data: 'c' },
    ])
    // an id with NUL is ignored; an id-only event updates the last event ID without dispatching
    expect(view.lastEventId).toBe('2')
    expect(view.retry).toBeUndefined()
    // the unfinished last line waits
    expect(view.rest).toBe('id: 3')
    expect(view.lines.at(-1)).toEqual({ kind: 'field', name: 'data', value: 'd' })
  })

  it('never throws and keeps its invariants on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ':', ' ', '\n', '\r', 'i', 'd', 'data', 'id: ', '9', '\0') }), (text) => {
        const view = parseEventStream(text)
        expect(view.events.length).toBeLessThanOrEqual(view.lines.filter((l) => l.kind === 'blank').length)
        expect(text.endsWith(view.rest)).toBe(true)
      }),
    )
    fc.assert(fc.property(fc.string(), (text) => void parseBatch(text)))
  })
})
