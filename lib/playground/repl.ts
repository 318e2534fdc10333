/**
 * The console REPL: a line → a typed command (or an error that teaches), a command → the frame
 * it sends given what the client has seen, and Tab completion. Pure; the page runs the commands
 * on its client (connect, sendFrame, sendRaw, close) and the console handles /clear and /help.
 */
import { ackModes } from '../stomp/commands'
import { makeFrame, type Frame, type StompVersion } from '../stomp/frame'
import { suggest } from '../stomp/suggest'
import { encodeUtf8, utf8Length } from '../stomp/utf8'
import { REPL_COMMAND_NAMES, usageOf, type ReplCommandName } from './repl-commands'

export { REPL_COMMANDS, REPL_COMMAND_NAMES, REPL_HELP, replHelp } from './repl-commands'

/** What the REPL completes and defaults from (the shape of the playground's CompletionContext). */
export interface ReplContext {
  readonly version: StompVersion
  readonly destinations: readonly string[]
  readonly subscriptionIds: readonly string[]
  /** `ack` (1.2) / `message-id` (1.0/1.1) values of received MESSAGEs not yet acked, oldest first. */
  readonly ackIds: readonly string[]
  readonly transactionIds: readonly string[]
  /** Optional: the subscription each ack id came from (1.1 ACK/NACK must name it). */
  readonly ackSubscriptions?: Readonly<Record<string, string>>
}

export type AckMode = 'auto' | 'client' | 'client-individual'

export type ReplCommand =
  | { readonly kind: 'connect' }
  | { readonly kind: 'sub'; readonly destination: string; readonly ack?: AckMode }
  | { readonly kind: 'unsub'; readonly id?: string }
  | { readonly kind: 'send'; readonly destination: string; readonly body: string }
  | { readonly kind: 'ack' | 'nack'; readonly id?: string }
  | { readonly kind: 'begin' | 'commit' | 'abort'; readonly transaction?: string }
  | { readonly kind: 'ping' }
  | { readonly kind: 'close'; readonly code?: number; readonly reason?: string }
  /** `bytes`: the text with \n \r \t \\ and ^@ turned into octets. */
  | { readonly kind: 'raw'; readonly text: string; readonly bytes: Uint8Array }
  | { readonly kind: 'clear' }
  | { readonly kind: 'help'; readonly topic?: string }

export interface ReplError {
  readonly kind: 'error'
  /** One line saying what is wrong and how to write it. */
  readonly message: string
  /** The command's usage line, when the command was recognised. */
  readonly usage?: string
}

export function isReplError(x: ReplCommand | ReplError | ReplBuild): x is ReplError {
  return x.kind === 'error'
}

/** Words a learner may try for a command (STOMP command names, shell habits). */
const ALIASES: Readonly<Record<string, ReplCommandName>> = {
  subscribe: 'sub', unsubscribe: 'unsub', disconnect: 'close', quit: 'close', exit: 'close',
  heartbeat: 'ping', 'heart-beat': 'ping', stomp: 'connect', cls: 'clear', '?': 'help',
}

const ACK_MODES: readonly AckMode[] = ['auto', 'client', 'client-individual']

const fail = (message: string, name?: ReplCommandName): ReplError => (name === undefined ? { kind: 'error', message } : { kind: 'error', message, usage: usageOf(name) })

/** `/raw` text → octets: \n LF, \r CR, \t TAB, \\ backslash, ^@ NUL; any other backslash pair is kept as typed (so \c reaches the wire). */
export function rawTextToBytes(text: string): Uint8Array {
  const out = text.replace(/\\([nrt\\])|\^@/g, (m, e: string | undefined) =>
    m === '^@' ? '\u0000' : e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : '\\')
  return encodeUtf8(out)
}

function parseArgs(name: ReplCommandName, rest: string): ReplCommand | ReplError {
  const args = rest === '' ? [] : rest.split(/\s+/)
  const none = (cmd: ReplCommand): ReplCommand | ReplError => (args.length === 0 ? cmd : fail(`/${name} takes no arguments.`, name))
  const optionalOne = (make: (v: string | undefined) => ReplCommand): ReplCommand | ReplError =>
    args.length <= 1 ? make(args[0]) : fail(`/${name} takes at most one argument.`, name)
  switch (name) {
    case 'connect': return none({ kind: 'connect' })
    case 'ping': return none({ kind: 'ping' })
    case 'clear': return none({ kind: 'clear' })
    case 'help': return optionalOne((topic) => (topic === undefined ? { kind: 'help' } : { kind: 'help', topic: topic.replace(/^\//, '') }))
    case 'sub': {
      if (args.length === 0) return fail('/sub needs a destination, e.g. /sub /topic/greetings', name)
      if (args.length > 2) return fail('/sub takes a destination and an optional ack mode (a destination has no spaces).', name)
      const ack = args[1]
      if (ack === undefined) return { kind: 'sub', destination: args[0] }
      const mode = ACK_MODES.find((m) => m === ack)
      if (mode === undefined) return fail(`"${ack}" is not an ack mode: use auto, client or client-individual${suggest(ack, ACK_MODES) ? ` (did you mean ${suggest(ack, ACK_MODES)}?)` : ''}.`, name)
      return { kind: 'sub', destination: args[0], ack: mode }
    }
    case 'unsub': return optionalOne((id) => (id === undefined ? { kind: 'unsub' } : { kind: 'unsub', id }))
    case 'send': {
      const m = /^(\S+)(?:\s(.*))?$/s.exec(rest)
      if (m === null) return fail('/send needs a destination and a body, e.g. /send /queue/demo hello', name)
      return { kind: 'send', destination: m[1], body: m[2] ?? '' }
    }
    case 'ack':
    case 'nack': return optionalOne((id) => (id === undefined ? { kind: name } : { kind: name, id }))
    case 'begin':
    case 'commit':
    case 'abort': return optionalOne((transaction) => (transaction === undefined ? { kind: name } : { kind: name, transaction }))
    case 'close': {
      const m = /^(\S+)?(?:\s+(.*))?$/s.exec(rest)
      const codeText = m?.[1]
      const reason = m?.[2]
      if (codeText === undefined) return { kind: 'close' }
      if (!/^\d+$/.test(codeText)) return fail(`"${codeText}" is not a close code: give a number, e.g. /close 1000 bye`, name)
      const code = Number(codeText)
      // WebSocket API close(): only 1000 or 3000-4999 (RFC 6455 §7.4), else InvalidAccessError
      if (code !== 1000 && (code < 3000 || code > 4999)) return fail(`A page may only close with 1000 or 3000-4999; ${code} is reserved for the protocol (RFC 6455 §7.4.1).`, name)
      if (reason !== undefined && utf8Length(reason) > 123) return fail(`The close reason is ${utf8Length(reason)} UTF-8 bytes; at most 123 fit in a close frame.`, name)
      return reason === undefined || reason === '' ? { kind: 'close', code } : { kind: 'close', code, reason }
    }
    case 'raw':
      if (rest === '') return fail('/raw needs the text to send, e.g. /raw SEND\\ndestination:/queue/demo\\n\\nhi^@', name)
      return { kind: 'raw', text: rest, bytes: rawTextToBytes(rest) }
  }
}

/** Parses one console line. Lines are commands starting with `/`; anything else is an error that says so. */
export function parseReplLine(line: string): ReplCommand | ReplError {
  const text = line.trim()
  if (text === '') return fail('Type a command: /help lists them.')
  if (!text.startsWith('/')) return fail(`Commands start with "/" (try /send <destination> ${text.split(/\s+/)[0]} or /help). To send raw bytes use /raw.`)
  const m = /^\/(\S*)\s*(.*)$/s.exec(text)
  const word = (m?.[1] ?? '').toLowerCase()
  const rest = m?.[2] ?? ''
  const name = REPL_COMMAND_NAMES.find((n) => n === word)
  if (name === undefined) {
    const guess = ALIASES[word] ?? suggest(word, REPL_COMMAND_NAMES)
    return fail(`Unknown command /${word}${guess ? ` — did you mean /${guess}?` : ''} (/help lists the commands).`)
  }
  // /send and /raw keep their text as typed (inner and trailing spaces matter)
  return parseArgs(name, name === 'send' || name === 'raw' ? line.replace(/^\s*\/\S*\s?/, '') : rest)
}

export type ReplBuild = { readonly kind: 'ok'; readonly frame: Frame | null } | ReplError

const newest = (values: readonly string[]): string | undefined => values[values.length - 1]
function freshId(prefix: string, used: readonly string[]): string {
  for (let n = 0; ; n++) if (!used.includes(`${prefix}-${n}`)) return `${prefix}-${n}`
}

/**
 * The frame a command sends, with defaults from the context, or an error that teaches (nothing
 * to ack, NACK in 1.0 …). Commands that send no frame (connect, ping, close, raw, clear, help)
 * build `frame: null`: the page runs them itself.
 */
export function buildReplCommand(cmd: ReplCommand, ctx: ReplContext, version: StompVersion): ReplBuild {
  const ok = (frame: Frame | null): ReplBuild => ({ kind: 'ok', frame })
  switch (cmd.kind) {
    case 'sub': {
      if (cmd.ack === 'client-individual' && !ackModes(version).includes(cmd.ack)) return fail('STOMP 1.0 has no client-individual ack mode: use auto or client.', 'sub')
      const headers: [string, string][] = [['id', freshId('sub', ctx.subscriptionIds)], ['destination', cmd.destination]]
      if (cmd.ack !== undefined) headers.push(['ack', cmd.ack])
      return ok(makeFrame('SUBSCRIBE', headers))
    }
    case 'unsub': {
      const id = cmd.id ?? newest(ctx.subscriptionIds)
      return id === undefined ? fail('No subscription to end: /sub first, or name one: /unsub <id>.', 'unsub') : ok(makeFrame('UNSUBSCRIBE', [['id', id]]))
    }
    case 'send':
      return ok(makeFrame('SEND', [['destination', cmd.destination], ['content-type', 'text/plain']], cmd.body))
    case 'ack':
    case 'nack': {
      const command = cmd.kind === 'ack' ? 'ACK' : 'NACK'
      if (command === 'NACK' && version === '1.0') return fail('NACK does not exist in STOMP 1.0 (it came with 1.1).', 'nack')
      const id = cmd.id ?? newest(ctx.ackIds)
      if (id === undefined) return fail(`No received message waits for ${command === 'ACK' ? 'an' : 'a'} ${command}: subscribe with ack client or client-individual first (/sub <destination> client-individual).`, cmd.kind)
      if (version === '1.2') return ok(makeFrame(command, [['id', id]]))
      if (version === '1.0') return ok(makeFrame(command, [['message-id', id]]))
      const subscription = ctx.ackSubscriptions?.[id] ?? newest(ctx.subscriptionIds)
      if (subscription === undefined) return fail(`STOMP 1.1 ${command} names the subscription too, and this client has none.`, cmd.kind)
      return ok(makeFrame(command, [['message-id', id], ['subscription', subscription]]))
    }
    case 'begin':
      return ok(makeFrame('BEGIN', [['transaction', cmd.transaction ?? freshId('tx', ctx.transactionIds)]]))
    case 'commit':
    case 'abort': {
      const tx = cmd.transaction ?? newest(ctx.transactionIds)
      if (tx === undefined) return fail(`No open transaction to ${cmd.kind}: /begin first.`, cmd.kind)
      return ok(makeFrame(cmd.kind.toUpperCase(), [['transaction', tx]]))
    }
    default:
      return ok(null)
  }
}

/** The frame of a frame-producing command; null for the others and when the build fails (see buildReplCommand). */
export function replCommandToFrame(cmd: ReplCommand, ctx: ReplContext, version: StompVersion): Frame | null {
  const b = buildReplCommand(cmd, ctx, version)
  return b.kind === 'ok' ? b.frame : null
}

export { replCompletions } from './repl-complete'
export type { ReplCommandName }
