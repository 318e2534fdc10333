'use client'

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { getClientId } from '@/components/lab/useClientId'
import { dialUrl } from '@/lib/playground/presets'
import { RawStompClient } from './client/RawStompClient'
import type { ClientSettings } from './types'

/**
 * The named clients of the page (Alice, Bob, Carol …): add, remove, rename, change settings, and
 * each one's editor document. Wirelab targets are dialled with the tab's cid (useClientId) so
 * the inspector's diagrams show exactly this tab's traffic.
 */
export const CLIENT_NAMES = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Heidi', 'Ivan', 'Judy'] as const

export const DEFAULT_SETTINGS: Omit<ClientSettings, 'name'> = {
  url: '/ws/stomp',
  transport: 'ws',
  sockjsTransports: [],
  subprotocols: ['v12.stomp', 'v11.stomp', 'v10.stomp'],
  versions: ['1.2', '1.1', '1.0'],
  login: '',
  passcode: '',
  host: '/',
  heartBeat: [10000, 10000],
  autoConnect: true,
}

export const SUBSCRIBE_DOC = 'SUBSCRIBE\nid:sub-0\ndestination:/topic/demo\nack:auto\n\n^@\n'
export const SEND_DOC = (name: string) => `SEND\ndestination:/topic/demo\ncontent-type:text/plain\n\nHello from ${name}\n^@\n`

export interface ClientSlot {
  readonly key: string
  readonly client: RawStompClient
}

const resolveUrl = (url: string, settings: ClientSettings) => dialUrl(url, settings.transport, window.location, getClientId())

function makeClient(name: string, key: string): ClientSlot {
  return { key, client: new RawStompClient({ ...DEFAULT_SETTINGS, name }, { resolveUrl }) }
}

let keyCounter = 0
const newKey = () => `c${++keyCounter}`

export interface PlaygroundClients {
  readonly slots: readonly ClientSlot[]
  readonly docs: Readonly<Record<string, string>>
  add(): void
  remove(key: string): void
  rename(key: string, name: string): void
  update(key: string, settings: ClientSettings): void
  setDoc(key: string, text: string): void
}

export function usePlaygroundClients(): PlaygroundClients {
  const [slots, setSlots] = useState<readonly ClientSlot[]>(() => [makeClient('Alice', newKey()), makeClient('Bob', newKey())])
  const [docs, setDocs] = useState<Readonly<Record<string, string>>>(() => ({}))
  const slotsRef = useRef(slots)
  slotsRef.current = slots

  // Default documents: the first client subscribes, the others send (fan-out in two clicks).
  useEffect(() => {
    setDocs((d) => {
      let changed = false
      const next: Record<string, string> = { ...d }
      slots.forEach((s, i) => {
        if (next[s.key] === undefined) {
          next[s.key] = i === 0 ? SUBSCRIBE_DOC : SEND_DOC(s.client.settings.name)
          changed = true
        }
      })
      return changed ? next : d
    })
  }, [slots])

  // Close every socket when the page goes away (StrictMode's remount reconnects on demand).
  useEffect(() => () => slotsRef.current.forEach((s) => s.client.dispose()), [])

  const add = useCallback(() => {
    setSlots((list) => {
      const used = new Set(list.map((s) => s.client.settings.name))
      const name = CLIENT_NAMES.find((n) => !used.has(n)) ?? `Client ${list.length + 1}`
      return [...list, makeClient(name, newKey())]
    })
  }, [])

  const remove = useCallback((key: string) => {
    setSlots((list) => {
      list.find((s) => s.key === key)?.client.dispose()
      return list.filter((s) => s.key !== key)
    })
  }, [])

  const rename = useCallback((key: string, name: string) => {
    const slot = slotsRef.current.find((s) => s.key === key)
    const clean = name.trim().slice(0, 40)
    if (slot && clean !== '') slot.client.setSettings({ ...slot.client.settings, name: clean })
  }, [])

  const update = useCallback((key: string, settings: ClientSettings) => {
    slotsRef.current.find((s) => s.key === key)?.client.setSettings(settings)
  }, [])

  const setDoc = useCallback((key: string, text: string) => setDocs((d) => (d[key] === text ? d : { ...d, [key]: text })), [])

  return { slots, docs, add, remove, rename, update, setDoc }
}

/** Re-renders on every change of the client (entries, status, settings). */
export function useClientRevision(client: RawStompClient): number {
  return useSyncExternalStore(
    useCallback((cb: () => void) => client.subscribe(cb), [client]),
    () => client.revision,
    () => 0,
  )
}
