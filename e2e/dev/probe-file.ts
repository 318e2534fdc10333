/**
 * The hot-reload probe's source (app/dev/hmr/HmrProbe.tsx): the one line the HMR test rewrites,
 * and how it is put back. `restoreProbe` is idempotent and also runs before and after the dev
 * suite (playwright.dev.config.ts), so even a run killed mid-test cannot leave the tree modified.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const PROBE_FILE = join(import.meta.dirname, '../../app/dev/hmr/HmrProbe.tsx')
export const ORIGINAL_TEXT = 'original'
const LINE = /^const PROBE_TEXT = '[^'\n]*'$/m

export function probeLine(text: string): string {
  return `const PROBE_TEXT = '${text}'`
}

/** Rewrite the probe's text; throws if the file no longer has the line the test edits. */
export function setProbeText(text: string): void {
  const source = readFileSync(PROBE_FILE, 'utf8')
  if (!LINE.test(source)) throw new Error(`${PROBE_FILE} has no line matching ${LINE}: update e2e/dev/probe-file.ts`)
  writeFileSync(PROBE_FILE, source.replace(LINE, probeLine(text)))
}

/** Put the original text back (only writes when something else is there). */
export function restoreProbe(): void {
  const source = readFileSync(PROBE_FILE, 'utf8')
  const restored = source.replace(LINE, probeLine(ORIGINAL_TEXT))
  if (restored !== source) writeFileSync(PROBE_FILE, restored)
}
