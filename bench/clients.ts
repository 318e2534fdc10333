/**
 * Opening bench connections: a WebSocket per client, the role handshake of each server kind
 * (STOMP CONNECT/SUBSCRIBE for Wirelab, a role message for the raw server), with bounded
 * concurrency so 10,000 connects do not overflow the server's accept backlog.
 */
import WebSocket, { type RawData } from 'ws'
import { classifyStomp, connectFrame, describeFrame, ROLE_OK, STOMP_SUBPROTOCOLS, subscribeFrame } from './protocol'

export type TargetKind = 'wirelab' | 'raw'
export type Role = 'sub' | 'pub' | 'idle'

export interface OpenOptions {
  readonly target: TargetKind
  readonly url: string
  readonly role: Role
  /** STOMP CONNECT heart-beat (cx, cy); ignored by the raw server. */
  readonly heartBeat?: readonly [number, number]
  readonly timeoutMs?: number
}

function asBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data
  if (Array.isArray(data)) return Buffer.concat(data)
  return Buffer.from(data)
}

/** Resolves once the client is ready: CONNECTED (+ RECEIPT of its SUBSCRIBE) or the raw `ok`. */
export function openClient(options: OpenOptions): Promise<WebSocket> {
  const { target, url, role } = options
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, target === 'wirelab' ? STOMP_SUBPROTOCOLS : [], {
      perMessageDeflate: false,
      // the same for both servers: the generator does not spend its CPU validating UTF-8
      skipUTF8Validation: true,
    })
    const timer = setTimeout(() => {
      ws.terminate()
      reject(new Error(`${role} connection not ready after ${options.timeoutMs ?? 15000} ms`))
    }, options.timeoutMs ?? 15000)
    const done = (error: Error | null): void => {
      clearTimeout(timer)
      ws.off('message', onMessage)
      ws.off('close', onClose)
      ws.off('error', onError)
      if (error) {
        ws.terminate()
        reject(error)
      } else resolve(ws)
    }
    const onError = (error: Error): void => done(error)
    const onClose = (code: number): void => done(new Error(`closed (${code}) during the ${role} handshake`))
    const onMessage = (raw: RawData): void => {
      const data = asBuffer(raw)
      if (target === 'raw') {
        done(data.toString() === ROLE_OK ? null : new Error(`raw server said ${data.toString().slice(0, 40)}`))
        return
      }
      const inbound = classifyStomp(data)
      if (inbound.kind === 'heartbeat') return
      if (inbound.kind !== 'other') return done(new Error('MESSAGE before the handshake finished'))
      if (inbound.command === 'CONNECTED') {
        if (role === 'sub') ws.send(subscribeFrame('0'))
        else done(null)
      } else if (inbound.command === 'RECEIPT' && role === 'sub') done(null)
      else done(new Error(`unexpected ${describeFrame(data)}`))
    }
    ws.on('message', onMessage)
    ws.on('close', onClose)
    ws.on('error', onError)
    ws.once('open', () => {
      if (target === 'raw') ws.send(role)
      else ws.send(connectFrame(options.heartBeat ?? [0, 0]))
    })
  })
}

/** Opens `count` clients, at most `concurrency` handshakes at a time, in index order. */
export async function openMany(count: number, concurrency: number, open: (index: number) => Promise<WebSocket>): Promise<WebSocket[]> {
  const out: WebSocket[] = new Array<WebSocket>(count)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next
      next += 1
      out[index] = await open(index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  return out
}

export { asBuffer }
