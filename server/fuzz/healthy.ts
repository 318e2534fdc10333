/**
 * Healthy sessions that keep talking while the fuzzer attacks the server: each (TCP and WebSocket,
 * STOMP 1.2) subscribes to one topic and publishes sequence-numbered messages to it on a timer;
 * one also consumes a queue another feeds. At the end every subscriber must have received every
 * publisher's messages exactly once and in order (zero loss), with no ERROR and no close.
 */
import { openTcp, openWs, type WireClient } from '../testing/wire-client'
import type { TestServer } from '../testing/harness'

export interface HealthyReport {
  readonly sessions: number
  /** SENDs by the healthy publishers (topic and queue). */
  readonly published: number
  /** MESSAGEs the healthy subscribers received (each topic message reaches every session). */
  readonly delivered: number
  readonly failures: string[]
}

export interface Healthy {
  finish(timeoutMs?: number): Promise<HealthyReport>
}

async function until(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs
  while (!cond()) {
    if (performance.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 5))
  }
  return true
}

export async function startHealthy(srv: TestServer, count: number, intervalMs: number): Promise<Healthy> {
  const token = Math.random().toString(36).slice(2, 12)
  const topic = `/topic/healthy.${token}`
  const queue = `/queue/healthy-${token}`
  const clients: WireClient[] = []
  for (let i = 0; i < count; i++) {
    const c = i % 2 === 0 ? await openTcp(srv.tcpPort) : await openWs(srv.wsUrl, ['v12.stomp'])
    await c.connect({ 'heart-beat': '0,0' })
    await c.subscribe(topic, `h-${i}`)
    if (i === 0) await c.subscribe(queue, 'hq')
    clients.push(c)
  }
  const seq = clients.map(() => 0)
  let queueSeq = 0
  const queuePublisher = clients[clients.length - 1]
  const publish = () => {
    clients.forEach((c, i) => {
      if (c.isClosed) return
      c.send('SEND', { destination: topic, 'x-pub': String(i), 'x-seq': String(seq[i]) }, `p${i}:${seq[i]}`)
      seq[i] += 1
    })
    if (!queuePublisher.isClosed) {
      queuePublisher.send('SEND', { destination: queue, 'x-seq': String(queueSeq) }, `q:${queueSeq}`)
      queueSeq += 1
    }
  }
  const timer = setInterval(publish, intervalMs)

  return {
    async finish(timeoutMs = 10_000) {
      clearInterval(timer)
      const failures: string[] = []
      clients.forEach((c, i) => {
        if (c.isClosed) failures.push(`healthy ${i} (${c.kind}) was closed during the run: ${c.closeNote}`)
      })
      // a receipted last SEND from each: everything before it was received by the broker (65)
      await Promise.all(clients.filter((c) => !c.isClosed).map((c) => c.sendAndReceipt('BEGIN', { transaction: `sync-${token}` }).catch((e: Error) => failures.push(e.message))))
      const published = seq.reduce((a, b) => a + b, 0) + queueSeq
      const seen = (c: WireClient, dest: string) => c.frames.filter((f) => f.command === 'MESSAGE' && f.header('destination') === dest)
      const complete = () => clients.every((c) => seen(c, topic).length >= seq.reduce((a, b) => a + b, 0)) && seen(clients[0], queue).length >= queueSeq
      if (!(await until(complete, timeoutMs))) failures.push('healthy sessions did not receive every message in time')
      let delivered = 0
      clients.forEach((c, i) => {
        const errors = c.frames.filter((f) => f.command === 'ERROR')
        if (errors.length > 0) failures.push(`healthy ${i} (${c.kind}) got ERROR ${errors.map((e) => e.header('message')).join('; ')}`)
        const msgs = seen(c, topic)
        delivered += msgs.length
        clients.forEach((_, p) => {
          const got = msgs.filter((m) => m.header('x-pub') === String(p)).map((m) => Number(m.header('x-seq')))
          const bad = got.findIndex((s, k) => s !== k)
          if (got.length !== seq[p] || bad >= 0) {
            failures.push(`healthy ${i} (${c.kind}) from publisher ${p}: ${got.length}/${seq[p]} messages, first out of order at #${bad} (${got.slice(Math.max(0, bad - 2), bad + 3).join(',')})`)
          }
        })
      })
      const q = seen(clients[0], queue).map((m) => Number(m.header('x-seq')))
      delivered += q.length
      const qBad = q.findIndex((s, k) => s !== k)
      if (q.length !== queueSeq || qBad >= 0) failures.push(`healthy queue: ${q.length}/${queueSeq} messages, first out of order at #${qBad}`)
      for (const c of clients) c.close()
      return { sessions: clients.length, published, delivered, failures }
    },
  }
}
