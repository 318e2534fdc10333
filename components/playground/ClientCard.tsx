'use client'

import { useId, useMemo, useState } from 'react'
import { editorTextToWire } from '@/lib/stomp/editor/send-range'
import type { ClientSlot } from './usePlaygroundClients'
import { useClientRevision } from './usePlaygroundClients'
import { ConnectionPanel } from './ConnectionPanel'
import { StatusLine } from './StatusLine'
import { FrameEditor } from './editor/FrameEditor'
import { FrameLog, type LogRow } from './FrameLog'
import { ConsoleSlot } from './ConsoleSlot'
import { Splitter } from './Splitter'
import { Tabs } from './Tabs'
import type { ClientSettings } from './types'
import styles from './ClientCard.module.css'

/**
 * One named client: its header (name, Connect/Disconnect, settings, rename, remove), status line,
 * frame editor (the connection settings open over it, so the log never moves), and its log and
 * console as tabs below a split handle. Opening a frame's details gives the log more of the
 * height (the split remembers both shares); the log's actions sit in the tab bar.
 */
export interface ClientCardProps {
  readonly slot: ClientSlot
  readonly doc: string
  readonly onDoc: (text: string) => void
  readonly onUpdate: (settings: ClientSettings) => void
  readonly onRename: (name: string) => void
  readonly onRemove: (() => void) | null
  readonly onActive: () => void
  readonly active: boolean
  /** Destinations seen elsewhere on this client's broker (the page's other clients, Wirelab's inspector), oldest first: completed too. */
  readonly knownDestinations?: readonly string[]
}

export function ClientCard({ slot, doc, onDoc, onUpdate, onRename, onRemove, onActive, active, knownDestinations }: ClientCardProps) {
  const { client } = slot
  const revision = useClientRevision(client)
  const id = useId()
  const { settings, status } = client
  const live = status.state === 'connecting' || status.state === 'open' || status.state === 'connected' || status.state === 'closing'
  const [showSettings, setShowSettings] = useState(false)
  const [renaming, setRenaming] = useState(false)
  const [rawMode, setRawMode] = useState(false)
  const [tab, setTab] = useState<'log' | 'console'>('log')
  const [logActions, setLogActions] = useState<HTMLDivElement | null>(null)
  /** The editor's share of the height: while writing, and while a frame's details are open. */
  const [split, setSplit] = useState({ writing: 0.56, inspecting: 0.34 })
  const [inspecting, setInspecting] = useState(false)
  const detailsOpen = inspecting && tab === 'log'
  const share = detailsOpen ? split.inspecting : split.writing

  const entries = client.entries
  const rows = useMemo<readonly LogRow[]>(
    () => entries.map((entry) => ({ entry, version: status.negotiatedVersion, url: status.url })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- revision covers status changes
    [entries, revision],
  )
  const completion = useMemo(() => client.completionContext(knownDestinations), [client, revision, knownDestinations])
  const send = (text: string) => client.sendRaw(editorTextToWire(text, rawMode))

  return (
    <section className={`${styles.card} ${active ? styles.active : ''}`} aria-labelledby={`${id}-name`} onFocusCapture={onActive} onPointerDown={onActive} data-client={settings.name}>
      <header className={styles.head}>
        {renaming ? (
          <form
            className={styles.renameForm}
            onSubmit={(e) => {
              e.preventDefault()
              const input = new FormData(e.currentTarget).get('name')
              if (typeof input === 'string') onRename(input)
              setRenaming(false)
            }}
          >
            <label>
              <span className="visually-hidden">New name for {settings.name}</span>
              <input name="name" defaultValue={settings.name} autoFocus maxLength={40} onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)} />
            </label>
            <button type="submit">OK</button>
          </form>
        ) : (
          <h2 id={`${id}-name`} className={styles.name}>
            {settings.name}
          </h2>
        )}
        {!renaming && (
          <button type="button" className={styles.iconButton} onClick={() => setRenaming(true)} aria-label={`Rename ${settings.name}`} title="Rename">
            ✎
          </button>
        )}
        <span className={styles.spacer} />
        {live ? (
          <button type="button" className={styles.primary} onClick={() => client.disconnect()} disabled={status.state === 'closing'}>
            Disconnect<span className="visually-hidden"> {settings.name}</span>
          </button>
        ) : (
          <button type="button" className={styles.primary} onClick={() => client.connect()}>
            Connect<span className="visually-hidden"> {settings.name}</span>
          </button>
        )}
        <button type="button" aria-expanded={showSettings} aria-controls={`${id}-settings`} onClick={() => setShowSettings((s) => !s)}>
          Settings<span className="visually-hidden"> of {settings.name}</span>
        </button>
        {onRemove && (
          <button type="button" className={styles.iconButton} onClick={onRemove} aria-label={`Remove ${settings.name}`} title="Remove this client">
            ✕
          </button>
        )}
      </header>
      <StatusLine status={status} name={settings.name} />
      <div className={styles.top} style={{ flexGrow: share }}>
        <div id={`${id}-settings`} hidden={!showSettings} className={styles.settings}>
          {showSettings && <ConnectionPanel settings={settings} locked={live} onChange={onUpdate} />}
        </div>
        <div className={styles.writing} inert={showSettings}>
          <div className={styles.editor}>
            <FrameEditor
              value={doc}
              onChange={onDoc}
              version={completion.version}
              completion={completion}
              onSend={(text) => send(text)}
              rawMode={rawMode}
              ariaLabel={`Frame editor for ${settings.name}`}
              height="calc(100% - 2rem)"
            />
          </div>
          <div className={styles.editorActions}>
            <button type="button" onClick={() => send(doc)} disabled={status.state !== 'open' && status.state !== 'connected'}>
              Send all<span className="visually-hidden"> frames of {settings.name}</span>
            </button>
            <label className={styles.check}>
              <input type="checkbox" checked={rawMode} onChange={(e) => setRawMode(e.target.checked)} />
              send exactly as typed
            </label>
          </div>
        </div>
      </div>
      <Splitter
        value={share}
        onChange={(v) => setSplit((s) => (detailsOpen ? { ...s, inspecting: v } : { ...s, writing: v }))}
        label={`${settings.name}: height of the editor and of the log`}
      />
      <div className={styles.bottom} style={{ flexGrow: 1 - share }}>
        <Tabs
          label={`${settings.name}: wire views`}
          value={tab}
          onChange={setTab}
          trailing={<div ref={setLogActions} className={styles.logActions} hidden={tab !== 'log'} />}
          tabs={[
            {
              id: 'log',
              label: 'Log',
              panel: (
                <FrameLog
                  label={`${settings.name}'s frame log`}
                  rows={rows}
                  dropped={client.dropped}
                  onClear={() => client.clear()}
                  actionsIn={logActions}
                  onDetails={setInspecting}
                />
              ),
            },
            { id: 'console', label: 'Console', panel: <ConsoleSlot client={client} entries={entries} completion={completion} /> },
          ]}
        />
      </div>
    </section>
  )
}
