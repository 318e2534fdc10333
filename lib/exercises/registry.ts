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

// Lessons 05-06 (WebSocket handshake, frames): imports here.

// Lessons 07-08 (SockJS, Socket.IO): imports here.

// Lessons 09-12 (STOMP frames, pub/sub, not losing messages, heart-beats): imports here.

// Lessons 13-15 (brokers, security, capstone): imports here.
import { userDestinations } from './message-brokers'
import { securityRealm } from './security'
import { capstoneChat } from './capstone-chat'

const ALL: readonly ExerciseDef[] = [
  // 01 How HTTP talks
  httpRawRequest,

  // 02-04

  // 05-06

  // 07-08

  // 09-12

  // 13-15
  userDestinations,
  securityRealm,
  capstoneChat,
]

export const exercises: ReadonlyMap<string, ExerciseDef> = new Map(ALL.map((def) => [def.id, def]))

export function findExercise(id: string): ExerciseDef | undefined {
  return exercises.get(id)
}
