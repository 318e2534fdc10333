/**
 * @types/sockjs 0.3.36 lacks what sockjs 0.3.24 really has (node_modules/sockjs/lib/sockjs.js):
 * `Server#middleware(opts)` returns the listener's handler `(req, res) => boolean` (false when the
 * URL is outside the prefix) with `.upgrade` set to the same function, called as
 * `(req, socket, head)` for upgrades (toolchain-notes §2, pitfall P7). `Connection#close` takes a
 * numeric code: it is JSON-encoded into the `c[code,"reason"]` frame as given.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'

declare module 'sockjs' {
  interface Middleware {
    (req: IncomingMessage, res: ServerResponse): boolean
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean
  }

  interface Server {
    middleware(options?: ServerOptions): Middleware
  }

  interface ServerOptions {
    /** Passed to faye-websocket for the websocket transports (e.g. `{ maxLength }`). */
    faye_server_options?: { maxLength?: number } | null
  }

  interface Connection {
    close(code?: number, reason?: string): boolean
  }
}
