/**
 * `npm run bench -- --watch-all`: a /ws/inspect viewer watching everything (`{ all: true }`, as
 * an instructor dashboard would) while the load runs against Wirelab, so the bench measures what
 * the inspector's taps and stream cost the broker.
 *
 *   node_modules/.bin/tsx bench/watch-all.ts ws://127.0.0.1:<port>/ws/inspect
 *
 * Prints {"event":"watching","pid"} once the snapshot has arrived; on SIGTERM prints
 * {"event":"result",messages,events,bytes,dropped} and exits. It reads as fast as it can but
 * parses nothing except `dropped` markers (events are counted by their `{"type":"` prefix): a
 * browser's JSON.parse is the browser's cost, not the server's, and this process shares the
 * cores with the server it measures.
 */
import { BenchSocket } from './ws-client'

const emit = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`)
const TYPE = Buffer.from('{"type":"')
const DROPPED = Buffer.from('{"type":"dropped"')
const EVENTS = Buffer.from('{"type":"events"')

let messages = 0
let events = 0
let bytes = 0
let dropped = 0
let watching = false

function countOf(payload: Buffer, needle: Buffer): number {
  let n = 0
  for (let at = payload.indexOf(needle); at >= 0; at = payload.indexOf(needle, at + needle.length)) n += 1
  return n
}

const url = process.argv[2]
if (!url) {
  process.stderr.write('watch-all: usage: watch-all.ts <ws://…/ws/inspect>\n')
  process.exit(2)
}
const socket = await BenchSocket.open(url)
socket.onMessage((payload) => {
  messages += 1
  bytes += payload.length
  if (payload.subarray(0, EVENTS.length).equals(EVENTS)) events += countOf(payload, TYPE) - 1
  else if (payload.subarray(0, DROPPED.length).equals(DROPPED)) dropped += (JSON.parse(payload.toString('utf8')) as { count: number }).count
  else if (payload.includes('"type":"hello"')) socket.send(JSON.stringify({ type: 'watch', filter: { all: true } }))
  else if (!watching && payload.includes('"type":"snapshot"')) {
    watching = true
    emit({ event: 'watching', pid: process.pid })
  } else if (payload.includes('"type":"error"')) emit({ event: 'error', message: payload.toString('utf8') })
})
socket.onClose((code, reason) => {
  if (!watching) emit({ event: 'error', message: `closed ${code} ${reason} before watching` })
})
process.on('SIGTERM', () => {
  emit({ event: 'result', messages, events, bytes, dropped })
  process.exit(0)
})
