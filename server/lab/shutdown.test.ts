/** Everything the lab holds open ends cleanly when the server shuts down (stack.close). */
import { request } from 'node:http'
import { io } from 'socket.io-client'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startTestServer } from '../testing/harness'
import { waitUntil } from './test-kit'

describe('lab on server shutdown', () => {
  it('held long polls get 503 with an explanation, streams end, lab WebSockets close 1001, Socket.IO disconnects, tickers stop', async () => {
    const srv = await startTestServer({ tcp: false })
    const ticker = srv.lab.feeds.get('ticker-shutdown', 100)

    const longPoll = fetch(`${srv.httpUrl}/lab/feeds/lobby/long-poll?timeout=30000`).then(async (r) => ({ status: r.status, body: (await r.json()) as { error: string } }))
    const streamEnded = new Promise<string>((resolve, reject) => {
      request(`${srv.httpUrl}/lab/feeds/lobby/stream`, (res) => {
        res.resume()
        res.on('end', () => resolve('ended'))
        res.on('error', reject)
      }).end()
    })
    const sseEnded = new Promise<string>((resolve) => {
      request(`${srv.httpUrl}/lab/feeds/lobby/sse`, (res) => {
        res.resume()
        res.on('end', () => resolve('ended'))
      }).end()
    })
    const ws = new WebSocket(`ws://127.0.0.1:${srv.httpPort}/ws/feed?feed=lobby`)
    const wsClosed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    await new Promise((resolve) => ws.on('open', resolve))
    const sio = io(srv.httpUrl, { transports: ['websocket'], reconnection: false })
    await new Promise((resolve) => sio.on('connect', () => resolve(undefined)))
    const sioGone = new Promise<string>((resolve) => sio.on('disconnect', (reason) => resolve(reason)))
    await waitUntil(() => srv.lab.feeds.get('lobby').listenerCount === 4)

    await srv.close()
    const lp = await longPoll
    expect(lp.status).toBe(503)
    expect(lp.body.error).toMatch(/shutting down/)
    expect(await streamEnded).toBe('ended')
    expect(await sseEnded).toBe('ended')
    expect(await wsClosed).toBe(1001)
    expect(await sioGone).toMatch(/disconnect|close/)
    const ticks = ticker.latestId
    await new Promise((r) => setTimeout(r, 350))
    expect(ticker.latestId).toBe(ticks)
    sio.close()
  })
})
