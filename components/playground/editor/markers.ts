/**
 * The linter's diagnostics as Monaco markers (squiggles whose hover teaches: the one-line message,
 * then the detail the broker's ERROR body would carry), and back: which diagnostic a marker came
 * from, to offer its quick fix. No monaco import: unit-testable as plain data.
 */
import type { Diagnostic, Severity } from '@/lib/stomp/lint-types'
import type { StompVersion } from '@/lib/stomp/frame'

/** monaco.MarkerSeverity values. */
export const MARKER_SEVERITY: Readonly<Record<Severity, number>> = { error: 8, warning: 4, info: 2 }

export interface MarkerData {
  readonly severity: number
  readonly message: string
  readonly source: string
  readonly code: string
  readonly startLineNumber: number
  readonly startColumn: number
  readonly endLineNumber: number
  readonly endColumn: number
}

export function diagnosticMessage(d: Diagnostic): string {
  return d.detail === undefined || d.detail === '' ? d.message : `${d.message}\n\n${d.detail}`
}

export function toMarkers(diagnostics: readonly Diagnostic[], version: StompVersion): MarkerData[] {
  return diagnostics.map((d) => ({
    severity: MARKER_SEVERITY[d.severity],
    message: diagnosticMessage(d),
    source: `STOMP ${version}`,
    code: d.checklist.length > 0 ? `${d.code} · checklist ${d.checklist.join(', ')}` : d.code,
    startLineNumber: d.range.startLine,
    startColumn: d.range.startColumn,
    endLineNumber: d.range.endLine,
    endColumn: d.range.endColumn,
  }))
}

type MarkerLike = Pick<MarkerData, 'message' | 'startLineNumber' | 'startColumn'>

/** The diagnostic a marker was made from (same start and message). */
export function diagnosticForMarker(diagnostics: readonly Diagnostic[], marker: MarkerLike): Diagnostic | undefined {
  return diagnostics.find((d) => d.range.startLine === marker.startLineNumber && d.range.startColumn === marker.startColumn && diagnosticMessage(d) === marker.message)
}

export interface ProblemCounts {
  readonly errors: number
  readonly warnings: number
  readonly infos: number
}

export function countProblems(diagnostics: readonly Diagnostic[]): ProblemCounts {
  let errors = 0
  let warnings = 0
  let infos = 0
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++
    else if (d.severity === 'warning') warnings++
    else infos++
  }
  return { errors, warnings, infos }
}
