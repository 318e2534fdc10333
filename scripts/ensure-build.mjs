// Runs `next build` unless .next already holds a build of exactly these sources.
import { spawnSync } from 'node:child_process'
import { buildIsCurrent, recordBuild } from './build-fingerprint.mjs'

export function ensureBuild({ quiet = false } = {}) {
  if (buildIsCurrent()) {
    if (!quiet) console.log('wirelab: production build is current, skipping `next build`')
    return true
  }
  console.log('wirelab: building the site (`next build`, about 35 s on a 2-core machine)…')
  const r = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  if (r.status !== 0) return false
  recordBuild()
  return true
}
