'use client'

import type { KeyboardEvent } from 'react'
import { frameAt } from '@/lib/stomp/editor/send-range'
import type { FrameEditorProps } from './editor/frame-editor-types'
import styles from './ClientCard.module.css'

/**
 * Where a client's frame editor sits. Until the Monaco editor loads (or where it cannot), a plain
 * text area with the same contract: Ctrl/⌘+Enter sends the frame under the caret,
 * Ctrl/⌘+Shift+Enter the whole document.
 */
export function EditorSlot(props: FrameEditorProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || props.sendOnCtrlEnter === false) return
    e.preventDefault()
    const text = e.currentTarget.value
    if (e.shiftKey) return props.onSend(text, 'all')
    const line = text.slice(0, e.currentTarget.selectionStart).split('\n').length
    const span = frameAt(text, line)
    if (span !== null) props.onSend(span.text, 'current')
  }
  return (
    <textarea
      className={styles.fallbackEditor}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      onKeyDown={onKeyDown}
      aria-label={props.ariaLabel}
      spellCheck={false}
      readOnly={props.readOnly}
    />
  )
}
