'use client'

import { useId, useMemo, useState, type FormEvent } from 'react'
import { LONG_EXAMPLE } from '@/lib/exercises/websocket-frames'
import { pairFrames, type PairedFrame } from '@/lib/inspect/xray-pairing'
import { browserMayClose, closeCodeInfo } from '@/lib/playground/close-codes'
import { isHexError, parseHexOctets } from '@/lib/websocket/hex-octets'
import { useFillTarget } from './exercise/LessonContext'
import { useLabSocket } from './useLabSocket'
import { FrameDetail } from './ws-console/FrameDetail'
import { FrameTable } from './ws-console/FrameTable'
import styles from './WsConsole.module.css'

/**
 * A WebSocket console on the learner's own connection to /ws/echo (lesson 06): send text, send
 * binary (octets typed as hex), ask the server for a Ping (the browser answers with a Pong by
 * itself; JavaScript cannot send either), and close from the browser with a code and a reason,
 * showing the browser's own error when it refuses one. Under it, every frame of the connection in
 * both directions as the server decoded it, and any one of them taken apart.
 */
const encoder = new TextEncoder()
const TEXT_PRESETS = [
  { label: 'Hello', text: 'Hello' },
  { label: `Long example (${encoder.encode(LONG_EXAMPLE).length} octets)`, text: LONG_EXAMPLE },
  { label: 'Emoji', text: 'wire 🔌' },
] as const

function lengthNote(octets: number): string {
  if (octets < 126) return `${octets} octets → fits the 7-bit length`
  if (octets <= 0xffff) return `${octets} octets → length 126 + a 16-bit length`
  return `${octets} octets → length 127 + a 64-bit length`
}

/** Why a browser refuses a close code, in the course's words (beside the browser's own error). */
function refusal(code: number): string {
  const info = closeCodeInfo(code)
  if (info.localOnly) return `${code} (${info.name}) is never sent in a Close frame: a browser reports it when it happened (RFC 6455 §7.4.1).`
  if (code >= 1001 && code <= 2999) return `${code} (${info.name}) is for the protocol's own use; a script may send only 1000 or 3000-4999.`
  return `${code} is outside the codes a script may send: 1000, or 3000-4999.`
}

export function WsConsole() {
  const socket = useLabSocket('echo')
  const id = useId()
  const [text, setText] = useState<string>(TEXT_PRESETS[0].text)
  const [hex, setHex] = useState('')
  const [code, setCode] = useState('')
  const [reason, setReason] = useState('')
  const [closeError, setCloseError] = useState<{ browser: string; why: string } | null>(null)
  const [hexError, setHexError] = useState<string | null>(null)
  const [chosen, setChosen] = useState<PairedFrame['event'] | null>(null)

  useFillTarget('ws', undefined, (value) => {
    for (const line of value.split('\n')) {
      const [verb, ...rest] = line.split(' ')
      const arg = rest.join(' ')
      if (verb === 'text') setText(arg)
      else if (verb === 'binary') setHex(arg)
      else if (verb === 'close') {
        setCode(rest[0] ?? '')
        setReason(rest.slice(1).join(' '))
      }
    }
  })

  const paired = useMemo(() => pairFrames(socket.frames, socket.sent, socket.received), [socket.frames, socket.sent, socket.received])
  const selectedIndex = paired.findIndex((p) => p.event === chosen)
  const selected = selectedIndex >= 0 ? paired[selectedIndex] : null
  const open = socket.status === 'open'
  const octets = encoder.encode(text).length

  const sendText = (e: FormEvent) => {
    e.preventDefault()
    socket.send(text)
  }
  const sendBinary = (e: FormEvent) => {
    e.preventDefault()
    const parsed = parseHexOctets(hex)
    if (isHexError(parsed)) return setHexError(parsed.error.replace(/`/g, ''))
    setHexError(null)
    socket.sendBinary(parsed.bytes)
  }
  const close = (e: FormEvent) => {
    e.preventDefault()
    const trimmed = code.trim()
    const n = trimmed === '' ? undefined : Number(trimmed)
    const error = socket.close(n, n === undefined && reason === '' ? undefined : reason)
    if (error === null) return setCloseError(null)
    const why = n !== undefined && Number.isInteger(n) && !browserMayClose(n) ? refusal(n) : encoder.encode(reason).length > 123 ? `The reason is ${encoder.encode(reason).length} octets of UTF-8; a Close frame has room for 123 (RFC 6455 §5.5: 125, minus 2 for the code).` : ''
    setCloseError({ browser: error, why })
  }
  const state = open ? 'open' : socket.status === 'closed' ? (socket.closeInfo ?? 'closed') : socket.status === 'connecting' ? 'connecting…' : 'starting the inspector…'

  return (
    <div className={styles.console} data-widget="ws-console">
      <div className={styles.bar}>
        <p className={styles.status}>
          <span className={`${styles.dot} ${open ? styles.dotOpen : ''}`} aria-hidden />
          WebSocket to <code>/ws/echo</code>: <span data-testid="console-state">{state}</span>
          {socket.conn ? (
            <span className={styles.muted}>
              {' '}
              · connection <code>{socket.conn}</code>
            </span>
          ) : null}
        </p>
        <button type="button" className={styles.button} onClick={socket.reconnect} disabled={socket.status === 'connecting' || socket.status === 'waiting'}>
          {socket.status === 'closed' ? 'Reconnect' : 'New connection'}
        </button>
      </div>

      <div className={styles.controls}>
        <form className={styles.control} onSubmit={sendText}>
          <label htmlFor={`${id}-text`} className={styles.label}>
            Text message <span className={styles.muted}>(opcode 1, UTF-8)</span>
          </label>
          <textarea id={`${id}-text`} className={styles.input} rows={2} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} autoComplete="off" />
          <div className={styles.row}>
            <span className={styles.muted} data-testid="console-text-length">
              {lengthNote(octets)}
            </span>
            <button type="submit" className={styles.primary} disabled={!open}>
              Send text
            </button>
          </div>
          <div className={styles.presets} role="group" aria-label="Example texts">
            {TEXT_PRESETS.map((p) => (
              <button key={p.label} type="button" className={styles.chip} onClick={() => setText(p.text)}>
                {p.label}
              </button>
            ))}
          </div>
        </form>

        <form className={styles.control} onSubmit={sendBinary}>
          <label htmlFor={`${id}-hex`} className={styles.label}>
            Binary message <span className={styles.muted}>(opcode 2, octets in hex)</span>
          </label>
          <div className={styles.row}>
            <input id={`${id}-hex`} className={styles.input} value={hex} onChange={(e) => setHex(e.target.value)} spellCheck={false} autoComplete="off" placeholder="e.g. 01 02 03 ff" />
            <button type="submit" className={styles.primary} disabled={!open}>
              Send binary
            </button>
          </div>
          {hexError ? (
            <p className={styles.error} role="alert">
              {hexError}
            </p>
          ) : null}
        </form>

        <div className={styles.control}>
          <p className={styles.label}>Ping and Pong</p>
          <div className={styles.row}>
            <span className={styles.muted}>Sends the text <code>ping</code>; the server answers with a Ping frame, and your browser with a Pong.</span>
            <button type="button" className={styles.primary} disabled={!open} onClick={() => socket.send('ping')}>
              Ask for a ping
            </button>
          </div>
        </div>

        <form className={styles.control} onSubmit={close}>
          <p className={styles.label}>Close from the browser</p>
          <div className={styles.closeRow}>
            <label className={styles.small}>
              Code
              <input className={`${styles.input} ${styles.code}`} value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="off" placeholder="e.g. 4000" />
            </label>
            <label className={`${styles.small} ${styles.grow}`}>
              Reason
              <input className={styles.input} value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" placeholder="e.g. done" />
            </label>
            <button type="submit" className={styles.danger} disabled={!open}>
              Close
            </button>
          </div>
          {closeError ? (
            <p className={styles.error} role="alert" data-testid="console-close-error">
              Your browser refused: <code>{closeError.browser}</code>
              {closeError.why ? ` ${closeError.why}` : ''} Nothing was sent; the connection is still open.
            </p>
          ) : null}
        </form>
      </div>

      <section aria-label="Frames on your connection" className={styles.framesBox}>
        <p className={styles.framesTitle}>
          Frames on this connection <span className={styles.muted}>(as the server decoded them; ↑ masked by your browser)</span>
        </p>
        <FrameTable frames={paired} selected={selected} onSelect={(p) => setChosen(p.event === chosen ? null : p.event)} />
        {socket.dropped > 0 ? <p className={styles.muted}>The inspector dropped {socket.dropped} events: some frames are missing.</p> : null}
      </section>

      {selected ? <FrameDetail frame={selected} index={selectedIndex} /> : paired.length > 0 ? <p className={styles.muted}>Press a frame&apos;s number to take it apart, bit by bit.</p> : null}
    </div>
  )
}
