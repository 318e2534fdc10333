/**
 * Building tap events (lib/inspect/events.ts). Callers guard with `if (bus.active)` — per frame
 * with `if (bus.wants(session.id, session.client))` — so a broker nobody watches pays one check
 * per frame and builds nothing, and frames of connections nobody watches are not built either.
 */
import type { Frame } from '../../lib/stomp/frame'
import type { Direction, InspectEvent } from '../../lib/inspect/events'

export const BODY_PREVIEW_CHARS = 256
const decoder = new TextDecoder()

/** Whose event it is: a session (its connection id and, when known, the browser tab's cid). */
export interface TapSource {
  readonly id: string
  readonly client?: string
}

/** `{ client }` when there is one: spread into an event (no `client: undefined` key in the JSON). */
export function clientOf(source: TapSource): { readonly client?: string } {
  return source.client === undefined ? {} : { client: source.client }
}

/** The first 256 characters of the body as text (lossy for binary bodies; display only). */
export function bodyPreview(body: Uint8Array): string {
  if (body.length === 0) return ''
  const text = decoder.decode(body.length > BODY_PREVIEW_CHARS * 4 ? body.subarray(0, BODY_PREVIEW_CHARS * 4) : body)
  return text.length > BODY_PREVIEW_CHARS ? text.slice(0, BODY_PREVIEW_CHARS) : text
}

/** The exact octets of a frame as text, capped (NUL and EOLs kept: the views show them). */
export function rawPreview(raw: Uint8Array): string {
  return bodyPreview(raw)
}

export function frameEvent(source: TapSource, dir: Direction, frame: Frame, wireBytes: number, raw?: Uint8Array): InspectEvent {
  return {
    type: 'stomp.frame', t: performance.now(), conn: source.id, ...clientOf(source), dir, command: frame.command,
    headers: frame.headers, bodyLength: frame.body.length, bodyPreview: bodyPreview(frame.body), wireBytes,
    ...(raw === undefined ? {} : { raw: rawPreview(raw) }),
  }
}

export function heartbeatEvent(source: TapSource, dir: Direction, bytes: number): InspectEvent {
  return { type: 'stomp.heartbeat', t: performance.now(), conn: source.id, ...clientOf(source), dir, bytes }
}
