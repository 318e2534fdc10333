'use client'

import { useEffect, useState } from 'react'
import { dialUrl } from '@/lib/playground/presets'
import { ClientCard } from '@/components/playground/ClientCard'
import { RawStompClient } from '@/components/playground/client/RawStompClient'
import type { ClientSettings } from '@/components/playground/types'
import { useFillTarget } from './exercise/LessonContext'
import { HeartbeatStrip } from './HeartbeatStrip'
import { settingsFrom, type StompClientProps } from './StompClient'
import { getClientId } from './useClientId'
import styles from './HeartbeatClient.module.css'

/**
 * Lesson 12's client: the same playground client card as `<StompClient>` (Monaco editor, log,
 * console; a `stomp` solution target by name), with the heart-beat strip above it — what crossed
 * its connection as the broker saw it, and a switch that pauses its own heart-beats while the
 * socket stays open, so the learner can watch the broker detect the silence.
 */
export type HeartbeatClientProps = StompClientProps

const unescape = (text: string) => text.replace(/\\n/g, '\n')
const resolveUrl = (url: string, settings: ClientSettings) => dialUrl(url, settings.transport, window.location, getClientId())

export function HeartbeatClient(props: HeartbeatClientProps) {
  const [slot] = useState(() => ({ key: `lesson-hb-${props.name ?? 'You'}`, client: new RawStompClient(settingsFrom(props), { resolveUrl }) }))
  const [doc, setDoc] = useState(() => unescape(props.doc ?? ''))
  useEffect(() => () => slot.client.dispose(), [slot])
  useFillTarget('stomp', slot.client.settings.name, setDoc)

  return (
    <div className={styles.frame} data-widget="heartbeat-client">
      <HeartbeatStrip client={slot.client} />
      <div className={styles.card} style={{ ['--client-height' as string]: props.height ?? '34rem' }}>
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
      </div>
    </div>
  )
}
