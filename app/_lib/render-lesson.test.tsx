import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { mdxComponents } from '@/components/mdx/registry'
import { loadCourse } from './load-course'
import { compileLesson } from './render-lesson'

async function render(source: string): Promise<string> {
  const Content = await compileLesson({ source, path: 'content/lessons/99-test/index.mdx' })
  return renderToStaticMarkup(<Content components={mdxComponents} />)
}

const front = '---\ntitle: T\nsummary: S\npart: P\n---\n\n'

describe('lesson rendering (build time)', () => {
  it('highlights code as token spans, with a language label and a copy button', async () => {
    const html = await render(`${front}\`\`\`http\nGET /hello HTTP/1.1\nHost: localhost\n\`\`\`\n`)
    expect(html).toContain('<span class="hljs-keyword">GET</span>')
    expect(html).toContain('<span class="hljs-attribute">Host</span>')
    expect(html).toMatch(/data-language="http"[^>]*>HTTP</)
    expect(html).toMatch(/<button[^>]*>Copy<span class="visually-hidden"> code<\/span><\/button>/)
  })

  it('leaves text blocks unhighlighted but labelled', async () => {
    const html = await render(`${front}\`\`\`text\nGET / HTTP/1.1\\r\\n\n\`\`\`\n`)
    expect(html).not.toContain('hljs-')
    expect(html).toMatch(/data-language="text"[^>]*>Text</)
  })

  it('gives headings ids with a self link, and keeps the front matter out of the page', async () => {
    const html = await render(`${front}## Keep-alive, explained\n\nText.\n`)
    expect(html).toContain('<h2 id="keep-alive-explained"')
    expect(html).toContain('href="#keep-alive-explained"')
    expect(html).not.toContain('title: T')
  })

  it('renders a misconception callout with its kind in words, and GFM tables in a scroll box', async () => {
    const html = await render(`${front}<Callout type="misconception" title="One handshake per request">\nNo.\n</Callout>\n\n| a | b |\n| - | - |\n| 1 | 2 |\n`)
    expect(html).toMatch(/role="note"[^>]*data-callout="misconception"/)
    expect(html).toContain('Common misconception')
    expect(html).toContain('One handshake per request')
    expect(html).toMatch(/role="region" aria-label="Table"><table/)
  })

  it('renders a Figure as figure + img with alt + figcaption, or around children', async () => {
    const html = await render(`${front}<Figure src="/diagram.svg" alt="A request and its response" caption="One exchange" />\n\n<Figure caption="Bytes">\n\n\`\`\`text\nGET /\n\`\`\`\n\n</Figure>\n`)
    expect(html).toContain('<img src="/diagram.svg" alt="A request and its response" loading="lazy"')
    expect(html).toMatch(/<figcaption[^>]*>One exchange<\/figcaption>/)
    expect(html).toMatch(/<figure[^>]*><div[^>]*data-code-block=""[\s\S]*<figcaption[^>]*>Bytes<\/figcaption><\/figure>/)
  })

  it('external links open in a new tab with rel=noopener'
, async () => {
    const html = await render(`${front}See [RFC 9112](https://www.rfc-editor.org/rfc/rfc9112).\n`)
    expect(html).toContain('href="https://www.rfc-editor.org/rfc/rfc9112" target="_blank" rel="noopener noreferrer"')
  })

  it('every lesson in content/ compiles and renders', async () => {
    for (const lesson of loadCourse().lessons) {
      const html = await render(lesson.source)
      expect(html.length, lesson.path).toBeGreaterThan(1000)
    }
  })
})
