/**
 * Meanwhile wrapper, until the codec's parser reports it on its error event: the `receipt` of
 * the frame a parse error interrupted, so that ERROR can carry `receipt-id` (checklist 71, 72).
 *
 * It keeps references (no copies) to the octets the parser has not yet reported as a frame or a
 * heart-beat — after an error, they begin with the failing frame — and on error reads that
 * frame's complete header lines with the codec's own decodeHeaderLine. Never CONNECT's (27).
 */
import type { StompVersion } from '../../lib/stomp/frame'
import { escapeModeFor, isConnectCommand } from '../../lib/stomp/escape'
import { decodeHeaderLine } from '../../lib/stomp/header-line'
import { decodeUtf8 } from '../../lib/stomp/utf8'

const LF = 0x0a
const CR = 0x0d

export class ReceiptSniffer {
  private chunks: Uint8Array[] = []

  pushed(chunk: Uint8Array): void {
    this.chunks.push(chunk)
  }

  /** The parser reported `n` octets (a frame's wireBytes or heart-beat EOLs). */
  consumed(n: number): void {
    let left = n
    while (left > 0 && this.chunks.length > 0) {
      const first = this.chunks[0]
      if (first.length <= left) {
        left -= first.length
        this.chunks.shift()
      } else {
        this.chunks[0] = first.subarray(left)
        left = 0
      }
    }
  }

  /** The failing frame's first `receipt` header, if its line arrived complete and decodes. */
  receipt(version: StompVersion | null): string | undefined {
    const total = this.chunks.reduce((n, c) => n + c.length, 0)
    const bytes = new Uint8Array(total)
    let o = 0
    for (const c of this.chunks) {
      bytes.set(c, o)
      o += c.length
    }
    let i = 0
    while (i < bytes.length && (bytes[i] === LF || bytes[i] === CR)) i++
    let command: string | null = null
    for (;;) {
      const end = bytes.indexOf(LF, i)
      if (end < 0) return undefined
      const line = bytes.subarray(i, end > i && bytes[end - 1] === CR ? end - 1 : end)
      i = end + 1
      if (command === null) {
        command = decodeUtf8(line)
        if (isConnectCommand(command)) return undefined
        continue
      }
      if (line.length === 0) return undefined // end of headers
      const header = decodeHeaderLine(line, escapeModeFor(command, version), version)
      if (header.ok && header.value[0] === 'receipt') return header.value[1]
    }
  }
}
