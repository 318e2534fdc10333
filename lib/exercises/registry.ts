/**
 * Every exercise of the course, by id. A lesson names its exercises in its front matter
 * (`exercises: [id, …]`) and places each with `<Exercise id="…" />`; the lesson validator checks
 * both against this list, the server checks them, the lesson page shows them.
 *
 * One file per lesson (`lib/exercises/<lesson-slug>.ts`, with its unit tests beside it); each
 * lesson's exercises are listed below under its number.
 */
import { httpRawRequest } from './how-http-talks'
import type { ExerciseDef } from './types'

// Lessons 02-04 (polling, long polling, SSE): imports here.
import { longPollHeld } from './long-polling'
import { sseResume } from './server-sent-events'
import { shortPollCursor } from './short-polling'

// Lessons 05-06 (WebSocket handshake, frames): imports here.
import { wsComputeAccept } from './websocket-handshake'
import { wsFramesByHand } from './websocket-frames'

// Lessons 07-08 (SockJS, Socket.IO): imports here.
import { sockjsFallbacks } from './sockjs-fallbacks'
import { socketioAck, socketioByHand, socketioUpgrade } from './socket-io'

// Lessons 09-12 (STOMP frames, pub/sub, not losing messages, heart-beats): imports here.
import { stompConnectByHand } from './stomp-frames'
import { pubsubTopicAndQueue } from './publish-subscribe'
import { ackRedelivery, receiptsAndTransactions } from './not-losing-messages'
import { heartbeatSilence } from './heart-beats'

// Lessons 13-15 (brokers, security, capstone): imports here.
import { userDestinations } from './message-brokers'
import { securityRealm } from './security'
import { capstoneChat } from './capstone-chat'

const ALL: readonly ExerciseDef[] = [
  // 01 How HTTP talks
  httpRawRequest,

  // 02-04
  shortPollCursor,
  longPollHeld,
  sseResume,

  // 05-06
  wsComputeAccept,
  wsFramesByHand,

  // 07-08
  sockjsFallbacks,
  socketioUpgrade,
  socketioAck,
  socketioByHand,

  // 09-12
  stompConnectByHand,
  pubsubTopicAndQueue,
  ackRedelivery,
  receiptsAndTransactions,
  heartbeatSilence,

  // 13-15
  userDestinations,
  securityRealm,
  capstoneChat,
]

export const exercises: ReadonlyMap<string, ExerciseDef> = new Map(ALL.map((def) => [def.id, def]))

export function findExercise(id: string): ExerciseDef | undefined {
  return exercises.get(id)
}
