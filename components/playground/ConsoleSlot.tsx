'use client'

import type { RawStompClient } from './client/RawStompClient'
import { WireConsole } from './console/WireConsole'
import { runReplLine } from './run-repl'
import type { CompletionContext, WireEntry } from './types'

/** A client's xterm console: its raw stream, and slash commands run on this client. */
export interface ConsoleSlotProps {
  readonly client: RawStompClient
  readonly entries: readonly WireEntry[]
  /** What Tab completes (the card's: this client's wire plus what its broker showed elsewhere). */
  readonly completion: CompletionContext
}

export function ConsoleSlot({ client, entries, completion }: ConsoleSlotProps) {
  const name = client.settings.name
  return (
    <WireConsole
      entries={entries}
      onCommand={(line) => runReplLine(client, line)}
      prompt={`${name.toLowerCase()}> `}
      completion={completion}
      height="100%"
      ariaLabel={`${name}'s console`}
    />
  )
}
