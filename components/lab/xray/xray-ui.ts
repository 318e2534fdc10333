/** Shared bits of the frame X-ray views: the selection type and the colour class of each part. */
import type { XrayPart, XraySelection } from '@/lib/inspect/xray'
import styles from '../FrameXray.module.css'

export interface SelectionProps {
  readonly selection: XraySelection | null
  readonly activeId: string | null
  readonly onSelect: (selection: XraySelection | null, id: string | null) => void
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
    onFocus: () => onSelect(sel, part.id),
    onMouseLeave: () => onSelect(null, null),
    onBlur: () => onSelect(null, null),
    'data-part': part.id,
  }
}

/** STOMP and text payloads, with the invisible octets made visible. */
export function visible(text: string): string {
  return text.replace(/\r/g, '␍').replace(/\n/g, '↵').replace(/\0/g, '␀')
}
