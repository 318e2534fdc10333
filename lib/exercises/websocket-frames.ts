/**
 * Lesson 06, WebSocket frames: make each kind of frame cross the wire on the learner's own
 * connection to /ws/echo and read its header (RFC 6455 §5.2): a message long enough for the
 * 16-bit length form, a binary message, a server Ping answered by the browser's automatic Pong
 * (§5.5.2, §5.5.3), and a Close sent by the browser with code 4000 and a reason (§5.5.1, §7.4.2).
 * Checked over the learner's `ws.frame` events: the header bits the server decoded from the
 * socket's octets.
 */
import type { InspectEvent, WsFrameEvent } from '../inspect/events'
import { closeCodeInfo } from '../playground/close-codes'
import { formatHexOctets, parseHexOctets } from '../websocket/hex-octets'
import { hexToBytes } from '../inspect/xray'
import { summarizeWsFrame, wsFrames, type Indexed } from './query'
import type { ExerciseDef, StepResult } from './types'

type Frame = Indexed<WsFrameEvent>

export const LONG_EXAMPLE = 'A WebSocket message longer than 125 bytes needs a longer length field: the 7-bit length says 126, and the next two octets hold the real length.'
const CLOSE_CODE = 4000

const isEchoCommand = (text: string) => text === 'ping' || /^close(?:[ \t]|$)/.test(text)

/** A step's result, and the frame it points at (a done step's frame orders the close step after it). */
interface Outcome extends StepResult {
  readonly at?: Frame
}

function result(id: string, status: StepResult['status'], message?: string, at?: Frame): Outcome {
  return { id, status, ...(message ? { message } : {}), ...(at ? { at, evidence: { t: at.event.t, conn: at.event.conn, summary: summarizeWsFrame(at.event) } } : {}) }
}

const plain = ({ at: _at, ...step }: Outcome): StepResult => step

/** `81 fe 00 96`: the first header octets as the server read them. */
function headerStart(frame: WsFrameEvent, octets: number): string {
  return formatHexOctets(hexToBytes(frame.headerHex).subarray(0, octets))
}

function lengthForm(frame: WsFrameEvent): string {
  const n = frame.payloadLength
  if (n > 0xffff) return `the 7-bit length field says 127, and the next eight octets hold ${n} (the 64-bit form)`
  return `the 7-bit length field says 126, and the next two octets hold ${n} (\`${n.toString(16).padStart(4, '0').replace(/(..)(..)/, '$1 $2')}\`, the 16-bit form)`
}

/** 1. A data message over 125 octets: payload length 126 (or 127) in the second header octet. */
function longText(frames: readonly Frame[]): Outcome {
  const data = frames.filter((f) => f.event.dir === 'in' && (f.event.opcode === 1 || f.event.opcode === 2))
  const long = data.find((f) => f.event.payloadLength > 125)
  if (long) {
    const octets = long.event.headerHex ? ` Its header starts \`${headerStart(long.event, long.event.payloadLength > 0xffff ? 10 : 4)}\`:` : ''
    return result('long-text', 'done', `${long.event.payloadLength} octets.${octets} ${lengthForm(long.event)}.`, long)
  }
  const last = [...data].reverse().find((f) => f.event.opcode === 1 && !isEchoCommand(f.event.preview))
  if (!last) return result('long-text', 'todo')
  const n = last.event.payloadLength
  return result(
    'long-text',
    'wrong',
    `That text was ${n} octet${n === 1 ? '' : 's'}: ${n} fits in the 7 bits of the second header octet, so no extended length was needed. Send more than 125 octets (UTF-8 octets, not characters) to see \`126\` there.`,
    last,
  )
}

/** 2. A binary message: opcode 2, with some octets. */
function binary(frames: readonly Frame[]): Outcome {
  const bin = frames.filter((f) => f.event.dir === 'in' && f.event.opcode === 2)
  const good = bin.find((f) => f.event.payloadLength > 0)
  if (good) {
    const shown = good.event.previewEncoding === 'hex' ? formatHexOctets(hexToBytes(good.event.preview.slice(0, 32))) : good.event.preview.slice(0, 16)
    return result('binary', 'done', `Opcode 2: the server read ${good.event.payloadLength} octet${good.event.payloadLength === 1 ? '' : 's'} (\`${shown}\`) as data, not as text.`, good)
  }
  if (bin.length > 0) return result('binary', 'wrong', 'That binary message carried no octets. Type a few, e.g. `01 02 03 ff`.', bin.at(-1))
  // Hex digits sent as text: the server got characters, not octets.
  const hexText = [...frames].reverse().find((f) => f.event.dir === 'in' && f.event.opcode === 1 && /[0-9a-f]{2}/i.test(f.event.preview) && !('error' in parseHexOctets(f.event.preview)))
  if (hexText) {
    return result(
      'binary',
      'wrong',
      `\`${hexText.event.preview.slice(0, 24)}\` went as a text frame (opcode 1): the server got those ${hexText.event.payloadLength} characters as UTF-8, not the octets they spell. Use "Send binary" for opcode 2.`,
      hexText,
    )
  }
  return result('binary', 'todo')
}

/** 3. A server Ping, answered by the browser with a masked Pong carrying the same payload. */
function pingPong(frames: readonly Frame[]): Outcome {
  const pings = frames.filter((f) => f.event.dir === 'out' && f.event.opcode === 9)
  for (const ping of pings) {
    const pong = frames.find((f) => f.index > ping.index && f.event.conn === ping.event.conn && f.event.dir === 'in' && f.event.opcode === 10)
    if (pong) {
      const same = pong.event.preview === ping.event.preview
      return result(
        'ping-pong',
        'done',
        `The server's Ping carried \`${ping.event.preview}\`; your browser answered with a Pong${pong.event.masked ? ' masked with its own key' : ''} and ${same ? 'the same' : 'a'} ${pong.event.payloadLength}-octet payload, without any JavaScript (RFC 6455 §5.5.3).`,
        pong,
      )
    }
  }
  if (pings.length > 0) return result('ping-pong', 'todo', 'The server sent a Ping; waiting for your browser\'s Pong.', pings.at(-1))
  const near = [...frames].reverse().find((f) => f.event.dir === 'in' && f.event.opcode === 1 && /^\s*\/?ping\s*$/i.test(f.event.preview) && f.event.preview !== 'ping')
  if (near) return result('ping-pong', 'wrong', `The server pings only for the exact text \`ping\` (lower case, nothing around it); it echoed \`${near.event.preview}\` back as a message. Press "Ask for a ping".`, near)
  return result('ping-pong', 'todo')
}

/** 4. The browser closes first, with 4000 and a reason. Looks only after `from`. */
function closeStep(frames: readonly Frame[], from: number): Outcome {
  const closes = frames.filter((f) => f.event.opcode === 8 && f.index >= from)
  const byBrowser = closes.filter((f) => f.event.dir === 'in')
  const first = (f: Frame) => !frames.some((g) => g.event.conn === f.event.conn && g.event.opcode === 8 && g.event.dir === 'out' && g.index < f.index)
  const good = byBrowser.find((f) => first(f) && f.event.closeCode === CLOSE_CODE && (f.event.closeReason ?? '') !== '')
  if (good) return result('close-4000', 'done', `Your browser closed first, with \`${CLOSE_CODE}\` and the reason \`${good.event.closeReason}\` in the Close frame's payload (RFC 6455 §5.5.1).`, good)
  const last = closes.at(-1)
  if (!last) return result('close-4000', 'todo')
  if (last.event.dir === 'out' || !first(last)) {
    const server = last.event.dir === 'out' ? last : [...closes].reverse().find((f) => f.event.dir === 'out' && f.event.conn === last.event.conn)
    return result(
      'close-4000',
      'wrong',
      `The server closed first${server?.event.closeCode !== undefined ? ` (with ${server.event.closeCode})` : ''}, because the text \`close …\` is the echo server's command; your browser only answered its Close. Use the console's "Close" button, with a code and a reason: the browser must close first.`,
      last,
    )
  }
  const code = last.event.closeCode
  if (code === undefined) return result('close-4000', 'wrong', 'Your browser sent a Close frame with no code (the other side reports 1005, "no status code was present", RFC 6455 §7.1.5). Type the code `4000` and a reason.', last)
  if (code !== CLOSE_CODE) {
    const info = closeCodeInfo(code)
    return result('close-4000', 'wrong', `You closed with ${code} (${info.name}). The exercise asks for \`4000\`, the first code of the private-use range 4000-4999 (RFC 6455 §7.4.2). Reconnect and close again.`, last)
  }
  return result('close-4000', 'wrong', 'The code 4000 arrived, but no reason. Type a reason (a few words, at most 123 octets); it travels after the code in the same Close frame. Reconnect and close again.', last)
}

function check(events: readonly InspectEvent[]): StepResult[] {
  const frames = wsFrames(events)
  const first = [longText(frames), binary(frames), pingPong(frames)]
  if (first.some((r) => r.status !== 'done')) return [...first.map(plain), result('close-4000', 'todo', 'Do the three steps above first: closing ends the connection.')]
  const after = Math.max(...first.map((r) => r.at?.index ?? 0)) + 1
  const close = closeStep(frames, after)
  const earlier = close.status === 'todo' && frames.some((f) => f.index < after && f.event.dir === 'in' && f.event.opcode === 8 && f.event.closeCode === CLOSE_CODE)
  return [...first.map(plain), plain(earlier ? result('close-4000', 'todo', 'You closed with 4000 before the steps above were done. Reconnect and close once more, now that they are.') : close)]
}

export const wsFramesByHand: ExerciseDef = {
  id: 'ws-frames-by-hand',
  title: 'Make every kind of frame cross the wire',
  goal: 'On your own connection to `/ws/echo`, send frames of each kind and read their headers as the server decoded them: a long text, a binary message, a Ping and its Pong, and a Close you send yourself.',
  steps: [
    { id: 'long-text', label: 'Send a message longer than 125 octets and find `126` in the length field of its header (the 16-bit length form).' },
    { id: 'binary', label: 'Send a binary message (opcode 2): a few octets typed as hex.' },
    { id: 'ping-pong', label: 'Ask the server for a ping, and see your browser answer with a Pong: masked, same payload.' },
    { id: 'close-4000', label: 'Close the connection from the browser with code `4000` and a reason.' },
  ],
  hints: [
    'Each button of the console sends one kind of frame; the table under it lists every frame of the connection, both ways, as the server read it. Look at the length and opcode columns.',
    'Click "Long example" to get a text of more than 125 octets. For binary, type octets like `01 02 03 ff` and press Send binary. "Ask for a ping" sends the text `ping`, and the server answers it with a Ping frame.',
    'Close with the Close button, code `4000` and a reason such as `done`. Typing `close 4000 done` as a message asks the server to close instead, and the browser would only answer.',
  ],
  solution: [{ target: 'ws', value: `text ${LONG_EXAMPLE}\nbinary 01 02 03 ff\nping\nclose 4000 done` }],
  explanation:
    'The console now holds a text of more than 125 octets, four octets of binary and the close code and reason. Press Send text, Send binary, Ask for a ping, then Close. The text\'s header says 126 then its real length in two octets; the binary one has opcode 2; the Ping comes from the server and your browser answers it by itself (JavaScript cannot send pings); and your Close carries 4000 followed by the reason.',
  check,
}
