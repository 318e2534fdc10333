'use client'

import { useMemo } from 'react'
import type { RawStompClient } from './client/RawStompClient'
import { WireConsole } from './console/WireConsole'
import { runReplLine } from './run-repl'
import type { WireEntry } from './types'

/** A client's xterm console: its raw stream, and slash commands run on this client. */
export interface ConsoleSlotProps {
  readonly client: RawStompClient
  readonly entries: readonly WireEntry[]
  readonly revision: number
}

export function ConsoleSlot({ client, entries, revision }: ConsoleSlotProps) {
  const name = client.settings.name
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision stands for the client's state
  const completion = useMemo(() => client.completionContext(), [client, revision])
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
