/** Where a problem is in a lesson file (1-based, as editors count). */
export type SourcePosition = { line: number; column: number }

export type LessonProblem = { path: string; position: SourcePosition; message: string }

/** `content/lessons/01-x/index.mdx:12:3: <what is wrong>. <what to do>` — editors make the prefix a link. */
export function formatProblem({ path, position, message }: LessonProblem): string {
  return `${path}:${position.line}:${position.column}: ${message}`
}

/**
 * Thrown by the content loader. The message starts with the first problem's `path:line:col`,
 * followed by any further problems one per line, so a failing `next build` points at the file.
 */
export class LessonError extends Error {
  readonly problems: readonly LessonProblem[]

  constructor(problems: readonly LessonProblem[]) {
    super(problems.map(formatProblem).join('\n'))
    this.name = 'LessonError'
    this.problems = problems
  }
}

export const START: SourcePosition = { line: 1, column: 1 }

/** Sort problems by file, then line, then column, so the first one in a file is reported first. */
export function sortProblems(problems: readonly LessonProblem[]): LessonProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.path.localeCompare(b.path) || a.position.line - b.position.line || a.position.column - b.position.column,
  )
}
