'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { Client } from '@stomp/stompjs'
import { BOB_LOGIN, PARTICIPANT_HEADER } from '@/lib/sandbox/chat-code'
import { parseChatBody, type ChatLine } from '@/lib/sandbox/chat-message'
import { chatTopic } from '@/lib/sandbox/room'

/**
 * Bob, the capstone's other participant: a real @stomp/stompjs client in the page, logged in as
 * `bob`, subscribed to the tab's room. What he sees is what the broker delivered to him; what he
 * says goes through /app/chat.send like everyone's. Connected while the widget is on screen.
 */
export type BobState = 'connecting' | 'connected' | 'closed'

export interface BobLine extends ChatLine {
  readonly id: string
}

const MAX_LINES = 100

export interface Bob {
  readonly state: BobState
  readonly lines: readonly BobLine[]
  say(text: string): void
}

export function useBob(brokerURL: string | null, room: string | null): Bob {
  const [state, setState] = useState<BobState>('connecting')
  const [lines, setLines] = useState<readonly BobLine[]>([])
  const client = useRef<Client | null>(null)

  useEffect(() => {
    if (brokerURL === null || room === null) return
    const bob = new Client({
      brokerURL,
      connectHeaders: { login: BOB_LOGIN, [PARTICIPANT_HEADER]: BOB_LOGIN },
      reconnectDelay: 3000,
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      onConnect: () => {
        setState('connected')
        bob.subscribe(chatTopic(room), (message) => {
          const line = { ...parseChatBody(message.body, message.headers.sender), id: message.headers['message-id'] ?? String(Date.now()) }
          setLines((old) => [...old.slice(-(MAX_LINES - 1)), line])
        })
      },
      onWebSocketClose: () => setState('closed'),
      onStompError: () => setState('closed'),
    })
    client.current = bob
    setState('connecting')
    bob.activate()
    return () => {
      client.current = null
      void bob.deactivate()
    }
  }, [brokerURL, room])

  const say = useCallback((text: string) => {
    const bob = client.current
    if (!bob?.connected || room === null) return
    bob.publish({ destination: '/app/chat.send', headers: { room }, body: JSON.stringify({ text }) })
  }, [room])

  return { state, lines, say }
}
