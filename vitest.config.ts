import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['{app,components,lib,server,scripts,bench}/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['node_modules', '.next', 'e2e'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
