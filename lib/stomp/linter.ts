/**
 * The frame editor's diagnostics. A document holds one or more frames in the convention of
 * linter-document.ts (`^@` ends a frame). Every protocol error uses the broker's own code and
 * text (problems.ts) and the same spec tables (commands.ts) and escaping (escape.ts), so the
 * squiggle a learner sees is the ERROR the broker would send.
 */
import type { StompErrorCode } from './errors'
import type { Header, StompVersion } from './frame'
import { escapeModeFor, unescapeHeader, type EscapeMode } from './escape'
import { commandsFor, exampleValue, mayHaveBody, parseContentLength, type Role } from './commands'
import { makeProblem, quote, type ProblemContext } from './problems'
import { specUrl } from './spec-links'
import { encodeUtf8, utf8Length } from './utf8'
import { validateFrame } from './validate'
import { splitDocument, type DocFrame, type DocLine, type TextRange } from './linter-document'
import type { Diagnostic, LintCode, QuickFix, Severity } from './lint-types'

export interface LintOptions {
  /** The session's negotiated version the frames are written for. */
  readonly version: StompVersion
  /** Who sends these frames ('client' in the playground's editor). */
  readonly role: Role
}

const lineRange = (l: DocLine, from = 0, to = l.text.length): TextRange =>
  ({ startLine: l.line, startColumn: from + 1, endLine: l.line, endColumn: to + 1 })
const at = (line: number, column: number): TextRange => ({ startLine: line, startColumn: column, endLine: line, endColumn: column })

export function lintFrames(text: string, opts: LintOptions): Diagnostic[] {
  const out: Diagnostic[] = []
  const frames = splitDocument(text)
  frames.forEach((f, i) => lintFrame(f, opts, out, i === frames.length - 1 ? text : undefined))
  return out
}

interface Ctx {
  readonly out: Diagnostic[]
  readonly version: StompVersion
  readonly command: string
}

function fromProblem(c: Ctx, code: StompErrorCode, pctx: ProblemContext, range: TextRange, fix?: QuickFix, severity: Severity = 'error'): void {
  const p = makeProblem(code, { command: c.command, version: c.version, ...pctx })
  c.out.push({ code, severity, message: p.message, detail: p.detail, checklist: p.checklist, range, ...(fix ? { fix } : {}) })
}

function lint(c: Ctx, code: LintCode, severity: Severity, message: string, detail: string, checklist: readonly number[], range: TextRange, fix?: QuickFix): void {
  c.out.push({ code, severity, message, detail, checklist, range, ...(fix ? { fix } : {}) })
}

function lintFrame(f: DocFrame, opts: LintOptions, out: Diagnostic[], lastText: string | undefined): void {
  const { version } = opts
  const command = f.command.text
  const c: Ctx = { out, version, command }
  const known = commandsFor(opts.role, version).includes(command)
  const mode = escapeModeFor(command, version)
  const headers: Header[] = []
  const headerLines: DocLine[] = []
  const lineOf = new Map<string, DocLine>()
  for (const h of f.headers) {
    const decoded = lintHeaderLine(c, h, mode, known && mayHaveBody(command))
    if (decoded === undefined) continue
    const [name] = decoded
    const first = lineOf.get(name)
    if (first !== undefined) {
      lint(c, 'STOMP_LINT_REPEATED_HEADER', 'info', `Repeated header: ${name} (the first one wins)`,
        `${quote(name)} already appears on line ${first.line}. Receivers use the first occurrence and may ignore later ones.\n\nSpec: ${specUrl('Repeated_Header_Entries')}`,
        [18], lineRange(h), { title: 'Remove this repeated header', edits: [{ range: { startLine: h.line - 1, startColumn: prevEnd(f, h), endLine: h.line, endColumn: h.text.length + 1 }, text: '' }] })
    } else {
      lineOf.set(name, h)
      if (name === 'content-length') lintContentLength(c, h, decoded[1], f)
    }
    headers.push(decoded)
    headerLines.push(h)
  }
  // the broker's own checks (validate.ts), mapped to ranges and quick fixes
  const body = encodeUtf8(f.body)
  for (const issue of validateFrame({ command, headers, body }, opts)) {
    const p = issue.problem
    const t = issue.target
    let range = lineRange(f.command)
    let fix: QuickFix | undefined
    if (t.kind === 'command' && issue.rule !== undefined) {
      const name = issue.rule.anyOf[0]
      const last = f.headers.length > 0 ? f.headers[f.headers.length - 1] : f.command
      const line = `${name}:${exampleValue(command, name, version)}`
      fix = { title: `Add ${line}`, edits: [{ range: at(last.line, last.text.length + 1), text: `\n${line}` }] }
    } else if (t.kind === 'command' && issue.replacement !== undefined) {
      fix = { title: `Change to ${issue.replacement}`, edits: [{ range, text: issue.replacement }] }
    } else if (t.kind === 'header-value') {
      const h = headerLines[t.index]
      range = lineRange(h, h.text.indexOf(':') + 1)
      if (issue.replacement !== undefined) {
        fix = { title: `Use ${headers[t.index][0]}:${issue.replacement}`, edits: [{ range, text: issue.replacement }] }
      }
    } else if (t.kind === 'body') {
      range = f.bodyRange
      const end = f.terminator ? { line: f.terminator.startLine, column: f.terminator.startColumn } : { line: range.endLine, column: range.endColumn }
      fix = { title: 'Remove the body', edits: [{ range: { startLine: range.startLine, startColumn: range.startColumn, endLine: end.line, endColumn: end.column }, text: '' }] }
    }
    const code: LintCode = p.code === 'STOMP_ERR_MISSING_HEADER' && issue.rule?.anyOf[0] === 'host' ? 'STOMP_LINT_HOST_MISSING' : p.code
    out.push({ code, severity: issue.severity, message: p.message, detail: p.detail, checklist: p.checklist, range, ...(fix ? { fix } : {}) })
  }
  lintTermination(c, f, lastText)
}

function prevEnd(f: DocFrame, h: DocLine): number {
  const prev = f.headers.find((x) => x.line === h.line - 1) ?? f.command
  return prev.text.length + 1
}

/** Syntax and escaping of one header line; returns the decoded header (raw parts where undecodable). */
function lintHeaderLine(c: Ctx, h: DocLine, mode: EscapeMode, bodyAllowed: boolean): Header | undefined {
  const colon = h.text.indexOf(':')
  if (colon < 0) {
    const fix = bodyAllowed ? { title: 'Start the body here (insert the empty line that ends the headers)', edits: [{ range: at(h.line, 1), text: '\n' }] } : undefined
    fromProblem(c, 'STOMP_ERR_HEADER_NO_COLON', { line: h.text }, lineRange(h), fix)
    return undefined
  }
  if (colon === 0) {
    fromProblem(c, 'STOMP_ERR_EMPTY_HEADER_NAME', { line: h.text }, lineRange(h))
    return undefined
  }
  const rawName = h.text.slice(0, colon)
  const rawValue = h.text.slice(colon + 1)
  const name = unescapeHeader(rawName, mode)
  const value = unescapeHeader(rawValue, mode)
  for (const [r, offset] of [[name, 0], [value, colon + 1]] as const) {
    if (r.ok) continue
    const start = offset + r.index
    fromProblem(c, 'STOMP_ERR_BAD_ESCAPE', { line: h.text, sequence: r.sequence }, lineRange(h, start, start + r.sequence.length),
      { title: 'Escape the backslash (\\\\)', edits: [{ range: at(h.line, start + 1), text: '\\' }] })
  }
  if (mode !== 'none' && rawValue.includes(':')) {
    const edits = [...rawValue.matchAll(/:/g)].map((m) => ({ range: lineRange(h, colon + 1 + (m.index ?? 0), colon + 2 + (m.index ?? 0)), text: '\\c' }))
    lint(c, 'STOMP_LINT_UNESCAPED_COLON', 'warning', 'Unescaped \':\' in header value',
      `In STOMP ${c.version} a colon inside a header is written \\c (${c.command} frames are escaped). Most servers split on the first colon and accept it, but a strict one may not.\n\nSpec: ${specUrl('Value_Encoding')}`,
      [6, 12], lineRange(h, colon + 1), { title: 'Escape the colons as \\c', edits })
  }
  if (mode === 'none' && /\\[rnc\\]/.test(h.text)) {
    const why = c.version === '1.0' ? 'STOMP 1.0 has no escapes' : `${c.command} headers are never unescaped`
    lint(c, 'STOMP_LINT_LITERAL_BACKSLASH', 'info', `${why}: backslashes are sent literally`,
      `${quote(h.text)} is sent and read exactly as written: \\c stays two characters, it does not become ':'.\n\nSpec: ${specUrl('Value_Encoding')}`,
      c.version === '1.0' ? [16] : [15], lineRange(h))
  }
  if (rawName.trim() !== rawName) {
    lint(c, 'STOMP_LINT_HEADER_SPACE', 'warning', `Header name ${quote(rawName)} has spaces around it`,
      `Spaces are part of the name: ${quote(rawName)} is not ${quote(rawName.trim())}.\n\nSpec: ${specUrl('Value_Encoding')}`,
      [10], lineRange(h, 0, colon), { title: `Rename to ${rawName.trim()}`, edits: [{ range: lineRange(h, 0, colon), text: rawName.trim() }] })
  } else if (c.version !== '1.0' && /^[ \t]/.test(rawValue)) {
    lint(c, 'STOMP_LINT_HEADER_SPACE', 'info', 'Value starts with a space (kept: 1.1/1.2 never trim)',
      `STOMP 1.1 and 1.2 never trim headers, so the value is ${quote(rawValue)} with its leading space. (STOMP 1.0 servers often trimmed it.)\n\nSpec: ${specUrl('Value_Encoding')}`,
      [10], lineRange(h, colon + 1))
  }
  return [name.ok ? name.text : rawName, value.ok ? value.text : rawValue]
}

/** content-length (first occurrence) against the body's UTF-8 octets (checklist 8). */
function lintContentLength(c: Ctx, h: DocLine, value: string, f: DocFrame): void {
  const range = lineRange(h, h.text.indexOf(':') + 1)
  const octets = utf8Length(f.body)
  const cl = parseContentLength(value)
  const fix = { title: `Set content-length:${octets}`, edits: [{ range, text: String(octets) }] }
  if (cl === null) fromProblem(c, 'STOMP_ERR_BAD_CONTENT_LENGTH', { header: 'content-length', value }, range, fix)
  else if (cl !== octets) {
    lint(c, 'STOMP_LINT_CONTENT_LENGTH_MISMATCH', 'error', `content-length:${cl} but the body has ${octets} octets`,
      `The receiver reads exactly ${cl} octets and then expects the NUL. ${cl < octets
        ? `Here octet ${cl + 1} is not NUL, so the server fails with STOMP_ERR_MISSING_NULL.`
        : 'Here it would read the NUL and the next frame\'s octets as body, and wait for more.'} Count octets, not characters: "é" is 2 octets in UTF-8.\n\nSpec: ${specUrl('Header_content-length')}`,
      [8], range, fix)
  }
}

function lintTermination(c: Ctx, f: DocFrame, lastText: string | undefined): void {
  if (f.terminator !== undefined && f.blank === undefined) {
    const t = f.terminator
    lint(c, 'STOMP_LINT_NO_BLANK_LINE', 'error', 'Missing empty line before ^@',
      'The headers end with an empty line, even when there is no body. Without it the receiver reads the NUL as the start of another header line (STOMP_ERR_HEADER_NO_COLON).\n\n' +
      `A correct frame looks like this:\n\n    ${c.command}\n    …headers…\n\n    ^@\n\nSpec: ${specUrl('STOMP_Frames')}`,
      [1], t, { title: 'Insert the empty line', edits: [{ range: at(t.startLine, t.startColumn), text: t.startColumn === 1 ? '\n' : '\n\n' }] })
  } else if (f.terminator === undefined && lastText !== undefined) {
    const needs = f.blank === undefined ? '\n\n^@' : f.body.length === 0 && f.blank.eol === '' ? '\n^@' : lastText.endsWith('\n') ? '^@' : '\n^@'
    const lines = lastText.split('\n')
    const end = at(lines.length, lines[lines.length - 1].length + 1)
    lint(c, 'STOMP_LINT_MISSING_NUL', 'warning', 'Frame not terminated: ^@ missing',
      `Every frame ends with the NUL octet, written ^@ here. Without it the receiver keeps waiting for the rest of the frame.\n\nSpec: ${specUrl('STOMP_Frames')}`,
      [1], end, { title: 'Add ^@', edits: [{ range: end, text: needs }] })
  }
}
