/**
 * Opening bench connections: a WebSocket per client, the role handshake of each server kind
 * (STOMP CONNECT/SUBSCRIBE for Wirelab, a role message for the raw server), with bounded
 * concurrency so 10,000 connects do not overflow the server's accept backlog.
 */
import { classifyStomp, connectFrame, describeFrame, ROLE_OK, STOMP_SUBPROTOCOLS, subscribeFrame } from './protocol'
import { BenchSocket } from './ws-client'

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

/** Resolves once the client is ready: CONNECTED (+ RECEIPT of its SUBSCRIBE) or the raw `ok`. */
export async function openClient(options: OpenOptions): Promise<BenchSocket> {
  const { target, url, role } = options
  const timeoutMs = options.timeoutMs ?? 15000
  const ws = await BenchSocket.open(url, target === 'wirelab' ? STOMP_SUBPROTOCOLS : [], timeoutMs)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`${role} connection not ready ${timeoutMs} ms after the handshake`)), timeoutMs)
    const done = (error: Error | null): void => {
      clearTimeout(timer)
      ws.onMessage(() => {})
      ws.onClose(() => {})
      if (error) {
        ws.terminate()
        reject(error)
      } else resolve(ws)
    }
    ws.onClose((code) => done(new Error(`closed (${code}) during the ${role} handshake`)))
    ws.onMessage((data) => {
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
    })
    if (target === 'raw') ws.send(role)
    else ws.send(connectFrame(options.heartBeat ?? [0, 0]))
  })
}

/** Opens `count` clients, at most `concurrency` handshakes at a time, in index order. */
export async function openMany(count: number, concurrency: number, open: (index: number) => Promise<BenchSocket>): Promise<BenchSocket[]> {
  const out: BenchSocket[] = new Array<BenchSocket>(count)
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
