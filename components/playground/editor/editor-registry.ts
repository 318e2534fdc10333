/**
 * Per-model state the global Monaco providers read: each frame editor registers its model with
 * the negotiated version, what the client has seen (completion) and the latest diagnostics (for
 * quick fixes). Monaco's providers are per language, not per editor; this map joins the two.
 */
import type { StompVersion } from '@/lib/stomp/frame'
import type { Diagnostic } from '@/lib/stomp/lint-types'
import type { EditorCompletionContext } from '@/lib/stomp/editor'

export interface EditorEntry {
  version: StompVersion
  completion: EditorCompletionContext
  diagnostics: readonly Diagnostic[]
}

const entries = new Map<string, EditorEntry>()

export function registerModel(uri: string, entry: EditorEntry): () => void {
  entries.set(uri, entry)
  return () => {
    if (entries.get(uri) === entry) entries.delete(uri)
  }
}

export function entryFor(uri: string): EditorEntry | undefined {
  return entries.get(uri)
}

/** One Monaco language per version: the escapes (and so the colours) differ. */
export const languageId = (version: StompVersion): string => `stomp-${version}`
export const LANGUAGE_IDS = ['stomp-1.0', 'stomp-1.1', 'stomp-1.2'] as const

/** Owner of the linter's markers on a model. */
export const MARKER_OWNER = 'stomp-lint'
