/**
 * Monaco providers of the STOMP language, thin maps over lib/stomp/editor: completion, hover and
 * quick fixes (the linter's own fixes, offered on its markers).
 */
import { completionsAt, hoverAt, type CompletionKind } from '@/lib/stomp/editor'
import type { TextRange } from '@/lib/stomp/linter-document'
import type { Monaco } from './monaco-setup'
import { entryFor } from './editor-registry'
import { diagnosticForMarker } from './markers'

type IRange = { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }

export const toMonacoRange = (r: TextRange): IRange =>
  ({ startLineNumber: r.startLine, startColumn: r.startColumn, endLineNumber: r.endLine, endColumn: r.endColumn })

export function registerProviders(monaco: Monaco, languages: string[]): void {
  const K = monaco.languages.CompletionItemKind
  const KIND: Record<CompletionKind, number> = { command: K.Keyword, snippet: K.Snippet, header: K.Property, value: K.Value }

  for (const language of languages) {
    monaco.languages.registerCompletionItemProvider(language, {
      triggerCharacters: [':'],
      provideCompletionItems(model, position) {
        const entry = entryFor(model.uri.toString())
        if (entry === undefined) return { suggestions: [] }
        const items = completionsAt(model.getValue(), position.lineNumber, position.column, entry.version, entry.completion)
        return {
          suggestions: items.map((item) => {
            const replace = toMonacoRange(item.range)
            const insert = { ...replace, endColumn: Math.max(replace.startColumn, Math.min(position.column, replace.endColumn)) }
            return {
              label: item.label,
              kind: KIND[item.kind],
              insertText: item.insertText,
              insertTextRules: item.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
              detail: item.detail,
              documentation: item.documentation === undefined ? undefined : { value: item.documentation },
              sortText: item.sortText,
              range: { insert, replace },
              command: item.retrigger ? { id: 'editor.action.triggerSuggest', title: 'Suggest values' } : undefined,
            }
          }),
        }
      },
    })

    monaco.languages.registerHoverProvider(language, {
      provideHover(model, position) {
        const entry = entryFor(model.uri.toString())
        if (entry === undefined) return null
        const h = hoverAt(model.getValue(), position.lineNumber, position.column, entry.version)
        return h === null ? null : { range: toMonacoRange(h.range), contents: [{ value: h.markdown }] }
      },
    })

    monaco.languages.registerCodeActionProvider(language, {
      provideCodeActions(model, _range, context) {
        const entry = entryFor(model.uri.toString())
        if (entry === undefined) return { actions: [], dispose: () => undefined }
        // only the linter sets markers on STOMP models; a marker it did not make matches no diagnostic
        const actions = context.markers
          .flatMap((marker) => {
            const d = diagnosticForMarker(entry.diagnostics, marker)
            if (d?.fix === undefined) return []
            return [{
              title: d.fix.title,
              kind: 'quickfix',
              diagnostics: [marker],
              isPreferred: true,
              edit: {
                edits: d.fix.edits.map((e) => ({
                  resource: model.uri,
                  versionId: model.getVersionId(),
                  textEdit: { range: toMonacoRange(e.range), text: e.text },
                })),
              },
            }]
          })
        return { actions, dispose: () => undefined }
      },
    }, { providedCodeActionKinds: ['quickfix'] })
  }
}
