import type { StompVersion } from '@/lib/stomp/frame'
import type { CompletionContext } from '../types'

export type SendWhich = 'current' | 'all'

export interface FrameEditorProps {
  /** The document: frames in the `^@` convention of lib/stomp/linter-document.ts. */
  readonly value: string
  readonly onChange: (value: string) => void
  /** Negotiated (or intended) version: escapes, diagnostics and completion follow it. */
  readonly version: StompVersion
  /** What this client has seen on its wire (destinations, subscription/ack/transaction ids). */
  readonly completion: CompletionContext
  /**
   * Ctrl/⌘+Enter: the frame under the cursor ('current'; in rawMode the selection when there is
   * one); Ctrl/⌘+Shift+Enter: the whole document ('all'). The page turns the text into octets
   * with editorTextToWire(text, rawMode) from lib/stomp/editor.
   */
  readonly onSend: (frameText: string, which: SendWhich) => void
  /** Bind Ctrl/⌘+Enter (and Ctrl/⌘+Shift+Enter); default true. */
  readonly sendOnCtrlEnter?: boolean
  /** "Send exactly as typed (no auto NUL)": shown in the status bar; changes what 'current' sends. */
  readonly rawMode?: boolean
  readonly readOnly?: boolean
  /** Height of the text area (CSS length or px); the status bar adds 2rem. Default 18rem. */
  readonly height?: string | number
  /** Accessible name of the editor, e.g. "Frame editor for Alice". */
  readonly ariaLabel: string
}

export const STATUS_HEIGHT = '2rem'
export const DEFAULT_HEIGHT = '18rem'

export function cssLength(h: string | number | undefined): string {
  return h === undefined ? DEFAULT_HEIGHT : typeof h === 'number' ? `${h}px` : h
}
