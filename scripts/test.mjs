// `npm test`: type check, unit + architecture tests (vitest, then its build tests), the Playwright
// e2e suite against a production build in Debian's Chromium, then the dev suite (hot reload).
// Prints one closing line `N passed, N failed` (also written to test-results/summary.txt so
// .ci/run can repeat it as its last line).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { ensureBuild } from './ensure-build.mjs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  console.error(`wirelab: Chromium not found at ${chromium} — install it with \`apt-get install -y chromium\` (Debian) or set CHROMIUM_PATH.`)
  process.exit(1)
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.CI ? '0' : '1' }
const run = (cmd, args, extraEnv = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } }).status ?? 1
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

rmSync('test-results', { recursive: true, force: true })
mkdirSync('test-results', { recursive: true })
let passed = 0
let failed = 0
let skipped = 0
const steps = []
const step = (name, ok) => {
  steps.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
  ok ? passed++ : failed++
}

// 1. Type check (route types first: next typegen).
step('type check (next typegen && tsc --noEmit)', run('node_modules/.bin/next', ['typegen']) === 0 && run('node_modules/.bin/tsc', ['--noEmit']) === 0)

// 2. Unit, component, architecture, broker conformance and interop tests.
const vitestCode = run('node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'])
const v = readJson('test-results/vitest.json')
if (v) {
  passed += v.numPassedTests
  failed += v.numFailedTests
  skipped += v.numPendingTests + (v.numTodoTests ?? 0)
  if (vitestCode !== 0 && v.numFailedTests === 0) step('vitest (suite failed to load or run)', false)
} else step('vitest (no report written)', false)

// 3. e2e against a production build, then 4. the dev suite (hot reload through the custom
// server, playwright.dev.config.ts). Both reports count in the closing line.
const playwright = (name, args, report) => {
  const code = run('node_modules/.bin/playwright', ['test', ...args, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report })
  const p = readJson(report)
  if (p?.stats) {
    passed += p.stats.expected + (p.stats.flaky ?? 0)
    failed += p.stats.unexpected
    skipped += p.stats.skipped
    if (code !== 0 && p.stats.unexpected === 0) step(`${name} (run failed)`, false)
  } else step(`${name} (no report written)`, false)
}
if (ensureBuild()) playwright('playwright', [], 'test-results/playwright.json')
else step('next build', false)
playwright('playwright dev (hot reload)', ['-c', 'playwright.dev.config.ts'], 'test-results/playwright-dev.json')

console.log('\n' + steps.join('\n'))
const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
writeFileSync('test-results/summary.txt', summary + '\n')
console.log(summary)
process.exit(failed === 0 ? 0 : 1)
