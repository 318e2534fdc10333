/**
 * The console REPL's vocabulary as data: name, arguments, one-line summary. The help text, the
 * parser's usage messages and tab completion are all read from this one table.
 */
export const REPL_COMMANDS = [
  { name: 'connect', args: '', summary: 'open the socket and send CONNECT with the client\'s settings' },
  { name: 'sub', args: '<destination> [auto|client|client-individual]', summary: 'SUBSCRIBE with a fresh id (ack mode optional, default auto)' },
  { name: 'unsub', args: '[id]', summary: 'UNSUBSCRIBE (default: your newest subscription)' },
  { name: 'send', args: '<destination> <body…>', summary: 'SEND the rest of the line as a text/plain body' },
  { name: 'ack', args: '[id]', summary: 'ACK a received MESSAGE (default: the newest one not yet acked)' },
  { name: 'nack', args: '[id]', summary: 'NACK a received MESSAGE (STOMP 1.1+; default: the newest one)' },
  { name: 'begin', args: '[transaction]', summary: 'BEGIN a transaction (default: a fresh id)' },
  { name: 'commit', args: '[transaction]', summary: 'COMMIT a transaction (default: the newest open one)' },
  { name: 'abort', args: '[transaction]', summary: 'ABORT a transaction (default: the newest open one)' },
  { name: 'ping', args: '', summary: 'send a heart-beat: one bare EOL' },
  { name: 'close', args: '[code] [reason…]', summary: 'close the WebSocket (code 1000 or 3000-4999)' },
  { name: 'raw', args: '<text>', summary: 'send exactly these bytes: \\n = LF, \\r = CR, \\t = tab, \\\\ = \\, ^@ = NUL' },
  { name: 'clear', args: '', summary: 'clear the console' },
  { name: 'help', args: '[command]', summary: 'this list, or one command in detail' },
] as const

export type ReplCommandName = (typeof REPL_COMMANDS)[number]['name']

export const REPL_COMMAND_NAMES: readonly ReplCommandName[] = REPL_COMMANDS.map((c) => c.name)

/** Longer notes shown by `/help <command>`. */
export const REPL_NOTES: Readonly<Partial<Record<ReplCommandName, string>>> = {
  sub: 'Example: /sub /topic/greetings client-individual. With client or client-individual you must /ack each MESSAGE.',
  send: 'Example: /send /queue/demo hello world. Everything after the destination is the body, spaces included.',
  ack: 'STOMP 1.2 acks with the MESSAGE\'s ack header (id:), 1.1 with message-id + subscription, 1.0 with message-id.',
  nack: 'NACK tells the broker the message was not consumed; it may redeliver it to another subscriber.',
  ping: 'A heart-beat is a single end-of-line between frames. The broker counts it as a sign of life.',
  close: 'Example: /close 4000 done. The browser only allows 1000 or 3000-4999, and a reason of at most 123 UTF-8 bytes.',
  raw: 'Example: /raw SEND\\ndestination:/queue/demo\\n\\nhi^@ — leave out ^@ or the empty line to see how the broker answers a broken frame. Other backslash pairs (\\c) are sent as typed.',
}

export function usageOf(name: ReplCommandName): string {
  const c = REPL_COMMANDS.find((x) => x.name === name)
  return c === undefined ? '' : `/${c.name}${c.args === '' ? '' : ` ${c.args}`}`
}

function help(): string {
  const width = Math.max(...REPL_COMMANDS.map((c) => usageOf(c.name).length))
  return [
    'Commands (Tab completes, ↑/↓ walk the history):',
    ...REPL_COMMANDS.map((c) => `  ${usageOf(c.name).padEnd(width)}  ${c.summary}`),
  ].join('\n')
}

/** The whole `/help` text. */
export const REPL_HELP: string = help()

/** `/help <command>`: usage, summary and notes; undefined for an unknown command. */
export function replHelp(name: string): string | undefined {
  const c = REPL_COMMANDS.find((x) => x.name === name.replace(/^\//, '').toLowerCase())
  if (c === undefined) return undefined
  const note = REPL_NOTES[c.name]
  return [usageOf(c.name), `  ${c.summary}`, ...(note === undefined ? [] : [`  ${note}`])].join('\n')
}
