'use client'

import { useId } from 'react'
import { STOMP_VERSIONS, type StompVersion } from '@/lib/stomp/frame'
import { parseSubprotocols, subprotocolMismatch, subprotocolProblem, subprotocolsFollow, subprotocolsFor } from '@/lib/playground/connect-frame'
import { PRESETS, SOCKJS_TRANSPORTS, presetFor, urlProblem, type PresetId } from '@/lib/playground/presets'
import type { ClientSettings } from './types'
import styles from './ConnectionPanel.module.css'

/**
 * A client's connection settings: endpoint preset (Wirelab over WebSocket or SockJS, a local
 * RabbitMQ Web-STOMP, or any ws:// / wss:// URL the browser dials itself), STOMP versions
 * offered, subprotocols, credentials, virtual host and heart-beat. Locked while connected.
 */
export interface ConnectionPanelProps {
  readonly settings: ClientSettings
  readonly locked: boolean
  readonly onChange: (settings: ClientSettings) => void
}

export function ConnectionPanel({ settings, locked, onChange }: ConnectionPanelProps) {
  const id = useId()
  const preset = presetFor(settings.url, settings.transport)
  const page = typeof window === 'undefined' ? { protocol: 'http:', host: 'localhost' } : window.location
  const urlError = urlProblem(settings.url, settings.transport, page)
  const protocolError = settings.transport === 'ws' ? settings.subprotocols.map(subprotocolProblem).find((p) => p !== null) ?? null : null
  const mismatch = settings.transport === 'ws' && protocolError === null ? subprotocolMismatch(settings.versions, settings.subprotocols) : null
  const set = (patch: Partial<ClientSettings>) => onChange({ ...settings, ...patch })

  const choosePreset = (pid: PresetId) => {
    const p = PRESETS.find((x) => x.id === pid)
    if (p === undefined || p.id === 'custom') return set({ url: settings.url.startsWith('/') ? 'ws://' : settings.url, transport: 'ws' })
    set({ url: p.url, transport: p.transport, login: p.login ?? '', passcode: p.passcode ?? '', host: p.host ?? settings.host })
  }
  const toggleVersion = (v: StompVersion, on: boolean) => {
    const versions = STOMP_VERSIONS.filter((x) => (x === v ? on : settings.versions.includes(x)))
    // subprotocols that matched the versions keep matching them (checklist 74); typed ones stay
    set(subprotocolsFollow(settings.versions, settings.subprotocols) ? { versions, subprotocols: subprotocolsFor(versions) } : { versions })
  }
  const hb = (i: 0 | 1, value: string) => {
    const n = Math.max(0, Math.floor(Number(value) || 0))
    set({ heartBeat: i === 0 ? [n, settings.heartBeat[1]] : [settings.heartBeat[0], n] })
  }

  return (
    <fieldset className={styles.panel} disabled={locked}>
      <legend className={styles.legend}>Connection settings for {settings.name}{locked ? ' (disconnect to change)' : ''}</legend>
      <div className={styles.row}>
        <label className={styles.field}>
          <span>Endpoint</span>
          <select value={preset} onChange={(e) => choosePreset(e.target.value as PresetId)}>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className={`${styles.field} ${styles.grow}`}>
          <span>URL</span>
          <input
            value={settings.url}
            onChange={(e) => set({ url: e.target.value })}
            spellCheck={false}
            aria-invalid={urlError !== null}
            aria-describedby={urlError ? `${id}-url` : undefined}
          />
        </label>
        {settings.transport === 'sockjs' && (
          <label className={styles.field}>
            <span>SockJS transport</span>
            <select value={settings.sockjsTransports[0] ?? ''} onChange={(e) => set({ sockjsTransports: e.target.value === '' ? [] : [e.target.value] })}>
              <option value="">any (sockjs-client picks)</option>
              {SOCKJS_TRANSPORTS.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {urlError && (
        <p id={`${id}-url`} className={styles.problem} role="status">
          {urlError}
        </p>
      )}
      <div className={styles.row}>
        <fieldset className={styles.versions}>
          <legend>STOMP versions offered</legend>
          {STOMP_VERSIONS.map((v) => (
            <label key={v} className={styles.check}>
              <input type="checkbox" checked={settings.versions.includes(v)} onChange={(e) => toggleVersion(v, e.target.checked)} />
              {v}
            </label>
          ))}
        </fieldset>
        {settings.transport === 'ws' && (
          <label className={`${styles.field} ${styles.grow}`}>
            <span>Subprotocols</span>
            <input
              value={settings.subprotocols.join(', ')}
              onChange={(e) => set({ subprotocols: parseSubprotocols(e.target.value) })}
              spellCheck={false}
              placeholder="none"
              aria-invalid={protocolError !== null}
              aria-describedby={protocolError ? `${id}-proto` : mismatch ? `${id}-mismatch` : undefined}
            />
          </label>
        )}
      </div>
      {protocolError && (
        <p id={`${id}-proto`} className={styles.problem} role="status">
          {protocolError}
        </p>
      )}
      {mismatch && (
        <p id={`${id}-mismatch`} className={styles.problem} role="status">
          {mismatch}{' '}
          <button type="button" className={styles.fix} onClick={() => set({ subprotocols: subprotocolsFor(settings.versions) })}>
            Offer {subprotocolsFor(settings.versions).join(', ') || 'no subprotocol'}
          </button>
        </p>
      )}
      <div className={styles.row}>
        <label className={styles.field}>
          <span>login</span>
          <input value={settings.login} onChange={(e) => set({ login: e.target.value })} autoComplete="off" spellCheck={false} size={8} />
        </label>
        <label className={styles.field}>
          <span>passcode</span>
          <input type="password" value={settings.passcode} onChange={(e) => set({ passcode: e.target.value })} autoComplete="off" size={8} />
        </label>
        <label className={styles.field}>
          <span>host</span>
          <input value={settings.host} onChange={(e) => set({ host: e.target.value })} spellCheck={false} size={6} />
        </label>
        <label className={styles.field}>
          <span>heart-beat: I send every (ms)</span>
          <input type="number" min={0} step={1000} value={settings.heartBeat[0]} onChange={(e) => hb(0, e.target.value)} />
        </label>
        <label className={styles.field}>
          <span>I want every (ms)</span>
          <input type="number" min={0} step={1000} value={settings.heartBeat[1]} onChange={(e) => hb(1, e.target.value)} />
        </label>
      </div>
      <label className={styles.check}>
        <input type="checkbox" checked={settings.autoConnect !== false} onChange={(e) => set({ autoConnect: e.target.checked })} />
        Send CONNECT as soon as the socket opens (untick to type your own CONNECT or STOMP frame)
      </label>
    </fieldset>
  )
}
