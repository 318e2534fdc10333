import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/harness'
import { counterOf, freshCid, RawClient } from './test-kit'

let srv: TestServer
beforeAll(async () => {
  srv = await startTestServer({ tcp: false })
})
afterAll(async () => {
  await srv.close()
})

interface Echo {
  request: { line: string; headers: [string, string][]; body: string; bodyBytes: number; bodyEncoding?: string }
  response: { statusLine: string; headers: [string, string][] }
}

describe('/lab/echo', () => {
  it('returns the request line and the raw headers exactly as sent (odd casing, wire order, repeats) and the body', async () => {
    const cid = freshCid()
    const client = new RawClient(srv.httpPort)
    const request =
      `POST /lab/echo?cid=${cid}&x=%20y HTTP/1.1\r\n` +
      'hOsT: 127.0.0.1\r\n' +
      'X-Odd-CASE: first\r\n' +
      'accept: */*\r\n' +
      'x-repeat: 1\r\n' +
      'Content-Type: text/plain\r\n' +
      'X-REPEAT: 2\r\n' +
      'Content-Length: 11\r\n' +
      '\r\n' +
      'héllo wire'
    client.send(Buffer.from(request, 'utf8'))
    const res = await client.response()
    expect(res.status).toBe(200)
    const echo = JSON.parse(res.body) as Echo
    expect(echo.request.line).toBe(`POST /lab/echo?cid=${cid}&x=%20y HTTP/1.1`)
    expect(echo.request.headers).toEqual([
      ['hOsT', '127.0.0.1'],
      ['X-Odd-CASE', 'first'],
      ['accept', '*/*'],
      ['x-repeat', '1'],
      ['Content-Type', 'text/plain'],
      ['X-REPEAT', '2'],
      ['Content-Length', '11'],
    ])
    expect(echo.request.body).toBe('héllo wire')
    expect(echo.request.bodyBytes).toBe(11)
    client.close()
  })

  it('the response head it reports is byte for byte the head the socket received (Content-Length included)', async () => {
    const client = new RawClient(srv.httpPort)
    client.send('GET /lab/echo HTTP/1.1\r\nHost: x\r\n\r\n')
    const res = await client.response()
    const echo = JSON.parse(res.body) as Echo
    const reported = `${echo.response.statusLine}\r\n${echo.response.headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`
    expect(reported).toBe(res.head)
    expect(echo.response.statusLine).toBe('HTTP/1.1 200 OK')
    expect(echo.response.headers.find(([n]) => n === 'Content-Length')?.[1]).toBe(String(Buffer.byteLength(res.body)))
    expect(echo.response.headers.find(([n]) => n === 'Connection')?.[1]).toBe('keep-alive')
    client.close()
  })

  it('Connection: close is honoured and reported; a body that is not UTF-8 comes back in base64', async () => {
    const client = new RawClient(srv.httpPort)
    const body = Buffer.from([0xff, 0x00, 0xc3])
    client.send(Buffer.concat([Buffer.from('PUT /lab/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 3\r\n\r\n'), body]))
    const res = await client.response()
    const echo = JSON.parse(res.body) as Echo
    expect(echo.response.headers).toContainEqual(['Connection', 'close'])
    expect(echo.request).toMatchObject({ body: body.toString('base64'), bodyEncoding: 'base64', bodyBytes: 3 })
    await new Promise<void>((resolve) => (client.closed ? resolve() : client.socket.once('close', () => resolve())))
  })

  it('other methods get 405 with Allow; a body over 16 KiB gets 413 with a JSON error, and the socket is closed', async () => {
    const a = new RawClient(srv.httpPort)
    a.send('PATCH /lab/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n')
    const r405 = await a.response()
    expect(r405.status).toBe(405)
    expect(r405.headers).toContainEqual(['Allow', 'GET, POST, PUT, DELETE'])
    expect(JSON.parse(r405.body).error).toMatch(/PATCH/)
    a.close()

    const b = new RawClient(srv.httpPort)
    b.send(`POST /lab/echo HTTP/1.1\r\nHost: x\r\nContent-Length: ${16 * 1024 + 1}\r\n\r\n`)
    const r413 = await b.response()
    expect(r413.status).toBe(413)
    expect(JSON.parse(r413.body).error).toMatch(/16384 bytes/)
    await new Promise<void>((resolve) => (b.closed ? resolve() : b.socket.once('close', () => resolve())))
  })

  it('counters: requests, and bytes up/down equal what the raw socket wrote and read, exchange by exchange on one keep-alive socket', async () => {
    const cid = freshCid()
    const client = new RawClient(srv.httpPort)
    client.send(`GET /lab/echo?cid=${cid} HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n\r\n`)
    await client.response()
    const first = await counterOf(srv.httpUrl, cid, 'echo')
    expect(first).toMatchObject({ requests: 1, bytesUp: client.written, bytesDown: client.received, delivered: 0 })

    client.send(`POST /lab/echo?cid=${cid} HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody`)
    await client.response()
    const second = await counterOf(srv.httpUrl, cid, 'echo')
    expect(second).toMatchObject({ requests: 2, bytesUp: client.written, bytesDown: client.received })
    client.close()
  })

  it('a non-lab request earlier on the same keep-alive socket is not counted for the lab', async () => {
    const cid = freshCid()
    const client = new RawClient(srv.httpPort)
    client.send('GET /not-the-lab HTTP/1.1\r\nHost: x\r\n\r\n')
    await client.response()
    const [writtenBefore, receivedBefore] = [client.written, client.received]
    client.send(`GET /lab/echo?cid=${cid} HTTP/1.1\r\nHost: x\r\n\r\n`)
    await client.response()
    const c = await counterOf(srv.httpUrl, cid, 'echo')
    expect(c).toMatchObject({ requests: 1, bytesUp: client.written - writtenBefore, bytesDown: client.received - receivedBefore })
    client.close()
  })

  it('a bad cid gets 400 with an explanation', async () => {
    const client = new RawClient(srv.httpPort)
    client.send('GET /lab/echo?cid=no%20spaces HTTP/1.1\r\nHost: x\r\n\r\n')
    const res = await client.response()
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body).error).toMatch(/cid=.*letters, digits/)
    client.close()
  })
})
