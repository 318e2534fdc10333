/**
 * The frame editor's diagnostics. A document holds one or more frames in the convention of
 * linter-document.ts (`^@` ends a frame). Every protocol error uses the broker's own code and
 * text (problems.ts) and the same spec tables (commands.ts) and escaping (escape.ts), so the
 * squiggle a learner sees is the ERROR the broker would send.
 */
import type { StompErrorCode } from './errors'
import type { Header, StompVersion } from './frame'
import { escapeModeFor, unescapeHeader, type EscapeMode } from './escape'
import {
  ackModes, commandsFor, exampleValue, isServerCommand, isValidAckMode, mayHaveBody, missingHeaders,
  parseContentLength, parseHeartBeat, type Role,
} from './commands'
import { makeProblem, quote, type ProblemContext } from './problems'
import { specUrl } from './spec-links'
import { suggest } from './suggest'
import { utf8Length } from './utf8'
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

function fromProblem(c: Ctx, code: StompErrorCode, pctx: ProblemContext, range: TextRange, fix?: QuickFix, severity: Severity = 'error', as?: LintCode): void {
  const p = makeProblem(code, { command: c.command, version: c.version, ...pctx })
  c.out.push({ code: as ?? code, severity, message: p.message, detail: p.detail, checklist: p.checklist, range, ...(fix ? { fix } : {}) })
}

function lint(c: Ctx, code: LintCode, severity: Severity, message: string, detail: string, checklist: readonly number[], range: TextRange, fix?: QuickFix): void {
  c.out.push({ code, severity, message, detail, checklist, range, ...(fix ? { fix } : {}) })
}

function lintFrame(f: DocFrame, opts: LintOptions, out: Diagnostic[], lastText: string | undefined): void {
  const { version, role } = opts
  const command = f.command.text
  const c: Ctx = { out, version, command }
  const known = commandsFor(role, version).includes(command)
  if (!known) {
    if (command === 'NACK' && version === '1.0') fromProblem(c, 'STOMP_ERR_NACK_IN_1_0', {}, lineRange(f.command))
    else {
      const s = isServerCommand(command) && role === 'client' ? undefined : suggest(command, commandsFor(role, version))
      const fix = s === undefined ? undefined : { title: `Change to ${s}`, edits: [{ range: lineRange(f.command), text: s }] }
      fromProblem(c, 'STOMP_ERR_BAD_COMMAND', { suggestion: s }, lineRange(f.command), fix)
    }
  }
  const mode = escapeModeFor(command, version)
  const headers: Header[] = []
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
      lintValue(c, h, decoded, f)
    }
    headers.push(decoded)
  }
  if (known) {
    const insertAfter = f.headers.length > 0 ? f.headers[f.headers.length - 1] : f.command
    for (const rule of missingHeaders({ command, headers }, version)) {
      const name = rule.anyOf[0]
      const fix = { title: `Add ${name}:${exampleValue(command, name, version)}`, edits: [{ range: at(insertAfter.line, insertAfter.text.length + 1), text: `\n${name}:${exampleValue(command, name, version)}` }] }
      const host = name === 'host'
      fromProblem(c, 'STOMP_ERR_MISSING_HEADER', { header: name, expected: rule.anyOf, checklist: rule.checklist, spec: rule.spec },
        lineRange(f.command), fix, rule.severity, host ? 'STOMP_LINT_HOST_MISSING' : undefined)
    }
    if (f.body.length > 0 && !mayHaveBody(command)) {
      const r = f.bodyRange
      const end = f.terminator ? { line: f.terminator.startLine, column: f.terminator.startColumn } : { line: r.endLine, column: r.endColumn }
      fromProblem(c, 'STOMP_ERR_BODY_NOT_ALLOWED', { actual: utf8Length(f.body) }, r,
        { title: 'Remove the body', edits: [{ range: { startLine: r.startLine, startColumn: r.startColumn, endLine: end.line, endColumn: end.column }, text: '' }] })
    }
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

/** Values with a syntax: heart-beat (28), ack (43), content-length (8). */
function lintValue(c: Ctx, h: DocLine, [name, value]: Header, f: DocFrame): void {
  const range = lineRange(h, h.text.indexOf(':') + 1)
  const replace = (title: string, text: string): QuickFix => ({ title, edits: [{ range, text }] })
  if (name === 'heart-beat' && ['CONNECT', 'STOMP', 'CONNECTED'].includes(c.command) && parseHeartBeat(value) === null) {
    fromProblem(c, 'STOMP_ERR_BAD_HEART_BEAT', { value }, range, replace('Use heart-beat:0,0 (no heart-beats)', '0,0'))
  } else if (name === 'ack' && c.command === 'SUBSCRIBE' && !isValidAckMode(value, c.version)) {
    const close = suggest(value, ackModes(c.version))
    const s = close ?? 'auto'
    fromProblem(c, 'STOMP_ERR_BAD_HEADER_VALUE', { header: name, value, expected: ackModes(c.version), suggestion: close }, range, replace(`Use ack:${s}`, s))
  } else if (name === 'content-length') {
    const octets = utf8Length(f.body)
    const cl = parseContentLength(value)
    const fix = replace(`Set content-length:${octets}`, String(octets))
    if (cl === null) fromProblem(c, 'STOMP_ERR_BAD_CONTENT_LENGTH', { header: name, value }, range, fix)
    else if (cl !== octets) {
      lint(c, 'STOMP_LINT_CONTENT_LENGTH_MISMATCH', 'error', `content-length:${cl} but the body has ${octets} octets`,
        `The receiver reads exactly ${cl} octets and then expects the NUL. ${cl < octets
          ? `Here octet ${cl + 1} is not NUL, so the server fails with STOMP_ERR_MISSING_NULL.`
          : 'Here it would read the NUL and the next frame\'s octets as body, and wait for more.'} Count octets, not characters: "é" is 2 octets in UTF-8.\n\nSpec: ${specUrl('Header_content-length')}`,
        [8], range, fix)
    }
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
