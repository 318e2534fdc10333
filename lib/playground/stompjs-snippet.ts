/**
 * A frame from the log as @stomp/stompjs (v7) code: what to write in an app to send the same
 * frame, or to handle a received one. `client` is an activated `Client` in every snippet but the
 * CONNECT one, which creates it. Strings are JSON-quoted, so any header value is a valid literal.
 */
import { getHeader, type Frame, type StompVersion } from '../stomp/frame'
import { decodeUtf8Lossy, isValidUtf8 } from '../stomp/utf8'

export interface SnippetOptions {
  /** The endpoint, for the CONNECT snippet (default 'ws://localhost:3000/ws/stomp'). */
  readonly brokerURL?: string
  /** The session's version (ACK/NACK use `id` in 1.2, `message-id` before). */
  readonly version?: StompVersion | null
}

const q = (s: string) => JSON.stringify(s)

/** `{ "a": "1", … }` of the headers minus `omit`, with notes for repeats stompjs cannot express. */
function headerObject(frame: Frame, omit: readonly string[], indent = '  '): { text: string; notes: string[] } {
  const seen = new Set<string>()
  const lines: string[] = []
  const notes: string[] = []
  for (const [name, value] of frame.headers) {
    if (omit.includes(name)) continue
    if (seen.has(name)) {
      notes.push(`// repeated header ${q(name)} left out: stompjs headers are an object (the first one wins on the wire anyway)`)
      continue
    }
    seen.add(name)
    // `__proto__: …` in a literal would set the prototype, not a header: use a computed key.
    const key = name === '__proto__' ? `[${q(name)}]` : /^[A-Za-z_$][\w$]*$/.test(name) ? name : q(name)
    lines.push(`${indent}  ${key}: ${q(value)},`)
  }
  return { text: lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`, notes }
}

function bodyProp(frame: Frame): string {
  if (frame.body.length === 0) return ''
  if (isValidUtf8(frame.body)) return `  body: ${q(decodeUtf8Lossy(frame.body))},\n`
  return `  binaryBody: new Uint8Array([${[...frame.body].join(', ')}]),\n`
}

function receiptWatch(frame: Frame): string {
  const r = getHeader(frame, 'receipt')
  return r === undefined ? '' : `\nclient.watchForReceipt(${q(r)}, (receipt) => console.log('processed', receipt.headers['receipt-id']))`
}

function withNotes(code: string, notes: readonly string[]): string {
  return notes.length === 0 ? code : `${notes.join('\n')}\n${code}`
}

function ackLike(frame: Frame, method: 'ack' | 'nack', version: StompVersion | null): string {
  const idHeader = version === '1.2' || (version === null && getHeader(frame, 'id') !== undefined) ? 'id' : 'message-id'
  const id = getHeader(frame, idHeader) ?? getHeader(frame, 'id') ?? getHeader(frame, 'message-id') ?? ''
  const sub = getHeader(frame, 'subscription') ?? ''
  const rest = headerObject(frame, ['id', 'message-id', 'subscription'])
  const extra = rest.text === '{}' ? '' : `, ${rest.text}`
  const code = [
    `// Usually called on the message itself: message.${method}()`,
    `client.${method}(${q(id)}, ${q(sub)}${extra})${receiptWatch(frame)}`,
  ].join('\n')
  return withNotes(code, rest.notes)
}

export function stompjsSnippet(frame: Frame, opts: SnippetOptions = {}): string {
  const version = opts.version ?? null
  const dest = getHeader(frame, 'destination') ?? ''
  switch (frame.command) {
    case 'CONNECT':
    case 'STOMP': {
      const hb = (getHeader(frame, 'heart-beat') ?? '0,0').split(',').map((n) => Number(n.trim()) || 0)
      const versions = getHeader(frame, 'accept-version')
      const h = headerObject(frame, ['accept-version', 'heart-beat'], '  ')
      const lines = [
        `import { Client${versions === undefined ? '' : ', Versions'} } from '@stomp/stompjs'`,
        '',
        'const client = new Client({',
        `  brokerURL: ${q(opts.brokerURL ?? 'ws://localhost:3000/ws/stomp')},`,
        `  connectHeaders: ${h.text},`,
        `  heartbeatOutgoing: ${hb[0] ?? 0},`,
        `  heartbeatIncoming: ${hb[1] ?? 0},`,
      ]
      if (versions !== undefined) lines.push(`  stompVersions: new Versions(${q(versions)}.split(',')),`)
      lines.push('  onConnect: (connected) => console.log(\'connected, version\', connected.headers.version),', '})', 'client.activate()')
      return withNotes(lines.join('\n'), h.notes)
    }
    case 'SEND': {
      const h = headerObject(frame, ['destination', 'content-length'])
      const code = `client.publish({\n  destination: ${q(dest)},\n${h.text === '{}' ? '' : `  headers: ${h.text},\n`}${bodyProp(frame)}})${receiptWatch(frame)}`
      const cl = getHeader(frame, 'content-length') !== undefined ? ['// content-length is added by stompjs itself'] : []
      return withNotes(code, [...cl, ...h.notes])
    }
    case 'SUBSCRIBE': {
      const h = headerObject(frame, ['destination'])
      const id = getHeader(frame, 'id')
      const ack = getHeader(frame, 'ack')
      const handler = ack === 'client' || ack === 'client-individual' ? '  console.log(message.body)\n  message.ack()' : '  console.log(message.body)'
      const name = id !== undefined && /^[\w$]+$/.test(id) ? `sub${id[0].toUpperCase()}${id.slice(1)}` : 'subscription'
      return withNotes(`const ${name} = client.subscribe(${q(dest)}, (message) => {\n${handler}\n}, ${h.text})${receiptWatch(frame)}`, h.notes)
    }
    case 'UNSUBSCRIBE': {
      const h = headerObject(frame, ['id'])
      return withNotes(`client.unsubscribe(${q(getHeader(frame, 'id') ?? '')}${h.text === '{}' ? '' : `, ${h.text}`})${receiptWatch(frame)}`, h.notes)
    }
    case 'ACK':
      return ackLike(frame, 'ack', version)
    case 'NACK':
      return ackLike(frame, 'nack', version)
    case 'BEGIN':
      return `const tx = client.begin(${q(getHeader(frame, 'transaction') ?? '')})\n// then add { transaction: tx.id } to the headers of publish/ack/nack, and tx.commit() or tx.abort()`
    case 'COMMIT':
      return `client.commit(${q(getHeader(frame, 'transaction') ?? '')})`
    case 'ABORT':
      return `client.abort(${q(getHeader(frame, 'transaction') ?? '')})`
    case 'DISCONNECT':
      return '// sends DISCONNECT (with a receipt), waits for the RECEIPT, then closes the socket\nawait client.deactivate()'
    case 'CONNECTED':
      return `client.onConnect = (frame) => {\n  console.log(frame.headers.version) // ${q(getHeader(frame, 'version') ?? '1.0')}\n}`
    case 'MESSAGE':
      return `client.subscribe(${q(dest)}, (message) => {\n  console.log(message.headers['message-id'], message.body)\n})`
    case 'RECEIPT':
      return `client.watchForReceipt(${q(getHeader(frame, 'receipt-id') ?? '')}, (receipt) => console.log('done', receipt.headers['receipt-id']))`
    case 'ERROR':
      return `client.onStompError = (frame) => {\n  console.error(frame.headers.message, frame.body) // ${q(getHeader(frame, 'message') ?? '')}\n}`
    default:
      return `// stompjs has no method for ${q(frame.command)}: it only sends the commands of the STOMP spec.`
  }
}
