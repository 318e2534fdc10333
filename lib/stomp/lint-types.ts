/** Diagnostic model of the frame editor (Monaco-style 1-based ranges, end column exclusive). */
import type { StompErrorCode } from './errors'
import type { TextRange } from './linter-document'

/** Codes only the linter produces (style, SHOULDs, document convention); the rest are StompErrorCodes. */
export const LINT_CODES = [
  'STOMP_LINT_HOST_MISSING',            // CONNECT without host in 1.1/1.2 (24): tolerated by brokers
  'STOMP_LINT_UNESCAPED_COLON',         // ':' in a 1.1/1.2 header value not written as \c (6, 12)
  'STOMP_LINT_CONTENT_LENGTH_MISMATCH', // content-length ≠ body octets (8)
  'STOMP_LINT_REPEATED_HEADER',         // info: the first occurrence wins (18)
  'STOMP_LINT_MISSING_NUL',             // frame not terminated by ^@ (1)
  'STOMP_LINT_NO_BLANK_LINE',           // ^@ before the empty line that ends the headers (1)
  'STOMP_LINT_HEADER_SPACE',            // spaces around a name or value are kept in 1.1/1.2 (10)
  'STOMP_LINT_LITERAL_BACKSLASH',       // escape-looking text where nothing is unescaped (15, 16)
] as const
export type LintOnlyCode = (typeof LINT_CODES)[number]
export type LintCode = StompErrorCode | LintOnlyCode

export type Severity = 'error' | 'warning' | 'info'

export interface TextEdit {
  readonly range: TextRange
  readonly text: string
}

export interface QuickFix {
  readonly title: string
  readonly edits: readonly TextEdit[]
}

export interface Diagnostic {
  readonly code: LintCode
  readonly severity: Severity
  /** One line (the same text as the ERROR frame's `message` for StompErrorCodes). */
  readonly message: string
  /** Teaching text (the same text as the ERROR frame's body for StompErrorCodes). */
  readonly detail?: string
  readonly checklist: readonly number[]
  readonly range: TextRange
  readonly fix?: QuickFix
}

/** Applies edits (non-overlapping, any order) to `text`; used to run a quick fix. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts: number[] = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  const offset = (line: number, column: number): number =>
    Math.min(text.length, (starts[Math.min(line, starts.length) - 1] ?? text.length) + column - 1)
  const sorted = edits
    .map((e) => ({ from: offset(e.range.startLine, e.range.startColumn), to: offset(e.range.endLine, e.range.endColumn), text: e.text }))
    .sort((a, b) => b.from - a.from)
  let out = text
  for (const e of sorted) out = out.slice(0, e.from) + e.text + out.slice(e.to)
  return out
}
