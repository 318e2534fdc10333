import { all, common } from 'lowlight'
import type { Options as HighlightOptions } from 'rehype-highlight'
import { codeLanguages } from '@/components/mdx/code-languages'

/**
 * Build-time syntax highlighting (rehype-highlight): a grammar for every highlighted language
 * of components/mdx/code-languages.ts, nothing else (highlight.test.ts checks they match).
 */
export const highlightOptions = {
  languages: {
    http: all.http, // not in lowlight's common set
    javascript: common.javascript,
    typescript: common.typescript,
    bash: common.bash,
    shell: common.shell,
    json: common.json,
  },
  aliases: { javascript: ['js'], typescript: ['ts'], bash: ['sh'] },
  plainText: Object.entries(codeLanguages)
    .filter(([, info]) => !info.highlight)
    .map(([name]) => name),
  detect: false,
} satisfies HighlightOptions
