/**
 * A request as the learner types it in the raw request widget, in HTTP/1.1's own shape:
 *
 *   POST /lab/echo
 *   Content-Type: application/json
 *   X-Hello: wire
 *
 *   {"hello": "wire"}
 *
 * The first line is `METHOD target` (an optional `HTTP/1.1` is accepted and ignored: the browser
 * picks the version); then header lines `Name: value`; a blank line; the body. Pure parsing with
 * errors that name the line, plus what a browser will not let a page set (fetch's forbidden
 * request headers) so the widget can say who writes those.
 */
import type { Header } from '../stomp/frame'

export interface RequestText {
  readonly method: string
  readonly target: string
  readonly headers: readonly Header[]
  readonly body: string
}

export interface RequestTextError {
  /** 1-based line of the problem. */
  readonly line: number
  readonly message: string
}

/** RFC 9110 §5.6.2 token characters. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
export const REQUEST_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const

/** Header names the browser sets itself (Fetch standard, "forbidden request-header"). */
const FORBIDDEN = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method', 'connection',
  'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive', 'origin', 'referer',
  'set-cookie', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via',
])

export function isForbiddenRequestHeader(name: string): boolean {
  const lower = name.toLowerCase()
  return FORBIDDEN.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')
}

export function parseRequestText(text: string, allowedPrefix = '/lab/'): RequestText | RequestTextError {
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  let first = 0
  while (first < lines.length && lines[first].trim() === '') first++
  if (first === lines.length) return { line: 1, message: 'Write a request line first, e.g. `GET /lab/echo`' }
  const parts = lines[first].trim().split(/\s+/)
  const [method, target, version] = parts
  if (parts.length > 3 || (version !== undefined && !/^HTTP\/1\.[01]$/.test(version))) {
    return { line: first + 1, message: 'The request line is `METHOD target`, e.g. `POST /lab/echo` (optionally followed by `HTTP/1.1`)' }
  }
  if (!(REQUEST_METHODS as readonly string[]).includes(method)) {
    const upper = method.toUpperCase()
    const hint = (REQUEST_METHODS as readonly string[]).includes(upper) ? ` Methods are case-sensitive: write \`${upper}\`.` : ''
    return { line: first + 1, message: `\`${method}\` is not a method this widget sends (${REQUEST_METHODS.join(', ')}).${hint}` }
  }
  if (target === undefined) return { line: first + 1, message: `After \`${method}\` comes the request target, e.g. \`${method} /lab/echo\`` }
  if (!target.startsWith(allowedPrefix)) {
    return { line: first + 1, message: `This widget only talks to Wirelab's lab, so the target starts with \`${allowedPrefix}\` (e.g. \`/lab/echo\`), not \`${target}\`` }
  }
  const headers: Header[] = []
  let i = first + 1
  for (; i < lines.length; i++) {
    const line = lines[i]
    if (line.trim() === '') break
    const colon = line.indexOf(':')
    if (colon <= 0) return { line: i + 1, message: `A header line is \`Name: value\`; \`${line.trim()}\` has no name before a colon` }
    const name = line.slice(0, colon)
    if (!TOKEN.test(name)) return { line: i + 1, message: `\`${name}\` is not a valid header name: no spaces, only letters, digits and !#$%&'*+.^_\`|~-` }
    headers.push([name, line.slice(colon + 1).trim()])
  }
  const body = lines.slice(i + 1).join('\n')
  if (body !== '' && (method === 'GET' || method === 'HEAD')) {
    return { line: i + 2, message: `A ${method} request carries no body in a browser (fetch refuses one). Use POST or PUT to send a body` }
  }
  return { method, target, headers, body }
}

export function isRequestTextError(value: RequestText | RequestTextError): value is RequestTextError {
  return 'message' in value
}
