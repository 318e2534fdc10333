'use client'

import { overlaps, toHex, type XrayModel, type XrayPart } from '@/lib/inspect/xray'
import styles from '../FrameXray.module.css'
import { partClass, selectHandlers, type SelectionProps } from './xray-ui'

const XOR_COLUMNS = 8
const SHORT: Readonly<Record<string, string>> = { 'ws-rsv1': 'R1', 'ws-rsv2': 'R2', 'ws-rsv3': 'R3', 'ws-len7': 'payload len' }

/**
 * Bits of octets 0 and 1 as in RFC 6455 §5.2's diagram (bit 0 = most significant), fields spanning
 * their bits. One grid per octet (no field crosses an octet): side by side when there is room,
 * one above the other in a narrow column, so each bit keeps a cell wide enough for its label.
 */
function BitGrid({ model, selection, activeId, onSelect }: { model: XrayModel } & SelectionProps) {
  const fields = model.parts.filter((p) => p.bits)
  return (
    <div className={styles.bitGrid} aria-hidden>
      {[0, 1].map((octet) => (
        <div key={octet} className={styles.octetBits} data-octet={octet}>
          {Array.from({ length: 8 }, (_, b) => (
            <span key={`n${b}`} className={styles.bitNo} style={{ gridColumn: b + 1, gridRow: 1 }}>
              {octet * 8 + b}
            </span>
          ))}
          {Array.from({ length: 8 }, (_, b) => {
            const bitValue = (model.wire[octet] >> (7 - b)) & 1
            const field = fields.find((f) => f.start === octet && f.bits && 7 - b <= f.bits[0] && 7 - b >= f.bits[1])
            const lit = field !== undefined && selection !== null && overlaps(field, selection)
            return (
              <span key={`b${b}`} className={`${styles.bit} ${field ? partClass(field) : ''} ${lit ? styles.lit : ''}`} style={{ gridColumn: b + 1, gridRow: 2 }}>
                {bitValue}
              </span>
            )
          })}
          {fields
            .filter((f) => f.start === octet)
            .map((f) => {
              const [hi, lo] = f.bits ?? [0, 0]
              const lit = selection !== null && overlaps(f, selection)
              return (
                <span
                  key={f.id}
                  className={`${styles.bitField} ${partClass(f)} ${lit ? styles.lit : ''} ${activeId === f.id ? styles.active : ''}`}
                  style={{ gridColumn: `${7 - hi + 1} / span ${hi - lo + 1}`, gridRow: 3 }}
                  title={`${f.label}: ${f.value}`}
                  data-bit-field={f.id}
                  onMouseEnter={() => onSelect({ start: f.start, end: f.end, bits: f.bits }, f.id)}
                  onMouseLeave={() => onSelect(null, null)}
                >
                  {SHORT[f.id] ?? f.label}
                </span>
              )
            })}
        </div>
      ))}
    </div>
  )
}

function FieldRow({ part, selection, activeId, onSelect }: { part: XrayPart } & SelectionProps) {
  const lit = selection !== null && overlaps(part, selection)
  const octets = part.bits ? `octet ${part.start}, bit${part.bits[0] === part.bits[1] ? '' : 's'} ${7 - part.bits[0]}${part.bits[0] === part.bits[1] ? '' : `–${7 - part.bits[1]}`}` : `octets ${part.start}–${part.end - 1}`
  return (
    <li className={`${styles.field} ${lit ? styles.lit : ''} ${activeId === part.id ? styles.active : ''}`} {...selectHandlers(part, onSelect)}>
      <span className={`${styles.swatch} ${partClass(part)}`} aria-hidden />
      <span className={styles.fieldLabel}>{part.label}</span>
      <span className={styles.fieldValue} data-testid={`xray-${part.id}`}>
        {part.value}
      </span>
      <span className={styles.fieldWhere}>{octets}</span>
    </li>
  )
}

/** masked ⊕ key = unmasked, octet by octet, for the first few payload octets. */
function XorTable({ model }: { model: XrayModel }) {
  const key = model.maskKey
  if (!key || model.payload.length === 0) return null
  const n = Math.min(XOR_COLUMNS, model.payload.length)
  const cols = Array.from({ length: n }, (_, i) => i)
  const wire = model.wire.subarray(model.headerLength)
  const row = (label: string, cell: (i: number) => string, cls?: string) => (
    <tr className={cls}>
      <th scope="row">{label}</th>
      {cols.map((i) => (
        <td key={i}>{cell(i)}</td>
      ))}
      {model.payload.length > n ? <td aria-hidden>…</td> : null}
    </tr>
  )
  const chr = (b: number) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·')
  return (
    <div className={styles.xorWrap}>
      <p className={styles.small}>
        Unmasking (RFC 6455 §5.3): payload octet <var>i</var> XOR key octet <var>i</var> mod 4, with the key your browser chose,{' '}
        <code>{toHex(key, ' ')}</code>
      </p>
      <table className={styles.xor} data-testid="xray-xor">
        <tbody>
          {row('on the wire', (i) => toHex(wire.subarray(i, i + 1)), styles.cPayload)}
          {row('⊕ key', (i) => toHex(key.subarray(i & 3, (i & 3) + 1)), styles.cKey)}
          {row('= payload', (i) => toHex(model.payload.subarray(i, i + 1)))}
          {row('as text', (i) => chr(model.payload[i]))}
        </tbody>
      </table>
    </div>
  )
}

export function HeaderLayer(props: { model: XrayModel } & SelectionProps) {
  const { model } = props
  const ws = model.parts.filter((p) => p.layer === 'ws')
  return (
    <div className={styles.headerLayer}>
      <BitGrid {...props} />
      <ul className={styles.fields}>
        {ws.map((p) => (
          <FieldRow key={p.id} part={p} selection={props.selection} activeId={props.activeId} onSelect={props.onSelect} />
        ))}
      </ul>
      <XorTable model={model} />
    </div>
  )
}
