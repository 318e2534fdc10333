/**
 * Where in the learner's code an exception happened. The sandbox runs the code as the body of an
 * AsyncFunction; V8 reports positions in that function's source as `<anonymous>:LINE:COL`, whose
 * first two lines are the generated `async function anonymous(…\n) {` header.
 */
export const BODY_LINE_OFFSET = 2

/** The learner's 1-based line of the first `<anonymous>:L:C` frame of a stack, or undefined. */
export function learnerLine(stack: string | undefined, lineCount: number): number | undefined {
  if (!stack) return undefined
  for (const m of stack.matchAll(/<anonymous>:(\d+):(\d+)/g)) {
    const line = Number(m[1]) - BODY_LINE_OFFSET
    if (line >= 1 && line <= lineCount) return line
  }
  return undefined
}
