/**
 * Decorations of the frame editor as data: the lines Ctrl+Enter would send (a bar in the gutter)
 * and every `^@` terminator (a badge, so the NUL stands out from text). No monaco import.
 */
import type { StompVersion } from '@/lib/stomp/frame'
import type { TextRange } from '@/lib/stomp/linter-document'
import { frameAt, tokenizeDocument } from '@/lib/stomp/editor'

export interface DecorationSpec {
  readonly range: TextRange
  readonly kind: 'current-frame' | 'terminator'
}

export function decorationSpecs(text: string, cursorLine: number, version: StompVersion): DecorationSpec[] {
  const out: DecorationSpec[] = []
  const lines = text.split('\n')
  tokenizeDocument(text, version).forEach((tokens, i) => {
    tokens.forEach((t, j) => {
      if (t.type !== 'terminator') return
      const end = tokens[j + 1]?.start ?? lines[i].replace(/\r$/, '').length
      out.push({ kind: 'terminator', range: { startLine: i + 1, startColumn: t.start + 1, endLine: i + 1, endColumn: end + 1 } })
    })
  })
  const f = frameAt(text, cursorLine)
  if (f !== null) out.push({ kind: 'current-frame', range: { startLine: f.startLine, startColumn: 1, endLine: f.endLine, endColumn: 1 } })
  return out
}
