import { defineConfig, devices } from '@playwright/test'

/**
 * Black-box e2e: Debian's Chromium against the production custom server (run `next build`
 * first; `npm test` does). No browser download: CHROMIUM_PATH or /usr/bin/chromium.
 */

// Playwright's own --disable-features list (playwright-core 1.65.1 chromiumSwitches). A user
// --disable-features REPLACES Playwright's (Chromium keeps the last one), so repeat it and add
// ours. Re-check the list when upgrading Playwright. See toolchain-notes §4.
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
]

// E2E_PORT lets two suites run side by side on one machine (the default is 3100).
const PORT = Number(process.env.E2E_PORT ?? 3100)
const BASE_URL = `http://127.0.0.1:${PORT}`

export default defineConfig({
  testDir: 'e2e',
  // e2e/dev/ runs against the dev server: playwright.dev.config.ts
  testIgnore: ['dev/**'],
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Stop the browser phoning home (autofill, component updater, Google accounts).
      args: [
        `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, 'AutofillServerCommunication'].join(',')}`,
        '--component-updater=url-source=http://127.0.0.1:9/',
        '--gaia-url=http://127.0.0.1:9/',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node --import tsx server/main.ts',
    env: { NODE_ENV: 'production', PORT: String(PORT), HOST: '127.0.0.1', STOMP_TCP_PORT: 'off' },
    url: `${BASE_URL}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
