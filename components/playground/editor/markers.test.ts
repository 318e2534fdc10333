import { describe, expect, it } from 'vitest'
import { lintFrames } from '@/lib/stomp/linter'
import { countProblems, diagnosticForMarker, toMarkers } from './markers'
import { decorationSpecs } from './decorations'

describe('frame editor markers', () => {
  it('checklist 5: SUBCRIBE becomes an error marker whose message teaches and whose fix is found again from the marker', () => {
    const ds = lintFrames('SUBCRIBE\nid:0\ndestination:/q\n\n^@', { version: '1.2', role: 'client' })
    const [m] = toMarkers(ds, '1.2')
    expect(m).toMatchObject({ severity: 8, source: 'STOMP 1.2', startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 9 })
    expect(m.message.split('\n')[0]).toBe('Unknown command: "SUBCRIBE"')
    expect(m.message).toContain('did you mean SUBSCRIBE?')
    expect(m.code).toMatch(/^STOMP_ERR_BAD_COMMAND · checklist /)
    expect(diagnosticForMarker(ds, m)?.fix?.title).toBe('Change to SUBSCRIBE')
  })

  it('checklist 24: warnings and notes map to Monaco severities; counts per severity', () => {
    const ds = lintFrames('CONNECT\naccept-version:1.2\n\n^@\nSEND\ndestination:/q\nx:1\nx:2\n\n^@', { version: '1.2', role: 'client' })
    expect(toMarkers(ds, '1.2').map((m) => m.severity).sort()).toEqual([2, 4])
    expect(countProblems(ds)).toEqual({ errors: 0, warnings: 1, infos: 1 })
  })

  it('a marker that matches no diagnostic (other line or text) finds none', () => {
    const ds = lintFrames('FOO\n\n^@', { version: '1.2', role: 'client' })
    expect(diagnosticForMarker(ds, { message: 'x', startLineNumber: 1, startColumn: 1 })).toBeUndefined()
  })
})

describe('frame editor decorations', () => {
  it('checklist 1: every ^@ gets a badge, and the frame Ctrl+Enter would send gets the gutter bar', () => {
    const doc = 'SUBSCRIBE\nid:0\ndestination:/q\n\n^@\nDISCONNECT\n\n^@  '
    expect(decorationSpecs(doc, 7, '1.2')).toEqual([
      { kind: 'terminator', range: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 3 } },
      { kind: 'terminator', range: { startLine: 8, startColumn: 1, endLine: 8, endColumn: 3 } },
      { kind: 'current-frame', range: { startLine: 6, startColumn: 1, endLine: 8, endColumn: 1 } },
    ])
    expect(decorationSpecs('', 1, '1.2')).toEqual([])
  })
})
