'use client'

import dynamic from 'next/dynamic'
import { createContext, useContext } from 'react'
import { STATUS_HEIGHT, cssLength, type FrameEditorProps } from './frame-editor-types'
import styles from './FrameEditor.module.css'

export type { FrameEditorProps, SendWhich } from './frame-editor-types'

/** The editor's height, for the placeholder next/dynamic renders while Monaco loads. */
const HeightContext = createContext<string | number | undefined>(undefined)

/** Same frame and size as the editor plus its status line: no layout shift when Monaco arrives. */
function EditorPlaceholder() {
  const height = useContext(HeightContext)
  return (
    <div className={styles.root} aria-busy="true" data-ready="false" data-testid="frame-editor-placeholder">
      <div className={`${styles.editor} ${styles.placeholder}`} style={{ height: cssLength(height) }}>
        <span>Loading the frame editor…</span>
      </div>
      <div className={styles.status} style={{ minHeight: STATUS_HEIGHT }} />
    </div>
  )
}

// Monaco touches `window` at import: client-only. Where this module runs in the browser the
// editor is about to be shown (the playground), so the ~3 MB chunk is fetched at once rather
// than after the page's first render.
if (typeof window !== 'undefined') void import('./MonacoFrameEditor')

const MonacoFrameEditor = dynamic(() => import('./MonacoFrameEditor').then((m) => m.MonacoFrameEditor), {
  ssr: false,
  loading: () => <EditorPlaceholder />,
})

/**
 * The STOMP frame editor: Monaco with the STOMP language of lib/stomp/editor (colours, linter
 * squiggles and quick fixes, completion from the client's wire, hover with the spec, templates),
 * Ctrl/⌘+Enter to send the frame under the cursor. Monaco and its worker are bundled locally and
 * load lazily behind a placeholder of the same size.
 */
export function FrameEditor(props: FrameEditorProps) {
  return (
    <HeightContext.Provider value={props.height}>
      <MonacoFrameEditor {...props} />
    </HeightContext.Provider>
  )
}
