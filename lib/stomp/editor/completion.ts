/**
 * Completion candidates of the frame editor, as data (the Monaco adapter only maps them):
 * - on a command line: the client commands of the version, and a template for every frame;
 * - in the headers: the headers valid for the command and version, required ones first, minus
 *   those already written;
 * - after a header's colon: its values (valueChoices), escaped for the frame (checklist 12-16).
 */
import type { StompVersion } from '../frame'
import { commandsFor } from '../commands'
import { escapeHeader, escapeModeFor } from '../escape'
import { commandDoc, headerDoc } from '../header-docs'
import { commandSpecUrl } from '../spec-links'
import { splitDocument, type TextRange } from '../linter-document'
import { utf8Length } from '../utf8'
import { headersFor } from './header-sets'
import { placeAt, type EditorCompletionContext } from './place'
import { snippetsFor } from './snippets'
import { valueChoices } from './values'

export type CompletionKind = 'command' | 'snippet' | 'header' | 'value'

export interface EditorCompletion {
  readonly label: string
  readonly kind: CompletionKind
  /** Text to insert; uses Monaco snippet syntax (`${1:x}`) when `snippet` is true. */
  readonly insertText: string
  readonly snippet: boolean
  readonly detail: string
  /** Markdown. */
  readonly documentation?: string
  /** Sort key: candidates are meant to be shown in this order. */
  readonly sortText: string
  /** Text replaced by the insertion (1-based, end exclusive). */
  readonly range: TextRange
  /** Open the completion list again after inserting (a header name → its values). */
  readonly retrigger: boolean
}

const pad = (n: number): string => String(n).padStart(3, '0')

function commandItems(range: TextRange, version: StompVersion, ctx: EditorCompletionContext): EditorCompletion[] {
  const commands = commandsFor('client', version).map((c, i): EditorCompletion => {
    const d = commandDoc(c)
    return {
      label: c, kind: 'command', insertText: c, snippet: false, detail: d?.summary ?? 'STOMP command',
      documentation: d ? `${d.summary}\n\n[STOMP ${version} §${c}](${commandSpecUrl(c, version)})` : undefined,
      sortText: `0${pad(i)}`, range, retrigger: false,
    }
  })
  const templates = snippetsFor(version, ctx).map((s, i): EditorCompletion => ({
    label: s.label, kind: 'snippet', insertText: s.body, snippet: true, detail: s.description,
    documentation: '```\n' + s.text + '\n```', sortText: `1${pad(i)}`, range, retrigger: false,
  }))
  return [...commands, ...templates]
}

/** Values of `header` written in `command` frames elsewhere in the document. */
function documentValues(text: string, command: string, header: string, skipLine: number): string[] {
  const out: string[] = []
  for (const f of splitDocument(text)) {
    if (f.command.text !== command) continue
    for (const h of f.headers) {
      if (h.line === skipLine || !h.text.startsWith(`${header}:`)) continue
      out.push(h.text.slice(header.length + 1))
    }
  }
  return out
}

function bodyOctetsAt(text: string, line: number): number | undefined {
  const f = splitDocument(text).find((x) => x.startLine <= line && line <= x.endLine)
  return f === undefined ? undefined : utf8Length(f.body)
}

/** Candidates at a 1-based position. */
export function completionsAt(text: string, line: number, column: number, version: StompVersion, ctx: EditorCompletionContext): EditorCompletion[] {
  const place = placeAt(text, line, column, version)
  switch (place.kind) {
    case 'command':
      return commandItems(place.range, version, ctx)
    case 'body':
      return []
    case 'header-name': {
      const present = new Set(place.present)
      return headersFor(place.command, version)
        .filter((h) => !present.has(h.name))
        .map((h, i): EditorCompletion => {
          const d = headerDoc(h.name)
          return {
            label: h.name, kind: 'header', insertText: place.hasColon ? h.name : `${h.name}:`, snippet: false,
            detail: h.required ? `required in ${place.command} (${version})` : 'optional',
            documentation: d ? `${d.summary}\n\nExample: \`${h.name}:${d.example}\`\n\n[STOMP spec](${d.spec})` : undefined,
            sortText: `${h.required ? 0 : 1}${pad(i)}`, range: place.range, retrigger: !place.hasColon,
          }
        })
    }
    case 'header-value': {
      const mode = escapeModeFor(place.command, version)
      const choices = valueChoices({
        command: place.command, header: place.header, version, ctx,
        inDocument: documentValues(text, place.command, place.header, line),
        bodyOctets: place.header === 'content-length' ? bodyOctetsAt(text, line) : undefined,
      })
      return choices.map((c, i): EditorCompletion => {
        const value = escapeHeader(c.value, mode)
        return {
          label: value, kind: 'value', insertText: value, snippet: false, detail: c.detail,
          documentation: value !== c.value ? `Escaped for STOMP ${version}: \`${c.value}\` is written \`${value}\`.` : undefined,
          sortText: `0${pad(i)}`, range: place.range, retrigger: false,
        }
      })
    }
  }
}
