'use client'

import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { CHAT_STARTER } from '@/lib/sandbox/chat-code'
import { brokerUrlFor } from '@/lib/sandbox/dial'
import { roomFor } from '@/lib/sandbox/room'
import { useFillTarget } from '../exercise/LessonContext'
import { useClientId } from '../useClientId'
import { BobWindow } from './BobWindow'
import { JsEditor } from './JsEditor'
import { useSandbox, type ConsoleLine } from './useSandbox'
import styles from './ChatSandbox.module.css'

/**
 * The capstone's code sandbox: the learner's JavaScript (Monaco, JavaScript colours only) runs
 * in a dedicated Web Worker with @stomp/stompjs's `Client`, the broker URL (with this tab's cid)
 * and the tab's own chat room as globals; its console is shown here. Beside it, Bob's window:
 * a second, real participant in the same room. "Show solution" fills the editor (target `code`).
 */
export interface ChatSandboxProps {
  /** CSS height of the code editor (default 24rem). */
  readonly editorHeight?: string
}

const LEVEL_LABEL: Record<ConsoleLine['level'], string> = {
  log: '', info: 'info', debug: 'debug', warn: 'warning', error: 'error', exception: 'uncaught', system: '',
}

function elapsed(since: number | null, now: number): string {
  if (since === null) return ''
  const s = Math.max(0, Math.floor((now - since) / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

export function ChatSandbox({ editorHeight = '24rem' }: ChatSandboxProps) {
  const cid = useClientId()
  const id = useId()
  const [code, setCode] = useState(CHAT_STARTER)
  const sandbox = useSandbox()
  const room = cid === null ? null : roomFor(cid)
  const brokerURL = useMemo(() => (cid === null ? null : brokerUrlFor(window.location, cid)), [cid])
  useFillTarget('code', undefined, setCode)

  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (sandbox.state === 'idle') return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [sandbox.state])

  const run = () => {
    if (cid === null || brokerURL === null || room === null) return
    setNow(Date.now())
    sandbox.run(code, { brokerURL, room, cid })
  }
  const running = sandbox.state !== 'idle'

  // keep the newest line in view, inside the console only (never scroll the page)
  const consoleBox = useRef<HTMLOListElement>(null)
  useEffect(() => {
    const box = consoleBox.current
    if (box) box.scrollTop = box.scrollHeight
  }, [sandbox.lines])

  return (
    <section className={styles.widget} aria-labelledby={`${id}-title`} data-widget="chat-sandbox" style={{ ['--editor-height' as string]: editorHeight }}>
      <header className={styles.head}>
        <h3 id={`${id}-title`} className={styles.title}>Your chat client</h3>
        <span className={styles.room}>
          room <code data-testid="sandbox-room">{room ?? '…'}</code>
        </span>
      </header>
      <div className={styles.bar}>
        {running ? (
          <button type="button" className={styles.primary} onClick={() => sandbox.stop()} disabled={sandbox.state === 'stopping'}>
            ■ Stop
          </button>
        ) : (
          <button type="button" className={styles.primary} onClick={run} disabled={cid === null}>
            ▶ Run
          </button>
        )}
        {running && (
          <button type="button" onClick={run}>
            Restart
          </button>
        )}
        <span className={styles.state} role="status" aria-label="Sandbox status" data-state={sandbox.state}>
          {sandbox.state === 'idle' ? 'not running' : sandbox.state === 'stopping' ? 'stopping…' : `running ${elapsed(sandbox.startedAt, now)}`}
        </span>
        <span className={styles.spacer} />
        <button type="button" onClick={() => setCode(CHAT_STARTER)} disabled={code === CHAT_STARTER}>
          Reset code
        </button>
      </div>
      <JsEditor value={code} onChange={setCode} onRun={run} ariaLabel="Your chat client's JavaScript (Ctrl+Enter runs it)" />
      <p className={styles.globals}>
        Globals: <code>Client</code> (from <code>@stomp/stompjs</code>), <code>brokerURL</code>, <code>room</code>. Runs in a Web Worker: no page, no DOM.
      </p>
      <div className={styles.panes}>
        <div className={styles.pane}>
          <div className={styles.paneHead}>
            <h4 className={styles.paneTitle} id={`${id}-console`}>Console</h4>
            <button type="button" className={styles.small} onClick={sandbox.clear} disabled={sandbox.lines.length === 0}>
              Clear<span className="visually-hidden"> the console</span>
            </button>
          </div>
          <ol ref={consoleBox} className={styles.console} aria-labelledby={`${id}-console`} aria-live="polite" tabIndex={0} data-testid="sandbox-console">
            {sandbox.lines.length === 0 && <li className={styles.empty}>Press Run: what your code prints appears here.</li>}
            {sandbox.lines.map((line) => (
              <li key={line.id} className={styles[`level-${line.level}`]} data-level={line.level}>
                {LEVEL_LABEL[line.level] && <span className="visually-hidden">{LEVEL_LABEL[line.level]}: </span>}
                {line.text}
              </li>
            ))}
          </ol>
        </div>
        <BobWindow brokerURL={brokerURL} room={room} />
      </div>
    </section>
  )
}
