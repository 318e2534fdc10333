/**
 * Share links: the editor's frames carried in the URL fragment (`/playground#share=…`), so a link
 * reopens the same document and nothing is stored on a server (the fragment is never sent in an
 * HTTP request).
 *
 *   share=1d.<base64url(deflate-raw(json))>   when CompressionStream('deflate-raw') exists
 *   share=1p.<base64url(json)>                otherwise (plain)
 *   json = {"frames":"SEND\ndestination:/queue/a\n\nhi\n^@","title":"optional"}
 *
 * The leading `1` is the format version: a future format gets a new digit and old links keep
 * working. Decoding never throws; a bad link gets an error that says what is wrong with it.
 */
import { fromBase64Url, toBase64Url } from './base64url'

export const SHARE_PARAM = 'share'
export const SHARE_FORMAT_VERSION = 1
/** Largest decoded document accepted (a guard against a decompression bomb in a crafted link). */
export const MAX_SHARED_BYTES = 512 * 1024

export interface SharedDocument {
  /** The editor document (frames in the editor convention, `^@` terminators). */
  readonly frames: string
  readonly title?: string
}

export type ShareErrorCode =
  | 'no-share'
  | 'unknown-version'
  | 'bad-encoding'
  | 'bad-base64'
  | 'inflate-failed'
  | 'too-large'
  | 'bad-json'
  | 'bad-shape'

export type ShareDecodeResult =
  | { readonly ok: true; readonly doc: SharedDocument; readonly compressed: boolean }
  | { readonly ok: false; readonly code: ShareErrorCode; readonly message: string }


function hasCompression(): boolean {
  return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function'
}

async function pipeThrough(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter()
  void writer.write(new Uint8Array(bytes)).catch(() => undefined)
  void writer.close().catch(() => undefined)
  const reader = stream.readable.getReader()
  const parts: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > limit) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    parts.push(value)
  }
  const out = new Uint8Array(total)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/** The fragment value (without `share=`) for a document. `compress: false` forces the plain form. */
export async function encodeShare(doc: SharedDocument, opts: { readonly compress?: boolean } = {}): Promise<string> {
  const json = JSON.stringify(doc.title === undefined ? { frames: doc.frames } : { frames: doc.frames, title: doc.title })
  const bytes = new TextEncoder().encode(json)
  if (opts.compress !== false && hasCompression()) {
    const packed = await pipeThrough(bytes, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER)
    if (packed !== null) return `${SHARE_FORMAT_VERSION}d.${toBase64Url(packed)}`
  }
  return `${SHARE_FORMAT_VERSION}p.${toBase64Url(bytes)}`
}

/** `#share=…` for a page URL's fragment. */
export async function shareFragment(doc: SharedDocument, opts: { readonly compress?: boolean } = {}): Promise<string> {
  return `#${SHARE_PARAM}=${await encodeShare(doc, opts)}`
}

/** The share value from a location hash (`#share=…`, possibly among other `&`-separated params), or null. */
export function shareValueFromHash(hash: string): string | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash
  for (const part of text.split('&')) {
    if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1)
  }
  return null
}

const fail = (code: ShareErrorCode, message: string): ShareDecodeResult => ({ ok: false, code, message })

/** Decodes a share value (what follows `share=`). */
export async function decodeShare(value: string): Promise<ShareDecodeResult> {
  const text = value.trim()
  if (text === '') return fail('no-share', 'The link has an empty share= part: there are no frames in it.')
  const m = /^(\d+)([a-z])\.(.*)$/s.exec(text)
  if (m === null) return fail('bad-encoding', 'This is not a Wirelab share link: it should start with a format number and a mode, like “1d.”. Was the link cut?')
  if (Number(m[1]) !== SHARE_FORMAT_VERSION) {
    return fail('unknown-version', `The link uses share format ${m[1]}, but this page reads format ${SHARE_FORMAT_VERSION}. It was probably made by a newer Wirelab.`)
  }
  const mode = m[2]
  if (mode !== 'd' && mode !== 'p') return fail('bad-encoding', `Unknown mode “${mode}” in the link (expected d for compressed or p for plain).`)
  const packed = fromBase64Url(m[3])
  if (packed === null) {
    return fail('bad-base64', 'The link’s data is not valid base64url: a character was changed or the link was cut (some chat apps break long links).')
  }
  let bytes: Uint8Array | null = packed
  if (mode === 'd') {
    if (!hasCompression()) return fail('inflate-failed', 'The link is compressed, but this browser has no DecompressionStream to unpack it.')
    try {
      bytes = await pipeThrough(packed, new DecompressionStream('deflate-raw'), MAX_SHARED_BYTES)
    } catch {
      return fail('inflate-failed', 'The link’s compressed data is damaged and could not be unpacked: the link was probably cut or edited.')
    }
    if (bytes === null) return fail('too-large', `The shared document is larger than ${MAX_SHARED_BYTES / 1024} KiB once unpacked; it was refused.`)
  } else if (bytes.length > MAX_SHARED_BYTES) {
    return fail('too-large', `The shared document is larger than ${MAX_SHARED_BYTES / 1024} KiB; it was refused.`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return fail('bad-json', 'The link unpacked, but its content is not the JSON a share link holds: it was probably edited.')
  }
  if (typeof parsed !== 'object' || parsed === null) return fail('bad-shape', 'The link’s content has no frames in it.')
  const frames: unknown = Reflect.get(parsed, 'frames')
  const title: unknown = Reflect.get(parsed, 'title')
  if (typeof frames !== 'string') return fail('bad-shape', 'The link’s content has no “frames” text: there is nothing to open.')
  if (title !== undefined && typeof title !== 'string') return fail('bad-shape', 'The link’s “title” is not text.')
  return { ok: true, doc: title === undefined ? { frames } : { frames, title }, compressed: mode === 'd' }
}
