/** Version and heart-beat negotiation: pure spec math shared by the broker and the parser. */
import { STOMP_VERSIONS, getHeader, type Frame, type StompVersion } from './frame'

/**
 * The highest version both sides speak (STOMP 1.2 §Protocol Negotiation — checklist 21).
 * `acceptVersion` undefined (header absent) means the client speaks only 1.0. Entries are
 * compared after trimming spaces; unknown entries (`2.0`) are ignored. Null = no common version
 * (checklist 22: ERROR, then close).
 */
export function negotiateVersion(acceptVersion: string | undefined, supported: readonly StompVersion[]): StompVersion | null {
  const offered = acceptVersion === undefined ? ['1.0'] : acceptVersion.split(',').map((v) => v.trim())
  for (let i = STOMP_VERSIONS.length - 1; i >= 0; i--) {
    const v = STOMP_VERSIONS[i]
    if (offered.includes(v) && supported.includes(v)) return v
  }
  return null
}

/**
 * Heart-beat intervals in ms, 0 = none (STOMP 1.2 §Heart-beating — checklist 29).
 * `client` = the CONNECT's [cx, cy], `server` = the CONNECTED's [sx, sy].
 */
export function negotiateHeartBeat(
  client: readonly [number, number],
  server: readonly [number, number],
): { readonly clientToServer: number; readonly serverToClient: number } {
  const [cx, cy] = client
  const [sx, sy] = server
  return {
    clientToServer: cx === 0 || sy === 0 ? 0 : Math.max(cx, sy),
    serverToClient: sx === 0 || cy === 0 ? 0 : Math.max(sx, cy),
  }
}

/**
 * The session version a handshake frame settles, seen by a side that speaks `supported`:
 * CONNECT/STOMP → negotiateVersion(accept-version); CONNECTED → its `version` header (absent =
 * 1.0, a 1.0 server). Null for other frames or when nothing common was found.
 */
export function handshakeVersion(frame: Pick<Frame, 'command' | 'headers'>, supported: readonly StompVersion[]): StompVersion | null {
  if (frame.command === 'CONNECT' || frame.command === 'STOMP') return negotiateVersion(getHeader(frame, 'accept-version'), supported)
  if (frame.command !== 'CONNECTED') return null
  const v = getHeader(frame, 'version') ?? '1.0'
  const known = STOMP_VERSIONS.find((x) => x === v)
  return known !== undefined && supported.includes(known) ? known : null
}
