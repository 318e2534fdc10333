import { evaluate } from '@mdx-js/mdx'
import type { MDXContent } from 'mdx/types'
import * as runtime from 'react/jsx-runtime'
import rehypeHighlight from 'rehype-highlight'
import rehypeSlug from 'rehype-slug'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import { mdxComponents } from '@/components/mdx/registry'
import type { Lesson } from './course'
import { highlightOptions } from './highlight'

/**
 * Compiles a validated lesson's MDX on the server at build time: GFM tables, heading ids, and
 * syntax highlighting as plain spans, so no highlighting code ships to the browser.
 */
export async function compileLesson(lesson: Pick<Lesson, 'source' | 'path'>): Promise<MDXContent> {
  const { default: Content } = await evaluate(
    { value: lesson.source, path: lesson.path },
    {
      ...(runtime as Parameters<typeof evaluate>[1]),
      remarkPlugins: [[remarkFrontmatter, ['yaml']], remarkGfm],
      rehypePlugins: [rehypeSlug, [rehypeHighlight, highlightOptions]],
    },
  )
  return Content
}

/** The lesson body rendered through the MDX registry, the only vocabulary a lesson may use. */
export async function LessonBody({ lesson }: { lesson: Pick<Lesson, 'source' | 'path'> }) {
  const Content = await compileLesson(lesson)
  return <Content components={mdxComponents} />
}
