/**
 * A streaming RFC 6455 frame decoder for a raw TCP byte stream: chunks may split a frame
 * anywhere (inside the header, inside the masking key, inside the payload) or carry several
 * frames. It keeps only frame boundaries and a capped, unmasked payload preview — never a whole
 * payload — so watching a connection costs a few octets of memory whatever its traffic.
 *
 *   const stream = new WsFrameStream({ previewBytes: 1024 })
 *   for (const frame of stream.push(chunk)) show(frame)   // frames completed by this chunk
 *
 * `push(chunk, false)` only follows the boundaries (nothing is decoded or returned for frames
 * whose header ends in that chunk): a tap that nobody watches stays in step for almost nothing.
 */
import { decodeFrameHeader, frameExtent, type FrameHeader } from './frame-header'

export interface DecodedFrame extends FrameHeader {
  /** The header octets exactly as on the wire (2 to 14). */
  readonly headerOctets: Uint8Array
  /**
   * The first `previewBytes` octets of the payload, unmasked. For an unmasked frame whose preview
   * lies whole in one pushed chunk this is a view into that chunk (no copy): copy it to keep it
   * longer than the chunk's octets stay unchanged.
   */
  readonly payload: Uint8Array
  /** true when the payload is longer than `payload`. */
  readonly truncated: boolean
}

export interface WsFrameStreamOptions {
  /** Payload octets kept per frame (default 1024). */
  readonly previewBytes?: number
}

interface Current {
  readonly header: FrameHeader
  readonly headerOctets: Uint8Array
  /** null = not reported (only skipped). */
  readonly preview: Uint8Array | null
  kept: number
  /** Payload octets already consumed. */
  index: number
}

const MAX_HEADER = 14
const NONE: readonly DecodedFrame[] = Object.freeze([])

export class WsFrameStream {
  private readonly previewBytes: number
  private readonly headerBuf = new Uint8Array(MAX_HEADER)
  private headerLen = 0
  private current: Current | null = null
  /** Octets left of a frame nobody watches (skipped without decoding). */
  private skip = 0
  private failure: string | null = null

  constructor(options: WsFrameStreamOptions = {}) {
    this.previewBytes = options.previewBytes ?? 1024
  }

  /** Set once the stream cannot be followed any more (a header no decoder could accept). */
  get error(): string | null {
    return this.failure
  }

  /** true between frames' boundaries: part of a header or payload has been read, not the rest. */
  get midFrame(): boolean {
    return this.headerLen > 0 || this.current !== null || this.skip > 0
  }

  /** Feed octets in wire order; returns the frames they complete. */
  push(chunk: Uint8Array, report = true): readonly DecodedFrame[] {
    if (!report && this.current === null && this.headerLen === 0 && this.failure === null) {
      // nobody watches and no reported frame is open: a chunk inside a skipped payload, or one
      // that starts a frame and ends inside it (how `ws` writes: header, then payload), costs a
      // subtraction — no array, no loop
      const n = chunk.length
      if (this.skip >= n) {
        this.skip -= n
        return NONE
      }
      if (this.skip === 0) {
        const size = frameExtent(chunk, 0)
        if (size >= n) {
          this.skip = size - n
          return NONE
        }
      }
    }
    const out: DecodedFrame[] = []
    let pos = 0
    while (pos < chunk.length && this.failure === null) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - pos)
        this.skip -= n
        pos += n
        continue
      }
      if (!report && this.current === null && this.headerLen === 0) {
        // fast path: a frame nobody watches, its header whole in this chunk — skip it outright
        const size = frameExtent(chunk, pos)
        if (size >= 0) {
          const n = Math.min(size, chunk.length - pos)
          this.skip = size - n
          pos += n
          continue
        }
      }
      if (this.current === null) pos = this.readHeader(chunk, pos, report)
      else pos = this.readPayload(chunk, pos)
      if (this.current !== null && this.current.index === this.current.header.payloadLength) this.finish(out)
    }
    return out
  }

  private readHeader(chunk: Uint8Array, pos: number, report: boolean): number {
    if (this.headerLen === 0) {
      const result = decodeFrameHeader(chunk, pos)
      if (result.kind === 'header') {
        const size = result.header.headerBytes
        this.start(result.header, chunk.slice(pos, pos + size), report, chunk, pos + size)
        return pos + size
      }
      if (result.kind === 'error') {
        this.failure = result.message
        return chunk.length
      }
    }
    const before = this.headerLen
    const copied = Math.min(MAX_HEADER - before, chunk.length - pos)
    this.headerBuf.set(chunk.subarray(pos, pos + copied), before)
    this.headerLen = before + copied
    const result = decodeFrameHeader(this.headerBuf.subarray(0, this.headerLen))
    if (result.kind === 'error') {
      this.failure = result.message
      return chunk.length
    }
    if (result.kind === 'incomplete') return pos + copied
    const size = result.header.headerBytes
    this.headerLen = 0
    this.start(result.header, this.headerBuf.slice(0, size), report, chunk, pos + (size - before))
    return pos + (size - before)
  }

  /** `chunk[payloadAt]` is the payload's first octet (when the chunk holds it). */
  private start(header: FrameHeader, headerOctets: Uint8Array, report: boolean, chunk: Uint8Array, payloadAt: number): void {
    if (!report) {
      this.current = { header, headerOctets, preview: null, kept: 0, index: 0 }
      return
    }
    const keep = Math.min(header.payloadLength, this.previewBytes)
    // unmasked and whole in this chunk: a view, no allocation, no copy (the common server → client case)
    const inPlace = header.maskKey === null && chunk.length - payloadAt >= keep
    const preview = inPlace ? chunk.subarray(payloadAt, payloadAt + keep) : new Uint8Array(keep)
    this.current = { header, headerOctets, preview, kept: inPlace ? keep : 0, index: 0 }
  }

  private readPayload(chunk: Uint8Array, pos: number): number {
    const cur = this.current as Current
    const n = Math.min(cur.header.payloadLength - cur.index, chunk.length - pos)
    const preview = cur.preview
    if (preview !== null && cur.kept < preview.length) {
      const take = Math.min(n, preview.length - cur.kept)
      const mask = cur.header.maskKey
      if (mask === null) preview.set(chunk.subarray(pos, pos + take), cur.kept)
      else for (let i = 0; i < take; i++) preview[cur.kept + i] = chunk[pos + i] ^ mask[(cur.index + i) & 3]
      cur.kept += take
    }
    cur.index += n
    return pos + n
  }

  private finish(out: DecodedFrame[]): void {
    const cur = this.current as Current
    this.current = null
    if (cur.preview === null) return
    const h = cur.header
    // an explicit literal: spreading the header here was a hot spot under load (bench --profile)
    out.push({
      fin: h.fin, rsv1: h.rsv1, rsv2: h.rsv2, rsv3: h.rsv3, opcode: h.opcode, masked: h.masked, maskKey: h.maskKey,
      payloadLength: h.payloadLength, lengthBits: h.lengthBits, headerBytes: h.headerBytes,
      headerOctets: cur.headerOctets, payload: cur.preview, truncated: h.payloadLength > cur.preview.length,
    })
  }
}
