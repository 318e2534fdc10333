/**
 * Building tap events (lib/inspect/events.ts). Callers guard with `if (bus.active)` so a broker
 * nobody watches pays one boolean check per frame and builds nothing.
 */
import type { Frame } from '../../lib/stomp/frame'
import type { Direction, InspectEvent } from '../../lib/inspect/events'

export const BODY_PREVIEW_CHARS = 256
const decoder = new TextDecoder()

/** The first 256 characters of the body as text (lossy for binary bodies; display only). */
export function bodyPreview(body: Uint8Array): string {
  if (body.length === 0) return ''
  const text = decoder.decode(body.length > BODY_PREVIEW_CHARS * 4 ? body.subarray(0, BODY_PREVIEW_CHARS * 4) : body)
  return text.length > BODY_PREVIEW_CHARS ? text.slice(0, BODY_PREVIEW_CHARS) : text
}

export function frameEvent(conn: string, dir: Direction, frame: Frame, wireBytes: number): InspectEvent {
  return {
    type: 'stomp.frame', t: performance.now(), conn, dir, command: frame.command,
    headers: frame.headers, bodyLength: frame.body.length, bodyPreview: bodyPreview(frame.body), wireBytes,
  }
}

export function heartbeatEvent(conn: string, dir: Direction, bytes: number): InspectEvent {
  return { type: 'stomp.heartbeat', t: performance.now(), conn, dir, bytes }
}
