/**
 * The STOMP frame model shared by the browser (playground, views) and the server (broker).
 * Pure: no node:*, no DOM, no Buffer. Bodies are octets (STOMP 1.2 §Body; checklist 11).
 */

export const STOMP_VERSIONS = ['1.0', '1.1', '1.2'] as const
export type StompVersion = (typeof STOMP_VERSIONS)[number]

export const CLIENT_COMMANDS = [
  'CONNECT', 'STOMP', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'NACK',
  'BEGIN', 'COMMIT', 'ABORT', 'DISCONNECT',
] as const
export type ClientCommand = (typeof CLIENT_COMMANDS)[number]

export const SERVER_COMMANDS = ['CONNECTED', 'MESSAGE', 'RECEIPT', 'ERROR'] as const
export type ServerCommand = (typeof SERVER_COMMANDS)[number]

/** A header as it stood on the wire (decoded): repeats are kept, in wire order (checklist 18). */
export type Header = readonly [name: string, value: string]

export interface Frame {
  /** Case-sensitive command as received (checklist 4); not validated by the model itself. */
  readonly command: string
  /** Decoded headers in wire order, repeats kept. Read with `getHeader` (first occurrence wins). */
  readonly headers: readonly Header[]
  /** Body octets, verbatim (binary safe, NULs allowed when content-length is given). */
  readonly body: Uint8Array
}

const EMPTY = new Uint8Array(0)
const encoder = new TextEncoder()

/** First occurrence wins (STOMP 1.2 §Repeated Header Entries — checklist 18). */
export function getHeader(frame: Pick<Frame, 'headers'>, name: string): string | undefined {
  for (const [n, v] of frame.headers) if (n === name) return v
  return undefined
}

export function makeFrame(
  command: string,
  headers: ReadonlyArray<Header> | Readonly<Record<string, string>> = [],
  body: Uint8Array | string = EMPTY,
): Frame {
  const list: Header[] = Array.isArray(headers)
    ? (headers as ReadonlyArray<Header>).map(([n, v]) => [n, v] as const)
    : Object.entries(headers as Record<string, string>).map(([n, v]) => [n, v] as const)
  return { command, headers: list, body: typeof body === 'string' ? encoder.encode(body) : body }
}

const decoder = new TextDecoder('utf-8')
/** The body as UTF-8 text (lossy for binary bodies; for display). */
export function bodyText(frame: Pick<Frame, 'body'>): string {
  return decoder.decode(frame.body)
}
