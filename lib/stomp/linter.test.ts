import { describe, expect, it } from 'vitest'
import type { StompVersion } from './frame'
import { lintFrames } from './linter'
import { applyEdits, type Diagnostic } from './lint-types'
import { documentToWire, splitDocument } from './linter-document'
import { StompParser } from './parser'
import { LIMITS } from './test-helpers'

const lint = (doc: string, version: StompVersion = '1.2') => lintFrames(doc, { version, role: 'client' })
const only = (doc: string, version: StompVersion = '1.2'): Diagnostic => {
  const d = lint(doc, version)
  expect(d).toHaveLength(1)
  return d[0]
}
/** Applies the diagnostic's quick fix and returns the new text, which must lint clean. */
const fixed = (doc: string, d: Diagnostic, version: StompVersion = '1.2'): string => {
  expect(d.fix).toBeDefined()
  const out = applyEdits(doc, d.fix?.edits ?? [])
  expect(lint(out, version)).toEqual([])
  return out
}
const range = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({ startLine, startColumn, endLine, endColumn })

const CLEAN = [
  'CONNECT', 'accept-version:1.2', 'host:localhost', 'heart-beat:10000,10000', '', '^@',
  'SUBSCRIBE', 'id:sub-0', 'destination:/topic/greetings', 'ack:client-individual', '', '^@',
  '', // blank lines between frames are fine (heart-beats)
  'SEND', 'destination:/topic/greetings', 'content-type:text/plain', 'content-length:5', '', 'hello', '^@',
  'DISCONNECT', 'receipt:77', '', '^@',
].join('\n')

describe('linter', () => {
  it('a correct session document has no diagnostics (LF and CRLF)', () => {
    expect(lint(CLEAN)).toEqual([])
    expect(lint(CLEAN.replace(/\n/g, '\r\n'))).toEqual([])
    expect(splitDocument(CLEAN).map((f) => f.command.text)).toEqual(['CONNECT', 'SUBSCRIBE', 'SEND', 'DISCONNECT'])
  })

  it('checklist 4: `send` is an unknown command; the fix suggests SEND', () => {
    const doc = 'send\ndestination:/q\n\nhi\n^@'
    const d = only(doc)
    expect(d).toMatchObject({ code: 'STOMP_ERR_BAD_COMMAND', severity: 'error', range: range(1, 1, 1, 5), checklist: [4, 5, 73] })
    expect(d.message).toBe('Unknown command: "send"')
    expect(fixed(doc, d)).toBe('SEND\ndestination:/q\n\nhi\n^@')
  })

  it('checklist 5: SUBCRIBE → did you mean SUBSCRIBE; FOO has no suggestion', () => {
    const doc = 'SUBCRIBE\nid:0\ndestination:/q\n\n^@'
    expect(only(doc).detail).toContain('did you mean SUBSCRIBE?')
    fixed(doc, only(doc))
    expect(only('FOO\n\n^@').fix).toBeUndefined()
  })

  it('checklist 73: a client cannot send server frames', () => {
    const d = only('MESSAGE\ndestination:/q\nmessage-id:1\nsubscription:0\n\n^@')
    expect(d.code).toBe('STOMP_ERR_BAD_COMMAND')
    expect(d.detail).toContain('only a server sends')
  })

  it('checklist 41: SUBSCRIBE without id in 1.2 → missing header on the command line; the fix adds id (1.0: fine)', () => {
    const doc = 'SUBSCRIBE\ndestination:/topic/greetings\n\n^@'
    const d = only(doc)
    expect(d).toMatchObject({ code: 'STOMP_ERR_MISSING_HEADER', severity: 'error', message: 'Missing header: id', range: range(1, 1, 1, 10), checklist: [41] })
    expect(fixed(doc, d)).toBe('SUBSCRIBE\ndestination:/topic/greetings\nid:sub-0\n\n^@')
    expect(lint(doc, '1.0')).toEqual([])
  })

  it('checklist 55: 1.1 ACK without message-id and subscription → two diagnostics whose fixes together lint clean', () => {
    const doc = 'ACK\n\n^@'
    const ds = lint(doc, '1.1')
    expect(ds.map((d) => d.message)).toEqual(['Missing header: message-id', 'Missing header: subscription'])
    expect(lint(applyEdits(doc, ds.flatMap((d) => d.fix?.edits ?? [])), '1.1')).toEqual([])
  })

  it('checklist 48: 1.0 UNSUBSCRIBE needs id or destination', () => {
    expect(only('UNSUBSCRIBE\n\n^@', '1.0').message).toBe('Missing header: id or destination')
    expect(lint('UNSUBSCRIBE\ndestination:/q\n\n^@', '1.0')).toEqual([])
  })

  it('checklist 24: CONNECT without host is a warning (tolerated); the fix adds host', () => {
    const doc = 'CONNECT\naccept-version:1.2\n\n^@'
    const d = only(doc)
    expect(d).toMatchObject({ code: 'STOMP_LINT_HOST_MISSING', severity: 'warning', checklist: [24] })
    fixed(doc, d)
  })

  it('checklist 13: undefined escape \\t → error on the two characters; the fix escapes the backslash', () => {
    const doc = 'SEND\ndestination:/q\nfoo:bar\\tbaz\n\n^@'
    const d = only(doc)
    expect(d).toMatchObject({ code: 'STOMP_ERR_BAD_ESCAPE', range: range(3, 8, 3, 10), message: 'Undefined escape sequence: \\t' })
    expect(fixed(doc, d)).toContain('foo:bar\\\\tbaz')
  })

  it('checklist 13: \\r is undefined in 1.1 but fine in 1.2', () => {
    const doc = 'SEND\ndestination:/q\nk:a\\rb\n\n^@'
    expect(only(doc, '1.1').code).toBe('STOMP_ERR_BAD_ESCAPE')
    expect(lint(doc, '1.2')).toEqual([])
  })

  it('checklist 6/12: unescaped colons in a 1.2 value → warning on the value; the fix writes \\c (1.0 and CONNECT: fine)', () => {
    const doc = 'SEND\ndestination:/q\nurl:http://x:80/\n\n^@'
    const d = only(doc)
    expect(d).toMatchObject({ code: 'STOMP_LINT_UNESCAPED_COLON', severity: 'warning', range: range(3, 5, 3, 17) })
    expect(fixed(doc, d)).toContain('url:http\\c//x\\c80/')
    expect(lint(doc, '1.0')).toEqual([])
    expect(lint('CONNECT\naccept-version:1.2\nhost:localhost\nlogin:a:b\n\n^@')).toEqual([])
  })

  it('checklist 15/16: escape-looking text in CONNECT or a 1.0 session is sent literally (info)', () => {
    const d = only('CONNECT\naccept-version:1.2\nhost:localhost\npasscode:a\\cb\n\n^@')
    expect(d).toMatchObject({ code: 'STOMP_LINT_LITERAL_BACKSLASH', severity: 'info', checklist: [15] })
    expect(only('SEND\ndestination:/q\nk:C\\new\n\n^@', '1.0').checklist).toEqual([16])
  })

  it('checklist 28: malformed heart-beat → error on the value; the fix uses 0,0', () => {
    const doc = 'CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:10s,5s\n\n^@'
    const d = only(doc)
    expect(d).toMatchObject({ code: 'STOMP_ERR_BAD_HEART_BEAT', range: range(4, 12, 4, 18) })
    expect(fixed(doc, d)).toContain('heart-beat:0,0')
  })

  it('checklist 8: content-length that does not match the body (UTF-8 octets) → error; the fix sets it', () => {
    const doc = 'SEND\ndestination:/q\ncontent-length:5\n\nhéllo\n^@'
    const d = only(doc)
    expect(d).toMatchObject({ code: 'STOMP_LINT_CONTENT_LENGTH_MISMATCH', range: range(3, 16, 3, 17) })
    expect(d.detail).toContain('STOMP_ERR_MISSING_NULL')
    expect(fixed(doc, d)).toContain('content-length:6')
    const bad = 'SEND\ndestination:/q\ncontent-length:five\n\nhello\n^@'
    expect(only(bad).code).toBe('STOMP_ERR_BAD_CONTENT_LENGTH')
    fixed(bad, only(bad))
  })

  it('checklist 7: body on SUBSCRIBE → error on the body; the fix removes it', () => {
    const doc = 'SUBSCRIBE\nid:0\ndestination:/q\n\nnot allowed\nhere\n^@'
    const d = only(doc)
    expect(d).toMatchObject({ code: 'STOMP_ERR_BODY_NOT_ALLOWED', range: range(5, 1, 6, 5) })
    expect(fixed(doc, d)).toBe('SUBSCRIBE\nid:0\ndestination:/q\n\n^@')
  })

  it('checklist 43: invalid ack value → error with the closest valid value as fix; client-individual is invalid in 1.0', () => {
    const doc = 'SUBSCRIBE\nid:0\ndestination:/q\nack:client_individual\n\n^@'
    const d = only(doc)
    expect(d).toMatchObject({ code: 'STOMP_ERR_BAD_HEADER_VALUE', range: range(4, 5, 4, 22) })
    expect(fixed(doc, d)).toContain('ack:client-individual')
    const d10 = only('SUBSCRIBE\ndestination:/q\nack:client-individual\n\n^@', '1.0')
    expect(d10.detail).toContain('auto, client')
  })

  it('checklist 55: NACK in a 1.0 session', () => {
    expect(only('NACK\nmessage-id:1\n\n^@', '1.0')).toMatchObject({ code: 'STOMP_ERR_NACK_IN_1_0', range: range(1, 1, 1, 5) })
  })

  it('checklist 18: repeated header → info on the later line (first wins); the fix removes it', () => {
    const doc = 'SEND\ndestination:/a\ndestination:/b\n\n^@'
    const d = only(doc)
    expect(d).toMatchObject({ code: 'STOMP_LINT_REPEATED_HEADER', severity: 'info', range: range(3, 1, 3, 15) })
    expect(fixed(doc, d)).toBe('SEND\ndestination:/a\n\n^@')
  })

  it('checklist 10: spaces are part of names and values in 1.1/1.2', () => {
    const d = lint('SEND\ndestination :/q\n\n^@')
    expect(d.map((x) => x.code)).toEqual(['STOMP_LINT_HEADER_SPACE', 'STOMP_ERR_MISSING_HEADER'])
    fixed('SEND\ndestination :/q\n\n^@', d[0])
    expect(only('SEND\ndestination: /q\n\n^@')).toMatchObject({ code: 'STOMP_LINT_HEADER_SPACE', severity: 'info' })
    expect(lint('SEND\ndestination: /q\n\n^@', '1.0')).toEqual([])
  })

  it('checklist 6: header line without colon → error; in SEND the fix starts the body there', () => {
    const doc = 'SEND\ndestination:/q\nhello\n^@'
    const d = lint(doc)[0]
    expect(d).toMatchObject({ code: 'STOMP_ERR_HEADER_NO_COLON', range: range(3, 1, 3, 6) })
    expect(fixed(doc, d)).toBe('SEND\ndestination:/q\n\nhello\n^@')
    expect(lint(':v\n\n^@').map((x) => x.code)).toContain('STOMP_ERR_BAD_COMMAND')
    expect(lint('SEND\n:v\ndestination:/q\n\n^@').map((x) => x.code)).toEqual(['STOMP_ERR_EMPTY_HEADER_NAME'])
  })

  it('checklist 1: ^@ before the empty line → error; the fix inserts it (own line, end of a header, command line)', () => {
    for (const doc of ['DISCONNECT\nreceipt:1\n^@', 'DISCONNECT\nreceipt:1^@', 'DISCONNECT^@']) {
      const d = only(doc)
      expect(d.code).toBe('STOMP_LINT_NO_BLANK_LINE')
      fixed(doc, d)
    }
  })

  it('checklist 1: unterminated last frame → warning at the end; the fix adds ^@ as needed', () => {
    for (const doc of ['SEND\ndestination:/q\n\nhello', 'SEND\ndestination:/q\n\nhello\n', 'DISCONNECT\n', 'DISCONNECT\n\n', 'DISCONNECT\nreceipt:1']) {
      const d = only(doc)
      expect(d).toMatchObject({ code: 'STOMP_LINT_MISSING_NUL', severity: 'warning' })
      fixed(doc, d)
    }
  })

  it('ranges point into the right frame of a multi-frame document', () => {
    const d = only(`${CLEAN}\nSUBSCRIBE\ndestination:/q\n\n^@`)
    expect(d.range).toEqual(range(25, 1, 25, 10))
  })

  it('the broker and the editor agree: a parse error of the sent octets is among the linter diagnostics', () => {
    const broken = [
      'SEND\ndestination:/q\nfoo:bar\\tbaz\n\n^@',
      'SEND\ndestination:/q\nno colon here\n\n^@',
      'SEND\ndestination:/q\ncontent-length:x\n\nhi\n^@',
      'SEND\n:empty\n\n^@',
    ]
    for (const doc of broken) {
      const ev = new StompParser({ ...LIMITS, version: '1.2' }).push(documentToWire(doc))
      const parseCodes = ev.flatMap((e) => (e.type === 'error' ? [e.problem.code] : []))
      expect(parseCodes).toHaveLength(1)
      const lintDiag = lint(doc).find((x) => x.code === parseCodes[0])
      expect(lintDiag).toBeDefined()
      const pe = ev.find((e) => e.type === 'error')
      if (pe?.type === 'error') expect(lintDiag?.message).toBe(pe.problem.message)
    }
    // content-length too small: the linter's mismatch is the parser's missing NUL
    const short = 'SEND\ndestination:/q\ncontent-length:1\n\nhi\n^@'
    const ev = new StompParser({ ...LIMITS, version: '1.2' }).push(documentToWire(short))
    expect(ev.map((e) => (e.type === 'error' ? e.problem.code : e.type))).toEqual(['STOMP_ERR_MISSING_NULL'])
    expect(only(short).code).toBe('STOMP_LINT_CONTENT_LENGTH_MISMATCH')
  })

  it('documentToWire sends exactly what the convention says (body without the line break before ^@)', () => {
    const wire = new TextDecoder().decode(documentToWire('\nSEND\r\ndestination:/q\r\n\r\nline1\r\nline2\r\n^@\nDISCONNECT\n\n^@'))
    expect(wire).toBe('SEND\r\ndestination:/q\r\n\r\nline1\r\nline2\u0000DISCONNECT\n\n\u0000')
  })
})

describe('linter robustness', () => {
  it('never throws on arbitrary text; every range lies inside the document; every fix applies', async () => {
    const fc = (await import('fast-check')).default
    const piece = fc.constantFrom('SEND', 'SUBSCRIBE', 'CONNECT', 'ACK', 'send', '\n', '\r\n', ':', '\\', '\\c', '\\t', '^@', '\u0000', 'id:0', 'destination:/q',
      'content-length:3', 'ack:bogus', 'heart-beat:x', 'abc', ' ', 'é')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom<StompVersion>('1.0', '1.1', '1.2'), (parts, v) => {
        const doc = parts.join('')
        const lines = doc.split('\n')
        for (const d of lint(doc, v)) {
          expect(d.range.startLine).toBeGreaterThanOrEqual(1)
          expect(d.range.endLine).toBeLessThanOrEqual(lines.length)
          expect(d.range.endColumn).toBeLessThanOrEqual(lines[d.range.endLine - 1].length + 1)
          if (d.fix) lint(applyEdits(doc, d.fix.edits), v)
        }
      }),
      { numRuns: 500 },
    )
    expect(lint('')).toEqual([])
    expect(lint('\n\n  \n^@\n')).toEqual([])
  })
})
