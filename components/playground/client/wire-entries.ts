import { StompParser } from '@/lib/stomp/parser'
import type { StompVersion } from '@/lib/stomp/frame'
import { ByteTape } from '@/lib/playground/byte-tape'
import type { WireEntry } from '../types'

/** Parser limits for a debugging client: generous, it must show what a server sent, not judge it. */
export const CLIENT_LIMITS = { maxFrameBytes: 64 * 1024 * 1024, maxHeaders: 10_000, maxHeaderLineBytes: 1024 * 1024, maxBodyBytes: 64 * 1024 * 1024 }

let seq = 1
/** Tab-wide entry numbers: they order the combined log across clients. */
export function nextSeq(): number {
  return seq++
}

/**
 * The entries for octets this client sends in one go: each frame with its exact octets, EOLs as
 * heart-beats, a broken frame as raw bytes with the codec's reason, and an unterminated tail as
 * raw bytes the receiver is still waiting to complete.
 */
export function sentEntries(bytes: Uint8Array, version: StompVersion | null, offered: readonly StompVersion[], t: number): WireEntry[] {
  const parser = new StompParser({ ...CLIENT_LIMITS, version, negotiate: offered })
  const tape = new ByteTape()
  tape.push(bytes)
  const out: WireEntry[] = []
  for (const e of parser.push(bytes)) {
    if (e.type === 'heartbeat') out.push({ kind: 'heartbeat', seq: nextSeq(), t, dir: 'sent', raw: tape.take(e.bytes) })
    else if (e.type === 'error') out.push({ kind: 'raw', seq: nextSeq(), t, dir: 'sent', raw: tape.takeAll(), note: `a broken frame: ${e.problem.message}` })
    else out.push({ kind: 'frame', seq: nextSeq(), t, dir: 'sent', raw: tape.take(e.wireBytes), frame: e.frame })
  }
  if (tape.length > 0) out.push({ kind: 'raw', seq: nextSeq(), t, dir: 'sent', raw: tape.takeAll(), note: 'an unterminated frame (no NUL yet): the receiver waits for the rest' })
  return out
}
