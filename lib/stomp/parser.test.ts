import { describe, expect, it } from 'vitest'
import { getHeader } from './frame'
import { LIMITS, bytes, errors, frames, parseChunks, parser, plain, text } from './test-helpers'

const SEND = 'SEND\ndestination:/queue/a\n\nhello\u0000'
const SUB = 'SUBSCRIBE\nid:0\ndestination:/queue/a\n\n\u0000'

describe('STOMP parser — frame grammar (checklist A)', () => {
  it('checklist 1: one frame parses to command, headers in wire order, body; wireBytes counts the NUL', () => {
    const ev = parseChunks(bytes(SEND))
    expect(plain(ev)).toEqual([{ command: 'SEND', headers: [['destination', '/queue/a']], body: 'hello' }])
    expect(ev[0]).toMatchObject({ type: 'frame', wireBytes: bytes(SEND).length })
  })

  it('checklist 1: two frames back-to-back in one chunk, and one frame split at every byte boundary', () => {
    const both = bytes(SEND + SUB)
    expect(plain(parseChunks(both)).map((f) => f.command)).toEqual(['SEND', 'SUBSCRIBE'])
    const one = bytes(SEND)
    for (let cut = 0; cut <= one.length; cut++) {
      expect(plain(parseChunks(one, [cut]))).toEqual(plain(parseChunks(one)))
    }
    // and fed one byte at a time
    const p = parser()
    const ev = [...both].flatMap((b) => p.push(new Uint8Array([b])))
    expect(plain(ev)).toEqual(plain(parseChunks(both)))
  })

  it('checklist 2: CRLF on the command line, every header line and the blank line, for every version; body CRLF kept verbatim', () => {
    for (const v of ['1.0', '1.1', '1.2'] as const) {
      const wire = bytes('SEND\r\ndestination:/queue/a\r\ncontent-length:12\r\n\r\nline1\r\nline2\u0000')
      const [f] = frames(parseChunks(wire, [], v))
      expect(f.command).toBe('SEND')
      expect(f.headers).toEqual([['destination', '/queue/a'], ['content-length', '12']])
      expect(text(f.body)).toBe('line1\r\nline2')
    }
    const session = bytes('CONNECT\r\naccept-version:1.2\r\nhost:x\r\n\r\n\u0000SUBSCRIBE\r\nid:0\r\ndestination:/q\r\n\r\n\u0000')
    expect(plain(parseChunks(session, [], null)).map((f) => f.headers.length)).toEqual([2, 2])
  })

  it('checklist 3: EOLs before the first frame and after a NUL are heart-beats, never frames (LF and CRLF), byte counts exact', () => {
    const ev = parseChunks(bytes('\n\n\r\n' + SEND + '\n\r\n\n'))
    expect(ev.map((e) => e.type)).toEqual(['heartbeat', 'frame', 'heartbeat'])
    expect(ev[0]).toEqual({ type: 'heartbeat', bytes: 4 })
    expect(ev[2]).toEqual({ type: 'heartbeat', bytes: 4 })
    // a lone LF pushed on its own is one heart-beat of 1 byte
    expect(parser().push(bytes('\n'))).toEqual([{ type: 'heartbeat', bytes: 1 }])
    // CR and LF split across pushes: reported when the LF arrives
    const p = parser()
    expect(p.push(bytes('\r'))).toEqual([])
    expect(p.push(bytes('\n'))).toEqual([{ type: 'heartbeat', bytes: 2 }])
  })

  it('checklist 4: commands are passed through case-sensitively (the broker judges `send`)', () => {
    expect(plain(parseChunks(bytes('send\ndestination:/q\n\nx\u0000')))[0].command).toBe('send')
  })

  it('checklist 6: header split on the first colon; no colon and empty name are errors', () => {
    const [f] = frames(parseChunks(bytes('SEND\nurl:http://x:80/y\n\n\u0000'), [], '1.0'))
    expect(f.headers).toEqual([['url', 'http://x:80/y']])
    expect(errors(parseChunks(bytes('SEND\ndestination\n\n\u0000')))[0].code).toBe('STOMP_ERR_HEADER_NO_COLON')
    expect(errors(parseChunks(bytes('SEND\n:v\n\n\u0000')))[0].code).toBe('STOMP_ERR_EMPTY_HEADER_NAME')
    // an empty value is fine
    expect(frames(parseChunks(bytes('SEND\nk:\n\n\u0000')))[0].headers).toEqual([['k', '']])
  })

  it('checklist 7: the parser accepts a body on SUBSCRIBE (the broker decides), and reports it', () => {
    const [f] = frames(parseChunks(bytes('SUBSCRIBE\nid:0\ndestination:/q\n\nignored?\u0000')))
    expect(text(f.body)).toBe('ignored?')
  })

  it('checklist 8: content-length body with embedded NULs', () => {
    const wire = new Uint8Array([...bytes('SEND\ndestination:/q\ncontent-length:5\n\n'), 97, 0, 98, 0, 99, 0])
    for (let cut = 0; cut <= wire.length; cut++) {
      const [f] = frames(parseChunks(wire, [cut]))
      expect([...f.body]).toEqual([97, 0, 98, 0, 99])
    }
  })

  it('checklist 8: content-length shorter than the body → octet after it is not NUL → STOMP_ERR_MISSING_NULL', () => {
    const ev = parseChunks(bytes('SEND\ndestination:/q\ncontent-length:2\n\nabc\u0000'))
    expect(frames(ev)).toEqual([])
    expect(errors(ev).map((p) => p.code)).toEqual(['STOMP_ERR_MISSING_NULL'])
    expect(errors(ev)[0].detail).toContain('content-length:2')
  })

  it('checklist 8: malformed content-length → STOMP_ERR_BAD_CONTENT_LENGTH', () => {
    for (const v of ['abc', '-1', '1.5', ' 3', '', '0x10', '9999999999999999']) {
      expect(errors(parseChunks(bytes(`SEND\ncontent-length:${v}\n\n\u0000`))).map((p) => p.code)).toEqual(['STOMP_ERR_BAD_CONTENT_LENGTH'])
    }
  })

  it('checklist 9: content-length applies to every frame, not only SEND (ERROR body with NULs)', () => {
    const wire = new Uint8Array([...bytes('ERROR\nmessage:m\ncontent-length:3\n\n'), 0, 0, 0, 0])
    expect([...frames(parseChunks(wire))[0].body]).toEqual([0, 0, 0])
  })

  it('checklist 10: 1.1/1.2 never trim; a 1.0 session left-trims values only (RabbitMQ behaviour)', () => {
    const wire = bytes('SEND\n k : spaced value \n\n\u0000')
    expect(frames(parseChunks(wire, [], '1.2'))[0].headers).toEqual([[' k ', ' spaced value ']])
    expect(frames(parseChunks(wire, [], '1.1'))[0].headers).toEqual([[' k ', ' spaced value ']])
    expect(frames(parseChunks(wire, [], '1.0'))[0].headers).toEqual([[' k ', 'spaced value ']])
  })

  it('checklist 11: command or header that is not UTF-8 → STOMP_ERR_BAD_UTF8; binary body passes untouched', () => {
    const badHeader = new Uint8Array([...bytes('SEND\nk:'), 0xc3, 0x28, ...bytes('\n\n\u0000')])
    expect(errors(parseChunks(badHeader))[0].code).toBe('STOMP_ERR_BAD_UTF8')
    const badCommand = new Uint8Array([0xff, ...bytes('\n\n\u0000')])
    expect(errors(parseChunks(badCommand))[0].code).toBe('STOMP_ERR_BAD_UTF8')
    const body = new Uint8Array([0xff, 0xfe, 0x80, 0x0a, 0x0d])
    const wire = new Uint8Array([...bytes('SEND\ndestination:/q\n\n'), ...body, 0])
    expect([...frames(parseChunks(wire))[0].body]).toEqual([...body])
    // a BOM at the start of a value is kept
    expect(frames(parseChunks(bytes('SEND\nk:\ufeffv\n\n\u0000')))[0].headers[0][1]).toBe('\ufeffv')
  })
})

describe('STOMP parser — escaping (checklist B)', () => {
  it('checklist 12: names and values are unescaped in 1.2 (\\r \\n \\c \\\\)', () => {
    const [f] = frames(parseChunks(bytes('MESSAGE\na\\cb:x\\ny\\rz\\\\w\n\n\u0000')))
    expect(f.headers).toEqual([['a:b', 'x\ny\rz\\w']])
  })

  it('checklist 13: undefined escape \\t → STOMP_ERR_BAD_ESCAPE quoting the sequence', () => {
    const [p] = errors(parseChunks(bytes('SEND\nfoo:bar\\tbaz\n\n\u0000')))
    expect(p.code).toBe('STOMP_ERR_BAD_ESCAPE')
    expect(p.message).toBe('Undefined escape sequence: \\t')
    expect(p.detail).toContain('foo:bar\\tbaz')
  })

  it('checklist 13: in a 1.1 session \\r is undefined → error; in 1.2 it is CR', () => {
    const wire = bytes('SEND\nk:a\\rb\n\n\u0000')
    expect(errors(parseChunks(wire, [], '1.1')).map((p) => p.code)).toEqual(['STOMP_ERR_BAD_ESCAPE'])
    expect(frames(parseChunks(wire, [], '1.2'))[0].headers).toEqual([['k', 'a\rb']])
  })

  it('checklist 13: a backslash at the end of a value is an error (dangling escape)', () => {
    expect(errors(parseChunks(bytes('SEND\nk:ab\\\n\n\u0000')))[0].code).toBe('STOMP_ERR_BAD_ESCAPE')
  })

  it('checklist 15: CONNECT is never unescaped (passcode:a\\cb stays the literal characters a \\ c b, not a:b), in every version', () => {
    for (const v of [null, '1.0', '1.1', '1.2'] as const) {
      const [f] = frames(parseChunks(bytes('CONNECT\naccept-version:1.2\nhost:h\npasscode:a\\cb\nlogin:C:\\new\\t\n\n\u0000'), [], v))
      expect(getHeader(f, 'passcode')).toBe('a\\cb')
      expect(getHeader(f, 'passcode')).toHaveLength(4) // a \ c b — the checklist's "5 characters" miscounts
      expect(getHeader(f, 'login')).toBe('C:\\new\\t')
    }
    const [connected] = frames(parseChunks(bytes('CONNECTED\nversion:1.2\nserver:a\\cb\n\n\u0000')))
    expect(getHeader(connected, 'server')).toBe('a\\cb')
    const [stomp] = frames(parseChunks(bytes('STOMP\naccept-version:1.2\npasscode:x\\y\n\n\u0000'), [], null))
    expect(getHeader(stomp, 'passcode')).toBe('x\\y')
  })

  it('checklist 16: a 1.0 session never unescapes (\\c and \\t are literal)', () => {
    const [f] = frames(parseChunks(bytes('SEND\npath:C:\\new\\t\\c\n\n\u0000'), [], '1.0'))
    expect(f.headers).toEqual([['path', 'C:\\new\\t\\c']])
  })

  it('checklist 17: round trip k\\cey:a\\cb\\nc\\\\d\\re decodes to k:ey / a:b⏎c\\d␍e', () => {
    const [f] = frames(parseChunks(bytes('SEND\ndestination:/q\nk\\cey:a\\cb\\nc\\\\d\\re\n\n\u0000')))
    expect(f.headers[1]).toEqual(['k:ey', 'a:b\nc\\d\re'])
  })

  it('checklist 12: before the version is known, non-CONNECT frames are decoded with the 1.2 rules', () => {
    expect(frames(parseChunks(bytes('SEND\nk:a\\rb\n\n\u0000'), [], null))[0].headers).toEqual([['k', 'a\rb']])
  })

  it('checklist 21: with `negotiate`, frames pipelined behind CONNECT use the negotiated version', () => {
    const wire = bytes('CONNECT\naccept-version:1.0\n\n\u0000SEND\ndestination:/q\nk: a\\c\n\n\u0000')
    const ev = parseChunks(wire, [], null, { negotiate: ['1.0', '1.1', '1.2'] })
    expect(frames(ev)[1].headers[1]).toEqual(['k', 'a\\c'])
    const ev11 = parseChunks(bytes('CONNECT\naccept-version:1.1\n\n\u0000SEND\nk:a\\rb\n\n\u0000'), [], null, { negotiate: ['1.1', '1.2'] })
    expect(errors(ev11).map((p) => p.code)).toEqual(['STOMP_ERR_BAD_ESCAPE'])
    // client side: CONNECTED's version header decides
    const client = parseChunks(bytes('CONNECTED\nversion:1.0\n\n\u0000MESSAGE\nk:a\\c\n\n\u0000'), [], null, { negotiate: ['1.0', '1.2'] })
    expect(frames(client)[1].headers).toEqual([['k', 'a\\c']])
    // setVersion applies from the next frame
    const p = parser(null)
    p.setVersion('1.0')
    expect(frames(p.push(bytes('SEND\nk:\\t\n\n\u0000')))[0].headers).toEqual([['k', '\\t']])
    expect(p.currentVersion).toBe('1.0')
  })
})

describe('STOMP parser — repeated headers and limits (checklist C)', () => {
  it('checklist 18: repeated headers are kept in order; the first content-length wins', () => {
    const [f] = frames(parseChunks(bytes('MESSAGE\nfoo:World\nfoo:Hello\ncontent-length:3\ncontent-length:xyz\n\nabc\u0000')))
    expect(getHeader(f, 'foo')).toBe('World')
    expect(f.headers.filter(([n]) => n === 'foo')).toHaveLength(2)
    expect(text(f.body)).toBe('abc')
  })

  const limited = (over: Partial<typeof LIMITS>) => ({ ...LIMITS, ...over })
  const codes = (wire: string, lim: Partial<typeof LIMITS>) => errors(parseChunks(bytes(wire), [], '1.2', limited(lim))).map((p) => p.code)

  it('checklist 19: each limit produces its own code', () => {
    expect(codes('SEND\na:1\nb:2\nc:3\n\n\u0000', { maxHeaders: 2 })).toEqual(['STOMP_ERR_TOO_MANY_HEADERS'])
    expect(codes('SEND\na:1\nb:2\n\n\u0000', { maxHeaders: 2 })).toEqual([])
    expect(codes('SEND\nk:0123456789\n\n\u0000', { maxHeaderLineBytes: 10 })).toEqual(['STOMP_ERR_HEADER_TOO_LONG'])
    expect(codes('SEND\nk:01234567\r\n\n\u0000', { maxHeaderLineBytes: 10 })).toEqual([]) // CR of CRLF not counted
    expect(codes('SUBSCRIBEXX\n\n\u0000', { maxHeaderLineBytes: 10 })).toEqual(['STOMP_ERR_HEADER_TOO_LONG'])
    expect(codes('SEND\n\n0123456789A\u0000', { maxBodyBytes: 10 })).toEqual(['STOMP_ERR_BODY_TOO_LARGE'])
    expect(codes('SEND\n\n0123456789\u0000', { maxBodyBytes: 10 })).toEqual([])
    expect(codes('SEND\ncontent-length:11\n\n', { maxBodyBytes: 10 })).toEqual(['STOMP_ERR_BODY_TOO_LARGE'])
    expect(codes('SEND\nk:v\n\n0123456789\u0000', { maxFrameBytes: 20 })).toEqual(['STOMP_ERR_FRAME_TOO_LARGE'])
    expect(codes('SEND\nk:v\n\n012345678\u0000', { maxFrameBytes: 20 })).toEqual([])
    expect(codes('SEND\ncontent-length:10\n\n', { maxFrameBytes: 30 })).toEqual(['STOMP_ERR_FRAME_TOO_LARGE'])
  })

  it('checklist 19: a peer streaming megabytes without NUL or LF is stopped at the limit, not buffered', () => {
    const p = parser('1.2', { maxBodyBytes: 64 * 1024, maxFrameBytes: 1 << 30 })
    p.push(bytes('SEND\ndestination:/q\n\n'))
    const mb = new Uint8Array(1 << 20).fill(97)
    const ev = p.push(mb)
    expect(errors(ev).map((e) => e.code)).toEqual(['STOMP_ERR_BODY_TOO_LARGE'])
    expect(p.failed).toBe(true)
    const q = parser('1.2', { maxHeaderLineBytes: 1024 })
    expect(errors(q.push(new Uint8Array(1 << 20).fill(65))).map((e) => e.code)).toEqual(['STOMP_ERR_HEADER_TOO_LONG'])
  })

  it('checklist 19: setLimits raises a pre-CONNECT limit for the following frames', () => {
    const p = parser(null, { maxFrameBytes: 40 })
    expect(frames(p.push(bytes('CONNECT\naccept-version:1.2\n\n\u0000')))).toHaveLength(1)
    p.setLimits({ maxFrameBytes: 1000 })
    expect(frames(p.push(bytes(`SEND\ndestination:/q\n\n${'x'.repeat(100)}\u0000`)))).toHaveLength(1)
  })

  it('checklist 72: after an error the parser is dead and reports nothing more', () => {
    const p = parser()
    const ev = p.push(bytes('SEND\nbad\n\n\u0000' + SEND))
    expect(ev.map((e) => e.type)).toEqual(['error'])
    expect(p.failed).toBe(true)
    expect(p.push(bytes(SEND))).toEqual([])
  })
})

describe('STOMP parser — the failing frame on error events (checklist 71, 72)', () => {
  const R = 'SEND\ndestination:/q\nreceipt:R\n'
  const faults: Array<[string, string, string]> = [
    ['an undefined escape', `${R}k:a\\tb\n\nx\u0000`, 'STOMP_ERR_BAD_ESCAPE'],
    ['a header without colon', `${R}nocolon\n\nx\u0000`, 'STOMP_ERR_HEADER_NO_COLON'],
    ['a bad content-length terminator', `${R}content-length:1\n\nxy\u0000`, 'STOMP_ERR_MISSING_NULL'],
    ['an oversized body', `${R}\n${'z'.repeat(100)}\u0000`, 'STOMP_ERR_BODY_TOO_LARGE'],
    ['a content-length over the body limit', `${R}content-length:100\n\n`, 'STOMP_ERR_BODY_TOO_LARGE'],
  ]

  it.each(faults)('checklist 71, 72: %s after receipt → the error event carries command SEND and receipt R, split anywhere', (_label, wire, code) => {
    const input = bytes(`SUBSCRIBE\nid:0\ndestination:/q\nreceipt:S\n\n\u0000\n${wire}`)
    for (let cut = 0; cut <= input.length; cut += 7) {
      const ev = parseChunks(input, [cut], '1.2', { maxBodyBytes: 50 })
      expect(frames(ev).map((f) => f.command)).toEqual(['SUBSCRIBE'])
      const err = ev.find((e) => e.type === 'error')
      expect(err).toMatchObject({ type: 'error', command: 'SEND', receipt: 'R', problem: { code } })
    }
  })

  it('checklist 71: no receipt when the fault comes before it (or is the receipt line itself); the first receipt wins (18)', () => {
    const [before] = parseChunks(bytes('SEND\nnocolon\nreceipt:R\n\n\u0000'))
    expect(before).toMatchObject({ type: 'error', command: 'SEND' })
    expect(before.type === 'error' && before.receipt).toBeUndefined()
    const [itself] = parseChunks(bytes('SEND\nreceipt:a\\tb\n\n\u0000'))
    expect(itself.type === 'error' && itself.receipt).toBeUndefined()
    const [first] = parseChunks(bytes('SEND\nreceipt:one\nreceipt:two\nbad\n\n\u0000'))
    expect(first).toMatchObject({ receipt: 'one' })
  })

  it('checklist 71: the receipt is decoded with the frame\'s escaping (1.2 r\\c1 → r:1; 1.0 literal)', () => {
    expect(parseChunks(bytes('SEND\nreceipt:r\\c1\nbad\n\n\u0000'))[0]).toMatchObject({ receipt: 'r:1' })
    expect(parseChunks(bytes('SEND\nreceipt:r\\c1\nbad\n\n\u0000'), [], '1.0')[0]).toMatchObject({ receipt: 'r\\c1' })
  })

  it('checklist 27, 72: CONNECT\'s receipt is reported as read (the server, not the codec, must ignore it); a bad command line has no command', () => {
    expect(parseChunks(bytes('CONNECT\nreceipt:R\nbad\n\n\u0000'), [], null)[0]).toMatchObject({ command: 'CONNECT', receipt: 'R' })
    const [bad] = parseChunks(new Uint8Array([0xff, 0x0a, 0x0a, 0x00]))
    expect(bad).toMatchObject({ type: 'error', problem: { code: 'STOMP_ERR_BAD_UTF8' } })
    expect(bad.type === 'error' && bad.command).toBeUndefined()
  })
})

describe('STOMP parser — raw recording', () => {
  it('records the exact wire octets of each frame only when asked', () => {
    const wire = bytes('\n' + SEND + '\n' + SUB)
    expect(parseChunks(wire).some((e) => e.type === 'frame' && e.raw !== undefined)).toBe(false)
    for (let cut = 0; cut <= wire.length; cut += 3) {
      const raws = parseChunks(wire, [cut, Math.min(wire.length, cut + 7)], '1.2', { recordRaw: true })
        .flatMap((e) => (e.type === 'frame' && e.raw ? [text(e.raw)] : []))
      expect(raws).toEqual([SEND, SUB])
    }
  })
})
