/**
 * Hover texts of the frame editor (Markdown): a command or header shows its spec summary, what
 * the version requires and a link to the spec section; an escape says what it stands for (or why
 * it is invalid); `^@` says it is the NUL octet.
 */
import type { StompVersion } from '../frame'
import { mayHaveBody, requiredHeaders } from '../commands'
import { escapeModeFor } from '../escape'
import { commandDoc, headerDoc } from '../header-docs'
import type { TextRange } from '../linter-document'
import { commandSpecUrl, specUrl } from '../spec-links'
import { headersFor } from './header-sets'
import { docLines, lineStates } from './place'
import { tokenizeLine, type Token } from './tokenizer'

export interface EditorHover {
  readonly range: TextRange
  readonly markdown: string
}

const ESCAPES: Readonly<Record<string, string>> = { '\\c': 'a colon `:`', '\\n': 'a line feed (LF, 0x0a)', '\\r': 'a carriage return (CR, 0x0d)', '\\\\': 'a backslash `\\`' }

function commandHover(command: string, version: StompVersion): string | null {
  const d = commandDoc(command)
  if (d === undefined) return null
  const parts = [`**${command}** — ${d.summary}`]
  if (d.from === 'server') parts.push(`Only a server sends ${command}; a client that sends it gets an ERROR.`)
  else {
    const req = requiredHeaders(command, version).map((r) => r.anyOf.map((h) => `\`${h}\``).join(' or '))
    parts.push(req.length > 0 ? `Required in STOMP ${version}: ${req.join(', ')}.` : `No required headers in STOMP ${version}.`)
    parts.push(mayHaveBody(command) ? 'May carry a body.' : 'Must not carry a body.')
  }
  parts.push(`[STOMP ${version} §${command}](${commandSpecUrl(command, version)})`)
  return parts.join('\n\n')
}

function headerHover(name: string, command: string, version: StompVersion): string {
  const d = headerDoc(name)
  if (d === undefined) {
    return `**${name}** — not a standard header. ${command === 'SEND' ? 'Brokers usually pass it on to the subscribers in the MESSAGE.' : 'The server may ignore it.'}\n\n[STOMP ${version} §Frames and Headers](${specUrl('Frames_and_Headers', version)})`
  }
  const choice = headersFor(command, version).find((h) => h.name === name)
  const role = choice === undefined ? `Not used by ${command} frames.` : choice.required ? `Required in ${command} (STOMP ${version}).` : `Optional in ${command}.`
  return `**${name}** — ${d.summary}\n\n${role} Example: \`${name}:${d.example}\`\n\n[STOMP spec](${d.spec})`
}

function escapeHover(seq: string, valid: boolean, command: string, version: StompVersion): string {
  if (valid) return `\`${seq}\` is the escape of ${ESCAPES[seq]} in a header (STOMP ${version}).\n\n[STOMP ${version} §Value Encoding](${specUrl('Value_Encoding', version)})`
  const mode = escapeModeFor(command, version)
  const allowed = mode === '1.1' ? '`\\c` `\\n` `\\\\`' : '`\\c` `\\n` `\\r` `\\\\`'
  return `\`${seq}\` is not a STOMP ${version} escape: only ${allowed} are defined, and the server answers any other with an ERROR. Write \`\\\\\` for a backslash.\n\n[STOMP ${version} §Value Encoding](${specUrl('Value_Encoding', version)})`
}

const TERMINATOR_TEXT = '`^@` stands for the **NUL octet** (0x00) that ends every frame. Sending turns it into the real byte; without it the receiver keeps waiting for the rest of the frame.\n\n[STOMP 1.2 §STOMP Frames](' + specUrl('STOMP_Frames') + ')'

/** Hover at a 1-based position, or null where there is nothing to explain. */
export function hoverAt(text: string, line: number, column: number, version: StompVersion): EditorHover | null {
  const lines = docLines(text)
  if (line < 1 || line > lines.length) return null
  const l = lines[line - 1]
  const state = lineStates(lines, version)[line - 1]
  const { tokens } = tokenizeLine(l, state, version)
  const col = column - 1
  const idx = tokens.findIndex((t, i) => t.start <= col && col < (tokens[i + 1]?.start ?? l.length))
  if (idx < 0) return null
  const tok: Token = tokens[idx]
  const end = tokens[idx + 1]?.start ?? l.length
  const range: TextRange = { startLine: line, startColumn: tok.start + 1, endLine: line, endColumn: end + 1 }
  const command = state.command
  let markdown: string | null = null
  switch (tok.type) {
    case 'command':
    case 'command.server':
      markdown = commandHover(l.slice(tok.start, end), version)
      break
    case 'header.name': {
      // a name may be split by escapes: hover shows the whole name
      const colon = l.indexOf(':')
      return { range: { ...range, startColumn: 1, endColumn: colon + 1 }, markdown: headerHover(l.slice(0, colon), command, version) }
    }
    case 'escape':
    case 'escape.invalid': {
      const seq = l.slice(tok.start, tok.start + 2)
      return { range: { ...range, endColumn: tok.start + seq.length + 1 }, markdown: escapeHover(seq, tok.type === 'escape', command, version) }
    }
    case 'terminator':
      markdown = TERMINATOR_TEXT
      break
    default:
      markdown = null
  }
  return markdown === null ? null : { range, markdown }
}
