import { createLowlight } from 'lowlight'
import { describe, expect, it } from 'vitest'
import { codeLanguages } from '@/components/mdx/code-languages'
import { highlightOptions } from './highlight'

describe('build-time highlighting', () => {
  const lowlight = createLowlight(highlightOptions.languages)
  lowlight.registerAlias(highlightOptions.aliases)

  it('has a grammar for every language a lesson may mark as highlighted', () => {
    const highlighted = Object.entries(codeLanguages).filter(([, info]) => info.highlight).map(([name]) => name)
    expect(highlighted.filter((name) => !lowlight.registered(name))).toEqual([])
  })

  it('turns an HTTP request into token spans', () => {
    const tree = lowlight.highlight('http', 'GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n')
    const classes = JSON.stringify(tree).match(/hljs-[a-z]+/g) ?? []
    expect(classes).toEqual(expect.arrayContaining(['hljs-keyword', 'hljs-attribute']))
  })
})
