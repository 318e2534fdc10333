import { defineConfig } from '@playwright/test'
import prod from './playwright.config'

/**
 * The dev suite (`npm test` runs it after the production one): Chromium against the custom
 * server in development (`npm run dev`: NODE_ENV=development node --import tsx server/main.ts, Turbopack, hot reload) on a
 * port of its own. Its tests live in e2e/dev/. Only one dev server may run per checkout (Next
 * locks .next/dev), so stop `npm run dev` in this tree before running it.
 */
const PORT = Number(process.env.E2E_DEV_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1)
const BASE_URL = `http://127.0.0.1:${PORT}`

export default defineConfig({
  ...prod,
  testDir: 'e2e/dev',
  testIgnore: [],
  outputDir: 'test-results/e2e-dev',
  workers: 1,
  timeout: 240_000,
  globalSetup: './e2e/dev/restore-probe.ts',
  globalTeardown: './e2e/dev/restore-probe.ts',
  use: { ...prod.use, baseURL: BASE_URL },
  webServer: {
    command: 'node --import tsx server/main.ts',
    env: { NODE_ENV: 'development', PORT: String(PORT), HOST: '127.0.0.1', STOMP_TCP_PORT: 'off', LOG_LEVEL: 'warn' },
    // The probe page: Playwright waits until it answers, i.e. until its first dev compile is done.
    url: `${BASE_URL}/dev/hmr`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
