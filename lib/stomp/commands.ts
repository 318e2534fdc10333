/**
 * The STOMP spec as data: which commands exist per version and direction, which headers each
 * requires, which may carry a body, valid `ack` values, `heart-beat` syntax. The broker, the
 * linter and the problem texts all read these tables, so they can never disagree.
 */
import { CLIENT_COMMANDS, SERVER_COMMANDS, getHeader, type Frame, type StompVersion } from './frame'
import { commandSpecUrl, specUrl } from './spec-links'

export type Role = 'client' | 'server'

/** Commands a `role` may send in `version`. NACK does not exist in 1.0 (checklist 55). */
export function commandsFor(role: Role, version: StompVersion): readonly string[] {
  if (role === 'server') return SERVER_COMMANDS
  return version === '1.0' ? CLIENT_COMMANDS.filter((c) => c !== 'NACK') : CLIENT_COMMANDS
}

export function isClientCommand(command: string): boolean {
  return (CLIENT_COMMANDS as readonly string[]).includes(command)
}
export function isServerCommand(command: string): boolean {
  return (SERVER_COMMANDS as readonly string[]).includes(command)
}

/** Only SEND, MESSAGE and ERROR may have a body (STOMP 1.2 §Body — checklist 7). */
export const BODY_COMMANDS = ['SEND', 'MESSAGE', 'ERROR'] as const
export function mayHaveBody(command: string): boolean {
  return (BODY_COMMANDS as readonly string[]).includes(command)
}

/**
 * One rule "this frame must carry one of `anyOf`". `severity: 'warning'` marks a spec MUST that
 * brokers tolerate (1.2 `host`, checklist 24): the linter warns, the broker accepts.
 */
export interface RequiredHeaderRule {
  readonly anyOf: readonly string[]
  readonly severity: 'error' | 'warning'
  readonly checklist: readonly number[]
  readonly spec: string
}

function rule(anyOf: readonly string[], checklist: readonly number[], spec: string, severity: 'error' | 'warning' = 'error'): RequiredHeaderRule {
  return { anyOf, severity, checklist, spec }
}

/** Required headers of `command` in `version` (STOMP 1.2 §Client Frames / §Server Frames). */
export function requiredHeaders(command: string, version: StompVersion): readonly RequiredHeaderRule[] {
  const v10 = version === '1.0'
  const s = (anchor: string): string => (v10 ? commandSpecUrl(command, '1.0') : specUrl(anchor, version))
  switch (command) {
    case 'CONNECT':
    case 'STOMP':
      // checklist 21, 24: accept-version MUST (1.1+); host MUST but tolerated → warning
      return v10 ? [] : [
        rule(['accept-version'], [21], s('Protocol_Negotiation')),
        rule(['host'], [24], s('CONNECT_or_STOMP_Frame'), 'warning'),
      ]
    case 'CONNECTED':
      return v10 ? [] : [rule(['version'], [23], s('CONNECTED_Frame'))] // checklist 23
    case 'SEND':
      return [rule(['destination'], [35], s('SEND'))] // checklist 35
    case 'SUBSCRIBE': // checklist 41: id optional in 1.0
      return v10
        ? [rule(['destination'], [41], s('SUBSCRIBE'))]
        : [rule(['id'], [41], s('SUBSCRIBE_id_Header')), rule(['destination'], [41], s('SUBSCRIBE'))]
    case 'UNSUBSCRIBE': // checklist 48: 1.0 accepts id or destination
      return v10 ? [rule(['id', 'destination'], [48], s('UNSUBSCRIBE'))] : [rule(['id'], [48], s('UNSUBSCRIBE'))]
    case 'ACK':
    case 'NACK': // checklist 54, 55
      if (version === '1.2') return [rule(['id'], [54], s(command))]
      if (version === '1.1') return [rule(['message-id'], [55], s(command)), rule(['subscription'], [55], s(command))]
      return command === 'ACK' ? [rule(['message-id'], [55], s(command))] : []
    case 'BEGIN':
    case 'COMMIT':
    case 'ABORT':
      return [rule(['transaction'], [59, 61], s(command))] // checklist 59, 61
    case 'MESSAGE': // checklist 50
      return v10
        ? [rule(['destination'], [50], s('MESSAGE')), rule(['message-id'], [50], s('MESSAGE'))]
        : [rule(['destination'], [50], s('MESSAGE')), rule(['message-id'], [50], s('MESSAGE')), rule(['subscription'], [50], s('MESSAGE'))]
    case 'RECEIPT':
      return [rule(['receipt-id'], [64], s('RECEIPT'))] // checklist 64
    default:
      return [] // DISCONNECT, ERROR, unknown commands
  }
}

/** The rules `frame` breaks (first-wins lookup; an empty value counts as present). */
export function missingHeaders(frame: Pick<Frame, 'command' | 'headers'>, version: StompVersion): readonly RequiredHeaderRule[] {
  return requiredHeaders(frame.command, version).filter((r) => r.anyOf.every((h) => getHeader(frame, h) === undefined))
}

/** Valid SUBSCRIBE `ack` values (STOMP 1.2 §SUBSCRIBE ack Header; 1.0 has no client-individual — checklist 43). */
export function ackModes(version: StompVersion): readonly string[] {
  return version === '1.0' ? ['auto', 'client'] : ['auto', 'client', 'client-individual']
}
export function isValidAckMode(value: string, version: StompVersion): boolean {
  return ackModes(version).includes(value)
}

/**
 * `heart-beat:<cx>,<cy>` — two non-negative integers in ms (STOMP 1.2 §Heart-beating — checklist 28).
 * Returns null for anything else (spaces, signs, decimals, a missing part, unsafe integers).
 */
export function parseHeartBeat(value: string): readonly [number, number] | null {
  const m = /^(\d{1,15}),(\d{1,15})$/.exec(value)
  return m ? [Number(m[1]), Number(m[2])] : null
}

/**
 * `content-length` value: a non-negative decimal integer (STOMP 1.2 §Header content-length —
 * checklist 8). Returns null when malformed (empty, sign, spaces, hex, > 15 digits).
 */
export function parseContentLength(value: string): number | null {
  return /^\d{1,15}$/.test(value) ? Number(value) : null
}

/** Example value of a header in a given command, used by problem texts and linter quick fixes. */
export function exampleValue(command: string, header: string, version: StompVersion): string {
  switch (header) {
    case 'accept-version': return '1.0,1.1,1.2'
    case 'host': return 'localhost'
    case 'version': return version
    case 'destination': return command === 'SEND' ? '/queue/demo' : '/topic/greetings'
    case 'id':
      return command === 'ACK' || command === 'NACK' ? 'msg-1-ack' : 'sub-0'
    case 'subscription': return 'sub-0'
    case 'message-id': return 'msg-1'
    case 'transaction': return 'tx-1'
    case 'receipt': return 'r-1'
    case 'receipt-id': return 'r-1'
    case 'ack': return 'client-individual'
    case 'heart-beat': return '10000,10000'
    case 'content-type': return 'text/plain'
    default: return 'value'
  }
}

/** A short, valid example frame for `command` in `version`, with `^@` for the NUL octet. */
export function exampleFrame(command: string, version: StompVersion): string {
  const lines = [command]
  for (const r of requiredHeaders(command, version)) lines.push(`${r.anyOf[0]}:${exampleValue(command, r.anyOf[0], version)}`)
  if (command === 'SEND') lines.push('content-type:text/plain')
  const body = mayHaveBody(command) ? 'hello' : ''
  return `${lines.join('\n')}\n\n${body}^@`
}
