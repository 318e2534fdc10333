/**
 * Serves the socket.io-client browser build from node_modules (no CDN, no committed copy), like
 * the sockjs-client script:
 *   /socket.io-client.min.js  → socket.io-client/dist/socket.io.min.js  (defines window.io)
 *   /socket.io.min.js.map     → its source map (the script's sourceMappingURL, resolved from its URL)
 */
import { readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const SOCKETIO_CLIENT_PATH = '/socket.io-client.min.js'

/** Files of the package's dist/ (not in its "exports" map, so found next to its package.json). */
const FILES: Readonly<Record<string, { file: string; type: string }>> = {
  [SOCKETIO_CLIENT_PATH]: { file: 'socket.io.min.js', type: 'application/javascript; charset=utf-8' },
  '/socket.io.min.js.map': { file: 'socket.io.min.js.map', type: 'application/json; charset=utf-8' },
}

interface Loaded {
  readonly body: Buffer
  readonly etag: string
  readonly type: string
}
const cache = new Map<string, Loaded>()
const resolveFrom = createRequire(import.meta.url)

function load(path: string): Loaded | null {
  const hit = cache.get(path)
  if (hit) return hit
  const file = FILES[path]
  if (!file) return null
  const filename = join(dirname(resolveFrom.resolve('socket.io-client/package.json')), 'dist', file.file)
  const stat = statSync(filename)
  const loaded = { body: readFileSync(filename), etag: `"${stat.size.toString(16)}-${stat.mtimeMs.toString(16)}"`, type: file.type }
  cache.set(path, loaded)
  return loaded
}

/** Answers GET/HEAD for the client script and its map; false for any other request. */
export function serveSocketioClientScript(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const path = (req.url ?? '/').split('?')[0]
  if (!(path in FILES)) return false
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
