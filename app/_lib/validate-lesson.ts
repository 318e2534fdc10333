import type { Root, RootContent } from 'mdast'
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { codeLanguages, isCodeLanguage } from '@/components/mdx/code-languages'
import { mdxTagAttributes, mdxTagNames } from '@/components/mdx/registry'
import { findExercise } from '@/lib/exercises/registry'
import { findTerm } from '@/lib/glossary/terms'
import { parseFrontMatter, type FrontMatter } from './front-matter'
import { START, sortProblems, type LessonProblem, type SourcePosition } from './lesson-error'

export type ValidatedLesson = { frontMatter?: FrontMatter; problems: LessonProblem[] }

type Node = Root | RootContent
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement
type Report = (position: SourcePosition, message: string) => void
/** What the walk collects for the checks over the whole file. */
type Seen = { exercises: { id: string; at: SourcePosition }[]; frame: Record<'YouWillLearn' | 'Recap', SourcePosition[]> }

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

  const seen: Seen = { exercises: [], frame: { YouWillLearn: [], Recap: [] } }
  walk(tree, (node) => checkNode(node, report, seen))
  checkFrame(seen, endOf(source), report)
  if (frontMatter) checkExercises(frontMatter, seen, report)
  return { frontMatter, problems: sortProblems(problems) }
}

/** The line after the last one: where a missing closing part of the lesson would go. */
function endOf(source: string): SourcePosition {
  return { line: source.split('\n').length, column: 1 }
}

/** Every lesson opens with <YouWillLearn> and closes with <Recap>, once each. */
function checkFrame(seen: Seen, end: SourcePosition, report: Report) {
  const what = { YouWillLearn: 'what the learner will get out of the lesson, near the top', Recap: 'what to keep, at the end' } as const
  for (const tag of ['YouWillLearn', 'Recap'] as const) {
    const found = seen.frame[tag]
    if (found.length === 0) report(end, `missing <${tag}>: every lesson has one, with ${what[tag]} as a list (see content/lessons/README.md)`)
    for (const extra of found.slice(1)) report(extra, `<${tag}> appears more than once: keep one`)
  }
}

/** The front matter's `exercises` and the <Exercise id> tags name the same exercises, each once. */
function checkExercises(frontMatter: FrontMatter, seen: Seen, report: Report) {
  const listed = frontMatter.exercises
  const placed = seen.exercises
  for (const id of listed) {
    if (!placed.some((p) => p.id === id)) report(frontMatter.positions.exercises, `exercise \`${id}\` is listed in the front matter but not placed: add <Exercise id="${id}" /> where the learner should do it`)
  }
  const counted = new Set<string>()
  for (const { id, at } of placed) {
    if (counted.has(id)) report(at, `<Exercise id="${id}"> is placed twice: keep one`)
    counted.add(id)
    if (!listed.includes(id) && findExercise(id)) report(at, `<Exercise id="${id}"> is not listed in the front matter: add it to \`exercises:\` (the course map counts the lesson done when all of them are)`)
  }
}

function walk(node: Node, visit: (node: Node) => void) {
  visit(node)
  if ('children' in node) for (const child of node.children) walk(child, visit)
}

function positionOf(node: { position?: { start: { line: number; column: number } } }): SourcePosition {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : START
}

function checkNode(node: Node, report: Report, seen: Seen) {
  const at = positionOf(node)
  switch (node.type) {
    case 'mdxjsEsm':
      report(at, `\`${node.value.trim().split(/\s+/)[0]}\` statements are not allowed: a lesson imports nothing. Use a tag of the MDX registry (${componentTags()}), or add the component to components/mdx/registry.ts`)
      return
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkJsx(node, at, report, seen)
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

function checkJsx(node: JsxElement, at: SourcePosition, report: Report, seen: Seen) {
  if (node.name === null) {
    report(at, 'JSX fragments (<>…</>) are not allowed: write the content directly')
    return
  }
  if (!mdxTagNames.has(node.name)) {
    report(at, `unknown tag <${node.name}>: lessons may only use the tags of the MDX registry (${componentTags()}, and the Markdown elements). Fix the name, or add the component to components/mdx/registry.ts`)
    return
  }
  if (node.name === 'YouWillLearn' || node.name === 'Recap') seen.frame[node.name].push(at)
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
  for (const attribute of rule.required ?? []) {
    if (!given.has(attribute)) report(at, `<${node.name}> needs \`${attribute}\`: write <${node.name} ${attribute}="…">`)
  }
  checkIds(node.name, given, at, report, seen)
  for (const [attribute, needed] of Object.entries(rule.requires ?? {})) {
    if (given.has(attribute) && !given.has(needed)) {
      report(at, `<${node.name} ${attribute}> needs \`${needed}\` too: add ${needed}="…" (describe the image for people who cannot see it)`)
    }
  }
}

/** Ids that refer to the exercise registry and the glossary must exist there. */
function checkIds(tag: string, given: ReadonlyMap<string, MdxJsxAttribute>, at: SourcePosition, report: Report, seen: Seen) {
  const attribute = given.get('id')
  if (!attribute || (tag !== 'Exercise' && tag !== 'Term')) return
  const where = attribute.position ? positionOf(attribute) : at
  if (typeof attribute.value !== 'string') {
    report(where, `<${tag} id> must be a plain string: id="…"`)
    return
  }
  const id = attribute.value
  if (tag === 'Exercise') {
    seen.exercises.push({ id, at })
    if (!findExercise(id)) report(where, `<Exercise id="${id}">: no exercise has that id. Define it in lib/exercises/ and add it to lib/exercises/registry.ts, or fix the spelling`)
  } else if (!findTerm(id)) {
    report(where, `<Term id="${id}">: the glossary has no such term. Add it to lib/glossary/terms.ts, or use one of its ids`)
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
