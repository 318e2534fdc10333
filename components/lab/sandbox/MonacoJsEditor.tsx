'use client'

import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { currentTheme, subscribeTheme } from '@/components/layout/theme'
import { monaco } from '@/components/playground/editor/monaco-setup'
// Monaco's basic JavaScript language: a Monarch tokenizer for colours, no language worker (the
// 6 MB TypeScript worker is deliberately not bundled; word completion comes from the editor worker).
import 'monaco-editor/languages/definitions/javascript/register'
import type { JsEditorProps } from './JsEditor'
import styles from './ChatSandbox.module.css'

type Editor = ReturnType<typeof monaco.editor.create>

/** The sandbox's JavaScript editor (client-only; JsEditor loads it lazily). */
export function MonacoJsEditor({ value, onChange, onRun, ariaLabel }: JsEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const editorRef = useRef<Editor | null>(null)
  const latest = useRef({ onChange, onRun })
  latest.current = { onChange, onRun }
  const [ready, setReady] = useState(false)
  const theme = useSyncExternalStore(subscribeTheme, currentTheme, () => undefined) ?? 'light'

  useEffect(() => {
    const el = host.current
    if (el === null) return
    const model = monaco.editor.createModel(value, 'javascript')
    model.setEOL(monaco.editor.EndOfLineSequence.LF)
    const editor = monaco.editor.create(el, {
      model,
      ariaLabel,
      automaticLayout: true,
      fixedOverflowWidgets: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      lineNumbersMinChars: 3,
      tabSize: 2,
      fontSize: 14,
      fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace",
      padding: { top: 8, bottom: 8 },
      stickyScroll: { enabled: false },
      acceptSuggestionOnEnter: 'off',
      wordWrap: 'on',
      wordBasedSuggestions: 'currentDocument',
      theme: currentTheme() === 'dark' ? 'vs-dark' : 'vs',
    })
    editorRef.current = editor
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun())
    const sub = model.onDidChangeContent(() => latest.current.onChange(model.getValue()))
    setReady(true)
    return () => {
      sub.dispose()
      editor.dispose()
      model.dispose()
      editorRef.current = null
    }
    // created once; value changes are applied below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // a value from outside (Show solution, Reset): replace the text, as one undoable edit
  useEffect(() => {
    const editor = editorRef.current
    const model = editor?.getModel()
    if (!editor || !model || model.getValue() === value) return
    editor.pushUndoStop()
    editor.executeEdits('fill', [{ range: model.getFullModelRange(), text: value }])
    editor.pushUndoStop()
  }, [value])

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs')
  }, [theme])

  return <div ref={host} className={styles.editor} data-testid="code-editor" data-ready={ready ? 'true' : 'false'} />
}
