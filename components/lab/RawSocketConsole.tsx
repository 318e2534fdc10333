'use client'

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { SocketioPacketEvent } from '@/lib/inspect/events'
import { describePacket, parseOpenData } from '@/lib/socketio/packet'
import { useFillTarget } from './exercise/LessonContext'
import { PacketText } from './socketio/PacketText'
import { useClientId, withClientId } from './useClientId'
import { useInspect } from './useInspect'
import { useStickToBottom } from './useStickToBottom'
import styles from './RawSocketConsole.module.css'

/**
 * A plain browser WebSocket to a Wirelab path (lesson 08: `/socket.io/?EIO=4&transport=websocket`):
 * the learner types every message; the log shows what this socket really sent and received,
 * decoded as engine.io / Socket.IO packets, and, beside each sent message, how the server read it
 * (its socketio.packet event for the session). Solution target `ws`: lines `url`, then messages.
 */
export interface RawSocketConsoleProps {
  readonly url?: string
  /** Messages offered as one-click choices, `\n`-separated. */
  readonly suggestions?: string
}

interface Entry {
  readonly n: number
  readonly dir: 'sent' | 'received'
  readonly text: string
}

type State = { readonly kind: 'idle' | 'connecting' | 'open' } | { readonly kind: 'closed'; readonly code: number; readonly reason: string }

const CLOSE_MEANING: Record<number, string> = {
  1000: 'a normal close',
  1005: 'the server closed without giving a code: engine.io hangs up like this on a packet it cannot accept',
  1006: 'the connection dropped without a close frame (or the handshake was refused: check the URL has EIO=4&transport=websocket)',
}

function socketUrl(text: string, cid: string): { url: string } | { error: string } {
  const { protocol, host } = window.location
  const scheme = protocol === 'https:' ? 'wss' : 'ws'
  const t = text.trim()
  if (t.startsWith('/')) return { url: withClientId(`${scheme}://${host}${t}`, cid) }
  try {
    const u = new URL(t)
    if (u.protocol !== 'ws:' && u.protocol !== 'wss:') return { error: 'A WebSocket URL starts with ws:// or wss:// (or just write the path, /socket.io/?…).' }
    if (u.host !== host) return { error: `This console only talks to Wirelab (${host}): write the path, /socket.io/?…` }
    return { url: withClientId(u.toString(), cid) }
  } catch {
    return { error: 'Write a path such as /socket.io/?EIO=4&transport=websocket.' }
  }
}

export function RawSocketConsole({ url: initialUrl = '/socket.io/?EIO=4&transport=websocket', suggestions = '40\n421["join",{"feed":"lobby"}]\n3' }: RawSocketConsoleProps) {
  const cid = useClientId()
  const id = useId()
  const [url, setUrl] = useState(initialUrl)
  const [text, setText] = useState('')
  const [state, setState] = useState<State>({ kind: 'idle' })
  const [entries, setEntries] = useState<readonly Entry[]>([])
  const [chips, setChips] = useState<readonly string[]>(() => suggestions.replace(/\\n/g, '\n').split('\n').filter((s) => s !== ''))
  const ws = useRef<WebSocket | null>(null)
  const counter = useRef(0)
  const inspect = useInspect(cid === null ? null : { clients: [cid], types: ['socketio.packet'] })
  useFillTarget('ws', undefined, (value) => {
    const [first, ...messages] = value.split('\n').filter((l) => l !== '')
    if (first) setUrl(first)
    if (messages[0]) setText(messages[0])
    setChips((c) => [...new Set([...messages, ...c])])
  })

  const add = useCallback((dir: Entry['dir'], t: string) => setEntries((list) => [...list.slice(-99), { n: ++counter.current, dir, text: t }]), [])
  const target = useMemo(() => (cid === null ? null : socketUrl(url, cid)), [url, cid])

  const close = useCallback(() => {
    const s = ws.current
    ws.current = null
    if (!s) return
    // closing while CONNECTING logs a browser error: close it once open instead
    if (s.readyState === WebSocket.CONNECTING) s.onopen = () => s.close(1000)
    else if (s.readyState === WebSocket.OPEN) s.close(1000)
    s.onmessage = null
    s.onclose = null
    setState((st) => (st.kind === 'closed' ? st : { kind: 'closed', code: 1000, reason: 'closed by you' }))
  }, [])

  const open = () => {
    if (!target || 'error' in target) return
    close()
    setEntries([])
    const s = new WebSocket(target.url)
    ws.current = s
    setState({ kind: 'connecting' })
    s.onopen = () => setState({ kind: 'open' })
    s.onmessage = (e: MessageEvent) => add('received', typeof e.data === 'string' ? e.data : '<binary message>')
    s.onclose = (e) => {
      if (ws.current === s) ws.current = null
      setState({ kind: 'closed', code: e.code, reason: e.reason })
    }
  }

  const send = (message: string) => {
    const s = ws.current
    if (!s || s.readyState !== WebSocket.OPEN) return
    s.send(message)
    add('sent', message)
    setText('')
  }

  useEffect(() => close, [close])

  const sid = useMemo(() => {
    const first = entries.find((e) => e.dir === 'received' && e.text.startsWith('0'))
    return first ? (parseOpenData(first.text.slice(1))?.sid ?? null) : null
  }, [entries])
  // how the server read each message this socket sent, in order
  const serverReads = useMemo(
    () => (sid === null ? [] : inspect.events.filter((e): e is SocketioPacketEvent => e.type === 'socketio.packet' && e.sid === sid && e.dir === 'in')),
    [inspect.events, sid],
  )
  const stick = useStickToBottom<HTMLOListElement>(entries.length)

  let sentIndex = 0
  const isOpen = state.kind === 'open'
  return (
    <div className={styles.widget} data-widget="raw-socket">
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault()
          open()
        }}
      >
        <label className={styles.label} htmlFor={`${id}-url`}>
          WebSocket URL
        </label>
        <input id={`${id}-url`} className={styles.input} value={url} spellCheck={false} onChange={(e) => setUrl(e.target.value)} />
        <button type="submit" className={styles.primary} disabled={!target || 'error' in target || state.kind === 'connecting'}>
          {isOpen ? 'Reopen' : 'Open'}
        </button>
        <button type="button" className={styles.secondary} disabled={!isOpen} onClick={close}>
          Close
        </button>
      </form>
      {target && 'error' in target && (
        <p className={styles.warn} role="alert">
          {target.error}
        </p>
      )}
      <p className={styles.status} role="status" data-state={state.kind}>
        {state.kind === 'idle' && 'A plain WebSocket: no Socket.IO library, you write every message.'}
        {state.kind === 'connecting' && 'Opening the WebSocket…'}
        {state.kind === 'open' && (sid ? `Open; engine.io session ${sid}.` : 'Open.')}
        {state.kind === 'closed' && `Closed ${state.code}${state.reason ? ` ${state.reason}` : ''}${CLOSE_MEANING[state.code] ? `: ${CLOSE_MEANING[state.code]}.` : '.'}`}
      </p>

      <section className={styles.log} aria-label="Messages on this WebSocket">
        {entries.length === 0 ? (
          <p className={styles.empty}>Nothing yet.</p>
        ) : (
          <ol className={styles.entries} ref={stick.ref} onScroll={stick.onScroll} tabIndex={0} aria-label="Messages, oldest first">
            {entries.map((e) => {
              const read = e.dir === 'sent' ? serverReads[sentIndex++] : undefined
              return (
                <li key={e.n} className={e.dir === 'sent' ? styles.sent : styles.received} data-dir={e.dir}>
                  <span className={styles.arrow} aria-hidden="true">
                    {e.dir === 'sent' ? '↑' : '↓'}
                  </span>
                  <span className={styles.srOnly}>{e.dir === 'sent' ? 'you sent: ' : 'you received: '}</span>
                  <PacketText text={e.text} />
                  <span className={styles.meaning}>
                    {describePacket(e.text)}
                    {read ? ` · the server read: ${read.engineType}${read.socketType ? ` ${read.socketType}` : ''}` : ''}
                    {e.dir === 'received' && e.text === '2' ? ' · answer 3 within 20 s or the server hangs up' : ''}
                  </span>
                </li>
              )
            })}
          </ol>
        )}
      </section>

      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault()
          if (text !== '') send(text)
        }}
      >
        <label className={styles.label} htmlFor={`${id}-text`}>
          Message to send
        </label>
        <input id={`${id}-text`} className={styles.input} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} disabled={!isOpen} />
        <button type="submit" className={styles.primary} disabled={!isOpen || text === ''}>
          Send
        </button>
      </form>
      <div className={styles.chips} role="group" aria-label="Examples to put in the message box">
        {chips.map((c) => (
          <button key={c} type="button" className={styles.chip} onClick={() => setText(c)}>
            {c}
          </button>
        ))}
      </div>
    </div>
  )
}
