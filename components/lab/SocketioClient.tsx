'use client'

import { useId, useMemo, useRef, useState } from 'react'
import type { SocketioPacketEvent } from '@/lib/inspect/events'
import { useFillTarget } from './exercise/LessonContext'
import { PacketLog } from './socketio/PacketLog'
import { useSocketioClient, type EngineTransport } from './socketio/useSocketioClient'
import { useClientId } from './useClientId'
import { useInspect } from './useInspect'
import styles from './SocketioClient.module.css'

/**
 * Lesson 08's Socket.IO client: a real socket.io-client (bundled) on the lab's /socket.io/, with
 * its transports and upgrade setting, an emit form (event, JSON payload, acknowledgement), and
 * the engine.io packets of its session as the server sent and read them (socketio.packet), found
 * by the session id. Solution target `socketio`: JSON `{transports?, upgrade?}` or
 * `{emits: [{event, payload, ack}]}` (the first goes into the form, the next after each emit).
 */
export type SocketioClientProps = Record<string, never>

interface EmitForm {
  readonly event: string
  readonly payload: string
  readonly ack: boolean
}

const PRESETS: readonly (EmitForm & { label: string })[] = [
  { label: 'join lobby', event: 'join', payload: '{"feed": "lobby"}', ack: true },
  { label: 'send a text', event: 'send', payload: '{"text": "hello, room"}', ack: true },
]

function parsePayload(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, error: `The payload is not JSON (${error instanceof Error ? error.message : String(error)}). Strings need quotes: "hello"; objects {"text": "hello"}.` }
  }
}

interface Fill {
  readonly transports?: readonly EngineTransport[]
  readonly upgrade?: boolean
  readonly emits?: readonly { readonly event: string; readonly payload: unknown; readonly ack: boolean }[]
}

export function SocketioClient(_props: SocketioClientProps) {
  const cid = useClientId()
  const id = useId()
  const [polling, setPolling] = useState(true)
  const [websocket, setWebsocket] = useState(true)
  const [upgrade, setUpgrade] = useState(true)
  const [form, setForm] = useState<EmitForm>(PRESETS[0])
  const queued = useRef<EmitForm[]>([])
  const { status, log, connect, disconnect, emit } = useSocketioClient(cid)
  const inspect = useInspect(cid === null ? null : { clients: [cid], types: ['socketio.packet', 'http.exchange'] })

  useFillTarget('socketio', undefined, (value) => {
    let fill: Fill
    try {
      fill = JSON.parse(value) as Fill
    } catch {
      return
    }
    if (fill.transports) {
      setPolling(fill.transports.includes('polling'))
      setWebsocket(fill.transports.includes('websocket'))
    }
    if (fill.upgrade !== undefined) setUpgrade(fill.upgrade)
    const emits = (fill.emits ?? []).map((e) => ({ event: e.event, payload: JSON.stringify(e.payload), ack: e.ack }))
    if (emits.length > 0) {
      setForm(emits[0])
      queued.current = emits.slice(1)
    }
  })

  const transports = [...(polling ? (['polling'] as const) : []), ...(websocket ? (['websocket'] as const) : [])]
  const payload = useMemo(() => parsePayload(form.payload), [form.payload])
  const sid = status.sid
  const packets = useMemo(() => (sid === null ? [] : inspect.events.filter((e): e is SocketioPacketEvent => e.type === 'socketio.packet' && e.sid === sid)), [inspect.events, sid])
  const requests = useMemo(() => (sid === null ? 0 : inspect.events.filter((e) => e.type === 'http.exchange' && e.url.includes(`sid=${sid}`)).length), [inspect.events, sid])
  const overPolling = packets.filter((p) => p.transport === 'polling').length
  const connected = status.state === 'connected'
  const busy = status.state === 'connecting'

  const send = () => {
    if (!payload.ok || form.event.trim() === '') return
    if (emit({ event: form.event.trim(), payload: payload.value, ack: form.ack })) {
      const next = queued.current.shift()
      if (next) setForm(next)
    }
  }

  const code = `io({ transports: [${transports.map((t) => `'${t}'`).join(', ')}]${upgrade ? '' : ', upgrade: false'}, query: { cid } })`
  const emitCode = `socket.emit('${form.event}'${form.payload.trim() ? `, ${form.payload.trim()}` : ''}${form.ack ? ', (reply) => …' : ''})`

  return (
    <div className={styles.widget} data-widget="socketio-client">
      <form
        className={styles.block}
        onSubmit={(e) => {
          e.preventDefault()
          void connect(transports, upgrade)
        }}
      >
        <fieldset className={styles.options}>
          <legend className={styles.legend}>Transports, in order</legend>
          <label>
            <input type="checkbox" checked={polling} onChange={(e) => setPolling(e.target.checked)} /> polling
          </label>
          <label>
            <input type="checkbox" checked={websocket} onChange={(e) => setWebsocket(e.target.checked)} /> websocket
          </label>
          <label>
            <input type="checkbox" checked={upgrade} onChange={(e) => setUpgrade(e.target.checked)} disabled={!polling || !websocket} /> upgrade to WebSocket
          </label>
        </fieldset>
        <div className={styles.row}>
          <button type="submit" className={styles.primary} disabled={cid === null || busy || transports.length === 0}>
            {connected ? 'Reconnect' : 'Connect'}
          </button>
          <button type="button" className={styles.secondary} disabled={status.state === 'idle' || status.state === 'disconnected'} onClick={disconnect}>
            Disconnect
          </button>
          <code className={styles.code}>{code}</code>
        </div>
      </form>

      <p className={styles.status} role="status" data-state={status.state}>
        {status.state === 'idle' && 'Not connected.'}
        {status.state === 'connecting' && (sid ? `engine.io open (session ${sid}) over ${status.transport}; Socket.IO connecting…` : 'Connecting…')}
        {status.state === 'connected' && (
          <>
            Connected: engine.io session <code>{sid}</code>, now over <strong>{status.transport}</strong>
            {status.upgraded ? ' (upgraded from polling)' : ''}.
          </>
        )}
        {status.state === 'disconnected' && `Disconnected${status.reason ? `: ${status.reason}` : ''}.`}
      </p>

      <form
        className={styles.block}
        onSubmit={(e) => {
          e.preventDefault()
          send()
        }}
      >
        <div className={styles.emitGrid}>
          <label className={styles.field}>
            <span>Event name</span>
            <input className={styles.input} value={form.event} spellCheck={false} onChange={(e) => setForm({ ...form, event: e.target.value })} />
          </label>
          <label className={styles.field}>
            <span>Payload (JSON)</span>
            <input className={styles.input} value={form.payload} spellCheck={false} onChange={(e) => setForm({ ...form, payload: e.target.value })} aria-describedby={`${id}-payload`} />
          </label>
        </div>
        <div className={styles.row}>
          <label>
            <input type="checkbox" checked={form.ack} onChange={(e) => setForm({ ...form, ack: e.target.checked })} /> with acknowledgement
          </label>
          <button type="submit" className={styles.primary} disabled={!connected || !payload.ok || form.event.trim() === ''}>
            Emit
          </button>
          <span className={styles.presets} role="group" aria-label="Examples">
            {PRESETS.map((p) => (
              <button key={p.label} type="button" className={styles.chip} onClick={() => setForm(p)}>
                {p.label}
              </button>
            ))}
          </span>
        </div>
        <code className={styles.code} id={`${id}-payload`}>
          {payload.ok ? emitCode : payload.error}
        </code>
      </form>

      <div className={styles.panels}>
        <PacketLog packets={packets} title="engine.io packets of this session" empty="Connect to see the packets." />
        <section className={styles.side} aria-label="What your code received">
          <dl className={styles.stats}>
            <div>
              <dt>over polling</dt>
              <dd>{overPolling} packets · {requests + (overPolling > 0 ? 1 : 0)} HTTP requests</dd>
            </div>
            <div>
              <dt>over WebSocket</dt>
              <dd>{packets.length - overPolling} packets</dd>
            </div>
          </dl>
          <p className={styles.sideTitle}>Your callbacks</p>
          {log.length === 0 ? (
            <p className={styles.empty}>Acknowledgements and events will show here.</p>
          ) : (
            <ol className={styles.clientLog} tabIndex={0} aria-label="What socket.io-client handed to your code">
              {log.map((l) => (
                <li key={l.n} data-kind={l.kind}>
                  {l.text}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  )
}
