/**
 * One-sentence documentation of every standard header and command, with the spec anchor, for
 * the playground's hover and completion (and the problem texts).
 */
import { specUrl } from './spec-links'

export interface HeaderDoc {
  readonly name: string
  readonly summary: string
  /** Commands that use it (empty = any frame). */
  readonly commands: readonly string[]
  readonly example: string
  readonly spec: string
}

function doc(name: string, commands: readonly string[], example: string, anchor: string, summary: string): HeaderDoc {
  return { name, summary, commands, example, spec: specUrl(anchor) }
}

export const HEADER_DOCS: Readonly<Record<string, HeaderDoc>> = Object.fromEntries(
  [
    doc('accept-version', ['CONNECT', 'STOMP'], '1.0,1.1,1.2', 'Protocol_Negotiation',
      'Comma-separated STOMP versions the client speaks; the server picks the highest in common (missing means 1.0 only).'),
    doc('host', ['CONNECT', 'STOMP'], 'localhost', 'CONNECT_or_STOMP_Frame',
      'Name of the virtual host the client wants to connect to (required in 1.1/1.2).'),
    doc('login', ['CONNECT', 'STOMP'], 'guest', 'CONNECT_or_STOMP_Frame',
      'User name for a secured server.'),
    doc('passcode', ['CONNECT', 'STOMP'], 'guest', 'CONNECT_or_STOMP_Frame',
      'Password for a secured server (never escaped: CONNECT headers are sent literally).'),
    doc('heart-beat', ['CONNECT', 'STOMP', 'CONNECTED'], '10000,10000', 'Heart-beating',
      'Two millisecond intervals "cx,cy": how often the sender can send heart-beats, and how often it wants to receive them (0 = never).'),
    doc('version', ['CONNECTED'], '1.2', 'CONNECTED_Frame',
      'The STOMP version the server chose for the rest of the session.'),
    doc('session', ['CONNECTED'], 'session-1', 'CONNECTED_Frame',
      'A server-chosen identifier of this session.'),
    doc('server', ['CONNECTED'], 'Wirelab/0.1', 'CONNECTED_Frame',
      'Name and optional version of the server software: name["/" version] *(comment).'),
    doc('destination', ['SEND', 'SUBSCRIBE', 'MESSAGE', 'UNSUBSCRIBE'], '/queue/demo', 'SEND',
      'Where to send a message or what to subscribe to; an opaque string whose meaning the server defines.'),
    doc('content-type', [], 'text/plain', 'Header_content-type',
      'MIME type of the body; without it the body is a binary blob.'),
    doc('content-length', [], '5', 'Header_content-length',
      'Body size in octets; the receiver reads exactly that many octets (NULs included) and then expects the NUL.'),
    doc('receipt', [], 'r-1', 'Header_receipt',
      'Asks the server to answer with a RECEIPT carrying this value once it has processed the frame (not on CONNECT).'),
    doc('receipt-id', ['RECEIPT', 'ERROR'], 'r-1', 'RECEIPT',
      'The value of the receipt header of the frame this RECEIPT (or ERROR) answers.'),
    doc('id', ['SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'NACK'], 'sub-0', 'SUBSCRIBE_id_Header',
      'SUBSCRIBE/UNSUBSCRIBE: the subscription identifier, unique per connection; ACK/NACK (1.2): the ack value of the MESSAGE.'),
    doc('ack', ['SUBSCRIBE', 'MESSAGE'], 'client-individual', 'SUBSCRIBE_ack_Header',
      'SUBSCRIBE: acknowledgment mode auto | client (cumulative) | client-individual; MESSAGE (1.2): the id to put in ACK/NACK.'),
    doc('transaction', ['SEND', 'ACK', 'NACK', 'BEGIN', 'COMMIT', 'ABORT'], 'tx-1', 'BEGIN',
      'Names a transaction: BEGIN opens it, SEND/ACK/NACK join it, COMMIT applies them atomically, ABORT discards them.'),
    doc('message-id', ['MESSAGE', 'ACK', 'NACK'], 'msg-1', 'MESSAGE',
      'Unique identifier of a MESSAGE; 1.0/1.1 clients acknowledge with it.'),
    doc('subscription', ['MESSAGE', 'ACK', 'NACK'], 'sub-0', 'MESSAGE',
      'The id of the subscription that delivered a MESSAGE (1.1 ACK/NACK repeat it).'),
    doc('message', ['ERROR'], 'Missing header: id', 'ERROR',
      'A short description of the error; the body may explain more.'),
  ].map((d) => [d.name, d]),
)

export function headerDoc(name: string): HeaderDoc | undefined {
  return Object.prototype.hasOwnProperty.call(HEADER_DOCS, name) ? HEADER_DOCS[name] : undefined
}

export interface CommandDoc {
  readonly command: string
  readonly summary: string
  readonly from: 'client' | 'server'
  readonly spec: string
}

function cmd(command: string, from: 'client' | 'server', anchor: string, summary: string): CommandDoc {
  return { command, from, summary, spec: specUrl(anchor) }
}

export const COMMAND_DOCS: Readonly<Record<string, CommandDoc>> = Object.fromEntries(
  [
    cmd('CONNECT', 'client', 'CONNECT_or_STOMP_Frame', 'Opens the STOMP session and negotiates version and heart-beats.'),
    cmd('STOMP', 'client', 'CONNECT_or_STOMP_Frame', 'Same as CONNECT (1.1+); lets a protocol sniffer tell STOMP from HTTP.'),
    cmd('SEND', 'client', 'SEND', 'Sends a message (the body) to a destination.'),
    cmd('SUBSCRIBE', 'client', 'SUBSCRIBE', 'Starts receiving MESSAGE frames from a destination.'),
    cmd('UNSUBSCRIBE', 'client', 'UNSUBSCRIBE', 'Ends a subscription.'),
    cmd('ACK', 'client', 'ACK', 'Acknowledges a message of a client or client-individual subscription.'),
    cmd('NACK', 'client', 'NACK', 'Tells the server a message was not consumed (1.1+).'),
    cmd('BEGIN', 'client', 'BEGIN', 'Opens a transaction.'),
    cmd('COMMIT', 'client', 'COMMIT', 'Applies a transaction\'s SENDs and ACKs atomically.'),
    cmd('ABORT', 'client', 'ABORT', 'Discards a transaction.'),
    cmd('DISCONNECT', 'client', 'DISCONNECT', 'Ends the session gracefully (add a receipt to know everything arrived).'),
    cmd('CONNECTED', 'server', 'CONNECTED_Frame', 'Accepts the connection; carries the chosen version.'),
    cmd('MESSAGE', 'server', 'MESSAGE', 'Delivers a message to a subscription.'),
    cmd('RECEIPT', 'server', 'RECEIPT', 'Confirms the server processed a frame that asked for a receipt.'),
    cmd('ERROR', 'server', 'ERROR', 'Reports a problem; the server closes the connection right after.'),
  ].map((d) => [d.command, d]),
)

export function commandDoc(command: string): CommandDoc | undefined {
  return Object.prototype.hasOwnProperty.call(COMMAND_DOCS, command) ? COMMAND_DOCS[command] : undefined
}
