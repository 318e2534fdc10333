'use client'

import { useEffect, useState } from 'react'
import { getClientId } from './useClientId'
import { dialUrl } from '@/lib/playground/presets'
import { ClientCard } from '@/components/playground/ClientCard'
import { RawStompClient } from '@/components/playground/client/RawStompClient'
import { DEFAULT_SETTINGS, type ClientSlot } from '@/components/playground/usePlaygroundClients'
import type { ClientSettings } from '@/components/playground/types'
import { useFillTarget } from './exercise/LessonContext'
import styles from './StompClient.module.css'

/**
 * A playground client inside a lesson: one named STOMP client (connection, Monaco frame editor,
 * frame log and xterm console) talking to Wirelab's broker over /ws/stomp with the tab's cid, so
 * the lesson's exercises see its frames. "Show solution" fills its editor (target `stomp`,
 * matched by name when a lesson has several).
 */
export interface StompClientProps {
  /** The client's name (Alice, Bob …): its heading, and the `client` of a solution. */
  readonly name?: string
  /** The editor's first text; `\n` in the attribute stands for a new line. */
  readonly doc?: string
  /** "false": open the socket but let the learner write CONNECT (default "true": CONNECT sent for them). */
  readonly autoConnect?: string
  /** heart-beat offered in CONNECT, "cx,cy" in ms (default "10000,10000"). */
  readonly heartBeat?: string
  readonly login?: string
  readonly passcode?: string
  /** CSS height of the whole card (default 40rem; 6rem more on a phone, where its controls wrap). */
  readonly height?: string
}

const unescape = (text: string) => text.replace(/\\n/g, '\n')

function parseHeartBeat(value: string | undefined): readonly [number, number] {
  const m = /^(\d+),(\d+)$/.exec(value ?? '')
  return m ? [Number(m[1]), Number(m[2])] : DEFAULT_SETTINGS.heartBeat
}

export function settingsFrom(props: StompClientProps): ClientSettings {
  return {
    ...DEFAULT_SETTINGS,
    name: props.name ?? 'You',
    autoConnect: props.autoConnect !== 'false',
    heartBeat: parseHeartBeat(props.heartBeat),
    login: props.login ?? DEFAULT_SETTINGS.login,
    passcode: props.passcode ?? DEFAULT_SETTINGS.passcode,
  }
}

const resolveUrl = (url: string, settings: ClientSettings) => dialUrl(url, settings.transport, window.location, getClientId())

/**
 * A lesson's client: one RawStompClient dialled with the tab's cid, its editor text, and the
 * editor offered as a `stomp` solution target under the client's name. Disposed on unmount.
 */
export function useLessonClient(props: StompClientProps, keyPrefix: string): { slot: ClientSlot; doc: string; setDoc: (text: string) => void } {
  const [slot] = useState<ClientSlot>(() => ({ key: `${keyPrefix}-${props.name ?? 'You'}`, client: new RawStompClient(settingsFrom(props), { resolveUrl }) }))
  const [doc, setDoc] = useState(() => unescape(props.doc ?? ''))
  useEffect(() => () => slot.client.dispose(), [slot])
  useFillTarget('stomp', slot.client.settings.name, setDoc)
  return { slot, doc, setDoc }
}

/** The playground's client card for a lesson client: one card, never removed, never "active". */
export function LessonClientCard({ slot, doc, setDoc }: { slot: ClientSlot; doc: string; setDoc: (text: string) => void }) {
  return (
    <ClientCard
      slot={slot}
      doc={doc}
      onDoc={setDoc}
      onUpdate={(settings) => slot.client.setSettings(settings)}
      onRename={(name) => {
        const clean = name.trim().slice(0, 40)
        if (clean) slot.client.setSettings({ ...slot.client.settings, name: clean })
      }}
      onRemove={null}
      onActive={() => {}}
      active={false}
    />
  )
}

export function StompClient(props: StompClientProps) {
  const client = useLessonClient(props, 'lesson')
  return (
    <div className={styles.frame} style={{ ['--client-height' as string]: props.height ?? '40rem' }} data-widget="stomp-client">
      <LessonClientCard {...client} />
    </div>
  )
}
