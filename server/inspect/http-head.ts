/**
 * Reads an HTTP/1.1 response head (status line, header lines, blank line) from the octets a
 * server writes, as they are written: the 101 of a WebSocket handshake, seen on the wire.
 */
import type { Header } from '../../lib/stomp/frame'

export interface ResponseHead {
  readonly statusLine: string
  readonly status: number
  /** Header lines exactly as written (names as cased on the wire, order kept). */
  readonly headers: readonly Header[]
}

/** A head longer than this is not followed (nothing a WebSocket server writes comes close). */
const MAX_HEAD_BYTES = 16 * 1024

export type HeadResult =
  | { readonly kind: 'more' }
  | { readonly kind: 'head'; readonly head: ResponseHead; readonly rest: Uint8Array }
  | { readonly kind: 'error'; readonly message: string }

const latin1 = new TextDecoder('latin1')

function endOfHead(bytes: Uint8Array): number {
  for (let i = 3; i < bytes.length; i++) {
    if (bytes[i] === 10 && bytes[i - 1] === 13 && bytes[i - 2] === 10 && bytes[i - 3] === 13) return i + 1
  }
  return -1
}

export function parseResponseHead(text: string): ResponseHead {
  const lines = text.split('\r\n').filter((line) => line !== '')
  const statusLine = lines[0] ?? ''
  const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1] ?? 0)
  const headers = lines.slice(1).map((line): Header => {
    const colon = line.indexOf(':')
    return colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1).trim()]
  })
  return { statusLine, status, headers }
}

export class ResponseHeadReader {
  private parts: Uint8Array[] = []
  private size = 0

  push(chunk: Uint8Array): HeadResult {
    this.parts.push(chunk)
    this.size += chunk.length
    const all = this.parts.length === 1 ? chunk : concat(this.parts, this.size)
    this.parts = [all]
    const end = endOfHead(all)
    if (end < 0) return this.size > MAX_HEAD_BYTES ? { kind: 'error', message: 'response head too long' } : { kind: 'more' }
    this.parts = []
    return { kind: 'head', head: parseResponseHead(latin1.decode(all.subarray(0, end))), rest: all.subarray(end) }
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** `headerValue(headers, 'sec-websocket-accept')`: the first, case-insensitively. */
export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const lower = name.toLowerCase()
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1]
}
