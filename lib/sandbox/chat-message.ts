/**
 * A chat message as `/app/chat.send` stamps it (server/broker/destinations/app.ts): a JSON body
 * with `text`, `room`, `sender` and `time`. Bob's window in the capstone shows these; anything
 * else is shown as raw text, never thrown on.
 */
export interface ChatLine {
  readonly sender: string
  readonly time: string
  readonly text: string
  /** false when the body was not a stamped chat message (someone sent to the topic directly). */
  readonly stamped: boolean
}

export function parseChatBody(body: string, headerSender?: string): ChatLine {
  try {
    const value: unknown = JSON.parse(body)
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const o = value as Record<string, unknown>
      const text = typeof o.text === 'string' ? o.text : JSON.stringify(o.text ?? null)
      if (typeof o.sender === 'string' && typeof o.time === 'string') return { sender: o.sender, time: o.time, text, stamped: true }
      return { sender: headerSender ?? '?', time: '', text: typeof o.text === 'string' ? o.text : body, stamped: false }
    }
  } catch {
    // not JSON: shown as it is
  }
  return { sender: headerSender ?? '?', time: '', text: body, stamped: false }
}

/** `12:00:05` from an ISO 8601 time (UTC, as the broker stamps it), or '' */
export function clockOf(iso: string): string {
  const m = /T(\d\d:\d\d:\d\d)/.exec(iso)
  return m ? m[1] : ''
}
