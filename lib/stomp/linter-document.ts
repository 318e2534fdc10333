/**
 * The frame editor's document convention, shared by the linter and the playground's "send":
 *
 *   SEND                      ← command line (blank lines before it are skipped)
 *   destination:/queue/demo   ← header lines, written in wire form (escapes as typed: \c, \n …)
 *                             ← the empty line that ends the headers
 *   hello                     ← body, any number of lines
 *   ^@                        ← the NUL octet
 *
 * A frame ends at `^@` (or a literal U+0000) followed only by spaces/tabs up to the end of the
 * line. The line break just before a `^@` that starts its line is not part of the body, so the
 * body above is `hello` (what the spec's examples mean); end the body with an empty line to send
 * a trailing newline. Lines end in LF or CRLF; a body keeps the line ends as typed. Lines that
 * are empty or hold only spaces, tabs or a stray `^@` between frames are skipped (not sent).
 * Columns are 1-based UTF-16 offsets, end exclusive (Monaco ranges).
 */
import { encodeUtf8 } from './utf8'

export interface TextRange {
  readonly startLine: number
  readonly startColumn: number
  readonly endLine: number
  readonly endColumn: number
}

export interface DocLine {
  /** 1-based line number. */
  readonly line: number
  /** Text without the line end (and without a trailing terminator on the line). */
  readonly text: string
  readonly eol: '' | '\n' | '\r\n'
}

export interface DocFrame {
  readonly command: DocLine
  readonly headers: readonly DocLine[]
  /** The empty line ending the headers; undefined when `^@` came first. */
  readonly blank?: DocLine
  readonly body: string
  /** Where the body text sits (an empty range right after the blank line when empty). */
  readonly bodyRange: TextRange
  /** The `^@` / U+0000 token, when present. */
  readonly terminator?: TextRange
  /** First and last line of the frame (terminator line included). */
  readonly startLine: number
  readonly endLine: number
}

const TERMINATOR = /(\^@|\u0000)[ \t]*$/

function splitLines(text: string): DocLine[] {
  const raw = text.split('\n')
  return raw.map((t, i) => {
    const last = i === raw.length - 1
    const crlf = !last && t.endsWith('\r')
    return { line: i + 1, text: crlf ? t.slice(0, -1) : t, eol: last ? '' : crlf ? '\r\n' : '\n' }
  })
}

/** Index of the terminator token in `text`, or -1. */
function terminatorAt(text: string): number {
  const m = TERMINATOR.exec(text)
  return m === null ? -1 : m.index
}

function tokenRange(line: number, at: number, text: string): TextRange {
  const len = text.startsWith('^@', at) ? 2 : 1
  return { startLine: line, startColumn: at + 1, endLine: line, endColumn: at + 1 + len }
}

export function splitDocument(text: string): DocFrame[] {
  const lines = splitLines(text)
  const frames: DocFrame[] = []
  let li = 0
  while (li < lines.length) {
    const first = lines[li]
    if (first.text.trim() === '' || terminatorAt(first.text) === 0) {
      li++ // heart-beat-like blank line or a stray ^@ between frames
      continue
    }
    const startLine = first.line
    let t = terminatorAt(first.text)
    const command: DocLine = t < 0 ? first : { ...first, text: first.text.slice(0, t) }
    li++
    const empty = (l: number, c: number): TextRange => ({ startLine: l, startColumn: c, endLine: l, endColumn: c })
    if (t >= 0) {
      frames.push({ command, headers: [], body: '', bodyRange: empty(first.line, t + 1), terminator: tokenRange(first.line, t, first.text), startLine, endLine: first.line })
      continue
    }
    const headers: DocLine[] = []
    let blank: DocLine | undefined
    let terminator: TextRange | undefined
    while (li < lines.length) {
      const l = lines[li++]
      if (l.text === '') {
        blank = l
        break
      }
      t = terminatorAt(l.text)
      if (t >= 0) {
        if (t > 0) headers.push({ ...l, text: l.text.slice(0, t) })
        terminator = tokenRange(l.line, t, l.text)
        break
      }
      headers.push(l)
    }
    if (blank === undefined) {
      const at = terminator ?? empty(lines[li - 1].line, lines[li - 1].text.length + 1)
      frames.push({ command, headers, body: '', bodyRange: empty(at.startLine, at.startColumn), terminator, startLine, endLine: lines[li - 1].line })
      continue
    }
    // body
    let body = ''
    let end = { line: blank.line, column: 1 }
    while (li < lines.length) {
      const l = lines[li++]
      t = terminatorAt(l.text)
      if (t >= 0) {
        body += l.text.slice(0, t)
        terminator = tokenRange(l.line, t, l.text)
        end = { line: l.line, column: t + 1 }
        if (t === 0 && body.length > 0) {
          // the line break before a ^@ that starts its line is not part of the body
          const prev = lines[l.line - 2]
          body = body.slice(0, body.length - prev.eol.length)
          end = { line: prev.line, column: prev.text.length + 1 }
        }
        break
      }
      body += l.text + l.eol
      end = { line: l.line, column: l.text.length + 1 }
    }
    const bodyRange: TextRange = body.length === 0
      ? empty(end.line, end.column)
      : { startLine: blank.line + 1, startColumn: 1, endLine: end.line, endColumn: end.column }
    frames.push({ command, headers, blank, body, bodyRange, terminator, startLine, endLine: lines[li - 1].line })
  }
  return frames
}

/**
 * The octets the document stands for: each frame's lines with their own line ends, the body as
 * UTF-8, then NUL. An unterminated last frame gets its NUL too (the linter warns about it).
 */
export function documentToWire(text: string): Uint8Array {
  const parts: string[] = []
  for (const f of splitDocument(text)) {
    parts.push(f.command.text + (f.command.eol || '\n'))
    for (const h of f.headers) parts.push(h.text + (h.eol || '\n'))
    if (f.blank !== undefined) parts.push(f.blank.eol || '\n', f.body)
    parts.push('\u0000')
  }
  return encodeUtf8(parts.join(''))
}
