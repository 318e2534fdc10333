/**
 * Serves the sockjs-client browser build from node_modules (no CDN, no committed copy): the
 * script SockJS's iframe transports load (`sockjs_url`) and pages may use directly.
 *   /sockjs-client.min.js  → sockjs-client/dist/sockjs.min.js
 *   /sockjs.min.js.map     → its source map (the script's sourceMappingURL, resolved from its URL)
 */
import { readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRequire } from 'node:module'

export const SOCKJS_CLIENT_PATH = '/sockjs-client.min.js'

const FILES: Readonly<Record<string, { module: string; type: string }>> = {
  [SOCKJS_CLIENT_PATH]: { module: 'sockjs-client/dist/sockjs.min.js', type: 'application/javascript; charset=utf-8' },
  '/sockjs.min.js.map': { module: 'sockjs-client/dist/sockjs.min.js.map', type: 'application/json; charset=utf-8' },
}

interface Loaded { body: Buffer; etag: string; type: string }
const cache = new Map<string, Loaded>()
const resolveFrom = createRequire(import.meta.url)

function load(path: string): Loaded | null {
  const hit = cache.get(path)
  if (hit) return hit
  const file = FILES[path]
  if (!file) return null
  const filename = resolveFrom.resolve(file.module)
  const stat = statSync(filename)
  const loaded = { body: readFileSync(filename), etag: `"${stat.size.toString(16)}-${stat.mtimeMs.toString(16)}"`, type: file.type }
  cache.set(path, loaded)
  return loaded
}

/** Answers GET/HEAD for the client script and its map; returns false for any other request. */
export function serveSockjsClientScript(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const path = (req.url ?? '/').split('?')[0]
  const file = load(path)
  if (!file) return false
  res.setHeader('Content-Type', file.type)
  res.setHeader('Cache-Control', 'public, max-age=3600')
  res.setHeader('ETag', file.etag)
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304).end()
    return true
  }
  res.setHeader('Content-Length', file.body.byteLength)
  res.writeHead(200)
  res.end(req.method === 'HEAD' ? undefined : file.body)
  return true
}
