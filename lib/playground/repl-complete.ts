/**
 * Tab completion of the console REPL: the whole line as it would read after completing the word
 * under the cursor (the cursor is at the end of the line). One candidate → the console takes it;
 * several → it completes their common prefix and lists them.
 */
import { ackModes } from '../stomp/commands'
import { REPL_COMMANDS, REPL_COMMAND_NAMES } from './repl-commands'
import type { ReplContext } from './repl'

const EXAMPLE_DESTINATIONS = ['/topic/greetings', '/queue/demo'] as const

function destinations(ctx: ReplContext): string[] {
  return [...new Set([...[...ctx.destinations].reverse(), ...EXAMPLE_DESTINATIONS])]
}

const newestFirst = (values: readonly string[]): string[] => [...values].reverse()

function freshTx(ctx: ReplContext): string {
  for (let n = 0; ; n++) if (!ctx.transactionIds.includes(`tx-${n}`)) return `tx-${n}`
}

/** Values for argument `index` (0-based) of command `name`. */
function argValues(name: string, index: number, ctx: ReplContext): readonly string[] {
  switch (name) {
    case 'sub': return index === 0 ? destinations(ctx) : index === 1 ? ackModes(ctx.version) : []
    case 'send': return index === 0 ? destinations(ctx) : []
    case 'unsub': return index === 0 ? newestFirst(ctx.subscriptionIds) : []
    case 'ack':
    case 'nack': return index === 0 ? newestFirst(ctx.ackIds) : []
    case 'begin': return index === 0 ? [freshTx(ctx)] : []
    case 'commit':
    case 'abort': return index === 0 ? newestFirst(ctx.transactionIds) : []
    case 'close': return index === 0 ? ['1000', '4000'] : []
    case 'help': return index === 0 ? REPL_COMMAND_NAMES : []
    default: return []
  }
}

/** Whether another argument may follow argument `index` of `name` (then a space is appended). */
function takesMore(name: string, index: number): boolean {
  return (name === 'sub' && index === 0) || (name === 'send' && index === 0) || (name === 'close' && index === 0)
}

/** Completed lines for `line` (empty when there is nothing to complete). */
export function replCompletions(line: string, ctx: ReplContext): string[] {
  if (!line.startsWith('/')) return line.trim() === '' ? REPL_COMMAND_NAMES.map((n) => `/${n}`) : []
  const space = line.indexOf(' ')
  if (space < 0) {
    const word = line.slice(1).toLowerCase()
    return REPL_COMMANDS.filter((c) => c.name.startsWith(word)).map((c) => `/${c.name}${c.args === '' ? '' : ' '}`)
  }
  const name = line.slice(1, space).toLowerCase()
  if (name === 'raw' || (name === 'send' && /^\/\S+\s+\S+\s/.test(line))) return [] // free text
  const rest = line.slice(space + 1)
  const parts = rest.split(/\s+/)
  const index = parts.length - 1
  const prefix = parts[index]
  const head = line.slice(0, line.length - prefix.length)
  return argValues(name, index, ctx)
    .filter((v) => v.startsWith(prefix))
    .map((v) => `${head}${v}${takesMore(name, index) ? ' ' : ''}`)
}
