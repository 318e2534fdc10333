import { describe, expect, it } from 'vitest'
import { STOMP_VERSIONS } from '../frame'
import { lintFrames } from '../linter'
import { EMPTY_CONTEXT } from './place'
import { snippetFor, snippetsFor } from './snippets'

describe('frame templates', () => {
  it('one template per client frame of each version, and every filled-in template lints clean', () => {
    for (const v of STOMP_VERSIONS) {
      const snippets = snippetsFor(v, { ...EMPTY_CONTEXT, version: v })
      expect(snippets.map((s) => s.command)).toEqual(v === '1.0'
        ? ['CONNECT', 'STOMP', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'BEGIN', 'COMMIT', 'ABORT', 'DISCONNECT']
        : ['CONNECT', 'STOMP', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'NACK', 'BEGIN', 'COMMIT', 'ABORT', 'DISCONNECT'])
      for (const s of snippets) expect(lintFrames(s.text, { version: v, role: 'client' }), `${v} ${s.command}`).toEqual([])
    }
  })

  it('snippets have tab stops and choices and end with ^@ and the final cursor', () => {
    const s = snippetFor('SUBSCRIBE', '1.2', EMPTY_CONTEXT)
    expect(s.body).toBe('SUBSCRIBE\nid:${1:sub-0}\ndestination:${2:/topic/greetings}\nack:${3|auto,client,client-individual|}\n\n^@\n$0')
    expect(s.text).toBe('SUBSCRIBE\nid:sub-0\ndestination:/topic/greetings\nack:auto\n\n^@')
    expect(snippetFor('SEND', '1.2', EMPTY_CONTEXT).body).toContain('\n\n${3:hello}\n^@')
  })

  it('templates are filled from the client: newest destination, fresh subscription id, last ack id, open transaction', () => {
    const ctx = { version: '1.2' as const, destinations: ['/queue/a', '/topic/b'], subscriptionIds: ['sub-0'], ackIds: ['m-3'], transactionIds: ['tx-4'] }
    expect(snippetFor('SUBSCRIBE', '1.2', ctx).text).toContain('id:sub-1\ndestination:/topic/b')
    expect(snippetFor('ACK', '1.2', ctx).text).toBe('ACK\nid:m-3\n\n^@')
    expect(snippetFor('ACK', '1.1', ctx).text).toBe('ACK\nmessage-id:m-3\nsubscription:sub-0\n\n^@')
    expect(snippetFor('COMMIT', '1.2', ctx).text).toBe('COMMIT\ntransaction:tx-4\n\n^@')
    expect(snippetFor('BEGIN', '1.2', ctx).text).toBe('BEGIN\ntransaction:tx-0\n\n^@')
  })

  it('checklist 14: values are escaped for the frame, and snippet syntax characters are escaped too', () => {
    const ctx = { ...EMPTY_CONTEXT, destinations: ['/q/$a:b}'] }
    const s = snippetFor('SEND', '1.2', ctx)
    expect(s.text).toContain('destination:/q/$a\\cb}')
    expect(s.body).toContain('destination:${1:/q/\\$a\\\\cb\\}}')
  })
})
