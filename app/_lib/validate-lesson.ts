import type { Root, RootContent } from 'mdast'
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { codeLanguages, isCodeLanguage } from '@/components/mdx/code-languages'
import { mdxTagAttributes, mdxTagNames } from '@/components/mdx/registry'
import { parseFrontMatter, type FrontMatter } from './front-matter'
import { START, sortProblems, type LessonProblem, type SourcePosition } from './lesson-error'

export type ValidatedLesson = { frontMatter?: FrontMatter; problems: LessonProblem[] }

type Node = Root | RootContent
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx)

const componentTags = () => [...mdxTagNames].filter((name) => /^[A-Z]/.test(name)).join(', ')
const languageList = () => Object.keys(codeLanguages).join(', ')

/**
 * Checks one lesson file: front matter, and that the body uses only the MDX registry's
 * vocabulary (no import/export, no unknown JSX tag or attribute, no JavaScript expressions,
 * known code languages, headings h2–h4). Pure: the same input gives the same problems.
 */
export function validateLesson(path: string, source: string): ValidatedLesson {
  let tree: Root
  try {
    tree = parser.parse(source)
  } catch (error) {
    return { problems: [syntaxProblem(path, error)] }
  }

  const problems: LessonProblem[] = []
  const report = (position: SourcePosition, message: string) => problems.push({ path, position, message })

  const first = tree.children[0]
  let frontMatter: FrontMatter | undefined
  if (first?.type !== 'yaml') {
    report(START, 'missing front matter: start the file with a `---` block holding title, summary and part (see content/lessons/01-how-http-talks/index.mdx)')
  } else {
    const result = parseFrontMatter(path, first.value, first.position?.start.line ?? 1)
    problems.push(...result.problems)
    frontMatter = result.frontMatter
  }

  walk(tree, (node) => checkNode(node, report))
  return { frontMatter, problems: sortProblems(problems) }
}

function walk(node: Node, visit: (node: Node) => void) {
  visit(node)
  if ('children' in node) for (const child of node.children) walk(child, visit)
}

function positionOf(node: { position?: { start: { line: number; column: number } } }): SourcePosition {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : START
}

function checkNode(node: Node, report: (position: SourcePosition, message: string) => void) {
  const at = positionOf(node)
  switch (node.type) {
    case 'mdxjsEsm':
      report(at, `\`${node.value.trim().split(/\s+/)[0]}\` statements are not allowed: a lesson imports nothing. Use a tag of the MDX registry (${componentTags()}), or add the component to components/mdx/registry.ts`)
      return
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkJsx(node, at, report)
      return
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (!isComment(node.value)) {
        report(at, `JavaScript expressions ({…}) are not allowed in a lesson. For a literal brace write \\{ ; for a comment write {/* … */}`)
      }
      return
    case 'code':
      if (!node.lang) report(at, `code block without a language: write \`\`\`http, \`\`\`text … (one of ${languageList()})`)
      else if (!isCodeLanguage(node.lang)) report(at, `unknown code language \`${node.lang}\`: use one of ${languageList()}, or add it to components/mdx/code-languages.ts`)
      return
    case 'heading':
      if (node.depth === 1) report(at, 'a `#` heading is not allowed: the page shows the front-matter title as the only h1. Start sections at `##`')
      else if (node.depth > 4) report(at, `a level-${node.depth} heading is not in the registry: use \`##\`, \`###\` or \`####\``)
      return
    case 'image':
      if (!node.alt?.trim()) report(at, 'image without alt text: describe it, ![what it shows](src), or use <Figure src alt caption />')
      return
    default:
      return
  }
}

function checkJsx(node: JsxElement, at: SourcePosition, report: (position: SourcePosition, message: string) => void) {
  if (node.name === null) {
    report(at, 'JSX fragments (<>…</>) are not allowed: write the content directly')
    return
  }
  if (!mdxTagNames.has(node.name)) {
    report(at, `unknown tag <${node.name}>: lessons may only use the tags of the MDX registry (${componentTags()}, and the Markdown elements). Fix the name, or add the component to components/mdx/registry.ts`)
    return
  }
  const rule = mdxTagAttributes[node.name]
  if (!rule) return
  const given = new Map<string, MdxJsxAttribute>()
  for (const attribute of node.attributes) {
    if (isSpread(attribute)) {
      report(positionOf(attribute), `spread attributes ({...}) are not allowed on <${node.name}>: write each attribute`)
      continue
    }
    const where = attribute.position ? positionOf(attribute) : at
    if (!rule.allowed.includes(attribute.name)) {
      report(where, `<${node.name}> has no attribute \`${attribute.name}\`: use ${rule.allowed.join(', ')}`)
      continue
    }
    given.set(attribute.name, attribute)
    const allowedValues = rule.values?.[attribute.name]
    if (allowedValues && (typeof attribute.value !== 'string' || !allowedValues.includes(attribute.value))) {
      const shown = typeof attribute.value === 'string' ? `"${attribute.value}"` : 'an expression'
      report(where, `<${node.name} ${attribute.name}=${shown}> is not one of ${allowedValues.map((v) => `"${v}"`).join(', ')}: use one of those`)
    }
  }
  for (const [attribute, needed] of Object.entries(rule.requires ?? {})) {
    if (given.has(attribute) && !given.has(needed)) {
      report(at, `<${node.name} ${attribute}> needs \`${needed}\` too: add ${needed}="…" (describe the image for people who cannot see it)`)
    }
  }
}

function isSpread(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute): attribute is MdxJsxExpressionAttribute {
  return attribute.type === 'mdxJsxExpressionAttribute'
}

function isComment(expression: string): boolean {
  const trimmed = expression.trim()
  return trimmed === '' || /^\/\*[\s\S]*\*\/$/.test(trimmed)
}

function syntaxProblem(path: string, error: unknown): LessonProblem {
  const message = error instanceof Error ? error.message : String(error)
  const place = error as { line?: number; column?: number; reason?: string }
  const reason = (place.reason ?? message).replace(/\.$/, '')
  // Some micromark errors carry their place only in the text: "… `<Callout>` (9:1-9:10)".
  const inText = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason)
  const position =
    typeof place.line === 'number'
      ? { line: place.line, column: place.column ?? 1 }
      : inText
        ? { line: Number(inText[1]), column: Number(inText[2]) }
        : START
  return {
    path,
    position,
    message: `MDX syntax error: ${reason}. In lesson text, \`<\` and \`{\` start JSX: write \\< or \\{ for the characters themselves, and close every tag`,
  }
}
