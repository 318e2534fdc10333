/** Shared bits of the frame X-ray views: the selection type and the colour class of each part. */
import type { XrayPart, XraySelection } from '@/lib/inspect/xray'
import styles from '../FrameXray.module.css'

export type SelectionSource = 'hover' | 'focus'

export interface SelectionProps {
  readonly selection: XraySelection | null
  readonly activeId: string | null
  /** `null` ends that source's selection; a hover selection wins over a focus one while it lasts. */
  readonly onSelect: (selection: XraySelection | null, id: string | null, source?: SelectionSource) => void
}

const WS_CLASS: Readonly<Record<string, string | undefined>> = {
  'ws-fin': styles.cFin,
  'ws-rsv1': styles.cRsv,
  'ws-rsv2': styles.cRsv,
  'ws-rsv3': styles.cRsv,
  'ws-opcode': styles.cOpcode,
  'ws-mask': styles.cMask,
  'ws-len7': styles.cLen,
  'ws-len-ext': styles.cLenExt,
  'ws-mask-key': styles.cKey,
  'ws-payload': styles.cPayload,
}

export function partClass(part: Pick<XrayPart, 'id' | 'layer' | 'label'>): string {
  if (part.layer === 'ws') return WS_CLASS[part.id] ?? ''
  if (part.layer === 'stomp') return styles[`s_${part.label}`] ?? ''
  if (part.layer === 'close') return styles.cOpcode
  return styles.cJson
}

/** Colour of one octet in the hex dump: header octets 0 and 1 hold several fields each. */
export function octetClass(index: number, parts: readonly XrayPart[]): string {
  if (index === 0) return styles.cOpcode
  if (index === 1) return styles.cLen
  const part = parts.find((p) => p.layer === 'ws' && !p.bits && index >= p.start && index < p.end)
  return part ? partClass(part) : ''
}

/** Handlers that make an element select a part on hover and on keyboard focus. */
export function selectHandlers(part: XrayPart, onSelect: SelectionProps['onSelect']) {
  const sel = { start: part.start, end: part.end, bits: part.bits }
  return {
    tabIndex: 0,
    onMouseEnter: () => onSelect(sel, part.id),
    onFocus: () => onSelect(sel, part.id, 'focus'),
    onMouseLeave: () => onSelect(null, null),
    onBlur: () => onSelect(null, null, 'focus'),
    'data-part': part.id,
  }
}

/** STOMP and text payloads, with the invisible octets made visible. */
export function visible(text: string): string {
  return text.replace(/\r/g, '␍').replace(/\n/g, '↵').replace(/\0/g, '␀')
}

const EXPLAIN: Readonly<Record<string, string>> = {
  'ws-fin': '1 when this frame is the last (or only) fragment of its message.',
  'ws-rsv1': 'Reserved for extensions: permessage-deflate sets RSV1 on compressed messages.',
  'ws-rsv2': 'Reserved for extensions; 0 unless one was negotiated.',
  'ws-rsv3': 'Reserved for extensions; 0 unless one was negotiated.',
  'ws-opcode': 'What the payload is: 0x1 text, 0x2 binary, 0x0 continuation, 0x8 close, 0x9 ping, 0xA pong.',
  'ws-mask': 'Every client → server frame is masked and no server frame is (RFC 6455 §5.3), so that proxies cannot be fed attacker-chosen bytes.',
  'ws-len7': '0-125 is the length itself; 126 says a 16-bit length follows, 127 a 64-bit one.',
  'ws-len-ext': 'The payload length, big-endian, in the fewest octets that hold it.',
  'ws-mask-key': 'Four random octets the browser picked for this frame: payload octet i is XORed with key octet i mod 4.',
  'ws-payload': 'The application data: whatever the page passed to send().',
  'close-code': 'Why the connection closes (RFC 6455 §7.4: 1000 normal, 1001 going away …).',
  'close-reason': 'Optional UTF-8 text, at most 123 octets.',
}

const STOMP_EXPLAIN: Readonly<Record<string, string>> = {
  command: 'The STOMP command, alone on the first line.',
  header: 'One header line, name:value. In STOMP 1.2, \\n \\r \\c \\\\ stand for newline, CR, colon and backslash (not in CONNECT or CONNECTED).',
  blank: 'An empty line ends the headers.',
  body: 'The body: any octets up to the NUL, or exactly content-length octets.',
  nul: 'The NUL octet (0x00) that ends every STOMP frame.',
  heartbeat: 'A lone end-of-line between frames: a STOMP heart-beat.',
}

/** One sentence on what a part is for, shown while it is selected. */
export function partExplanation(part: Pick<XrayPart, 'id' | 'layer' | 'label'>): string {
  if (part.layer === 'stomp') return STOMP_EXPLAIN[part.label] ?? ''
  if (part.layer === 'json') return 'One member of the JSON body: find its octets in the frame.'
  return EXPLAIN[part.id] ?? ''
}
