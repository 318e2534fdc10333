/**
 * What Ctrl/⌘+Enter sends: the frame under the cursor, as document text (the page turns it into
 * octets with editorTextToWire). Frames are delimited as the linter and documentToWire delimit
 * them (linter-document.ts), so the frame sent is the frame the squiggles talk about.
 */
import { documentToWire, splitDocument } from '../linter-document'
import { encodeUtf8 } from '../utf8'

export interface FrameSpan {
  /** 1-based first and last line (the `^@` line included). */
  readonly startLine: number
  readonly endLine: number
  /** The frame's lines as typed, joined with their own line ends (no line end after the last). */
  readonly text: string
}

/** Every frame of the document with its lines. */
export function frameSpans(text: string): FrameSpan[] {
  const lines = text.split('\n')
  return splitDocument(text).map((f) => {
    const slice = lines.slice(f.startLine - 1, f.endLine).join('\n')
    return { startLine: f.startLine, endLine: f.endLine, text: slice.endsWith('\r') ? slice.slice(0, -1) : slice }
  })
}

/**
 * The frame holding 1-based `line`. On a line between frames (blank, or a stray `^@`) it is the
 * nearest frame above — the one just finished; null when there is none above.
 */
export function frameAt(text: string, line: number): FrameSpan | null {
  let above: FrameSpan | null = null
  for (const f of frameSpans(text)) {
    if (f.startLine <= line && line <= f.endLine) return f
    if (f.endLine < line) above = f
  }
  return above
}

/**
 * The octets an editor text stands for.
 * - normal: documentToWire — each frame's lines, `^@` → NUL, a missing NUL added, blank lines
 *   between frames dropped (the frames the linter checked);
 * - raw ("send exactly as typed"): every character as typed, line ends included, only `^@`
 *   turned into NUL, nothing added — for sending a broken frame on purpose.
 */
export function editorTextToWire(text: string, rawMode: boolean): Uint8Array {
  return rawMode ? encodeUtf8(text.replaceAll('^@', '\u0000')) : documentToWire(text)
}
