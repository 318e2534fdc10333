'use client'

import dynamic from 'next/dynamic'
import styles from './ChatSandbox.module.css'

export interface JsEditorProps {
  readonly value: string
  readonly onChange: (text: string) => void
  /** Ctrl/⌘+Enter. */
  readonly onRun: () => void
  readonly ariaLabel: string
}

// Monaco touches `window` at import: client-only, loaded behind a box of the same size.
const MonacoJsEditor = dynamic(() => import('./MonacoJsEditor').then((m) => m.MonacoJsEditor), {
  ssr: false,
  loading: () => (
    <div className={`${styles.editor} ${styles.editorLoading}`} data-testid="code-editor" data-ready="false" aria-busy="true">
      Loading the editor…
    </div>
  ),
})

/** The sandbox's code editor: Monaco with JavaScript colours, Ctrl/⌘+Enter runs. */
export function JsEditor(props: JsEditorProps) {
  return <MonacoJsEditor {...props} />
}
