'use client'

import type { Header } from '@/lib/stomp/frame'
import type { WsHandshakeEvent } from '@/lib/inspect/events'
import { AcceptSteps } from './handshake/AcceptSteps'
import { useLabSocket, type LabEndpoint } from './useLabSocket'
import styles from './HandshakeView.module.css'

/** A STOMP endpoint needs a CONNECT, or the broker closes the idle connection after a while. */
const STOMP_CONNECT = 'CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\0'
const STOMP_DISCONNECT = 'DISCONNECT\n\n\0'

const KEY_HEADERS = new Set(['upgrade', 'connection', 'sec-websocket-key', 'sec-websocket-version', 'sec-websocket-accept', 'sec-websocket-protocol', 'sec-websocket-extensions'])

function HeaderLines({ headers, strong }: { headers: readonly Header[]; strong: string }) {
  return (
    <>
      {headers.map(([name, value], i) => {
        const lower = name.toLowerCase()
        const cls = lower === strong ? styles.keyLine : KEY_HEADERS.has(lower) ? styles.wsLine : undefined
        return (
          <span key={i} className={cls} data-header={lower}>
            <span className={styles.hName}>{name}</span>: <span className={styles.hValue}>{value}</span>
            {'\n'}
          </span>
        )
      })}
    </>
  )
}

function Message({ title, first, headers, strong, dir }: { title: string; first: string; headers: readonly Header[]; strong: string; dir: 'up' | 'down' }) {
  return (
    <section className={`${styles.message} ${dir === 'up' ? styles.up : styles.down}`} aria-label={title}>
      <p className={styles.messageTitle}>{title}</p>
      <pre className={styles.pre} tabIndex={0}>
        <span className={styles.startLine}>{first}</span>
        {'\n'}
        <HeaderLines headers={headers} strong={strong} />
      </pre>
    </section>
  )
}

function serverAccept(ev: WsHandshakeEvent): string {
  const found = ev.responseHeaders.find(([n]) => n.toLowerCase() === 'sec-websocket-accept')
  return found ? found[1] : ev.accept
}

function offered(ev: WsHandshakeEvent, header: string): boolean {
  return ev.requestHeaders.some(([n]) => n.toLowerCase() === header)
}

export interface HandshakeViewProps {
  /** Which endpoint to open: /ws/echo (default) or /ws/stomp. */
  readonly endpoint?: LabEndpoint
}

/**
 * The learner's own WebSocket opening handshake, as the server saw it: the GET with
 * `Upgrade: websocket` and its `Sec-WebSocket-Key`, the `101 Switching Protocols` answer, and the
 * `Sec-WebSocket-Accept` recomputed here in the browser, step by step, next to the server's.
 */
export function HandshakeView({ endpoint = 'echo' }: HandshakeViewProps) {
  const stomp = endpoint === 'stomp'
  const socket = useLabSocket(endpoint, stomp ? { onOpen: (send) => send(STOMP_CONNECT), goodbye: STOMP_DISCONNECT } : {})
  const hs = socket.handshake
  const path = `/ws/${endpoint}`
  const state =
    socket.status === 'open' ? 'open' : socket.status === 'closed' ? (socket.closeInfo ?? 'closed') : socket.status === 'connecting' ? 'connecting…' : 'starting the inspector…'

  return (
    <div className={styles.view} data-widget="handshake-view">
      <div className={styles.bar}>
        <p className={styles.status}>
          <span className={`${styles.dot} ${socket.status === 'open' ? styles.dotOpen : ''}`} aria-hidden />
          WebSocket to <code>{path}</code>: <span data-testid="handshake-state">{state}</span>
          {hs ? (
            <span className={styles.conn}>
              {' '}
              · connection <code>{hs.conn}</code>
            </span>
          ) : null}
        </p>
        <button type="button" className={styles.button} onClick={socket.reconnect} disabled={socket.status === 'connecting' || socket.status === 'waiting'}>
          New connection
        </button>
      </div>

      {hs ? (
        <>
          <div className={styles.exchange}>
            <Message title="Browser → server: the upgrade request" first={hs.requestLine} headers={hs.requestHeaders} strong="sec-websocket-key" dir="up" />
            <Message title="Server → browser: the answer" first={hs.statusLine} headers={hs.responseHeaders} strong="sec-websocket-accept" dir="down" />
          </div>
          <p className={styles.negotiated} data-testid="handshake-negotiated">
            <span>
              Subprotocol: <code>{hs.protocol ?? 'none'}</code>
            </span>
            <span>
              Extensions: <code>{hs.extensions ?? 'none'}</code>
              {hs.extensions === null && offered(hs, 'sec-websocket-extensions') ? ' (the browser offered some, the server took none: frames are not compressed)' : ''}
            </span>
          </p>
          <AcceptSteps key={hs.key} wsKey={hs.key} serverAccept={serverAccept(hs)} />
        </>
      ) : (
        <div className={styles.waiting} role="status">
          {socket.status === 'closed'
            ? `The connection closed before the inspector reported its handshake (${socket.closeInfo ?? 'closed'}).`
            : socket.unreported
              ? `Your connection to ${path} is open, but the server's inspector has not reported its handshake: this endpoint may not be tapped.`
              : 'Waiting for the handshake of your connection to cross the wire…'}
        </div>
      )}
    </div>
  )
}
