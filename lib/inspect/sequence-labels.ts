/**
 * The words on the arrows of the sequence diagram: one short line per event, in the wire's own
 * vocabulary (`SUBSCRIBE /topic/chat id:sub-0`, `101 Switching Protocols · v12.stomp`). Plain text;
 * sequence.ts escapes it for mermaid.
 */
import type { Header } from '../stomp/frame'
import type { BrokerRouteEvent, HttpExchangeEvent, SocketioPacketEvent, SockjsFrameEvent, StompFrameEvent, WsFrameEvent, WsHandshakeEvent } from './events'

const PREVIEW_CHARS = 24

function header(headers: readonly Header[], name: string): string | undefined {
  for (const [n, v] of headers) if (n === name) return v // first occurrence wins (checklist 18)
  return undefined
}

/** Control characters and line breaks as visible single spaces; long text cut with an ellipsis. */
export function clip(text: string, max = PREVIEW_CHARS): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

function quoted(preview: string, length: number): string {
  if (length === 0) return ''
  const shown = clip(preview)
  return shown === '' ? ` (${length} B)` : ` "${shown}"`
}

/** The URL as the learner typed it: without the tab's `cid` (it is on every request). */
export function withoutCid(url: string): string {
  const q = url.indexOf('?')
  if (q === -1) return url
  const kept = url
    .slice(q + 1)
    .split('&')
    .filter((pair) => pair !== '' && !pair.startsWith('cid='))
  return kept.length === 0 ? url.slice(0, q) : `${url.slice(0, q)}?${kept.join('&')}`
}

function pairs(frame: StompFrameEvent, names: readonly string[]): string {
  const out: string[] = []
  for (const name of names) {
    const value = header(frame.headers, name)
    if (value !== undefined) out.push(`${name}:${clip(value, 40)}`)
  }
  return out.length === 0 ? '' : ` ${out.join(' ')}`
}

/** `SUBSCRIBE /topic/chat id:sub-0`, `CONNECTED version:1.2 heart-beat:10000,10000` … */
export function stompLabel(frame: StompFrameEvent): string {
  const destination = header(frame.headers, 'destination')
  const where = destination === undefined ? '' : ` ${clip(destination, 48)}`
  const receipt = pairs(frame, ['receipt'])
  switch (frame.command) {
    case 'CONNECT':
    case 'STOMP':
      return `${frame.command}${pairs(frame, ['accept-version', 'login', 'heart-beat'])}${receipt}`
    case 'CONNECTED':
      return `CONNECTED${pairs(frame, ['version', 'heart-beat'])}`
    case 'SUBSCRIBE': {
      const ack = header(frame.headers, 'ack')
      return `SUBSCRIBE${where}${pairs(frame, ['id'])}${ack && ack !== 'auto' ? ` ack:${ack}` : ''}${receipt}`
    }
    case 'UNSUBSCRIBE':
      return `UNSUBSCRIBE${pairs(frame, ['id'])}${receipt}`
    case 'SEND':
      return `SEND${where}${quoted(frame.bodyPreview, frame.bodyLength)}${pairs(frame, ['transaction'])}${receipt}`
    case 'MESSAGE':
      return `MESSAGE${where}${quoted(frame.bodyPreview, frame.bodyLength)}${pairs(frame, ['subscription'])}`
    case 'ACK':
    case 'NACK':
      return `${frame.command}${pairs(frame, header(frame.headers, 'id') === undefined ? ['message-id', 'subscription'] : ['id'])}${receipt}`
    case 'RECEIPT':
      return `RECEIPT${pairs(frame, ['receipt-id'])}`
    case 'ERROR':
      return `ERROR${pairs(frame, ['message'])}`
    case 'BEGIN':
    case 'COMMIT':
    case 'ABORT':
      return `${frame.command}${pairs(frame, ['transaction'])}${receipt}`
    default:
      return `${clip(frame.command, 32)}${receipt}`
  }
}

function statusText(statusLine: string): string {
  return statusLine.replace(/^HTTP\/\d(\.\d)?\s+/, '')
}

export function httpRequestLabel(e: HttpExchangeEvent): string {
  return `${e.method} ${clip(withoutCid(e.url), 56)}`
}

export function httpResponseLabel(e: HttpExchangeEvent): string {
  const body = e.responseBodyBytes > 0 ? ` · ${e.responseBodyBytes} B` : ''
  return `${e.status} ${e.statusText}${body}`
}

export function handshakeRequestLabel(e: WsHandshakeEvent): string {
  const offered = e.requestHeaders.find(([n]) => n.toLowerCase() === 'sec-websocket-protocol')?.[1]
  return `GET ${clip(withoutCid(e.path), 48)} Upgrade: websocket${offered ? ` · protocols ${clip(offered, 40)}` : ''}`
}

export function handshakeResponseLabel(e: WsHandshakeEvent): string {
  return `${statusText(e.statusLine)}${e.protocol ? ` · ${e.protocol}` : ''}`
}

const OPCODE_NAMES: Readonly<Record<number, string>> = { 0: 'continuation', 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' }

export function wsFrameLabel(e: WsFrameEvent): string {
  const name = OPCODE_NAMES[e.opcode] ?? `opcode ${e.opcode}`
  const fin = e.fin ? '' : ' (FIN=0)'
  if (e.opcode === 8) return `close${e.closeCode === undefined ? '' : ` ${e.closeCode}`}${e.closeReason ? ` ${clip(e.closeReason, 40)}` : ''}`
  if (e.opcode === 1) return `text frame${fin}${quoted(e.preview, e.payloadLength)}`
  return `${name} frame${fin}${e.payloadLength > 0 ? ` ${e.payloadLength} B` : ''}`
}

export function sockjsLabel(e: SockjsFrameEvent): string {
  const meaning = { o: 'open', h: 'heartbeat', a: 'messages', c: 'close', m: 'message' }[e.kind]
  const preview = e.kind === 'o' || e.kind === 'h' ? '' : ` ${clip(e.preview, 32)}`
  return `SockJS ${e.kind} (${meaning})${preview}`
}

export function socketioLabel(e: SocketioPacketEvent): string {
  const parts = [e.engineType, e.socketType, e.namespace && e.namespace !== '/' ? e.namespace : undefined, e.event]
  const preview = e.preview === '' ? '' : ` ${clip(e.preview, 24)}`
  return `engine.io ${parts.filter((p) => p !== undefined && p !== '').join(' ')}${preview}`
}

/** `route /topic/chat → ws-4/sub-0, ws-5/sub-1 +2 more`, `route /queue/jobs → held (queued)`, `… refused: …`. */
export function routeLabel(e: BrokerRouteEvent): string {
  const where = clip(e.destination, 48)
  if (e.refused !== undefined) return `${where} refused: ${clip(e.refused, 60)}`
  const again = e.redelivered ? ' (redelivery)' : ''
  const n = e.deliveredTo.length
  if (n === 0) return `route ${where} → ${e.queued ? 'held (queued)' : 'no subscriber'}${again}`
  const named = e.deliveredTo.slice(0, 2).map((to) => `${to.conn}/${clip(to.subscription, 16)}`)
  const more = n > 2 ? ` +${n - 2} more` : ''
  return `route ${where} → ${named.join(', ')}${more}${e.queued ? ', rest held' : ''}${again}`
}
