'use client'

import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { currentTheme, subscribeTheme } from '@/components/layout/theme'
import { lintFrames } from '@/lib/stomp/linter'
import type { Diagnostic } from '@/lib/stomp/lint-types'
import { frameAt } from '@/lib/stomp/editor'
import { monaco } from './monaco-setup'
import { MARKER_OWNER, languageId, registerModel, type EditorEntry } from './editor-registry'
import { THEME_DARK, THEME_LIGHT, registerStompLanguage } from './stomp-language'
import { toMarkers } from './markers'
import { decorationSpecs } from './decorations'
import { cssLength, type FrameEditorProps } from './frame-editor-types'
import { EditorStatus } from './EditorStatus'
import styles from './FrameEditor.module.css'

type Editor = ReturnType<typeof monaco.editor.create>

/** The Monaco frame editor (client-only; FrameEditor loads it lazily). */
export function MonacoFrameEditor(props: FrameEditorProps) {
  const { value, version, completion, readOnly = false, rawMode = false, sendOnCtrlEnter = true, ariaLabel } = props
  const host = useRef<HTMLDivElement>(null)
  const editorRef = useRef<Editor | null>(null)
  const entryRef = useRef<EditorEntry>({ version, completion, diagnostics: [] })
  const latest = useRef(props)
  latest.current = props
  const applying = useRef(false)
  /** Texts this editor reported through onChange and the parent has not echoed back yet. */
  const emitted = useRef<string[]>([])
  const [diagnostics, setDiagnostics] = useState<readonly Diagnostic[]>([])
  const [cursorLine, setCursorLine] = useState(1)
  const [text, setText] = useState(value)
  const refreshRef = useRef<() => void>(() => undefined)
  const [ready, setReady] = useState(false)
  const [focused, setFocused] = useState(false)
  /** Tab moves the focus out of the editor (no keyboard trap) unless the learner asked Tab to indent (Ctrl+M). */
  const [tabMovesFocus, setTabMovesFocus] = useState(true)
  const theme = useSyncExternalStore(subscribeTheme, currentTheme, () => undefined) ?? 'light'

  // create once
  useEffect(() => {
    const el = host.current
    if (el === null) return
    registerStompLanguage(monaco)
    const p = latest.current
    const model = monaco.editor.createModel(p.value, languageId(p.version))
    model.setEOL(monaco.editor.EndOfLineSequence.LF)
    const unregister = registerModel(model.uri.toString(), entryRef.current)
    const editor = monaco.editor.create(el, {
      model,
      ariaLabel: p.ariaLabel,
      readOnly: p.readOnly ?? false,
      automaticLayout: true,
      fixedOverflowWidgets: true,
      minimap: { enabled: false },
      folding: false,
      glyphMargin: false,
      lineNumbersMinChars: 3,
      lineDecorationsWidth: 10,
      scrollBeyondLastLine: false,
      renderWhitespace: 'trailing',
      renderControlCharacters: true,
      wordBasedSuggestions: 'off',
      // Enter breaks the line when the highlighted suggestion is what is already typed (SEND ↵ is
      // a new line, not SEND again); it still accepts one that changes the text.
      acceptSuggestionOnEnter: 'smart',
      // Tab leaves the editor like any other control; inside a template or an open suggestion
      // list it still moves between placeholders / accepts (those keybindings come first).
      tabFocusMode: true,
      quickSuggestions: { other: true, strings: true, comments: false },
      suggest: { showWords: false, snippetsPreventQuickSuggestions: false },
      tabSize: 2,
      fontSize: 14,
      fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace",
      padding: { top: 8, bottom: 8 },
      stickyScroll: { enabled: false },
      placeholder: 'Type a STOMP frame (Ctrl+Space for commands and templates), end it with ^@',
      theme: currentTheme() === 'dark' ? THEME_DARK : THEME_LIGHT,
    })
    editorRef.current = editor
    const decorations = editor.createDecorationsCollection()

    const refresh = () => {
      const text = model.getValue()
      const entry = entryRef.current
      const ds = lintFrames(text, { version: entry.version, role: 'client' })
      entry.diagnostics = ds
      monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(ds, entry.version))
      setDiagnostics(ds)
      setText(text)
      redecorate()
    }
    refreshRef.current = refresh
    const redecorate = () => {
      const line = editor.getPosition()?.lineNumber ?? 1
      setCursorLine(line)
      decorations.set(decorationSpecs(model.getValue(), line, entryRef.current.version).map((d) => ({
        range: new monaco.Range(d.range.startLine, d.range.startColumn, d.range.endLine, d.range.endColumn),
        options: d.kind === 'terminator'
          ? { inlineClassName: styles.terminator, hoverMessage: undefined }
          : { isWholeLine: true, linesDecorationsClassName: styles.currentFrame },
      })))
    }
    const sendCurrent = () => {
      const cur = latest.current
      const selection = editor.getSelection()
      if (cur.rawMode && selection !== null && !selection.isEmpty()) {
        cur.onSend(model.getValueInRange(selection), 'current')
        return
      }
      const f = frameAt(model.getValue(), editor.getPosition()?.lineNumber ?? 1)
      if (f !== null) cur.onSend(f.text, 'current')
    }
    const subs = [
      model.onDidChangeContent(() => {
        refresh()
        if (applying.current) return
        const now = model.getValue()
        emitted.current = [...emitted.current.slice(-63), now]
        latest.current.onChange(now)
      }),
      editor.onDidChangeCursorPosition(redecorate),
    ]
    const K = monaco.KeyMod
    const C = monaco.KeyCode
    if (p.sendOnCtrlEnter ?? true) {
      subs.push(editor.addAction({ id: 'stomp.sendFrame', label: 'STOMP: Send the frame under the cursor', keybindings: [K.CtrlCmd | C.Enter], contextMenuGroupId: 'navigation', run: sendCurrent }))
      subs.push(editor.addAction({ id: 'stomp.sendAll', label: 'STOMP: Send all frames', keybindings: [K.CtrlCmd | K.Shift | C.Enter], contextMenuGroupId: 'navigation', run: () => latest.current.onSend(model.getValue(), 'all') }))
    }
    subs.push(editor.addAction({
      id: 'stomp.toggleTabMovesFocus',
      label: 'STOMP: Toggle whether Tab moves the focus or indents',
      // Ctrl+M everywhere: WinCtrl is Ctrl on a Mac (where ⌘M minimises the window), CtrlCmd is Ctrl elsewhere
      keybindings: [(/Mac|iPhone|iPad/.test(navigator.platform) ? K.WinCtrl : K.CtrlCmd) | C.KeyM],
      run: () => {
        const next = !editor.getOption(monaco.editor.EditorOption.tabFocusMode)
        editor.updateOptions({ tabFocusMode: next })
        setTabMovesFocus(next)
      },
    }))
    subs.push(editor.onDidFocusEditorText(() => setFocused(true)), editor.onDidBlurEditorText(() => setFocused(false)))
    refresh()
    setReady(true)
    return () => {
      subs.forEach((s) => s.dispose())
      unregister()
      editor.dispose()
      model.dispose()
      editorRef.current = null
    }
  }, [])

  // controlled value: apply outside edits as one undoable edit. An echo of a text this editor
  // emitted is not an outside edit: while the learner types fast, the parent can render with a
  // text a few keystrokes old, and writing it back would eat the newer keystrokes.
  useLayoutEffect(() => {
    const model = editorRef.current?.getModel()
    if (model === null || model === undefined) return
    const echo = emitted.current.indexOf(value)
    if (echo >= 0) {
      emitted.current = emitted.current.slice(echo + 1)
      return
    }
    emitted.current = []
    if (model.getValue() === value) return
    applying.current = true
    try {
      editorRef.current?.pushUndoStop()
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null)
      editorRef.current?.pushUndoStop()
    } finally {
      applying.current = false
    }
  }, [value])

  // version: language (colours), diagnostics and completion follow it
  useEffect(() => {
    const entry = entryRef.current
    entry.completion = completion
    if (entry.version === version) return
    entry.version = version
    const model = editorRef.current?.getModel()
    if (model) {
      monaco.editor.setModelLanguage(model, languageId(version))
      refreshRef.current()
    }
  }, [version, completion])

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, ariaLabel })
  }, [readOnly, ariaLabel])

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? THEME_DARK : THEME_LIGHT)
  }, [theme])

  const run = (action: string) => {
    const editor = editorRef.current
    editor?.focus()
    void editor?.getAction(action)?.run()
  }

  return (
    <div className={styles.root} data-ready={ready ? 'true' : 'false'} data-testid="frame-editor">
      <div className={styles.editor} style={{ height: cssLength(props.height) }}>
        <div ref={host} className={styles.host} />
        <p className={styles.tabHint} hidden={!focused} aria-live="polite">
          {tabMovesFocus ? 'Tab: next control · Ctrl+M: Tab indents' : 'Tab indents · Ctrl+M: Tab moves the focus'}
        </p>
      </div>
      <EditorStatus
        version={version} rawMode={rawMode} diagnostics={diagnostics} cursorLine={cursorLine}
        sendOnCtrlEnter={sendOnCtrlEnter} text={text}
        onNextProblem={() => run('editor.action.marker.next')}
      />
    </div>
  )
}
