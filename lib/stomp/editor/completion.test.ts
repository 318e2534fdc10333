import { describe, expect, it } from 'vitest'
import type { StompVersion } from '../frame'
import { completionsAt } from './completion'
import { EMPTY_CONTEXT, placeAt, type EditorCompletionContext } from './place'

const CTX: EditorCompletionContext = {
  version: '1.2',
  destinations: ['/topic/chat.general', '/queue/jobs'],
  subscriptionIds: ['sub-0', 'sub-1'],
  ackIds: ['a-7', 'a-9'],
  transactionIds: ['tx-0'],
}

/** Completes at the `|` in `doc`. */
function at(doc: string, version: StompVersion = '1.2', ctx: EditorCompletionContext = CTX) {
  const before = doc.slice(0, doc.indexOf('|')).split('\n')
  const text = doc.replace('|', '')
  return completionsAt(text, before.length, before[before.length - 1].length + 1, version, ctx)
}
const labels = (items: ReturnType<typeof at>) => items.map((i) => i.label)

describe('frame editor completion', () => {
  it('on an empty document: the client commands of the version, then a template per frame', () => {
    const items = at('|')
    expect(labels(items.filter((i) => i.kind === 'command'))).toEqual(['CONNECT', 'STOMP', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'NACK', 'BEGIN', 'COMMIT', 'ABORT', 'DISCONNECT'])
    expect(items.filter((i) => i.kind === 'snippet')).toHaveLength(11)
    expect(items.every((i) => i.range.startLine === 1 && i.range.startColumn === 1)).toBe(true)
  })

  it('checklist 55: no NACK (command or template) in 1.0; no server commands in any version', () => {
    const l = labels(at('|', '1.0'))
    expect(l).not.toContain('NACK')
    expect(l).not.toContain('NACK frame')
    expect(l).not.toContain('MESSAGE')
  })

  it('after a frame ends, the next line offers commands again; the typed prefix is replaced', () => {
    const items = at('DISCONNECT\n\n^@\nSUB|')
    expect(items[0].range).toEqual({ startLine: 4, startColumn: 1, endLine: 4, endColumn: 4 })
    expect(labels(items)).toContain('SUBSCRIBE')
  })

  it('checklist 41: SUBSCRIBE headers in 1.2 — id and destination (required) first, then ack and receipt', () => {
    const items = at('SUBSCRIBE\n|')
    expect(labels(items)).toEqual(['id', 'destination', 'ack', 'receipt'])
    expect(items[0]).toMatchObject({ detail: 'required in SUBSCRIBE (1.2)', insertText: 'id:', retrigger: true })
    expect(items[2].detail).toBe('optional')
    expect(items[1].documentation).toContain('stomp-specification-1.2.html')
  })

  it('checklist 41: in 1.0 only destination is required for SUBSCRIBE', () => {
    const items = at('SUBSCRIBE\n|', '1.0')
    expect(items.filter((i) => i.detail.startsWith('required')).map((i) => i.label)).toEqual(['destination'])
  })

  it('headers already written are not offered again; a name before an existing colon is replaced without adding one', () => {
    expect(labels(at('SUBSCRIBE\nid:sub-3\n|\ndestination:/q\n\n^@'))).toEqual(['ack', 'receipt'])
    const items = at('SEND\ndest|:/q')
    expect(items[0]).toMatchObject({ label: 'destination', insertText: 'destination', retrigger: false })
    expect(items[0].range).toEqual({ startLine: 2, startColumn: 1, endLine: 2, endColumn: 5 })
  })

  it('checklist 54, 55: ACK headers per version (1.2 id; 1.1 message-id + subscription; 1.0 message-id)', () => {
    expect(labels(at('ACK\n|', '1.2')).slice(0, 1)).toEqual(['id'])
    expect(labels(at('ACK\n|', '1.1')).slice(0, 2)).toEqual(['message-id', 'subscription'])
    expect(labels(at('ACK\n|', '1.0'))).toEqual(['message-id', 'transaction', 'receipt'])
  })

  it('checklist 43: ack values are the version\'s modes (no client-individual in 1.0)', () => {
    expect(labels(at('SUBSCRIBE\nack:|'))).toEqual(['auto', 'client', 'client-individual'])
    expect(labels(at('SUBSCRIBE\nack:|', '1.0'))).toEqual(['auto', 'client'])
  })

  it('destinations: those seen on the broker (newest first), then examples; the value range is replaced', () => {
    const items = at('SEND\ndestination:/qu|eue')
    expect(labels(items)).toEqual(['/queue/jobs', '/topic/chat.general', '/topic/greetings', '/queue/demo'])
    expect(items[0].range).toEqual({ startLine: 2, startColumn: 13, endLine: 2, endColumn: 19 })
    expect(items[0].detail).toBe('seen on the broker')
  })

  it('checklist 14: a value with a colon is offered escaped (\\c) in 1.2, raw in 1.0 and in CONNECT', () => {
    const ctx = { ...CTX, destinations: ['jms:queue:x'] }
    expect(labels(at('SEND\ndestination:|', '1.2', ctx))[0]).toBe('jms\\cqueue\\cx')
    expect(labels(at('SEND\ndestination:|', '1.0', ctx))[0]).toBe('jms:queue:x')
  })

  it('ids: a fresh id for SUBSCRIBE (not used by the client nor the document); your subscriptions for UNSUBSCRIBE', () => {
    expect(labels(at('SUBSCRIBE\nid:sub-2\n\n^@\nSUBSCRIBE\nid:|'))).toEqual(['sub-3'])
    expect(labels(at('UNSUBSCRIBE\nid:|'))).toEqual(['sub-1', 'sub-0'])
  })

  it('checklist 54: ACK/NACK ids are the ack ids of received messages (1.2 id, 1.1 message-id)', () => {
    expect(labels(at('ACK\nid:|'))).toEqual(['a-9', 'a-7'])
    expect(labels(at('NACK\nmessage-id:|', '1.1'))).toEqual(['a-9', 'a-7'])
    expect(labels(at('ACK\nsubscription:|', '1.1'))).toEqual(['sub-1', 'sub-0'])
  })

  it('transactions: BEGIN gets a fresh id, COMMIT/ABORT/SEND the open ones', () => {
    expect(labels(at('BEGIN\ntransaction:|'))).toEqual(['tx-1'])
    expect(labels(at('COMMIT\ntransaction:|'))).toEqual(['tx-0'])
    expect(labels(at('SEND\ntransaction:|'))).toEqual(['tx-0'])
  })

  it('checklist 8: content-length offers the body\'s UTF-8 octet count', () => {
    expect(labels(at('SEND\ndestination:/q\ncontent-length:|\n\nhé!\n^@'))).toEqual(['4'])
  })

  it('nothing is offered inside a body; unknown headers have no values', () => {
    expect(at('SEND\ndestination:/q\n\nhel|lo\n^@')).toEqual([])
    expect(at('SEND\nx-custom:|')).toEqual([])
  })

  it('with an empty context the editor still offers examples', () => {
    expect(labels(at('SUBSCRIBE\ndestination:|', '1.2', EMPTY_CONTEXT))).toEqual(['/topic/greetings', '/queue/demo'])
    expect(labels(at('UNSUBSCRIBE\nid:|', '1.2', EMPTY_CONTEXT))).toEqual([])
  })

  it('placeAt reads the headers of the frame around the cursor, not of other frames', () => {
    const doc = 'SEND\ndestination:/a\n\n^@\nSEND\ncontent-type:text/plain\n\nbody\n^@'
    const p = placeAt(doc, 6, 3, '1.2')
    expect(p).toMatchObject({ kind: 'header-name', command: 'SEND', present: [], frameStart: 5 })
    expect(placeAt(doc, 8, 2, '1.2')).toMatchObject({ kind: 'body', command: 'SEND', frameStart: 5 })
  })
})
