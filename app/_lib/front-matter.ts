import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'
import type { LessonProblem, SourcePosition } from './lesson-error'

export type FrontMatter = {
  /** The lesson's name: its page heading, its link text in the course map and the sidebar. */
  title: string
  /** One line saying what the learner gets out of it, shown in the course map. */
  summary: string
  /** The part of the course the lesson belongs to; consecutive lessons share a part. */
  part: string
  /**
   * The lesson's exercises, by id (lib/exercises/registry.ts), in the order the lesson places
   * them with `<Exercise id>`. The lesson is done when all of them are. Empty when none.
   */
  exercises: readonly string[]
  /** Where each field's value starts in the lesson file, for later error messages. */
  positions: Readonly<Record<RequiredKey | 'exercises', SourcePosition>>
}

const REQUIRED = {
  title: 'the lesson name, e.g. `title: "How HTTP talks"`',
  summary: 'one line for the course map, e.g. `summary: What a request and a response look like on the wire.`',
  part: 'the part of the course, e.g. `part: The web\'s request/response roots`',
} as const
type RequiredKey = keyof typeof REQUIRED
const OPTIONAL = ['exercises'] as const
const ALLOWED: readonly string[] = [...Object.keys(REQUIRED), ...OPTIONAL]

type Result = { frontMatter?: FrontMatter; problems: LessonProblem[] }

/**
 * Validates the YAML between the opening `---` lines. `yaml` is the node's text, `startLine`
 * the line of the opening `---` (so the YAML's own line 1 is startLine + 1).
 */
export function parseFrontMatter(path: string, yaml: string, startLine: number): Result {
  const problems: LessonProblem[] = []
  const lineCounter = new LineCounter()
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: true, uniqueKeys: true })
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset)
    return { line: startLine + line, column: col }
  }
  const report = (position: SourcePosition, message: string) => problems.push({ path, position, message })
  const fenceStart = { line: startLine, column: 1 }

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
      report(at(error.pos[0]), `front matter is not valid YAML: ${reason}. Quote values that contain ": " or start with a special character, e.g. title: "How HTTP talks: request and response"`)
    }
    return { problems }
  }
  if (!isMap(doc.contents)) {
    report(fenceStart, `front matter must be key: value lines (${Object.keys(REQUIRED).join(', ')})`)
    return { problems }
  }

  const values = new Map<string, { value: unknown; position: SourcePosition; keyPosition: SourcePosition }>()
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
    const keyPosition = isScalar(pair.key) && pair.key.range ? at(pair.key.range[0]) : fenceStart
    if (!ALLOWED.includes(key)) {
      report(keyPosition, `unknown front-matter key \`${key}\`: allowed keys are ${ALLOWED.join(', ')}. Check the spelling or remove it`)
      continue
    }
    const node = pair.value
    const position = node && (isScalar(node) || isSeq(node) || isMap(node)) && node.range ? at(node.range[0]) : keyPosition
    const value = isScalar(node) ? node.value : isSeq(node) ? node.toJSON() : node === null ? null : (node?.toJSON() ?? null)
    values.set(key, { value, position, keyPosition })
  }

  const strings: Partial<Record<RequiredKey, string>> = {}
  for (const key of Object.keys(REQUIRED) as RequiredKey[]) {
    const entry = values.get(key)
    if (!entry) {
      report(fenceStart, `front matter is missing \`${key}\`: add ${REQUIRED[key]}`)
      continue
    }
    if (typeof entry.value !== 'string' || entry.value.trim() === '') {
      report(entry.keyPosition, `front-matter \`${key}\` is empty: give ${REQUIRED[key]}`)
      continue
    }
    if (key === 'summary' && /[\r\n]/.test(entry.value.trim())) {
      report(entry.position, 'front-matter `summary` must be one line: shorten it to a single sentence on one line')
      continue
    }
    strings[key] = entry.value.trim()
  }

  const exercises = values.get('exercises')
  const exerciseIds: string[] = []
  if (exercises && (!Array.isArray(exercises.value) || !exercises.value.every((v) => typeof v === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v)))) {
    report(exercises.keyPosition, 'front-matter `exercises` must be a list of exercise ids, e.g. `exercises: [http-raw-request]` (kebab-case ids of lib/exercises/registry.ts), or left out')
  } else if (exercises) {
    exerciseIds.push(...(exercises.value as string[]))
  }

  if (problems.length > 0 || !strings.title || !strings.summary || !strings.part) return { problems }
  return {
    problems,
    frontMatter: {
      title: strings.title,
      summary: strings.summary,
      part: strings.part,
      exercises: exerciseIds,
      positions: {
        title: values.get('title')!.position,
        summary: values.get('summary')!.position,
        part: values.get('part')!.position,
        exercises: exercises?.position ?? fenceStart,
      },
    },
  }
}
