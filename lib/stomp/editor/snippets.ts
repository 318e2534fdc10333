/**
 * A template for every client frame of a version, filled from what the client has seen (its
 * destinations, subscriptions, unacked messages, open transactions), as a Monaco snippet (tab
 * stops) and as plain text (for a "templates" menu or a test). Every plain template lints clean.
 */
import type { StompVersion } from '../frame'
import { ackModes, commandsFor } from '../commands'
import { escapeHeader, escapeModeFor } from '../escape'
import { commandDoc } from '../header-docs'
import type { EditorCompletionContext } from './place'
import { freshId } from './values'

export interface FrameSnippet {
  readonly command: string
  /** e.g. "SUBSCRIBE frame". */
  readonly label: string
  readonly description: string
  /** Monaco snippet syntax: tab stops ${1:default}, choices ${1|a,b|}, final cursor $0. */
  readonly body: string
  /** The same frame with the defaults filled in. */
  readonly text: string
}

/** A header value slot: one default, or a choice list (first = default). */
type Slot = string | readonly string[]
type Line = readonly [name: string, value: Slot]

const last = (values: readonly string[], fallback: string): string => (values.length > 0 ? values[values.length - 1] : fallback)

function frameLines(command: string, version: StompVersion, ctx: EditorCompletionContext): { headers: Line[]; body?: string } {
  const dest = last(ctx.destinations, command === 'SEND' ? '/queue/demo' : '/topic/greetings')
  const ackId = last(ctx.ackIds, version === '1.2' ? 'msg-1-ack' : 'msg-1')
  const sub = last(ctx.subscriptionIds, 'sub-0')
  const tx = last(ctx.transactionIds, 'tx-0')
  switch (command) {
    case 'CONNECT':
    case 'STOMP':
      return { headers: [['accept-version', ['1.2', '1.1,1.2', '1.0,1.1,1.2']], ['host', 'localhost'], ['heart-beat', ['10000,10000', '0,0']]] }
    case 'SEND':
      return { headers: [['destination', dest], ['content-type', ['text/plain', 'application/json']]], body: 'hello' }
    case 'SUBSCRIBE':
      return { headers: [['id', freshId('sub', ctx.subscriptionIds)], ['destination', dest], ['ack', ackModes(version)]] }
    case 'UNSUBSCRIBE':
      return { headers: [['id', sub]] }
    case 'ACK':
    case 'NACK':
      if (version === '1.2') return { headers: [['id', ackId]] }
      if (version === '1.1') return { headers: [['message-id', ackId], ['subscription', sub]] }
      return { headers: [['message-id', ackId]] }
    case 'BEGIN':
      return { headers: [['transaction', freshId('tx', ctx.transactionIds)]] }
    case 'COMMIT':
    case 'ABORT':
      return { headers: [['transaction', tx]] }
    case 'DISCONNECT':
      return { headers: [['receipt', 'r-disconnect']] }
    default:
      return { headers: [] }
  }
}

/** Escapes text for a snippet placeholder default. */
const esc = (s: string): string => s.replace(/[\\$}]/g, (c) => `\\${c}`)
const escChoice = (s: string): string => s.replace(/[\\$}|,]/g, (c) => `\\${c}`)

export function snippetFor(command: string, version: StompVersion, ctx: EditorCompletionContext): FrameSnippet {
  const { headers, body } = frameLines(command, version, ctx)
  const mode = escapeModeFor(command, version)
  let stop = 0
  const bodyLines: string[] = [command]
  const textLines: string[] = [command]
  for (const [name, slot] of headers) {
    stop++
    if (typeof slot === 'string') {
      const v = escapeHeader(slot, mode)
      bodyLines.push(`${name}:\${${stop}:${esc(v)}}`)
      textLines.push(`${name}:${v}`)
    } else {
      bodyLines.push(`${name}:\${${stop}|${slot.map((c) => escChoice(escapeHeader(c, mode))).join(',')}|}`)
      textLines.push(`${name}:${escapeHeader(slot[0], mode)}`)
    }
  }
  bodyLines.push('')
  textLines.push('')
  if (body !== undefined) {
    bodyLines.push(`\${${++stop}:${esc(body)}}`)
    textLines.push(body)
  }
  bodyLines.push('^@', '$0')
  textLines.push('^@')
  return {
    command,
    label: `${command} frame`,
    description: commandDoc(command)?.summary ?? `${command} frame`,
    body: bodyLines.join('\n'),
    text: textLines.join('\n'),
  }
}

/** One template per client command of `version` (no NACK in 1.0 — checklist 55). */
export function snippetsFor(version: StompVersion, ctx: EditorCompletionContext): FrameSnippet[] {
  return commandsFor('client', version).map((c) => snippetFor(c, version, ctx))
}
