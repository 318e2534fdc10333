/**
 * GET/POST/PUT/DELETE /lab/echo: shows the learner the exact request the server read and the
 * exact response head it sends back.
 *
 *   { "request":  { "line": "POST /lab/echo?x=1 HTTP/1.1",
 *                   "headers": [["Host","127.0.0.1:3000"], ["content-TYPE","text/plain"], …],
 *                   "body": "hello", "bodyBytes": 5 },
 *     "response": { "statusLine": "HTTP/1.1 200 OK",
 *                   "headers": [["Date","…"], ["Content-Type","application/json; charset=utf-8"], …] } }
 *
 * Request headers come from `req.rawHeaders`: the names as the client spelled them, in wire
 * order, repeats kept (Node's parser drops the optional whitespace around a value, which is not
 * part of the value — RFC 9110 §5.5). A body that is not UTF-8 is given in base64
 * (`bodyEncoding: "base64"`).
 *
 * The response head is built here, every header explicitly (Node adds none of its own: no
 * automatic Date or Connection), so what the JSON says is byte for byte what the socket carries.
 * Its Content-Length counts the JSON that contains it: computed until it is a fixed point.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { STATUS_CODES } from 'node:http'
import { LabError, readBody } from './http-util'

export const ECHO_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const

type HeaderPair = [string, string]

function pairs(raw: readonly string[]): HeaderPair[] {
  const out: HeaderPair[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]])
  return out
}

function wantsKeepAlive(req: IncomingMessage): boolean {
  const connection = (req.headers.connection ?? '').toLowerCase()
  if (req.httpVersion === '1.0') return /\bkeep-alive\b/.test(connection)
  return !/\bclose\b/.test(connection)
}

function bodyField(body: Buffer): { body: string; bodyBytes: number; bodyEncoding?: 'base64' } {
  const text = body.toString('utf8')
  if (Buffer.from(text, 'utf8').equals(body)) return { body: text, bodyBytes: body.byteLength }
  return { body: body.toString('base64'), bodyBytes: body.byteLength, bodyEncoding: 'base64' }
}

export async function handleEcho(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!(ECHO_METHODS as readonly string[]).includes(req.method ?? '')) {
    throw new LabError(405, `/lab/echo answers ${ECHO_METHODS.join(', ')}; ${req.method} is not one of them`, { Allow: ECHO_METHODS.join(', ') })
  }
  const body = await readBody(req, res)
  if (body === null) return
  const request = { line: `${req.method} ${req.url} HTTP/${req.httpVersion}`, headers: pairs(req.rawHeaders), ...bodyField(body) }

  const status = 200
  const statusLine = `HTTP/1.1 ${status} ${STATUS_CODES[status]}`
  const keepAlive = wantsKeepAlive(req)
  const head = (length: number): HeaderPair[] => [
    ['Date', new Date().toUTCString()],
    ['Content-Type', 'application/json; charset=utf-8'],
    ['Cache-Control', 'no-store'],
    ['Connection', keepAlive ? 'keep-alive' : 'close'],
    ['Content-Length', String(length)],
  ]
  // The Content-Length is inside the body it measures: grow it until the digits stop changing.
  let length = 0
  let text = ''
  let headers: HeaderPair[] = []
  for (let i = 0; i < 8; i++) {
    headers = head(length)
    text = `${JSON.stringify({ request, response: { statusLine, headers } }, null, 2)}\n`
    const bytes = Buffer.byteLength(text)
    if (bytes === length) break
    length = bytes
  }
  res.sendDate = false
  res.statusMessage = STATUS_CODES[status] ?? ''
  res.writeHead(status, headers.flat())
  res.end(text)
}
