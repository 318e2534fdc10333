/**
 * SockJS frames (SockJS protocol 0.3, "Framing"), decoded for the views. Server → client, every
 * transport carries the same frames, only wrapped differently (a WebSocket text message, a line of
 * an xhr-streaming response, an EventSource `data:` line …):
 *
 *   o                 the session is open
 *   h                 heart-beat (every 25 s by default)
 *   a["m1","m2"]      an array of messages (JSON strings)
 *   c[3000,"Go away"] close, with a code and a reason
 *
 * Client → server, a POST body (xhr_send) or a WebSocket message is a JSON array of strings
 * (`["SEND\n…"]`); over WebSocket a single JSON string is accepted too.
 */
export type SockjsFrame =
  | { readonly kind: 'o' }
  | { readonly kind: 'h' }
  | { readonly kind: 'a'; readonly messages: readonly string[] }
  | { readonly kind: 'c'; readonly code: number; readonly reason: string }

export type SockjsDecodeResult =
  | { readonly ok: true; readonly frame: SockjsFrame }
  | { readonly ok: false; readonly error: string }

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

function stringArray(value: unknown): readonly string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null
}

/** One server → client frame, as sockjs writes it (without the transport's wrapping). */
export function decodeSockjsFrame(text: string): SockjsDecodeResult {
  const kind = text.charAt(0)
  if (kind === 'o' || kind === 'h') {
    return text.length === 1 ? { ok: true, frame: { kind } } : { ok: false, error: `"${kind}" frame with trailing data` }
  }
  if (kind === 'a') {
    const parsed = parseJson(text.slice(1))
    const messages = parsed.ok ? stringArray(parsed.value) : null
    return messages ? { ok: true, frame: { kind: 'a', messages } } : { ok: false, error: '"a" frame is not a JSON array of strings' }
  }
  if (kind === 'c') {
    const parsed = parseJson(text.slice(1))
    const v = parsed.ok ? parsed.value : null
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string') {
      return { ok: true, frame: { kind: 'c', code: v[0], reason: v[1] } }
    }
    return { ok: false, error: '"c" frame is not [code, "reason"]' }
  }
  return { ok: false, error: text === '' ? 'empty frame' : `unknown frame type "${kind}"` }
}

/** A client → server batch: `["m1","m2"]`, or (WebSocket transport) a single JSON string. */
export function decodeClientMessages(text: string): readonly string[] | null {
  const parsed = parseJson(text)
  if (!parsed.ok) return null
  if (typeof parsed.value === 'string') return [parsed.value]
  return stringArray(parsed.value)
}

/** The frame kind letter a view labels a frame with ('m' = a client message batch). */
export type SockjsFrameKind = 'o' | 'h' | 'a' | 'c' | 'm'

/** One line for a log or a diagram: `open`, `heartbeat`, `2 messages`, `close 3000 Go away`. */
export function describeSockjsFrame(frame: SockjsFrame): string {
  switch (frame.kind) {
    case 'o':
      return 'open'
    case 'h':
      return 'heartbeat'
    case 'a':
      return frame.messages.length === 1 ? '1 message' : `${frame.messages.length} messages`
    case 'c':
      return `close ${frame.code}${frame.reason ? ` ${frame.reason}` : ''}`
  }
}

/**
 * The frames inside an xhr-streaming response body: a 2048-octet `h…h\n` prelude, then one frame
 * per line. A trailing partial line is returned as `rest` for the next chunk.
 */
export function splitStreamingBody(text: string): { readonly frames: readonly string[]; readonly rest: string } {
  const lines = text.split('\n')
  const rest = lines.pop() ?? ''
  return { frames: lines.filter((line) => line !== '' && !/^h{2,}$/.test(line)), rest }
}
