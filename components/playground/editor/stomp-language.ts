/**
 * The STOMP language in Monaco: one language id per version, each coloured by lib/stomp/editor's
 * line tokenizer (the same states completion and hover read), and the light/dark themes in the
 * site palette (app/globals.css). Registered once per page.
 */
import type { StompVersion } from '@/lib/stomp/frame'
import { INITIAL_STATE, sameState, tokenizeLine, type LineState } from '@/lib/stomp/editor'
import type { Monaco } from './monaco-setup'
import { LANGUAGE_IDS, languageId } from './editor-registry'
import { registerProviders } from './stomp-providers'

class State {
  constructor(readonly line: LineState) {}
  clone(): State {
    return this
  }
  equals(other: unknown): boolean {
    return other instanceof State && sameState(this.line, other.line)
  }
}

const VERSIONS: readonly StompVersion[] = ['1.0', '1.1', '1.2']

type Rule = { token: string; foreground?: string; fontStyle?: string }

/**
 * Colours: a command is structure, not an alarm — a calm blue (a server command, which a client
 * must not send, in violet); red is kept for what is wrong (an invalid escape; the squiggles).
 */
function rules(c: Record<'command' | 'title' | 'attr' | 'punct' | 'string' | 'number' | 'meta' | 'fg' | 'error' | 'muted', string>): Rule[] {
  return [
    { token: 'command', foreground: c.command, fontStyle: 'bold' },
    { token: 'command.server', foreground: c.title, fontStyle: 'bold' },
    { token: 'command.unknown', foreground: c.fg, fontStyle: 'italic' },
    { token: 'header.name', foreground: c.attr },
    { token: 'header.delimiter', foreground: c.punct },
    { token: 'header.value', foreground: c.string },
    { token: 'header.invalid', foreground: c.muted, fontStyle: 'italic' },
    { token: 'escape', foreground: c.number, fontStyle: 'bold' },
    { token: 'escape.invalid', foreground: c.error, fontStyle: 'bold underline' },
    { token: 'body', foreground: c.fg },
    { token: 'terminator', foreground: c.meta, fontStyle: 'bold' },
  ]
}

export const THEME_LIGHT = 'wirelab-light'
export const THEME_DARK = 'wirelab-dark'

function defineThemes(monaco: Monaco): void {
  monaco.editor.defineTheme(THEME_LIGHT, {
    base: 'vs', inherit: true,
    rules: rules({ command: '0a64b8', title: '8250df', attr: '953800', punct: '57606a', string: '0a3069', number: '0550ae', meta: '116329', fg: '1b1f24', error: 'cf222e', muted: '57606a' }),
    colors: {
      'editor.background': '#ffffff', 'editor.foreground': '#1b1f24', 'editorLineNumber.foreground': '#8c959f',
      'editorLineNumber.activeForeground': '#1b1f24', 'editor.lineHighlightBackground': '#f6f8fa', 'editorWidget.background': '#f6f8fa',
      'editorWhitespace.foreground': '#afb8c1',
    },
  })
  monaco.editor.defineTheme(THEME_DARK, {
    base: 'vs-dark', inherit: true,
    rules: rules({ command: '6cb6ff', title: 'd2a8ff', attr: 'ffa657', punct: '9ba6b2', string: 'a5d6ff', number: '79c0ff', meta: '7ee787', fg: 'e6edf3', error: 'ff7b72', muted: '9ba6b2' }),
    colors: {
      'editor.background': '#0f1419', 'editor.foreground': '#e6edf3', 'editorLineNumber.foreground': '#6e7681',
      'editorLineNumber.activeForeground': '#e6edf3', 'editor.lineHighlightBackground': '#161b22', 'editorWidget.background': '#161b22',
      'editorWhitespace.foreground': '#484f58',
    },
  })
}

let registered = false

/** Registers the three STOMP languages, their providers and the themes (idempotent). */
export function registerStompLanguage(monaco: Monaco): void {
  if (registered) return
  registered = true
  for (const version of VERSIONS) {
    const id = languageId(version)
    monaco.languages.register({ id, aliases: [`STOMP ${version}`] })
    monaco.languages.setLanguageConfiguration(id, { wordPattern: /[^\s:\\]+/ })
    monaco.languages.setTokensProvider(id, {
      getInitialState: () => new State(INITIAL_STATE),
      tokenize(line, state) {
        const from = state instanceof State ? state.line : INITIAL_STATE
        const { tokens, next } = tokenizeLine(line, from, version)
        return { tokens: tokens.map((t) => ({ startIndex: t.start, scopes: t.type })), endState: new State(next) }
      },
    })
  }
  registerProviders(monaco, [...LANGUAGE_IDS])
  defineThemes(monaco)
  // Each frame editor toggles its own Tab behaviour with Ctrl+M (MonacoFrameEditor): drop
  // Monaco's page-wide toggle on the same keys, which would flip every editor at once.
  const K = monaco.KeyMod
  const C = monaco.KeyCode
  monaco.editor.addKeybindingRules([
    { keybinding: K.CtrlCmd | C.KeyM, command: '-editor.action.toggleTabFocusMode' },
    { keybinding: K.WinCtrl | K.Shift | C.KeyM, command: '-editor.action.toggleTabFocusMode' },
  ])
}
