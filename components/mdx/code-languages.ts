/**
 * The languages a lesson's fenced code block may name (```http …). The validator accepts only
 * these names; the code block shows `label`; `highlight: false` means shown as plain text.
 * app/_lib/highlight.ts registers a grammar for every language with `highlight: true`.
 */
export const codeLanguages = {
  http: { label: 'HTTP', highlight: true },
  javascript: { label: 'JavaScript', highlight: true },
  js: { label: 'JavaScript', highlight: true },
  typescript: { label: 'TypeScript', highlight: true },
  ts: { label: 'TypeScript', highlight: true },
  bash: { label: 'Shell', highlight: true },
  sh: { label: 'Shell', highlight: true },
  shell: { label: 'Shell session', highlight: true },
  json: { label: 'JSON', highlight: true },
  text: { label: 'Text', highlight: false },
} as const satisfies Record<string, { label: string; highlight: boolean }>

export type CodeLanguage = keyof typeof codeLanguages

export function isCodeLanguage(name: string): name is CodeLanguage {
  return Object.hasOwn(codeLanguages, name)
}

/** The language of a `<code>` element from its class list (`hljs language-http`), if any. */
export function languageFromClassName(className: string | undefined): CodeLanguage | undefined {
  const match = /(?:^|\s)language-([\w-]+)/.exec(className ?? '')
  return match && isCodeLanguage(match[1]) ? match[1] : undefined
}
