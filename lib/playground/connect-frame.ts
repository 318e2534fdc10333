/**
 * The CONNECT frame a playground client sends from its connection settings, and the default
 * settings of a new client. Structural types: components/playground/types.ts ClientSettings fits.
 */
import { makeFrame, type Frame, type Header, type StompVersion } from '../stomp/frame'

export interface ConnectSettings {
  readonly versions: readonly StompVersion[]
  readonly login: string
  readonly passcode: string
  readonly host: string
  readonly heartBeat: readonly [number, number]
}

/**
 * CONNECT with `accept-version` (the versions offered, highest first — checklist 21), `host`
 * (1.1/1.2 clients MUST send it — checklist 24; omitted when empty, to show what a broker does
 * without it), `login`/`passcode` when given (checklist 25) and `heart-beat` (checklist 28).
 * Offering only 1.0 sends no accept-version at all: that is how a 1.0 client speaks.
 */
export function connectFrame(s: ConnectSettings): Frame {
  const headers: Header[] = []
  const versions = [...s.versions].sort().reverse()
  if (!(versions.length === 1 && versions[0] === '1.0') && versions.length > 0) headers.push(['accept-version', versions.join(',')])
  if (s.host !== '') headers.push(['host', s.host])
  if (s.login !== '') headers.push(['login', s.login])
  if (s.passcode !== '') headers.push(['passcode', s.passcode])
  const [cx, cy] = s.heartBeat
  if (!(versions.length === 1 && versions[0] === '1.0')) headers.push(['heart-beat', `${Math.max(0, Math.floor(cx))},${Math.max(0, Math.floor(cy))}`])
  return makeFrame('CONNECT', headers)
}

/** WebSocket subprotocols for the versions offered, highest first (checklist 74). */
export function subprotocolsFor(versions: readonly StompVersion[]): string[] {
  return [...versions].sort().reverse().map((v) => `v${v.replace('.', '')}.stomp`)
}

const STOMP_SUBPROTOCOL = /^v1([012])\.stomp$/

/** Whether the subprotocol list is the one subprotocolsFor gives for these versions (it then follows them). */
export function subprotocolsFollow(versions: readonly StompVersion[], subprotocols: readonly string[]): boolean {
  const want = subprotocolsFor(versions)
  return want.length === subprotocols.length && want.every((p, i) => p === subprotocols[i])
}

/**
 * Where the WebSocket subprotocols offered and CONNECT's accept-version disagree (checklist 74),
 * or null: a STOMP subprotocol offered for a version CONNECT does not accept. A server picks one
 * subprotocol and then expects that version of STOMP, so offering v12.stomp with only 1.0 in
 * accept-version asks for trouble. Offering fewer subprotocols than versions is fine (the server
 * picks among them), and so are other tokens or no subprotocol at all.
 */
export function subprotocolMismatch(versions: readonly StompVersion[], subprotocols: readonly string[]): string | null {
  const extra = subprotocols.flatMap((p) => {
    const m = STOMP_SUBPROTOCOL.exec(p)
    const version = m === null ? null : (`1.${m[1]}` as StompVersion)
    return version === null || versions.includes(version) ? [] : [{ token: p, version }]
  })
  if (extra.length === 0) return null
  const accepted = versions.length === 0 ? 'none' : [...versions].sort().reverse().join(', ')
  return `Subprotocols and versions disagree: ${extra.map((p) => p.token).join(', ')} offered but STOMP ${extra.map((p) => p.version).join(', ')} not accepted in CONNECT (accept-version: ${accepted}); a server that picks ${extra[0].token} expects a ${extra[0].version} client.`
}

/** Parses a subprotocol list typed by the learner ("v12.stomp, v11.stomp"); '' = offer none. */
export function parseSubprotocols(text: string): string[] {
  return text.split(/[\s,]+/).filter((p) => p !== '')
}

/** The RFC 6455 token rule a subprotocol must follow, or null when it is fine. */
export function subprotocolProblem(p: string): string | null {
  return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(p) ? null : `“${p}” is not a valid subprotocol token (RFC 6455 §4.1: letters, digits and !#$%&'*+-.^_\`|~ only); the browser would refuse to open the socket.`
}
