/**
 * The octets a client received, in order, so each parser event gets its exact raw bytes back:
 * push each chunk as it arrives, then take(n) for each frame / heart-beat the parser reports
 * (they come out in wire order). Keeps only what has not been taken yet.
 */
export class ByteTape {
  private chunks: Uint8Array[] = []
  private offset = 0
  private size = 0

  get length(): number {
    return this.size
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return
    this.chunks.push(chunk)
    this.size += chunk.length
  }

  /** The next `n` octets (fewer if fewer are held), removed from the tape. */
  take(n: number): Uint8Array {
    const want = Math.min(n, this.size)
    const out = new Uint8Array(want)
    let o = 0
    while (o < want) {
      const head = this.chunks[0]
      const avail = head.length - this.offset
      const k = Math.min(avail, want - o)
      out.set(head.subarray(this.offset, this.offset + k), o)
      o += k
      this.offset += k
      if (this.offset === head.length) {
        this.chunks.shift()
        this.offset = 0
      }
    }
    this.size -= want
    return out
  }

  /** Everything left. */
  takeAll(): Uint8Array {
    return this.take(this.size)
  }
}
