/**
 * What the console answers itself, without the page: empty lines, /help, /clear and lines that
 * do not parse (the error that teaches, with the usage line). Everything else goes to onCommand.
 */
import { REPL_HELP, parseReplLine, replHelp } from '@/lib/playground/repl'
import { ANSI } from './wire-text'

export type LocalAnswer =
  | { readonly kind: 'forward' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'print'; readonly text: string }

export function answerLocally(line: string): LocalAnswer {
  if (line.trim() === '') return { kind: 'print', text: '' }
  const cmd = parseReplLine(line)
  if (cmd.kind === 'error') {
    const usage = cmd.usage === undefined ? '' : `\n${ANSI.dim}usage: ${cmd.usage}${ANSI.reset}`
    return { kind: 'print', text: `${ANSI.red}${cmd.message}${ANSI.reset}${usage}\n` }
  }
  if (cmd.kind === 'clear') return { kind: 'clear' }
  if (cmd.kind === 'help') {
    const text = cmd.topic === undefined ? REPL_HELP : (replHelp(cmd.topic) ?? `No command /${cmd.topic}.\n${REPL_HELP}`)
    return { kind: 'print', text: `${text}\n` }
  }
  return { kind: 'forward' }
}

/** Tab's candidate list: the word each candidate completes to, in columns. */
export function listCandidates(candidates: readonly string[], cols: number): string {
  const words = candidates.map((c) => c.trimEnd().split(' ').pop() ?? c)
  const width = Math.max(...words.map((w) => w.length)) + 2
  const perRow = Math.max(1, Math.floor(cols / width))
  const rows: string[] = []
  for (let i = 0; i < words.length; i += perRow) rows.push(words.slice(i, i + perRow).map((w) => w.padEnd(width)).join('').trimEnd())
  return `${ANSI.dim}${rows.join('\n')}${ANSI.reset}\n`
}
