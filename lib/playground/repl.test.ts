import { describe, expect, it } from 'vitest'
import { bodyText, type Frame } from '../stomp/frame'
import { decodeUtf8 } from '../stomp/utf8'
import { REPL_HELP, buildReplCommand, parseReplLine, replCommandToFrame, replCompletions, replHelp, type ReplContext } from './repl'

const CTX: ReplContext = {
  version: '1.2',
  destinations: ['/topic/chat', '/queue/jobs'],
  subscriptionIds: ['sub-0', 'sub-1'],
  ackIds: ['m-1', 'm-2'],
  transactionIds: ['tx-0'],
}
const EMPTY: ReplContext = { version: '1.2', destinations: [], subscriptionIds: [], ackIds: [], transactionIds: [] }

const wire = (f: Frame | null) => (f === null ? null : { command: f.command, headers: f.headers, body: bodyText(f) })
const frameOf = (line: string, ctx: ReplContext = CTX, version = ctx.version) => {
  const cmd = parseReplLine(line)
  if (cmd.kind === 'error') throw new Error(cmd.message)
  return wire(replCommandToFrame(cmd, ctx, version))
}
const errorOf = (line: string) => {
  const r = parseReplLine(line)
  expect(r.kind).toBe('error')
  return r.kind === 'error' ? r : undefined
}

describe('REPL parsing', () => {
  it('every command parses to its typed form', () => {
    expect(parseReplLine('/connect')).toEqual({ kind: 'connect' })
    expect(parseReplLine('/sub /topic/a')).toEqual({ kind: 'sub', destination: '/topic/a' })
    expect(parseReplLine('/sub /queue/b client-individual')).toEqual({ kind: 'sub', destination: '/queue/b', ack: 'client-individual' })
    expect(parseReplLine('/unsub')).toEqual({ kind: 'unsub' })
    expect(parseReplLine('/unsub sub-4')).toEqual({ kind: 'unsub', id: 'sub-4' })
    expect(parseReplLine('/send /queue/a hello  world ')).toEqual({ kind: 'send', destination: '/queue/a', body: 'hello  world ' })
    expect(parseReplLine('/ack')).toEqual({ kind: 'ack' })
    expect(parseReplLine('/nack m-9')).toEqual({ kind: 'nack', id: 'm-9' })
    expect(parseReplLine('/begin')).toEqual({ kind: 'begin' })
    expect(parseReplLine('/commit tx-3')).toEqual({ kind: 'commit', transaction: 'tx-3' })
    expect(parseReplLine('/abort')).toEqual({ kind: 'abort' })
    expect(parseReplLine('/ping')).toEqual({ kind: 'ping' })
    expect(parseReplLine('/close')).toEqual({ kind: 'close' })
    expect(parseReplLine('/close 4000 all done')).toEqual({ kind: 'close', code: 4000, reason: 'all done' })
    expect(parseReplLine('/clear')).toEqual({ kind: 'clear' })
    expect(parseReplLine('/help')).toEqual({ kind: 'help' })
    expect(parseReplLine('/help /sub')).toEqual({ kind: 'help', topic: 'sub' })
  })

  it('commands are case-insensitive and surrounding spaces are ignored', () => {
    expect(parseReplLine('  /SUB /topic/a  ')).toEqual({ kind: 'sub', destination: '/topic/a' })
  })

  it('checklist 1: /raw turns \\n \\r \\t \\\\ and ^@ into octets and keeps other pairs (\\c) as typed', () => {
    const r = parseReplLine('/raw SEND\\ndestination:/q\\cx\\r\\n\\nhi\\\\^@')
    expect(r.kind).toBe('raw')
    if (r.kind !== 'raw') return
    expect(r.text).toBe('SEND\\ndestination:/q\\cx\\r\\n\\nhi\\\\^@')
    expect(decodeUtf8(r.bytes)).toBe('SEND\ndestination:/q\\cx\r\n\nhi\\\u0000')
    expect(decodeUtf8((parseReplLine('/raw  two spaces') as { bytes: Uint8Array }).bytes)).toBe(' two spaces')
  })

  it('errors teach: missing arguments, bad ack mode, unknown command with a suggestion, no slash', () => {
    expect(errorOf('/sub')).toMatchObject({ message: expect.stringContaining('needs a destination'), usage: '/sub <destination> [auto|client|client-individual]' })
    expect(errorOf('/sub /q clientindividual')?.message).toContain('did you mean client-individual?')
    expect(errorOf('/send')?.usage).toBe('/send <destination> <body…>')
    expect(errorOf('/subscribe /q')?.message).toBe('Unknown command /subscribe — did you mean /sub? (/help lists the commands).')
    expect(errorOf('/xyzzy')?.message).toBe('Unknown command /xyzzy (/help lists the commands).')
    expect(errorOf('SEND')?.message).toContain('Commands start with "/"')
    expect(errorOf('')?.message).toContain('/help')
    expect(errorOf('/raw')?.message).toContain('needs the text')
    expect(errorOf('/connect now')?.message).toBe('/connect takes no arguments.')
    expect(errorOf('/ack a b')?.message).toBe('/ack takes at most one argument.')
  })

  it('/close checks what the browser allows: 1000 or 3000-4999, reason ≤ 123 UTF-8 bytes', () => {
    expect(errorOf('/close 1001')?.message).toContain('only close with 1000 or 3000-4999')
    expect(errorOf('/close abc')?.message).toContain('not a close code')
    expect(errorOf(`/close 4000 ${'é'.repeat(62)}`)?.message).toContain('124 UTF-8 bytes')
    expect(parseReplLine('/close 1000')).toEqual({ kind: 'close', code: 1000 })
  })
})

describe('REPL frames', () => {
  it('/sub → SUBSCRIBE with a fresh id, the destination and the ack mode', () => {
    expect(frameOf('/sub /topic/x client')).toEqual({ command: 'SUBSCRIBE', headers: [['id', 'sub-2'], ['destination', '/topic/x'], ['ack', 'client']], body: '' })
    expect(frameOf('/sub /topic/x', EMPTY)?.headers).toEqual([['id', 'sub-0'], ['destination', '/topic/x']])
  })

  it('checklist 43: /sub client-individual in 1.0 is refused with a teaching error', () => {
    const cmd = parseReplLine('/sub /q client-individual')
    if (cmd.kind === 'error') throw new Error(cmd.message)
    expect(buildReplCommand(cmd, CTX, '1.0')).toMatchObject({ kind: 'error', message: expect.stringContaining('1.0 has no client-individual') })
  })

  it('/unsub defaults to the newest subscription; with none it explains', () => {
    expect(frameOf('/unsub')).toEqual({ command: 'UNSUBSCRIBE', headers: [['id', 'sub-1']], body: '' })
    expect(frameOf('/unsub sub-0')?.headers).toEqual([['id', 'sub-0']])
    expect(buildReplCommand({ kind: 'unsub' }, EMPTY, '1.2')).toMatchObject({ kind: 'error', message: expect.stringContaining('No subscription') })
  })

  it('/send → SEND text/plain with the rest of the line as body', () => {
    expect(frameOf('/send /queue/a hi there')).toEqual({ command: 'SEND', headers: [['destination', '/queue/a'], ['content-type', 'text/plain']], body: 'hi there' })
  })

  it('checklist 54, 55: /ack acks the newest received message, in the version\'s form', () => {
    expect(frameOf('/ack')).toEqual({ command: 'ACK', headers: [['id', 'm-2']], body: '' })
    expect(frameOf('/ack', CTX, '1.0')?.headers).toEqual([['message-id', 'm-2']])
    expect(frameOf('/nack m-1', CTX, '1.1')?.headers).toEqual([['message-id', 'm-1'], ['subscription', 'sub-1']])
    expect(frameOf('/nack m-1', { ...CTX, ackSubscriptions: { 'm-1': 'sub-0' } }, '1.1')?.headers).toEqual([['message-id', 'm-1'], ['subscription', 'sub-0']])
  })

  it('checklist 55: /nack in 1.0 and /ack with nothing to ack are errors that teach', () => {
    expect(buildReplCommand({ kind: 'nack' }, CTX, '1.0')).toMatchObject({ kind: 'error', message: 'NACK does not exist in STOMP 1.0 (it came with 1.1).' })
    expect(buildReplCommand({ kind: 'ack' }, EMPTY, '1.2')).toMatchObject({ kind: 'error', message: expect.stringContaining('client-individual first') })
    expect(replCommandToFrame({ kind: 'ack' }, EMPTY, '1.2')).toBeNull()
  })

  it('nothing to ACK or NACK is said in plain English: an ACK, a NACK', () => {
    expect(buildReplCommand({ kind: 'ack' }, EMPTY, '1.2')).toMatchObject({ message: expect.stringMatching(/^No received message waits for an ACK: /) })
    expect(buildReplCommand({ kind: 'nack' }, EMPTY, '1.2')).toMatchObject({ message: expect.stringMatching(/^No received message waits for a NACK: /) })
  })

  it('checklist 59, 61: /begin a fresh transaction; /commit and /abort the newest open one', () => {
    expect(frameOf('/begin')).toEqual({ command: 'BEGIN', headers: [['transaction', 'tx-1']], body: '' })
    expect(frameOf('/commit')?.headers).toEqual([['transaction', 'tx-0']])
    expect(frameOf('/abort tx-9')).toEqual({ command: 'ABORT', headers: [['transaction', 'tx-9']], body: '' })
    expect(buildReplCommand({ kind: 'commit' }, EMPTY, '1.2')).toMatchObject({ kind: 'error', message: 'No open transaction to commit: /begin first.' })
  })

  it('commands that send no frame build null (the page runs them)', () => {
    for (const line of ['/connect', '/ping', '/close 1000', '/raw x', '/clear', '/help']) expect(frameOf(line), line).toBeNull()
  })
})

describe('REPL completion and help', () => {
  it('completes command names; no-argument commands get no trailing space', () => {
    expect(replCompletions('/s', CTX)).toEqual(['/sub ', '/send '])
    expect(replCompletions('/con', CTX)).toEqual(['/connect'])
    expect(replCompletions('', CTX)).toHaveLength(14)
    expect(replCompletions('hello', CTX)).toEqual([])
  })

  it('completes destinations (seen, newest first, then examples) and ack modes of the version', () => {
    expect(replCompletions('/sub ', CTX)).toEqual(['/sub /queue/jobs ', '/sub /topic/chat ', '/sub /topic/greetings ', '/sub /queue/demo '])
    expect(replCompletions('/send /q', CTX)).toEqual(['/send /queue/jobs ', '/send /queue/demo '])
    expect(replCompletions('/sub /q client', CTX)).toEqual(['/sub /q client', '/sub /q client-individual'])
    expect(replCompletions('/sub /q c', { ...CTX, version: '1.0' })).toEqual(['/sub /q client'])
  })

  it('completes ids from the context: subscriptions, ack ids, transactions, a fresh transaction', () => {
    expect(replCompletions('/unsub ', CTX)).toEqual(['/unsub sub-1', '/unsub sub-0'])
    expect(replCompletions('/ack m-', CTX)).toEqual(['/ack m-2', '/ack m-1'])
    expect(replCompletions('/commit ', CTX)).toEqual(['/commit tx-0'])
    expect(replCompletions('/begin ', CTX)).toEqual(['/begin tx-1'])
    expect(replCompletions('/help r', CTX)).toEqual(['/help raw'])
  })

  it('free text (a /send body, /raw) is not completed', () => {
    expect(replCompletions('/send /q hel', CTX)).toEqual([])
    expect(replCompletions('/raw SE', CTX)).toEqual([])
  })

  it('the help lists every command with its usage; /help <command> adds notes', () => {
    for (const c of ['/connect', '/sub <destination> [auto|client|client-individual]', '/unsub [id]', '/send <destination> <body…>', '/ack [id]', '/nack [id]',
      '/begin [transaction]', '/commit [transaction]', '/abort [transaction]', '/ping', '/close [code] [reason…]', '/raw <text>', '/clear', '/help [command]']) {
      expect(REPL_HELP).toContain(c)
    }
    expect(replHelp('raw')).toContain('^@ = NUL')
    expect(replHelp('/close')).toContain('3000-4999')
    expect(replHelp('nope')).toBeUndefined()
  })
})
