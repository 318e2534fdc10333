/**
 * Byte- and frame-level mutations of valid STOMP streams, and random byte strings. Each mutation
 * returns the new bytes and a short label for the report (`flip@12`, `lower-command`, …). A
 * mutation may well leave the stream valid: the oracle (oracle.ts) decides, never the label.
 */
import type { ParserLimits } from '../broker/options'
import type { Prng } from './prng'

const enc = new TextEncoder()
const LF = 0x0a
const NUL = 0x00
const COLON = 0x3a

/** Bytes that matter to a STOMP parser, drawn more often than chance would. */
const SPECIAL = [LF, 0x0d, NUL, COLON, 0x5c /* \ */, 0x20, 0x2c, 0xff, 0xc3, 0x80]
const ALPHABET = enc.encode('SENDCONNECTSUBSCRIBEACKNACKBEGINCOMMITABORTDISCONNECTsend\n\n\r\n\0\0::\\\\ccnrt destination:/topic/queue/id:receipt:content-length:0123456789 héllo')

export interface Mutated {
  readonly bytes: Uint8Array
  readonly label: string
}

function splice(b: Uint8Array, at: number, remove: number, insert: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(b.length - remove + insert.length)
  out.set(b.subarray(0, at), 0)
  out.set(insert, at)
  out.set(b.subarray(at + remove), at + insert.length)
  return out
}

/** Start offsets of every line (after each LF, plus 0). */
function lineStarts(b: Uint8Array): number[] {
  const starts = [0]
  for (let i = 0; i < b.length - 1; i++) if (b[i] === LF) starts.push(i + 1)
  return starts
}

/** Lines that look like `name:value` headers: [start, colon, end) offsets. */
function headerLines(b: Uint8Array): Array<{ start: number; colon: number; end: number }> {
  const out: Array<{ start: number; colon: number; end: number }> = []
  for (const start of lineStarts(b)) {
    let end = b.indexOf(LF, start)
    if (end < 0) end = b.length
    const colon = b.subarray(start, end).indexOf(COLON)
    if (colon > 0) out.push({ start, colon: start + colon, end })
  }
  return out
}

/** Offsets where a command line starts (stream start and after each NUL, skipping EOLs). */
function commandStarts(b: Uint8Array): number[] {
  const out: number[] = []
  let i = 0
  for (;;) {
    while (i < b.length && (b[i] === LF || b[i] === 0x0d)) i++
    if (i >= b.length) return out
    out.push(i)
    const nul = b.indexOf(NUL, i)
    if (nul < 0) return out
    i = nul + 1
  }
}

function specialByte(rng: Prng): number {
  return rng.chance(0.5) ? rng.pick(SPECIAL) : rng.byte()
}

type Mutation = (b: Uint8Array, rng: Prng, limits: ParserLimits) => Mutated | null

const MUTATIONS: ReadonlyArray<readonly [string, Mutation]> = [
  ['flip', (b, rng) => {
    if (b.length === 0) return null
    const at = rng.int(0, b.length - 1)
    const out = b.slice()
    out[at] = rng.chance(0.5) ? out[at] ^ (1 << rng.int(0, 7)) : specialByte(rng)
    return { bytes: out, label: `flip@${at}` }
  }],
  ['insert', (b, rng) => {
    const at = rng.int(0, b.length)
    return { bytes: splice(b, at, 0, new Uint8Array([specialByte(rng)])), label: `insert@${at}` }
  }],
  ['delete', (b, rng) => {
    if (b.length === 0) return null
    const at = rng.int(0, b.length - 1)
    return { bytes: splice(b, at, Math.min(rng.int(1, 3), b.length - at)), label: `delete@${at}` }
  }],
  ['lower-command', (b, rng) => {
    const starts = commandStarts(b)
    if (starts.length === 0) return null
    const s = rng.pick(starts)
    const out = b.slice()
    for (let i = s; i < out.length && out[i] !== LF && out[i] !== 0x0d; i++) if (out[i] >= 0x41 && out[i] <= 0x5a) out[i] += 0x20
    return { bytes: out, label: 'lower-command' }
  }],
  ['drop-colon', (b, rng) => {
    const lines = headerLines(b)
    if (lines.length === 0) return null
    const l = rng.pick(lines)
    return { bytes: splice(b, l.colon, 1), label: 'drop-colon' }
  }],
  ['bad-escape', (b, rng) => {
    const lines = headerLines(b)
    if (lines.length === 0) return null
    const l = rng.pick(lines)
    const seq = enc.encode(rng.pick(['\\t', '\\x', '\\r', '\\', '\\ ', '\\0']))
    const at = rng.int(l.colon + 1, l.end)
    return { bytes: splice(b, at, 0, seq), label: 'bad-escape' }
  }],
  ['content-length', (b, rng, limits) => {
    const starts = commandStarts(b)
    if (starts.length === 0) return null
    const s = rng.pick(starts)
    const eol = b.indexOf(LF, s)
    if (eol < 0) return null
    const value = rng.pick(['99999999999999999999', String(limits.maxBodyBytes + 1), String(rng.int(0, 64)), String(rng.int(100, 2000)), '-1', 'abc', '1e3', ' 5', '', '007'])
    return { bytes: splice(b, eol + 1, 0, enc.encode(`content-length:${value}\n`)), label: `content-length:${value}` }
  }],
  ['missing-nul', (b) => {
    const nul = b.lastIndexOf(NUL)
    if (nul < 0) return null
    return { bytes: splice(b, nul, 1), label: 'missing-nul' }
  }],
  ['oversize-header', (b, rng, limits) => {
    const starts = commandStarts(b)
    if (starts.length === 0) return null
    const eol = b.indexOf(LF, rng.pick(starts))
    if (eol < 0) return null
    const size = limits.maxHeaderLineBytes + rng.int(-3, 40)
    return { bytes: splice(b, eol + 1, 0, enc.encode(`x-big:${'v'.repeat(Math.max(0, size - 6))}\n`)), label: `header-line~${size}` }
  }],
  ['many-headers', (b, rng, limits) => {
    const starts = commandStarts(b)
    if (starts.length === 0) return null
    const eol = b.indexOf(LF, rng.pick(starts))
    if (eol < 0) return null
    const count = limits.maxHeaders + rng.int(-2, 3)
    const lines = Array.from({ length: count }, (_, i) => `h${i}:${i}\n`).join('')
    return { bytes: splice(b, eol + 1, 0, enc.encode(lines)), label: `+${count}-headers` }
  }],
  ['body-on-any', (b, rng) => {
    // right after a blank line (end of headers): a body on SUBSCRIBE, BEGIN … is not allowed (checklist 7)
    const ends: number[] = []
    for (let i = 1; i < b.length; i++) if (b[i - 1] === LF && b[i] === LF) ends.push(i + 1)
    if (ends.length === 0) return null
    return { bytes: splice(b, rng.pick(ends), 0, enc.encode(rng.pick(['x', 'body', '\r\n']))), label: 'body' }
  }],
  ['truncate', (b, rng) => {
    if (b.length < 2) return null
    const at = rng.int(1, b.length - 1)
    return { bytes: b.subarray(0, at), label: `truncate@${at}` }
  }],
  ['duplicate', (b, rng) => {
    if (b.length === 0) return null
    const from = rng.int(0, b.length - 1)
    const to = Math.min(b.length, from + rng.int(1, 40))
    return { bytes: splice(b, rng.int(0, b.length), 0, b.slice(from, to)), label: `dup[${from},${to})` }
  }],
  ['unknown-command', (b, rng) => {
    const starts = commandStarts(b)
    if (starts.length === 0) return null
    const s = rng.pick(starts)
    const eol = b.indexOf(LF, s)
    if (eol < 0) return null
    const cmd = rng.pick(['FOO', 'ERROR', 'MESSAGE', 'CONNECTED', 'RECEIPT', 'SENDX', '', ' SEND', 'SEND ', 'NACK', 'STOMP', 'CONNECT'])
    return { bytes: splice(b, s, eol - s, enc.encode(cmd)), label: `command:${JSON.stringify(cmd)}` }
  }],
]

/** Applies 1-3 random mutations. */
export function mutate(bytes: Uint8Array, rng: Prng, limits: ParserLimits): Mutated {
  let out = bytes
  const labels: string[] = []
  const rounds = rng.pick([1, 1, 1, 2, 3])
  for (let i = 0; i < rounds; i++) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const [name, m] = rng.pick(MUTATIONS)
      const r = m(out, rng, limits)
      if (r === null) continue
      out = r.bytes
      labels.push(r.label || name)
      break
    }
  }
  return { bytes: out, label: labels.join(',') || 'none' }
}

/** Random bytes: uniform, or drawn from STOMP-ish text so they get past the first checks. */
export function randomBytes(rng: Prng, maxLength: number): Mutated {
  const n = rng.int(1, maxLength)
  const stompish = rng.chance(0.6)
  const out = new Uint8Array(n)
  for (let i = 0; i < n; i++) out[i] = stompish ? ALPHABET[rng.int(0, ALPHABET.length - 1)] : rng.byte()
  return { bytes: out, label: `random${stompish ? '-stompish' : ''}[${n}]` }
}
