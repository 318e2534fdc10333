/** The race's lanes, and how the server's counters (GET /lab/counters) are read for them. */
import type { CounterValues, LatencySummary } from '@/lib/inspect/race'

export const LANE_IDS = ['short-poll', 'long-poll', 'sse', 'ws', 'sockjs'] as const
export type LaneId = (typeof LANE_IDS)[number]

export interface LaneInfo {
  readonly id: LaneId
  readonly label: string
  /** How the lane reaches the feed, one line. */
  readonly how: string
  /** Keys the lab server may use for this transport in its counters (first found wins). */
  readonly counterKeys: readonly string[]
}

export const LANES: readonly LaneInfo[] = [
  { id: 'short-poll', label: 'Short polling', how: 'a GET every interval, answered at once', counterKeys: ['short-poll', 'poll', 'shortPoll'] },
  { id: 'long-poll', label: 'Long polling', how: 'a GET the server holds until there is news', counterKeys: ['long-poll', 'longPoll'] },
  { id: 'sse', label: 'Server-Sent Events', how: 'one GET, an endless text/event-stream', counterKeys: ['sse', 'eventsource'] },
  { id: 'ws', label: 'WebSocket', how: 'one upgrade, then a frame per message', counterKeys: ['ws', 'websocket', 'ws-feed'] },
  { id: 'sockjs', label: 'SockJS', how: 'WebSocket-like API over a chosen transport', counterKeys: ['sockjs', 'sockjs-feed'] },
]

/** One transport's counters as the server reports them (bytes include headers and framing). */
export interface ServerCounters extends CounterValues {
  /** Publish → written to this transport's socket, measured by the server. */
  readonly latencyMs?: LatencySummary
}

function isCounters(v: unknown): v is ServerCounters {
  if (typeof v !== 'object' || v === null) return false
  const c = v as Record<string, unknown>
  return ['requests', 'bytesUp', 'bytesDown', 'delivered'].every((k) => typeof c[k] === 'number')
}

/**
 * The counters of each lane from a /lab/counters answer. Accepts the transports as the top-level
 * object or under `transports` / `counters`; a transport the server does not report is absent.
 */
export function laneCounters(body: unknown): Partial<Record<LaneId, ServerCounters>> {
  if (typeof body !== 'object' || body === null) return {}
  const root = body as Record<string, unknown>
  const table = (['transports', 'counters'].map((k) => root[k]).find((v) => typeof v === 'object' && v !== null) ?? root) as Record<string, unknown>
  const out: Partial<Record<LaneId, ServerCounters>> = {}
  for (const lane of LANES) {
    const key = lane.counterKeys.find((k) => isCounters(table[k]))
    if (key) out[lane.id] = table[key] as ServerCounters
  }
  return out
}
