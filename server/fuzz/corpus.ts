/**
 * Valid STOMP conversations the fuzzer starts from (before mutation). Every destination, id and
 * transaction lives in the case's own namespace `ns`, so concurrent cases never touch each other's
 * state nor the healthy sessions' destinations (which use an unguessable token).
 */
import type { Prng } from './prng'

const enc = new TextEncoder()

/** A frame's text; `eol` LF or CRLF; body without content-length unless given. */
export function frameText(command: string, headers: ReadonlyArray<readonly [string, string]>, body = '', eol = '\n'): string {
  return `${command}${eol}${headers.map(([n, v]) => `${n}:${v}${eol}`).join('')}${eol}${body}\0`
}

function withLength(body: string): string {
  return String(enc.encode(body).length)
}

/** One or more valid frames for a connected session, as text (one template per call). */
export function connectedConversation(ns: string, rng: Prng): string[] {
  const topic = `/topic/fuzz.${ns}`
  const queue = `/queue/fuzz-${ns}`
  const eol = rng.chance(0.15) ? '\r\n' : '\n'
  const f = (c: string, h: ReadonlyArray<readonly [string, string]>, b = '') => frameText(c, h, b, eol)
  const templates: Array<() => string[]> = [
    () => [f('SEND', [['destination', topic], ['content-type', 'text/plain'], ['receipt', `r-${ns}`]], 'hello fuzz')],
    () => {
      const body = 'a\0b\0ünï'
      return [f('SEND', [['destination', queue], ['content-length', withLength(body)], ['k\\cey', 'a\\cb\\nc\\\\d']], body)]
    },
    () => [
      f('SUBSCRIBE', [['id', `s-${ns}`], ['destination', topic], ['ack', rng.pick(['auto', 'client', 'client-individual'])]]),
      f('SEND', [['destination', topic], ['x-seq', '1']], 'to myself'),
      f('UNSUBSCRIBE', [['id', `s-${ns}`], ['receipt', `u-${ns}`]]),
    ],
    () => [
      f('BEGIN', [['transaction', `tx-${ns}`]]),
      f('SEND', [['destination', topic], ['transaction', `tx-${ns}`]], 'in tx'),
      f(rng.pick(['COMMIT', 'ABORT']), [['transaction', `tx-${ns}`], ['receipt', `t-${ns}`]]),
    ],
    () => [f('SUBSCRIBE', [['id', `q-${ns}`], ['destination', queue], ['receipt', `sq-${ns}`]]), f('SEND', [['destination', queue]], 'q')],
    () => [f('ACK', [['id', `ack-${ns}`], ['message-id', `m-${ns}`], ['subscription', `s-${ns}`]])],
    () => [f('NACK', [['id', `ack-${ns}`], ['message-id', `m-${ns}`], ['subscription', `s-${ns}`]])],
    () => [f('DISCONNECT', [['receipt', `bye-${ns}`]])],
    () => [`\n\n${f('SEND', [['destination', topic]], '')}\n`], // heart-beat EOLs around a frame
    () => [f('SEND', [['destination', `/app/echo`], ['content-type', 'text/plain']], 'echo?')],
    () => [f('SEND', [['destination', `/user/fuzz-${ns}/queue/inbox`]], 'direct')],
  ]
  const count = rng.int(1, 3)
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(...rng.pick(templates)())
  return out
}

/** A handshake (then maybe frames) for a session that is not connected yet. */
export function preConnectConversation(ns: string, rng: Prng): string[] {
  const accept = rng.pick(['1.2', '1.0,1.1,1.2', '1.1', '1.0', '1.2,1.0'])
  const headers: Array<readonly [string, string]> = [['accept-version', accept], ['host', rng.pick(['wirelab', '127.0.0.1', 'x:y'])]]
  if (rng.chance(0.6)) headers.push(['heart-beat', rng.pick(['0,0', '0,0', '10000,10000', '0,5000'])])
  if (rng.chance(0.3)) headers.push(['login', `fuzz-${ns}`], ['passcode', 'p\\c:ss'])
  const frames = [frameText(rng.chance(0.3) ? 'STOMP' : 'CONNECT', headers)]
  if (rng.chance(0.5)) frames.push(...connectedConversation(ns, rng))
  return frames
}
