import { EventEmitter } from 'node:events'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { memoryLogger } from './log'
import { createUpgradeRouter, type UpgradeRoutes } from './upgrade-router'

const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise((resolve) => s.close(resolve))
  }
})

interface Harness { port: number; sockets: Duplex[] }

async function serve(routes: UpgradeRoutes): Promise<Harness> {
  const router = createUpgradeRouter(routes, memoryLogger())
  const sockets: Duplex[] = []
  const server = createServer((_req, res) => res.end('plain http'))
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.push(socket)
    router(req, socket, head)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: (server.address() as AddressInfo).port, sockets }
}

/** Sends a WebSocket upgrade request by hand; resolves with everything received until the server closes. */
function rawUpgrade(port: number, path: string): Promise<{ response: string; closed: true }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let response = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (response += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve({ response, closed: true }))
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    )
  })
}

describe('upgrade router', () => {
  it('an unknown path gets 404 and the socket is destroyed', async () => {
    const h = await serve({})
    const { response } = await rawUpgrade(h.port, '/nowhere?x=1')
    expect(response).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/)
    expect(response).toContain('Connection: close\r\n')
    expect(response).toContain('No WebSocket endpoint at /nowhere')
    expect(h.sockets).toHaveLength(1)
    await expect.poll(() => h.sockets[0].destroyed).toBe(true)
  })

  it('an unknown path under /ws/ gets 404 too', async () => {
    const h = await serve({ ws: { '/ws/stomp': () => {} } })
    const { response } = await rawUpgrade(h.port, '/ws/nope')
    expect(response).toMatch(/^HTTP\/1\.1 404 /)
    await expect.poll(() => h.sockets[0].destroyed).toBe(true)
  })

  it('/ws/stomp goes to its WebSocket handler (a real ws client connects and echoes)', async () => {
    const wss = new WebSocketServer({ noServer: true })
    wss.on('connection', (ws) => ws.on('message', (data) => ws.send(`echo:${String(data)}`)))
    const h = await serve({ ws: { '/ws/stomp': (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)) } })
    const client = new WebSocket(`ws://127.0.0.1:${h.port}/ws/stomp`)
    const reply = await new Promise<string>((resolve, reject) => {
      client.on('open', () => client.send('hi'))
      client.on('message', (data) => resolve(String(data)))
      client.on('error', reject)
    })
    expect(reply).toBe('echo:hi')
    client.close()
    wss.close()
  })

  it('/_next/ goes to Next\'s private emitter when Next has attached its listener', async () => {
    const nextEmitter = new EventEmitter()
    const seen: string[] = []
    nextEmitter.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
      seen.push(req.url ?? '')
      socket.end('HTTP/1.1 418 From Next\r\nConnection: close\r\n\r\n')
    })
    const h = await serve({ next: nextEmitter })
    const { response } = await rawUpgrade(h.port, '/_next/webpack-hmr?id=1')
    expect(seen).toEqual(['/_next/webpack-hmr?id=1'])
    expect(response).toMatch(/^HTTP\/1\.1 418 From Next/)
  })

  it('/_next/ before Next attached its listener is refused instead of hanging', async () => {
    const h = await serve({ next: new EventEmitter() })
    const { response } = await rawUpgrade(h.port, '/_next/webpack-hmr')
    expect(response).toMatch(/^HTTP\/1\.1 404 /)
  })

  it('/sockjs/ goes to the sockjs middleware; a path it does not own is refused', async () => {
    const calls: string[] = []
    const sockjs = (req: IncomingMessage, socket: Duplex): boolean => {
      calls.push(req.url ?? '')
      if (!req.url?.startsWith('/sockjs/stomp/')) return false
      socket.end('HTTP/1.1 400 Sockjs Was Here\r\nConnection: close\r\n\r\n')
      return true
    }
    const h = await serve({ sockjs })
    expect((await rawUpgrade(h.port, '/sockjs/stomp/websocket')).response).toMatch(/^HTTP\/1\.1 400 Sockjs Was Here/)
    expect((await rawUpgrade(h.port, '/sockjs/other/websocket')).response).toMatch(/^HTTP\/1\.1 404 /)
    expect(calls).toEqual(['/sockjs/stomp/websocket', '/sockjs/other/websocket'])
  })

  it('several SockJS servers: /sockjs/ is dispatched by prefix; an unknown or look-alike prefix is refused', async () => {
    const calls: string[] = []
    const answer = (name: string) => (req: IncomingMessage, socket: Duplex): boolean => {
      calls.push(`${name} ${req.url}`)
      socket.end(`HTTP/1.1 400 ${name}\r\nConnection: close\r\n\r\n`)
      return true
    }
    const h = await serve({ sockjs: { '/sockjs/stomp': answer('Stomp'), '/sockjs/feed': answer('Feed') } })
    expect((await rawUpgrade(h.port, '/sockjs/stomp/1/a/websocket')).response).toMatch(/^HTTP\/1\.1 400 Stomp/)
    expect((await rawUpgrade(h.port, '/sockjs/feed/1/a/websocket?feed=lobby')).response).toMatch(/^HTTP\/1\.1 400 Feed/)
    expect((await rawUpgrade(h.port, '/sockjs/feedx/1/a/websocket')).response).toMatch(/^HTTP\/1\.1 404 /)
    expect((await rawUpgrade(h.port, '/sockjs/other/websocket')).response).toMatch(/^HTTP\/1\.1 404 /)
    expect(calls).toEqual(['Stomp /sockjs/stomp/1/a/websocket', 'Feed /sockjs/feed/1/a/websocket?feed=lobby'])
  })

  it('prefix routes (e.g. /socket.io/) get their upgrades; other paths stay refused', async () => {
    const seen: string[] = []
    const h = await serve({
      prefixes: {
        '/socket.io/': (req, socket) => {
          seen.push(req.url ?? '')
          socket.end('HTTP/1.1 400 Engine\r\nConnection: close\r\n\r\n')
        },
      },
    })
    expect((await rawUpgrade(h.port, '/socket.io/?EIO=4&transport=websocket')).response).toMatch(/^HTTP\/1\.1 400 Engine/)
    expect((await rawUpgrade(h.port, '/socket.iox/')).response).toMatch(/^HTTP\/1\.1 404 /)
    expect(seen).toEqual(['/socket.io/?EIO=4&transport=websocket'])
  })

  it('a handler that throws gets its socket destroyed and the server stays up', async () => {
    const h = await serve({ ws: { '/ws/stomp': () => { throw new Error('boom') } } })
    const { response } = await rawUpgrade(h.port, '/ws/stomp')
    expect(response).toBe('')
    expect(h.sockets[0].destroyed).toBe(true)
    expect((await rawUpgrade(h.port, '/elsewhere')).response).toMatch(/^HTTP\/1\.1 404 /)
  })
})
