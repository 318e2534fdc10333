/** Octet helpers: views instead of copies, one copy when parts must be joined. */
export const EMPTY = new Uint8Array(0)

/** A plain Uint8Array view of chunk[start, end) — no copy (works for Buffer subclasses too). */
export function view(chunk: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(chunk.buffer, chunk.byteOffset + start, end - start)
}

/** Joins parts (`length` = their total); a single part is returned as is. */
export function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]
  const out = new Uint8Array(length)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}
